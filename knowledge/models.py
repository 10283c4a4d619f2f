"""Frozen, typed models of the knowledge base."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

__all__ = [
    "Group",
    "Item",
    "KnowledgeBase",
    "Role",
    "SalaryFigure",
    "Section",
    "Topic",
]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Item(_Frozen):
    """One bullet: optional `Label:` prefix, its text, and nested bullets."""

    label: str | None = None
    text: str
    items: tuple[Item, ...] = ()


class Group(_Frozen):
    """A heading with the paragraphs, bullets and sub-groups under it."""

    heading: str | None = None
    number: int | None = None
    paragraphs: tuple[str, ...] = ()
    items: tuple[Item, ...] = ()
    groups: tuple[Group, ...] = ()


class Section(_Frozen):
    """One of the ten topics of a role document."""

    topic: str
    heading: str
    intro: tuple[str, ...] = ()
    groups: tuple[Group, ...] = ()
    summary: tuple[str, ...] = ()


class SalaryFigure(_Frozen):
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


class Role(_Frozen):
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


class Topic(_Frozen):
    """A topic id with its document heading and a short display title."""

    id: str
    heading: str
    title: str


class KnowledgeBase(_Frozen):
    """All roles and topics, in display order."""

    roles: dict[str, Role]
    topics: dict[str, Topic]
