"""The other ask of a question that asks two things ("How do I get to mid-level as an ML engineer,
and roughly what's the pay bump?"): the reply answers the one its words name more strongly, and
offers the other's section as a button."""

from __future__ import annotations

from handlers.coverage import beyond
from handlers.engine import Engine
from handlers.question import two_asks
from handlers.topic import choose, guess

__all__ = ["other_ask"]


def other_ask(engine: Engine, question: str, answered: str | None) -> str | None:
    """The topic of the ask the reply (on `answered`) leaves out, when the question asks two things of
    different topics; None otherwise, or when that ask names what no document covers (it is named)."""
    two = two_asks(question) if answered is not None else None
    if two is None:
        return None
    for part in two:
        m = engine.matcher.match(part)
        if beyond(engine, m):
            continue
        topic = choose(engine, m, guess(engine, m)).match.topic
        if topic is not None and topic != answered:
            return topic
    return None
