"""Imports go one way: bot -> handlers -> knowledge; inside bot/, slack -> tips -> store -> base."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
THIRD_PARTY = {
    "knowledge": {"pydantic", "yaml", "rapidfuzz", "sklearn", "scipy", "wordfreq"},  # last three: build only
    "handlers": {"pydantic", "yaml", "rapidfuzz"},
}
FORBIDDEN = {"knowledge": {"handlers", "bot"}, "handlers": {"bot"}}
# The rooms of bot/, top to bottom; a room may import only the rooms below it.
BOT_ROOMS = ["bot.cli", "bot.slack", "bot.tips", "bot.ask", "bot.report", "bot.store"]
BASE = {"bot.config", "bot.clock", "bot.ops", "bot.webapi"}


def imports(path: Path, depth: int = 1) -> set[str]:
    """Dotted module names a module imports, cut to `depth` parts."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {".".join(a.name.split(".")[:depth]) for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(".".join(node.module.split(".")[:depth]))
            if node.module == "bot":  # `from bot import slack`
                names |= {f"bot.{a.name}" for a in node.names}
    return names


def room_of(path: Path) -> str:
    """bot/slack/app.py -> bot.slack; bot/config.py -> bot.config."""
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:2])


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


def test_bot_rooms_import_downwards():
    """Inside bot/, a room imports only rooms below it and the base (config, clock, ops, webapi)."""
    bad = {}
    for path in (ROOT / "bot").rglob("*.py"):
        room = room_of(path)
        if room not in BOT_ROOMS:
            continue
        below = set(BOT_ROOMS[BOT_ROOMS.index(room) + 1 :]) | BASE | {room}
        found = {n for n in imports(path, depth=2) if n.startswith("bot.")}
        wrong = found - below
        if wrong:
            bad[path.relative_to(ROOT).as_posix()] = sorted(wrong)
    assert bad == {}


def test_base_imports_no_room():
    """config, clock, webapi and ops (logs, metrics, the ops endpoints) depend on no room of bot/."""
    for name in BASE:
        path = ROOT / name.replace(".", "/")
        files = sorted(path.rglob("*.py")) if path.is_dir() else [path.with_suffix(".py")]
        assert files, name
        for file in files:
            found = {n for n in imports(file, depth=2) if n.startswith("bot.")}
            assert found <= BASE, (file.name, found)


def test_bot_has_at_most_twelve_top_level_modules():
    """bot/ stays small: at most 12 modules and packages at its top level."""
    top = [p for p in (ROOT / "bot").iterdir() if p.suffix == ".py" or (p / "__init__.py").exists()]
    assert len(top) <= 12, sorted(p.name for p in top)


def test_knowledge_has_no_import_circle():
    """No module of knowledge/ reaches itself through its own imports (lazy ones included)."""
    graph = {}
    for path in (ROOT / "knowledge").glob("*.py"):
        name = f"knowledge.{path.stem}"
        graph[name] = {n for n in imports(path, depth=2) if n.startswith("knowledge.")}
        # `from knowledge import compiled` names a module too
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module == "knowledge":
                graph[name] |= {f"knowledge.{a.name}" for a in node.names}

    def reaches(start: str, goal: str, seen: set[str]) -> bool:
        for nxt in graph.get(start, ()):
            if nxt == goal or (nxt not in seen and reaches(nxt, goal, seen | {nxt})):
                return True
        return False

    assert [m for m in graph if reaches(m, m, set())] == []
