"""Imports go one way: bot -> handlers -> knowledge; only bot/ touches Slack."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
THIRD_PARTY = {
    "knowledge": {"pydantic", "yaml", "rapidfuzz"},
    "handlers": {"pydantic", "yaml", "rapidfuzz"},
}
FORBIDDEN = {"knowledge": {"handlers", "bot"}, "handlers": {"bot"}}


def imports(path: Path) -> set[str]:
    """Top-level package names a module imports."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("package", ["knowledge", "handlers"])
def test_layer_imports(package):
    """knowledge and handlers import only the stdlib, their allowed libraries and lower layers."""
    allowed = set(sys.stdlib_module_names) | THIRD_PARTY[package] | {"knowledge", package}
    bad = {}
    for path in (ROOT / package).rglob("*.py"):
        found = imports(path)
        wrong = (found - allowed) | (found & FORBIDDEN[package])
        if wrong:
            bad[path.relative_to(ROOT).as_posix()] = sorted(wrong)
    assert bad == {}
