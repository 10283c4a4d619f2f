"""The compiled JSON twin is used only while it matches the YAML it was made from, and only whole."""

from __future__ import annotations

import copy
import json
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from knowledge import compiled
from knowledge.aliases import read_aliases
from knowledge.load import DATA_DIR, HERE, KnowledgeError, load_forms, load_kb, load_words
from knowledge.load import compiled as packaged
from knowledge.match import Matcher
from knowledge.models import Item
from knowledge.text import doc_words

ROOT = Path(__file__).resolve().parents[2]
ROLES = [
    "production-ai-engineer",
    "ai-ml-engineer",
    "ai-systems-engineer",
    "mlops-engineer",
    "ml-platform-engineer",
]


@pytest.fixture
def data(tmp_path):
    """A writable copy of the knowledge base data, compiled twin included."""
    out = tmp_path / "data"
    shutil.copytree(DATA_DIR, out)
    return out


@pytest.fixture(scope="module")
def pair():
    """(the knowledge base from the packaged twin, the one validated from the YAML)."""
    return packaged().kb, load_kb()


def read(data: Path):
    """The twin in `data`, checked against the YAML beside it."""
    return compiled.read(data / "compiled.json", compiled.sources(HERE, data))


def rewrite(twin: Path, change, *, fix_checksum: bool) -> None:
    """Apply `change` to the payload line of a twin, recomputing its checksum or not."""
    head, payload = twin.read_text(encoding="utf-8").splitlines()
    payload = change(payload)
    header = json.loads(head)
    if fix_checksum:
        header["checksum"] = compiled.checksum(payload.encode())
    twin.write_text(json.dumps(header) + "\n" + payload + "\n", encoding="utf-8")


def edit_kb(payload: str, change) -> str:
    """The payload with `change` applied to its knowledge base object."""
    data = json.loads(payload)
    change(data["kb"])
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def ask_with(data: Path, *args: str) -> subprocess.CompletedProcess:
    """`python -m bot ask ...` with the knowledge base read from `data`."""
    code = (
        "import sys; import knowledge.load as L; L.DATA_DIR = L.Path(sys.argv[1]); "
        "from bot.cli import main; sys.exit(main(sys.argv[2:]))"
    )
    return subprocess.run(
        [sys.executable, "-c", code, str(data), "ask", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )


class TestCompiled:
    """A stale twin is ignored; a damaged one is refused in one line; the YAML stays the source of truth."""

    def test_packaged_twin_is_fresh(self):
        """The committed compiled.json matches the committed YAML."""
        assert packaged() is not None

    def test_a_yaml_edit_makes_the_twin_stale(self, data):
        """Changing one YAML byte means the twin is not used."""
        assert read(data) is not None
        role = data / "mlops-engineer.yaml"
        role.write_text(role.read_text() + "\n")
        assert read(data) is None

    def test_a_missing_twin_is_not_an_error(self, data):
        """Without compiled.json the YAML is read."""
        (data / "compiled.json").unlink()
        assert read(data) is None

    def test_a_truncated_twin_is_refused(self, data):
        """A truncated compiled.json is one line naming the file, not a half knowledge base."""
        twin = data / "compiled.json"
        twin.write_text(twin.read_text()[:-5000])
        with pytest.raises(KnowledgeError, match=r"compiled\.json: corrupt \(checksum mismatch\)") as err:
            read(data)
        assert "\n" not in str(err.value)

    def test_a_garbled_header_is_refused(self, data):
        """A header that is not the twin's is refused."""
        twin = data / "compiled.json"
        twin.write_text("{not json\n" + twin.read_text().split("\n", 1)[1])
        with pytest.raises(KnowledgeError, match="corrupt header"):
            read(data)

    def test_a_tampered_payload_is_refused(self, data):
        """A figure changed by hand while the stamps still match fails the checksum."""
        rewrite(data / "compiled.json", lambda p: p.replace("131158", "931158", 1), fix_checksum=False)
        with pytest.raises(KnowledgeError, match="checksum mismatch"):
            read(data)

    def test_a_payload_of_the_wrong_shape_is_refused(self, data):
        """Even with a matching checksum, a field the models lack or a wrong container is refused."""
        twin = data / "compiled.json"
        original = twin.read_text()

        def renamed(kb):
            kb["roles"]["mlops-engineer"]["titel"] = kb["roles"]["mlops-engineer"].pop("title")

        def text_for_list(kb):
            kb["roles"]["mlops-engineer"]["sections"][0]["intro"] = "one paragraph"

        def list_for_mapping(kb):
            kb["topics"] = list(kb["topics"].values())

        def missing(kb):
            del kb["roles"]["mlops-engineer"]["sections"][1]["groups"][0]["items"][0]["text"]

        for change in (renamed, text_for_list, list_for_mapping, missing):
            twin.write_text(original)
            rewrite(twin, lambda p, change=change: edit_kb(p, change), fix_checksum=True)
            with pytest.raises(KnowledgeError, match="does not fit the models"):
                read(data)

    def test_words_of_the_wrong_shape_are_refused(self, data):
        """The documents' word list must be a list of strings, checksum or not."""
        twin = data / "compiled.json"
        original = twin.read_text()
        for words in ("kubernetes", ["kubernetes", 3], None):
            twin.write_text(original)
            rewrite(twin, lambda p, w=words: json.dumps({**json.loads(p), "words": w}), fix_checksum=True)
            with pytest.raises(KnowledgeError, match="does not fit the models"):
                read(data)

    def test_forms_of_the_wrong_shape_are_refused(self, data):
        """The alias phrases' forms must be two objects, checksum or not."""
        twin = data / "compiled.json"
        original = twin.read_text()
        for forms in ({}, [{}], [[], {}], None):
            twin.write_text(original)
            rewrite(twin, lambda p, f=forms: json.dumps({**json.loads(p), "forms": f}), fix_checksum=True)
            with pytest.raises(KnowledgeError, match="does not fit the models"):
                read(data)

    def test_ask_with_a_damaged_twin_is_one_line_and_exit_2(self, data):
        """`python -m bot ask` on a tampered twin prints one line and exits 2, never an answer."""
        rewrite(data / "compiled.json", lambda p: p.replace("131158", "931158", 1), fix_checksum=False)
        done = ask_with(data, "/role mlops salary")
        assert done.returncode == 2 and done.stdout == ""
        assert done.stderr.count("\n") == 1 and "compiled.json: corrupt" in done.stderr

    def test_ask_with_a_stale_twin_answers_from_the_yaml(self, data):
        """After a YAML edit the answer is the edited YAML's, not the twin's."""
        role = data / "mlops-engineer.yaml"
        role.write_text(role.read_text().replace("can expect competitive", "can expect EDITED"))
        done = ask_with(data, "/role mlops salary")
        assert done.returncode == 0 and "can expect EDITED" in done.stdout


class TestPlainLoader:
    """The twin loads into plain frozen classes equal to the pydantic-validated YAML."""

    @pytest.mark.parametrize("role", ROLES)
    def test_each_role_equals_the_validated_yaml(self, pair, role):
        """Every section, group, item and salary figure of the role is the same."""
        twin, yaml = pair
        assert twin.roles[role] == yaml.roles[role]
        assert twin.roles[role].salaries and twin.roles[role].salaries == yaml.roles[role].salaries

    def test_words_are_the_documents_words(self, pair):
        """The twin's word list is what the validated YAML's documents hold, and what engines use."""
        twin, yaml = pair
        assert packaged().words == tuple(doc_words(yaml)) == load_words(yaml)
        assert load_words(twin) is packaged().words and "kubernetes" in packaged().words

    def test_a_matcher_from_the_forms_reads_the_aliases_as_one_made_without_them(self):
        """The build's forms hold only the phrases that are not their own words and key, and a
        Matcher made from them has every table a Matcher that reads each phrase itself has."""
        aliases, words = packaged().aliases, packaged().words
        said, keys = packaged().forms
        assert said["soft-skills"] == "soft skills" and keys["ai systems engineer"] == "ai system engineer"
        assert "salary" not in said and "salary" not in keys  # its own words and key: not stored
        fast, slow = Matcher(aliases, words, packaged().forms), Matcher(aliases, words)
        assert (
            load_forms(aliases) is packaged().forms
            and load_forms(read_aliases(HERE / "aliases.yaml")) is None
        )
        tables = {k: v for k, v in vars(slow).items() if not callable(v)}
        assert len(tables) > 30 and {k: vars(fast)[k] for k in tables} == tables

    def test_topics_order_and_aliases_are_the_same(self, pair):
        """Topics in display order and the aliases match the YAML's."""
        twin, yaml = pair
        assert list(twin.roles) == list(yaml.roles) == ROLES
        assert list(twin.topics.items()) == list(yaml.topics.items())
        assert packaged().aliases == read_aliases(HERE / "aliases.yaml")

    def test_models_are_frozen_with_tuples(self, pair):
        """A loaded section cannot be changed, and its lists are tuples."""
        section = pair[0].roles["mlops-engineer"].section("salary")
        with pytest.raises(AttributeError, match="frozen"):
            section.heading = "x"
        with pytest.raises(AttributeError, match="frozen"):
            del section.topic
        assert isinstance(section.groups, tuple) and isinstance(section.groups[0].items, tuple)

    def test_records_copy_pickle_and_compare_by_value(self, pair):
        """A role survives pickling and model_copy equal to itself, and hashes by value."""
        role = pair[0].roles["ai-systems-engineer"]
        assert pickle.loads(pickle.dumps(role)) == role and copy.deepcopy(role) == role
        assert role.model_copy() == role and role.model_copy(update={"title": "X"}).title == "X"
        assert hash(role.sections[0]) == hash(copy.copy(role.sections[0]))
        assert role.sections[0] != role.sections[1] and role != role.sections[0]

    def test_records_refuse_unknown_and_missing_fields(self):
        """Building a record names the field it lacks or does not have."""
        with pytest.raises(TypeError, match="missing field 'text'"):
            Item(label="x")
        with pytest.raises(TypeError, match="unknown field 'txt'"):
            Item(text="x", txt="y")
        assert Item(text="x") == Item(text="x", label=None, items=())

    @pytest.mark.parametrize("question", ["/role mlops salary", "which roles need kubernetes?"])
    def test_ask_imports_nothing_heavy(self, question):
        """With a fresh twin, `ask` loads without pydantic, PyYAML, rapidfuzz, dataclasses or typing."""
        code = (
            "import sys, io, contextlib; from bot.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()) as out: main(['ask', sys.argv[1]])\n"
            "heavy = ('pydantic', 'yaml', 'rapidfuzz', 'dataclasses', 'typing')\n"
            "print(sorted(m for m in heavy if m in sys.modules), bool(out.getvalue().strip()))"
        )
        done = subprocess.run(
            [sys.executable, "-c", code, question], capture_output=True, text=True, cwd=ROOT, timeout=60
        )
        assert done.stdout.strip() == "[] True", done.stderr
