"""What a person asked: the intent, roles, topic and focus of one query."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from knowledge.match import Focus, Match, Matcher

__all__ = ["Plan", "plan", "strip_command"]

_COMMAND = re.compile(r"^\s*(?:/role\b|<@[A-Z0-9]+(?:\|[^>]*)?>)[\s:,]*", re.IGNORECASE)
_SUGGEST_FROM = 8  # "did you mean" looks at the first distinct unknown words, not all 60
_SUPERLATIVE = {"most", "highest", "best paid", "best paying", "top paying", "all", "every", "each"}


@dataclass(frozen=True)
class Plan:
    """The decision: one of the six intents, with what the reply is about."""

    intent: str
    roles: tuple[str, ...] = ()
    topic: str | None = None
    focus: Focus = Focus()
    asked: str = ""
    unknown: tuple[str, ...] = ()
    suggestions: tuple[str, ...] = ()
    note: str = ""
    match: Match | None = field(default=None, compare=False)


def strip_command(text: str) -> str:
    """Drop a leading '/role' or the bot's own '<@U…>' mention."""
    previous = None
    while previous != text:
        previous, text = text, _COMMAND.sub("", text, count=1)
    return text.strip()


def _wants_compare(m: Match) -> bool:
    if len(m.roles) >= 2 or m.compare_strong:
        return True
    superlative = bool(_SUPERLATIVE & set(m.tokens)) or "top paying" in " ".join(m.tokens)
    return not m.roles and m.compare_weak and m.topic is not None and (m.roles_word or superlative)


def plan(text: str, matcher: Matcher, role_ids: tuple[str, ...]) -> Plan:
    """Decide how to answer `text` (slash text or mention text)."""
    body = strip_command(text)
    m = matcher.match(body)
    meaningful = [t for t in m.tokens if t != "?"]
    if not meaningful or (m.help_word and not m.roles and m.topic is None):
        return Plan("help", match=m)
    if meaningful[0] == "help":
        return Plan("help", match=m)
    if m.ambiguous and len(m.roles) < (2 if _wants_compare(m) else 1):
        phrase, candidates = m.ambiguous[0]
        return Plan("clarify", candidates, m.topic, m.focus, asked=phrase, match=m)
    if _wants_compare(m) and len(m.roles) == 1 and m.compare_strong and (m.focus or m.unknown):
        # "ai systems pay tesla vs google" compares figures of one role; "mlops vs devops"
        # names something rolebot does not cover: answer the role it knows, and say so.
        topic = m.topic or ("salary" if m.focus else "overview")
        note = "" if m.focus else " ".join(m.unknown[:3])
        return Plan("answer", m.roles, topic, m.focus, unknown=() if note else m.unknown, note=note, match=m)
    if _wants_compare(m):
        named = list(m.roles)
        roles = named if len(named) >= 2 else named + [r for r in role_ids if r not in named]
        weak = m.topic is not None and m.topic_scores[m.topic] < 2  # "how does X differ from Y"
        topic = m.topic if m.topic and not weak else ("salary" if m.focus else "overview")
        return Plan("compare", tuple(roles), topic, m.focus, match=m)
    if len(m.roles) == 1:
        topic = m.topic or ("salary" if m.focus else "overview")
        return Plan("answer", m.roles, topic, m.focus, unknown=m.unknown, match=m)
    if m.list_word and m.topic is None and not m.unknown:
        return Plan("list", match=m)
    if m.unknown:
        return Plan(
            "unknown",
            (),
            m.topic,
            m.focus,
            unknown=m.unknown,
            suggestions=tuple(matcher.suggest(tuple(dict.fromkeys(m.unknown))[:_SUGGEST_FROM])),
            match=m,
        )
    if m.topic is not None or m.focus:
        return Plan("clarify", role_ids, m.topic or "salary", m.focus, match=m)
    return Plan("help", match=m)
