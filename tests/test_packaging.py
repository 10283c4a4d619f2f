"""Everything the code reads at run time ships in the wheel (package data)."""

from __future__ import annotations

import fnmatch
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_runtime_data_files_are_package_data():
    """Each data file under the packages matches a package-data glob of pyproject.toml."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    globs = config["package-data"]
    missing = []
    for package in config["packages"]:
        for path in (ROOT / package).rglob("*"):
            if path.suffix not in (".yaml", ".yml", ".json") or "__pycache__" in path.parts:
                continue
            rel = path.relative_to(ROOT / package).as_posix()
            if not any(fnmatch.fnmatch(rel, g) for g in globs.get(package, [])):
                missing.append(f"{package}/{rel}")
    assert missing == []
