"""Everything the code reads at run time ships in the wheel (package data)."""

from __future__ import annotations

import fnmatch
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONFIG = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
TOP = ("bot", "handlers", "knowledge")


def owner(path: Path) -> Path:
    """The innermost package (a folder with __init__.py) that holds path."""
    folder = path.parent
    while not (folder / "__init__.py").exists():
        folder = folder.parent
    return folder


def test_every_package_is_found():
    """setuptools' find includes every folder with an __init__.py under the three packages."""
    include = CONFIG["packages"]["find"]["include"]
    for top in TOP:
        for init in (ROOT / top).rglob("__init__.py"):
            dotted = ".".join(init.parent.relative_to(ROOT).parts)
            assert any(fnmatch.fnmatch(dotted, g) for g in include), dotted


def test_runtime_data_files_are_package_data():
    """Each data file under the packages matches a package-data glob of its own package."""
    globs = CONFIG["package-data"]
    missing = []
    found = 0
    for top in TOP:
        for path in (ROOT / top).rglob("*"):
            if path.suffix not in (".yaml", ".yml", ".json") or "__pycache__" in path.parts:
                continue
            found += 1
            package = owner(path)
            dotted = ".".join(package.relative_to(ROOT).parts)
            rel = path.relative_to(package).as_posix()
            if not any(fnmatch.fnmatch(rel, g) for g in globs.get(dotted, [])):
                missing.append(path.relative_to(ROOT).as_posix())
    assert found >= 10
    assert missing == []
