"""Where the knowledge base lives and how one YAML file is read: the bottom of knowledge/."""

from __future__ import annotations

import functools
from pathlib import Path

TYPE_CHECKING = False  # without importing typing
if TYPE_CHECKING:
    from typing import Any

__all__ = ["DATA_DIR", "HERE", "KnowledgeError", "read_yaml"]

HERE = Path(__file__).resolve().parent
DATA_DIR = HERE / "data"


class KnowledgeError(Exception):
    """The knowledge base cannot be loaded; the message is one line naming file and field."""


@functools.cache
def _unique_loader() -> type:
    """The safe loader (libyaml's: 7x faster), refusing a key said twice in one mapping: YAML keeps the
    last, silently, and a word list added under a name already used replaced the older list."""
    import yaml

    class Unique(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
        def construct_mapping(self, node, deep=False):
            seen = set()
            for key_node, _ in node.value:
                key = self.construct_object(key_node, deep=deep)
                if not isinstance(key, (str, int, float, bool)):
                    continue  # a complex key: construct_mapping says what is wrong with it
                if key in seen:
                    raise yaml.constructor.ConstructorError(
                        None, None, f"key {key!r} given twice", key_node.start_mark
                    )
                seen.add(key)
            return super().construct_mapping(node, deep)

    return Unique


def read_yaml(path: Path) -> Any:
    """Parse one YAML file, turning any failure into a one-line KnowledgeError."""
    import yaml  # only when the compiled twin is stale or absent

    loader = _unique_loader()
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
