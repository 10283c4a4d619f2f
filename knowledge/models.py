"""Frozen, typed models of the knowledge base: plain dataclasses, validated by pydantic.

The classes are plain frozen dataclasses, so answering a question never imports pydantic.
pydantic validates them (strict about unknown fields, lists made tuples) where data comes in:
the YAML files and `python -m knowledge build` (`Model.model_validate`, knowledge.files.validate).
The compiled twin is trusted after its checksum and built directly (`from_json`).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

__all__ = [
    "Group",
    "Item",
    "KnowledgeBase",
    "Role",
    "SalaryFigure",
    "Section",
    "Topic",
]


class _Model:
    """The few pydantic-style methods the build and the tests use, without pydantic at run time."""

    __slots__ = ()
    __pydantic_config__ = {"extra": "forbid"}  # read by pydantic when it validates these classes

    @classmethod
    def model_validate(cls, data: Any):
        """Validate `data` with pydantic (KnowledgeError naming the field on a fault)."""
        from knowledge.files import validate

        return validate(cls, data)

    def model_dump(self, *, mode: str = "python", exclude_defaults: bool = False) -> dict[str, Any]:
        """The fields as a dict, nested models as dicts (mode="json": tuples as lists)."""
        return _dump(self, mode == "json", exclude_defaults)

    def model_copy(self, *, update: dict[str, Any] | None = None):
        """A copy with some fields replaced (not validated, as in pydantic)."""
        return dataclasses.replace(self, **(update or {}))


def _dump(value: Any, json: bool, exclude_defaults: bool) -> Any:
    if isinstance(value, _Model):
        out = {}
        for f in dataclasses.fields(value):
            v = getattr(value, f.name)
            if exclude_defaults and f.default is not dataclasses.MISSING and v == f.default:
                continue
            out[f.name] = _dump(v, json, exclude_defaults)
        return out
    if isinstance(value, tuple | list):
        items = [_dump(v, json, exclude_defaults) for v in value]
        return items if json or isinstance(value, list) else tuple(items)
    if isinstance(value, dict):
        return {k: _dump(v, json, exclude_defaults) for k, v in value.items()}
    return value


_frozen = dataclass(frozen=True, slots=True, kw_only=True)  # keyword-only, as pydantic models are


@_frozen
class Item(_Model):
    """One bullet: optional `Label:` prefix, its text, and nested bullets."""

    label: str | None = None
    text: str
    items: tuple[Item, ...] = ()


@_frozen
class Group(_Model):
    """A heading with the paragraphs, bullets and sub-groups under it."""

    heading: str | None = None
    number: int | None = None
    paragraphs: tuple[str, ...] = ()
    items: tuple[Item, ...] = ()
    groups: tuple[Group, ...] = ()


@_frozen
class Section(_Model):
    """One of the ten topics of a role document."""

    topic: str
    heading: str
    intro: tuple[str, ...] = ()
    groups: tuple[Group, ...] = ()
    summary: tuple[str, ...] = ()


@_frozen
class SalaryFigure(_Model):
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


@_frozen
class Role(_Model):
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


@_frozen
class Topic(_Model):
    """A topic id with its document heading and a short display title."""

    id: str
    heading: str
    title: str


@_frozen
class KnowledgeBase(_Model):
    """All roles and topics, in display order."""

    roles: dict[str, Role]
    topics: dict[str, Topic]
