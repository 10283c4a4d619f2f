"""The only file I/O of the knowledge base: read, validate, cache."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from knowledge.models import KnowledgeBase, Role, Topic

__all__ = ["DATA_DIR", "HERE", "KnowledgeError", "load", "load_kb", "read_yaml"]

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


def _field_error(path: Path, exc: ValidationError) -> KnowledgeError:
    errors = exc.errors()
    shown = "; ".join(
        f"field {'.'.join(str(p) for p in e['loc']) or '(top level)'}: {e['msg']}" for e in errors[:3]
    )
    more = f" (+{len(errors) - 3} more)" if len(errors) > 3 else ""
    return KnowledgeError(f"{path}: {shown}{more}")


def _validate(path: Path, model: type, data: Any):
    if not isinstance(data, dict):
        raise KnowledgeError(f"{path}: expected a mapping at the top level")
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise _field_error(path, exc) from None


def load_kb(data_dir: Path = DATA_DIR, catalog: Path = HERE / "catalog.yaml") -> KnowledgeBase:
    """Load and validate the catalog and every role file; raise KnowledgeError on any fault."""
    cat = read_yaml(catalog)
    if not isinstance(cat, dict) or "roles" not in cat or "topics" not in cat:
        raise KnowledgeError(f"{catalog}: expected 'roles' and 'topics'")
    topics = {}
    for i, entry in enumerate(cat["topics"]):
        topic = _validate(catalog, Topic, entry) if isinstance(entry, dict) else None
        if topic is None:
            raise KnowledgeError(f"{catalog}: field topics.{i}: expected a mapping")
        topics[topic.id] = topic
    roles = {}
    for entry in cat["roles"]:
        path = data_dir / f"{entry['id']}.yaml"
        role = _validate(path, Role, read_yaml(path))
        if role.id != entry["id"]:
            raise KnowledgeError(f"{path}: field id: {role.id!r} should be {entry['id']!r}")
        missing = [t for t in topics if t not in {s.topic for s in role.sections}]
        if missing:
            raise KnowledgeError(f"{path}: field sections: missing topic {missing[0]!r}")
        roles[role.id] = role
    return KnowledgeBase(roles=roles, topics=topics)


@functools.cache
def compiled():
    """The packaged compiled.json if it matches the YAML files, else None."""
    from knowledge import compiled as _compiled

    return _compiled.read(DATA_DIR / "compiled.json", _compiled.sources(HERE, DATA_DIR))


@functools.cache
def load() -> KnowledgeBase:
    """The packaged knowledge base, loaded once per process (compiled twin when fresh)."""
    fresh = compiled()
    return fresh.kb if fresh is not None else load_kb()
