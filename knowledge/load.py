"""The only file I/O of the knowledge base: read, validate, cache."""

from __future__ import annotations

import functools
from pathlib import Path

from knowledge import compiled as _compiled
from knowledge.aliases import Aliases, read_aliases
from knowledge.files import DATA_DIR, HERE, KnowledgeError, read_yaml
from knowledge.index import Index
from knowledge.intent import Model
from knowledge.match import Forms
from knowledge.models import KnowledgeBase, Role, Topic
from knowledge.text import doc_words

TYPE_CHECKING = False  # without importing typing
if TYPE_CHECKING:
    from typing import Any

__all__ = [
    "DATA_DIR",
    "HERE",
    "EXAMPLES",
    "FEATURE_CODE",
    "INDEX_NAME",
    "INTENT_NAME",
    "WORK_EXAMPLES",
    "WORK_NAME",
    "KnowledgeError",
    "index_stamp",
    "intent_stamp",
    "load_work",
    "work_stamp",
    "load",
    "load_aliases",
    "load_forms",
    "load_index",
    "load_intent",
    "load_kb",
    "load_words",
    "read_asked",
    "read_yaml",
]

INDEX_NAME = "index.sqlite"
INTENT_NAME = "intent.bin"
EXAMPLES = HERE / "examples"  # *.yaml: label -> messages
WORK_NAME = "work.bin"
WORK_EXAMPLES = EXAMPLES / "work"  # *.yaml: role id (or none) -> messages telling the work, no title
ASKED = HERE / "asked"  # <role id>.yaml: a line's text -> the questions people ask that it answers


def _validate(path: Path, model: type, data: Any):
    if not isinstance(data, dict):
        raise KnowledgeError(f"{path}: expected a mapping at the top level")
    from knowledge.schema import validate  # pydantic: only when the YAML is read

    return validate(model, data, path)


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
    """The packaged compiled.json if it matches the YAML files, else None (KnowledgeError if damaged)."""
    return _compiled.read(DATA_DIR / "compiled.json", _compiled.sources(HERE, DATA_DIR))


@functools.cache
def load() -> KnowledgeBase:
    """The packaged knowledge base, loaded once per process (compiled twin when fresh)."""
    fresh = compiled()
    return fresh.kb if fresh is not None else load_kb(DATA_DIR)


@functools.cache
def load_aliases(path: Path = HERE / "aliases.yaml") -> Aliases:
    """aliases.yaml, read and validated once (the compiled twin's copy when fresh)."""
    fresh = compiled() if path == HERE / "aliases.yaml" else None
    return fresh.aliases if fresh is not None else read_aliases(path)


def _read_already():
    """The compiled twin when it has been read already, else None: a knowledge base or aliases from
    elsewhere never make it read."""
    return compiled() if compiled.cache_info().currsize else None


def load_words(kb: KnowledgeBase) -> tuple[str, ...]:
    """The words of a knowledge base's documents (`doc_words`): for `load()`'s, the twin's list."""
    fresh = _read_already()
    if fresh is not None and kb is fresh.kb:
        return fresh.words
    return tuple(doc_words(kb))


def load_forms(aliases: Aliases) -> Forms | None:
    """The alias phrases' forms made at build time, for the packaged aliases; else None (made by
    the Matcher)."""
    fresh = _read_already()
    return fresh.forms if fresh is not None and aliases is fresh.aliases else None


def index_stamp(stamps: dict[str, str]) -> str:
    """What a saved search index is made for: the stamps of the YAML files, as one string."""
    return " ".join(f"{name}={stamp}" for name, stamp in sorted(stamps.items()))


@functools.cache
def load_index() -> Index:
    """The search index of `load()`: the saved one while fresh, else built in memory."""
    fresh = compiled()
    if fresh is not None:
        try:
            saved = Index.open((DATA_DIR / INDEX_NAME).read_bytes(), index_stamp(fresh.stamps))
        except OSError:
            saved = None
        if saved is not None:
            return saved
    return Index.build(load(), asked=read_asked())


def read_asked(folder: Path = ASKED) -> dict[tuple[str, str], tuple[str, ...]]:
    """(role id, line text) -> the questions people ask that the line answers: the search index
    finds a line by them too (knowledge/index.py), while what a document says stays its own."""
    out: dict[tuple[str, str], tuple[str, ...]] = {}
    for path in sorted(folder.glob("*.yaml")):
        data = read_yaml(path)
        if not isinstance(data, list) or not all(_asked_entry(e) for e in data):
            raise KnowledgeError(f"{path}: expected a list of {{line: text, asked: [questions]}}")
        out.update({(path.stem, e["line"]): tuple(e["asked"]) for e in data})
    return out


def _asked_entry(entry: object) -> bool:
    return (
        isinstance(entry, dict)
        and set(entry) == {"line", "asked"}
        and isinstance(entry["line"], str)
        and isinstance(entry["asked"], list)
        and all(isinstance(q, str) for q in entry["asked"])
    )


# the code that turns a message into a model's features: a model trained before it changed reads
# other words than the matcher gives it now (a masked word, a fixed typo), so it is stale too
FEATURE_CODE = tuple(
    HERE / name
    for name in ("match.py", "fuzzy.py", "english.py", "phrases.py", "salary.py", "intent.py", "train.py")
)


def intent_stamp(stamps: dict[str, str], folder: Path = EXAMPLES) -> str:
    """What a saved model is trained from: the knowledge base's stamps, its examples' and the
    feature code's."""
    files = sorted(folder.glob("*.yaml"))
    code = {f"code/{p.name}": _compiled.checksum(p.read_bytes()) for p in FEATURE_CODE}
    return index_stamp(
        {**stamps, **code, **{f"{folder.name}/{f.name}": _compiled.checksum(f.read_bytes()) for f in files}}
    )


def work_stamp(stamps: dict[str, str]) -> str:
    """What a saved work model (which role the work told is) is trained from."""
    return intent_stamp(stamps, WORK_EXAMPLES)


@functools.cache
def load_intent() -> Model:
    """The packaged intent model (KnowledgeError, one line, when missing or damaged).

    A model older than the examples is still used: only the build can train (scikit-learn), and
    `python -m knowledge build --check` (run by the tests) says when it is stale.
    """
    return Model.read(DATA_DIR / INTENT_NAME)


@functools.cache
def load_work() -> Model:
    """The packaged work model: which of the roles the work a message tells belongs to."""
    return Model.read(DATA_DIR / WORK_NAME)
