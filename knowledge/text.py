"""A role back to its words, in document order (for checks and word lists)."""

from __future__ import annotations

from knowledge.models import Group, Item, KnowledgeBase, Role
from knowledge.patterns import Lazy

__all__ = ["doc_words", "to_text"]

_WORD = Lazy(r"[a-z0-9]+")


def _item_text(item: Item) -> list[str]:
    head = f"{item.label}: {item.text}" if item.label else item.text
    return [head] + [t for child in item.items for t in _item_text(child)]


def _group_text(group: Group) -> list[str]:
    out = []
    if group.heading:
        out.append(f"{group.number}. {group.heading}" if group.number else group.heading)
    out += list(group.paragraphs)
    out += [t for item in group.items for t in _item_text(item)]
    out += [t for sub in group.groups for t in _group_text(sub)]
    return out


def to_text(role: Role) -> str:
    """Every word the role holds, in document order (for the exactly-once check)."""
    parts: list[str] = []
    for section in role.sections:
        parts.append(section.heading)
        parts += section.intro
        parts += [t for g in section.groups for t in _group_text(g)]
        parts += section.summary
    return "\n".join(parts)


def doc_words(kb: KnowledgeBase) -> list[str]:
    """Every distinct lowercase word of every role, sorted (what spelling fixes aim at)."""
    return sorted({w for role in kb.roles.values() for w in _WORD.findall(to_text(role).lower())})
