"""The compiled JSON twin is used only while it matches the YAML it was made from."""

from __future__ import annotations

import shutil

from knowledge import compiled
from knowledge.load import DATA_DIR, HERE
from knowledge.load import compiled as packaged


class TestCompiled:
    """A stale or broken twin is ignored; the YAML stays the source of truth."""

    def test_packaged_twin_is_fresh(self):
        """The committed compiled.json matches the committed YAML."""
        assert packaged() is not None

    def test_a_yaml_edit_makes_the_twin_stale(self, tmp_path):
        """Changing one YAML byte means the twin is not used."""
        data = tmp_path / "data"
        shutil.copytree(DATA_DIR, data)
        paths = compiled.sources(HERE, data)
        assert compiled.read(data / "compiled.json", paths) is not None
        role = data / "mlops-engineer.yaml"
        role.write_text(role.read_text() + "\n")
        assert compiled.read(data / "compiled.json", paths) is None

    def test_a_corrupt_twin_is_ignored(self, tmp_path):
        """A truncated compiled.json is not used (no exception)."""
        data = tmp_path / "data"
        shutil.copytree(DATA_DIR, data)
        twin = data / "compiled.json"
        twin.write_text(twin.read_text()[:1000])
        assert compiled.read(twin, compiled.sources(HERE, data)) is None
