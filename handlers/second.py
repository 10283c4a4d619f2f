"""The other ask of a question that asks two things ("How do I get to mid-level as an ML engineer,
and roughly what's the pay bump?"): the reply leads with the ask its words name more strongly, then
the first lines that answer the other, and offers the other's section as a button."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from handlers.advice import digest, pay_label
from handlers.coverage import beyond
from handlers.engine import Engine
from handlers.plan import Plan
from handlers.question import two_asks
from handlers.salary import matching
from handlers.topic import NAMED, choose, guess
from knowledge.index import Hit, Line
from knowledge.match import Focus

__all__ = ["both_asks", "both_points", "each_ask", "other_ask"]

_FIRST_LINES = 3  # lines of the ask answered first, when the other ask's lines follow
_OTHER_LINES = 3  # lines of the other ask


def other_ask(engine: Engine, question: str, answered: str | None) -> tuple[str, str, bool] | None:
    """(topic, words, whether its words name the topic outright) of the ask the reply (on `answered`)
    leaves out, when the question asks two things of different topics; None otherwise, or when that
    ask names what no document covers (it is named)."""
    two = two_asks(question) if answered is not None else None
    if two is None:
        return None
    for part in two:
        m = engine.matcher.match(part)
        if beyond(engine, m):
            continue
        choice = choose(engine, m, guess(engine, m))
        topic = choice.match.topic
        if topic is not None and topic != answered:
            return topic, part, m.topic == topic and m.topic_top.get(topic, 0) >= NAMED
    return None


def both_asks(engine: Engine, p: Plan, other: tuple[str, str, bool], planner: Callable[[str], Plan]) -> Plan:
    """A one-role lead answered for both asks, when the other names its topic outright: its first
    lines, then the first lines the other ask's words find in the same role's document ("is demand
    growing, and what trends are driving the work?"); the plan as it was otherwise."""
    (topic, part, named) = other
    if not named or p.intent != "answer" or p.mode != "lead" or len(p.groups) != 1 or len(p.roles) != 1:
        return p
    role, hits = p.groups[0]
    if _holds(hits, topic):
        return p  # "what does each level involve, and how big is the pay jump?": each rung with its pay
    second = planner(f"{role} {topic} {part}")
    if second.intent != "answer" or second.roles != p.roles:
        return p
    if second.mode == "lead" and second.groups:
        found = list(second.groups[0][1])
    elif second.mode == "" and second.topic == "salary":  # "... and what do seniors make?": those figures
        found = _pay_lines(engine, role, second.focus)
    else:
        return p
    first = hits[:_FIRST_LINES]
    seen = {h.line.id for h in first}
    more = [h for h in found if h.line.id not in seen][:_OTHER_LINES]
    if not more or all(h.line.topic == p.topic for h in more):
        return p
    return p.model_copy(update={"groups": ((role, _after_rungs(engine, role, first, more)),)})


def _pay_lines(engine: Engine, role: str, focus: Focus) -> list[Hit]:
    """The lines of a role's pay figures for a focus (the senior level, Seattle), the section's brief
    with none; none when no figure meets the focus (the other ask is then left to its button)."""
    if not focus:
        return digest(engine, role, "salary")
    found = matching(engine.kb.roles[role], focus)
    index = engine.evidence.index
    by_source = {
        f"{ln.label}: {ln.text}" if ln.label else ln.text: ln
        for topic in dict.fromkeys(f.topic for f in found)
        for ln in index.section(role, topic)
    }
    lines = [by_source[f.source] for f in found if f.source in by_source]
    # a rung's pay ("Salary range: ..." under "Director of MLOps: ..."): the rung first, whose pay it is
    with_rung = [x for ln in lines for x in (*_parent(index.section(role, ln.topic), ln), ln)]
    return [Hit(ln, 0.0, frozenset()) for ln in dict.fromkeys(with_rung)]


def _after_rungs(engine: Engine, role: str, first: Sequence[Hit], more: Sequence[Hit]) -> tuple[Hit, ...]:
    """The lead's lines, then the other ask's; a rung's pay among those right after its rung when the
    lead shows it (not "Salary range: $198,125 - ..." under the Senior rung shown last)."""
    out, rest = list(first), []
    index = engine.evidence.index
    for h in more:
        rung = _parent(index.section(role, h.line.topic), h.line)
        at = next((i for i, x in enumerate(out) if rung and x.line.id == rung[0].id), None)
        if at is None:
            rest.append(h)
        else:
            out.insert(at + 1, h)
    return (*out, *rest)


def _parent(section: list[Line], line: Line) -> tuple[Line, ...]:
    """The rung a pay line belongs to ("Salary range: ..." after "Director of MLOps: ..."): the line
    before it under the same heading that is no pay line itself; none for a line of its own."""
    if not pay_label(line.label) or line not in section:
        return ()
    before = section[: section.index(line)]
    return next(
        ((ln,) for ln in reversed(before) if ln.path == line.path and not pay_label(ln.label) and ln.label),
        (),
    )


def each_ask(engine: Engine, p: Plan, question: str, planner: Callable[[str], Plan]) -> Plan:
    """A one-role answer to a question of two asks whose topic is neither's ("what does the work
    involve day to day? and what's entry level pay like", read whole as the career ladder): each ask
    read alone, the first's first lines, then the second's, its section offered as a button."""
    two = two_asks(question)
    if two is None or p.intent != "answer" or len(p.roles) != 1:
        return p
    # each ask names its own topic outright, neither the one the whole was read as (read before planning)
    read = [engine.matcher.match(part) for part in two]
    topics = [m.topic for m in read]
    if None in topics or topics[0] == topics[1] or p.topic in topics:
        return p
    if any(m.topic_top.get(m.topic, 0) < NAMED for m in read):
        return p
    role = p.roles[0]
    asks = [planner(f"{role} {part}") for part in two]  # the role's id, as both_asks reads the other ask
    if any(a.intent != "answer" or a.roles != p.roles or a.uncovered for a in asks):
        return p
    if [a.topic for a in asks] != topics:
        return p
    found = [_lines(engine, role, a) for a in asks]
    if not all(found):
        return p
    first = found[0][:_FIRST_LINES]
    seen = {h.line.id for h in first}
    more = [h for h in found[1] if h.line.id not in seen][:_OTHER_LINES]
    groups = ((role, (*first, *more)),)
    return asks[0].model_copy(update={"groups": groups, "mode": "lead", "also": topics[1]})


def _lines(engine: Engine, role: str, asked: Plan) -> list[Hit]:
    """The lines an ask's plan leads with: its lead, or its pay figures."""
    if asked.mode == "lead" and asked.groups:
        return list(asked.groups[0][1])
    if asked.mode == "" and asked.topic == "salary":
        return _pay_lines(engine, role, asked.focus)
    return []


def both_points(engine: Engine, p: Plan, question: str, planner: Callable[[str], Plan]) -> Plan:
    """A one-role answer to a question of two asks whose lead answers one ("Is 3 years realistic, and
    what certifications should I look for?"): the lead's first lines, then the first lines of the
    ask it leaves out, read alone, when that ask names what it asks (a topic outright, or a figure's
    focus); the plan as it was otherwise."""
    two = two_asks(question)
    if two is None or p.intent != "answer" or p.mode != "lead" or len(p.groups) != 1 or len(p.roles) != 1:
        return p
    role, hits = p.groups[0]
    first = list(hits[:_FIRST_LINES])
    shown = {h.line.id for h in hits}
    for part in two:
        m = engine.matcher.match(part)
        named = m.topic_top.get(m.topic or "", 0) >= NAMED or m.focus
        if not (named or m.subject):
            continue
        asked = planner(f"{role} {part}")
        if not named and asked.topic != p.topic:  # ... or, in no topic word, a point of the same section
            continue  # ("techniques for imbalanced classes? And which tools explain model decisions?")
        if asked.intent != "answer" or asked.roles != p.roles or asked.uncovered:
            continue
        found = _lines(engine, role, asked)
        # the line that answers: a rung's pay, not the rung shown before it
        answer = [h for h in found if pay_label(h.line.label)] if m.topic == "salary" else []
        answer = answer or found
        if not found or answer[0].line.id in shown or (asked.topic != p.topic and _holds(hits, asked.topic)):
            continue  # the lead answers this ask already
        paid = m.topic == "salary" and _holds(tuple(found), "salary")  # a rung's pay, in the career section
        if m.topic_top.get(m.topic or "", 0) >= NAMED and found[0].line.topic != m.topic and not paid:
            continue  # "is low adoption a common challenge?": a word's lines elsewhere answer no such ask
        put = {h.line.id for h in first}  # a line of the lead past its first lines may come again here
        more = [h for h in found if h.line.id not in put][:_OTHER_LINES]
        also = asked.topic if asked.topic != p.topic else p.also
        return p.model_copy(
            update={"groups": ((role, _after_rungs(engine, role, first, more)),), "also": also}
        )
    return p


def _holds(hits: tuple[Hit, ...], topic: str | None) -> bool:
    """Whether a lead holds lines of a topic, or its pay lines ("what does each level involve, and
    how big is the pay jump?": each rung with its pay)."""
    return any(h.line.topic == topic or (topic == "salary" and pay_label(h.line.label)) for h in hits)
