"""`python -m knowledge build --check` guards the committed YAML."""

from __future__ import annotations

import shutil
import subprocess
import sys

from knowledge import load
from knowledge.build import build, main
from knowledge.intent import Model
from knowledge.load import DATA_DIR, INTENT_NAME, WORK_NAME


class TestBuildCheck:
    """The committed knowledge base is exactly what the seeds build into."""

    def test_committed_files_are_up_to_date(self):
        """--check passes on the committed files."""
        assert main(["build", "--check"]) == 0

    def test_check_names_a_stale_file(self, tmp_path, capsys):
        """A hand edit in data/ makes --check exit 1 naming the file."""
        out = tmp_path / "data"
        shutil.copytree(DATA_DIR, out)
        path = out / "mlops-engineer.yaml"
        path.write_text(path.read_text().replace("145,000", "146,000"))
        assert main(["build", "--check", "--out", str(out)]) == 1
        assert "mlops-engineer.yaml" in capsys.readouterr().err

    def test_check_names_a_work_model_trained_on_other_examples(self, tmp_path, capsys):
        """The work model is checked by its stamp, as the intent model."""
        out = tmp_path / "data"
        shutil.copytree(DATA_DIR, out)
        (out / WORK_NAME).unlink()
        assert main(["build", "--check", "--out", str(out)]) == 1
        assert WORK_NAME in capsys.readouterr().err

    def test_check_names_an_intent_model_trained_on_other_examples(self, tmp_path, capsys):
        """A model whose stamp is not what the examples and YAML make now is stale."""
        out = tmp_path / "data"
        shutil.copytree(DATA_DIR, out)
        model = Model.read(out / INTENT_NAME)
        model.meta["stamp"] = model.meta["stamp"].replace("=", "=0", 1)
        (out / INTENT_NAME).write_bytes(model.to_bytes())
        assert main(["build", "--check", "--out", str(out)]) == 1
        err = capsys.readouterr().err
        assert INTENT_NAME in err and WORK_NAME not in err

    def test_check_names_models_trained_before_the_feature_code_changed(self, tmp_path, monkeypatch, capsys):
        """A model trained before the matcher changed reads other words than it is given now (a
        masked word, a fixed typo): both models are stale, the YAML is not."""
        edited = tmp_path / "match.py"
        edited.write_bytes((load.HERE / "match.py").read_bytes() + b"\n# a change\n")
        code = tuple(edited if p.name == "match.py" else p for p in load.FEATURE_CODE)
        monkeypatch.setattr(load, "FEATURE_CODE", code)
        assert main(["build", "--check"]) == 1
        err = capsys.readouterr().err
        assert INTENT_NAME in err and WORK_NAME in err and ".yaml" not in err

    def test_build_is_deterministic(self):
        """Two builds give the same bytes, and the models carry the stamps `--check` expects
        (it builds without training)."""
        first = build()
        assert first == build()
        stamps = build(train_models=False)
        for name in (INTENT_NAME, WORK_NAME):
            assert Model.parse(first[name]).meta["stamp"] == stamps[name]
        assert {k: v for k, v in first.items() if k not in (INTENT_NAME, WORK_NAME)} == {
            k: v for k, v in stamps.items() if k not in (INTENT_NAME, WORK_NAME)
        }

    def test_runs_as_a_module(self):
        """`python -m knowledge build --check` exits 0 from the command line."""
        done = subprocess.run(
            [sys.executable, "-m", "knowledge", "build", "--check"],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode == 0, done.stderr
