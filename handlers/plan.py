"""The decision about a message: intent, roles, topic, focus, and the lines that answer it."""

from __future__ import annotations

from handlers.evidence import Term
from knowledge.index import Hit
from knowledge.match import Focus, Match
from knowledge.models import Record

__all__ = ["Plan"]

_NO_FOCUS = Focus()


class Plan(Record):
    """The decision: one of the six intents, with what the reply is about.

    `mode` says how to answer: "" (the whole section, or salary figures for a focus),
    "lead" (the lines in `groups` first), "cross" (lines of several roles for one subject)
    or "uncovered" (the documents do not cover `terms`). `match` (what was read in the
    text) takes no part in equality.
    """

    _uncompared = ("match",)

    intent: str
    roles: tuple[str, ...] = ()
    topic: str | None = None
    focus: Focus = _NO_FOCUS
    asked: str = ""
    unknown: tuple[str, ...] = ()
    suggestions: tuple[str, ...] = ()
    note: str = ""
    mode: str = ""
    terms: tuple[Term, ...] = ()
    groups: tuple[tuple[str, tuple[Hit, ...]], ...] = ()
    match: Match | None = None
    kind: str | None = None  # the intent model's label, when it decided the topic
    also: str | None = None  # a runner-up topic, offered as a button
    uncovered: tuple[str, ...] = ()  # what was asked that the documents do not cover
    elsewhere: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (asked, roles whose documents hold it), of
    # a one-role answer whose document does not ("do ai systems engineers need kubernetes?")

    def __init__(
        self,
        intent: str,
        roles: tuple[str, ...] = (),
        topic: str | None = None,
        focus: Focus = _NO_FOCUS,
        asked: str = "",
        unknown: tuple[str, ...] = (),
        suggestions: tuple[str, ...] = (),
        note: str = "",
        mode: str = "",
        terms: tuple[Term, ...] = (),
        groups: tuple[tuple[str, tuple[Hit, ...]], ...] = (),
        match: Match | None = None,
        kind: str | None = None,
        also: str | None = None,
        uncovered: tuple[str, ...] = (),
        elsewhere: tuple[tuple[str, tuple[str, ...]], ...] = (),
    ) -> None:
        self.__dict__.update(
            intent=intent,
            roles=roles,
            topic=topic,
            focus=focus,
            asked=asked,
            unknown=unknown,
            suggestions=suggestions,
            note=note,
            mode=mode,
            terms=terms,
            groups=groups,
            match=match,
            kind=kind,
            also=also,
            uncovered=uncovered,
            elsewhere=elsewhere,
        )
