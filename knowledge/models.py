"""Frozen, typed models of the knowledge base: plain records, checked by pydantic where data comes in.

The classes are small frozen records (keyword-only, equality by fields), cheap to define and
to build, so answering a question imports neither pydantic nor dataclass machinery (nor
typing). The answering values of knowledge.index, knowledge.match and handlers are records too.
pydantic validates the same fields (knowledge.schema mirrors each record) where data comes
in: the YAML files and `python -m knowledge build`. The compiled twin, which the build made
from validated records and sealed with a checksum, is built straight into them (`from_data`).
"""

from __future__ import annotations

import sys
from operator import attrgetter

from knowledge.patterns import Lazy

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (~3 ms of a cold start)
if TYPE_CHECKING:
    from typing import Any

__all__ = [
    "Group",
    "Item",
    "KnowledgeBase",
    "Record",
    "Role",
    "SalaryFigure",
    "Section",
    "Topic",
]

_TUPLE = Lazy(r"tuple\[(\w+), \.\.\.\]")
_DICT = Lazy(r"dict\[str, (\w+)\]")


class Record:
    """Base of the knowledge records: fields are the annotations, as in a frozen dataclass.

    Keyword-only, frozen, equal when of one class with equal fields. A field left out
    reads its default from the class. `_strict` is pydantic's strict mode when
    knowledge.schema validates the record. A subclass may define its own `__init__` (taking
    positional arguments too) that fills `self.__dict__`; fields named in `_uncompared`
    take no part in equality and hashing (a dataclass's `field(compare=False)`).
    """

    _strict = False
    _uncompared: tuple[str, ...] = ()
    _fields: tuple[str, ...] = ()
    _names: frozenset[str] = frozenset()
    _required: frozenset[str] = frozenset()
    _defaults: dict[str, Any] = {}
    _converters: list[tuple[str, Any]] | None = None
    _values: Any = None  # the fields' values as a tuple, in order
    _key: Any = None  # the compared fields' values as a tuple

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        names = tuple(n for n in cls.__dict__.get("__annotations__", {}) if not n.startswith("_"))
        cls._fields, cls._names = names, frozenset(names)
        cls._defaults = {n: cls.__dict__[n] for n in names if n in cls.__dict__}
        cls._required = frozenset(names) - cls._defaults.keys()
        cls._values = _getter(names)
        cls._key = _getter(tuple(n for n in names if n not in cls._uncompared))
        cls._converters = None

    def __init__(self, **values: Any) -> None:
        # One dict update, no per-field call: the compiled twin builds ~1,500 records at start.
        if not values.keys() <= self._names:
            raise TypeError(
                f"{type(self).__name__}: unknown field {sorted(values.keys() - self._names)[0]!r}"
            )
        if not self._required <= values.keys():
            raise TypeError(
                f"{type(self).__name__}: missing field {sorted(self._required - values.keys())[0]!r}"
            )
        self.__dict__.update(values)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is frozen: cannot set {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is frozen: cannot delete {name!r}")

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._key(self) == other._key(other)

    def __hash__(self) -> int:
        return hash(self._key(self))

    def __repr__(self) -> str:
        shown = ", ".join(f"{n}={getattr(self, n)!r}" for n in self._fields)
        return f"{type(self).__name__}({shown})"

    def __reduce__(self):
        return _rebuild, (type(self), self.as_dict())

    def as_dict(self) -> dict[str, Any]:
        """field -> value (nested records left as they are)."""
        return dict(zip(self._fields, self._values(self), strict=True))

    def model_copy(self, *, update: dict[str, Any] | None = None):
        """A copy with some fields replaced (not validated, as in pydantic)."""
        return type(self)(**{**self.as_dict(), **(update or {})})

    def model_dump(self, *, mode: str = "python", exclude_defaults: bool = False) -> dict[str, Any]:
        """The fields as a dict, nested records as dicts (mode="json": tuples as lists)."""
        return _dump(self, mode == "json", exclude_defaults)

    @classmethod
    def from_data(cls, data: Any):
        """A record from JSON-shaped data (lists for tuples; defaults may be left out).

        Containers and field names are checked (TypeError); scalars are taken as they are,
        so the data must come from a validated record (the build) or be validated first.
        """
        if type(data) is not dict:
            raise TypeError(f"{cls.__name__}: expected an object, got {type(data).__name__}")
        converters = cls._converters if cls._converters is not None else _make_converters(cls)
        for name, convert in converters:
            if name in data:
                data[name] = convert(data[name])
        return cls(**data)


def _getter(names: tuple[str, ...]):
    """A function of a record returning these fields' values as a tuple."""
    if len(names) > 1:
        return attrgetter(*names)
    return lambda r: tuple(getattr(r, n) for n in names)


def _rebuild(cls: type[Record], values: dict[str, Any]) -> Record:
    return cls(**values)


def _checked(kind: type, value: Any) -> Any:
    if type(value) is not kind:
        raise TypeError(f"expected a {kind.__name__}, got {type(value).__name__}")
    return value


def _make_converters(cls: type[Record]) -> list[tuple[str, Any]]:
    """How each container field's JSON value becomes the record's (from the annotation text)."""
    namespace = vars(sys.modules[cls.__module__])
    cls._converters = out = []  # set first: a record may contain itself
    for name in cls._fields:
        hint = cls.__annotations__[name]
        if match := _TUPLE.fullmatch(hint):
            inner = namespace.get(match[1])
            if isinstance(inner, type) and issubclass(inner, Record):
                out.append((name, lambda v, f=inner.from_data: tuple(map(f, _checked(list, v)))))
            else:
                out.append((name, lambda v: tuple(_checked(list, v))))
        elif match := _DICT.fullmatch(hint):
            inner = namespace.get(match[1])
            if isinstance(inner, type) and issubclass(inner, Record):
                out.append(
                    (name, lambda v, f=inner.from_data: {k: f(x) for k, x in _checked(dict, v).items()})
                )
            else:
                out.append((name, lambda v: _checked(dict, v)))
        elif hint.startswith("list["):
            out.append((name, lambda v: _checked(list, v)))
    return out


def _dump(value: Any, json: bool, exclude_defaults: bool) -> Any:
    if isinstance(value, Record):
        out = {}
        for name, v in zip(value._fields, value._values(value), strict=True):
            if exclude_defaults and name in value._defaults and v == value._defaults[name]:
                continue
            out[name] = _dump(v, json, exclude_defaults)
        return out
    if isinstance(value, tuple | list):
        items = [_dump(v, json, exclude_defaults) for v in value]
        return items if json or isinstance(value, list) else tuple(items)
    if isinstance(value, dict):
        return {k: _dump(v, json, exclude_defaults) for k, v in value.items()}
    return value


class Item(Record):
    """One bullet: optional `Label:` prefix, its text, and nested bullets."""

    label: str | None = None
    text: str
    items: tuple[Item, ...] = ()


class Group(Record):
    """A heading with the paragraphs, bullets and sub-groups under it."""

    heading: str | None = None
    number: int | None = None
    paragraphs: tuple[str, ...] = ()
    items: tuple[Item, ...] = ()
    groups: tuple[Group, ...] = ()


class Section(Record):
    """One of the ten topics of a role document."""

    topic: str
    heading: str
    intro: tuple[str, ...] = ()
    groups: tuple[Group, ...] = ()
    summary: tuple[str, ...] = ()


class SalaryFigure(Record):
    """One money figure (or range) from a document, with what it is for."""

    topic: str
    context: tuple[str, ...] = ()
    label: str | None = None
    low: int | None = None
    high: int | None = None
    approx: bool = False
    level: str | None = None
    years: str | None = None
    location: str | None = None
    company: str | None = None
    percentile: str | None = None
    variant: str | None = None
    kind: str = "salary"
    source: str


class Role(Record):
    """A role document, parsed: its sections and its salary figures."""

    id: str
    title: str
    source: str
    sections: tuple[Section, ...]
    salaries: tuple[SalaryFigure, ...] = ()

    def section(self, topic: str) -> Section:
        """The section for a topic id (KeyError if the role has none)."""
        for section in self.sections:
            if section.topic == topic:
                return section
        raise KeyError(topic)


class Topic(Record):
    """A topic id with its document heading and a short display title."""

    id: str
    heading: str
    title: str


class KnowledgeBase(Record):
    """All roles and topics, in display order."""

    roles: dict[str, Role]
    topics: dict[str, Topic]
