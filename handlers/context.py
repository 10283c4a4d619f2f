"""What the sentences around a long message's question add to it: the people it is explained to
("PM keeps asking if the model is good ... how do I explain it?"), and what it asks in passing that no
document covers ("... wondering how generous they are with parental leave")."""

from __future__ import annotations

from handlers.coverage import beyond
from handlers.engine import Engine
from handlers.policy import only_occasion
from handlers.question import side_asks
from handlers.topic import NAMED
from knowledge.match import Match

__all__ = ["asked_beside", "told_them"]

_TELLERS = frozenset({"i", "we"})


def told_them(m: Match, ctx: Match, lists: dict[str, frozenset[str]]) -> bool:
    """Whether the question asks how to explain something, and its context names who to ("PM keeps
    asking if the model is good ... how do I explain it?"), the question naming no topic outright."""
    words = m.words
    # the person tells ("how do I explain it?"), not asks to be told ("can someone explain what ... is")
    tells = any(
        w in lists["telling"] and _TELLERS & set(words[max(0, i - 3) : i]) for i, w in enumerate(words)
    )
    return (
        tells and bool(lists["audiences"] & set(ctx.words)) and max(m.topic_top.values(), default=0) < NAMED
    )


def asked_beside(engine: Engine, context: str, missing: tuple[str, ...]) -> list[str]:
    """What the context's own asks name that no document covers (PTO, visas), not named already."""
    out: list[str] = []
    for sentence in side_asks(context):
        said = engine.matcher.match(sentence)
        named = beyond(engine, said)
        if not only_occasion(engine, said, named):
            out += [w for w in named if w not in missing and w not in out]
    return out
