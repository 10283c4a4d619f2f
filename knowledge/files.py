"""Where the knowledge base lives and how one YAML file is read: the bottom of knowledge/."""

from __future__ import annotations

from pathlib import Path

TYPE_CHECKING = False  # without importing typing
if TYPE_CHECKING:
    from typing import Any

__all__ = ["DATA_DIR", "HERE", "KnowledgeError", "read_yaml"]

HERE = Path(__file__).resolve().parent
DATA_DIR = HERE / "data"


class KnowledgeError(Exception):
    """The knowledge base cannot be loaded; the message is one line naming file and field."""


def read_yaml(path: Path) -> Any:
    """Parse one YAML file, turning any failure into a one-line KnowledgeError."""
    import yaml  # only when the compiled twin is stale or absent

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: 7x faster
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise KnowledgeError(f"{path}: cannot read ({exc.strerror or exc})") from None
    try:
        return yaml.load(text, Loader=loader)  # noqa: S506 (a safe loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" line {mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise KnowledgeError(f"{path}:{where}: {problem}") from None
