"""A job title none of the five, said beside a role: the person's own ("I work as a devops engineer")
or one compared with it ("mlops vs devops"), answered with what the documents set beside the role and
the title named as not covered when none does."""

from __future__ import annotations

import re
from collections.abc import Sequence

from handlers.advice import what_it_does
from handlers.engine import Engine
from handlers.evidence import Term
from handlers.plan import Plan
from handlers.scope import own_title
from knowledge.index import Hit, Line
from knowledge.match import Match, normalize
from knowledge.patterns import Lazy

__all__ = ["naming", "own_role", "own_title_of", "title_plan", "with_title"]

_HOLDERS = 1  # a title none of the five is answered from the one role whose document names it
_PAY = Lazy(r"\b(?:salar\w*|pay\w*|compensation|premium|earn\w*)\b", re.IGNORECASE)
_BESIDE = 2  # lines that set such a title beside the role, leading its answer


def title_plan(m: Match, topic: str | None, title: tuple[str, str]) -> Plan:
    """A job title that is none of the five, asked about: said so, with the closest role."""
    return Plan(
        "unknown", (), topic, m.focus, mode="title", asked=title[0], suggestions=(title[1],),
        uncovered=(title[0],), match=m,
    )  # fmt: skip


def own_title_of(engine: Engine, ctx: Match) -> tuple[str, str] | None:
    title = own_title(engine, ctx)
    return (title, "") if title else None


_OWN_ROLE = 4  # words after "currently", "i'm", "as" that may name the person's own role


_HIRED = frozenset({"joined", "hired", "started", "working", "work", "employed"})  # ... as the role


def own_role(engine: Engine, ctx: Match, held: bool = False) -> str | None:
    """The one role of the five the person says they are in ("Currently an ML engineer, ...",
    "As an MLE my pain is ..."). `held`: only as said of a role held now ("joined as", "I'm"), not
    "as an AI systems engineer", which may be the role hoped for."""
    words = ctx.words
    for i, w in enumerate(words):
        if w in engine.matcher.word_lists["own_openers"] and not (
            held and w == "as" and (i == 0 or words[i - 1] not in _HIRED)
        ):
            roles = engine.matcher.match(" ".join(words[i + 1 : i + 1 + _OWN_ROLE])).roles
            if len(roles) == 1:
                return roles[0]
    return None


def naming(engine: Engine, title: str) -> tuple[str, ...]:
    """The role whose document names a title that is none of the five, as written ("Computer
    Vision Engineers" among AI Systems' in-demand roles); () when none or several do."""
    said = engine.evidence.term(title.lower())  # as cased for the reader ("AI ethicist"), searched as words
    roles = tuple(dict.fromkeys(ln.role for ln in engine.evidence.saying(said)))
    return roles if len(roles) == _HOLDERS else ()


def _set_beside(engine: Engine, p: Plan, term: Term) -> dict[str, list[Line]]:
    """Each role's lines that set the title beside the role ("a ~20% salary premium compared to
    traditional software engineers"), else those that name it: what the note promises to show. On
    pay, only lines that set the pays side by side, from another document when the role's own has none."""
    ev = engine.evidence
    out = {}
    for role, _ in p.groups:
        if p.topic == "salary":
            out[role] = (
                [ln for ln in ev.comparing(term, [role]) if _PAY.search(ln.text)]
                or [
                    ln  # "ML engineers vs software engineers pay": another document may set them side by side
                    for ln in ev.comparing(term, None)
                    if _PAY.search(ln.text) and _names_role(engine, role, ln.text)
                ]
                # ... else the role's document giving the title's own pay ("Data Scientist with ML
                # Expertise: ... $109,143 to $131,000"), to set beside the role's figures
                or [ln for ln in ev.saying(term, [role]) if "$" in ln.text]
            )
        else:  # else the lines that list it as a title ("Advanced roles may include ... Research
            named = [ln for ln in ev.saying(term, [role]) if term.word.title() in ln.text]  # Engineer")
            out[role] = ev.comparing(term, [role]) or named
    return out


def _names_role(engine: Engine, role: str, text: str) -> bool:
    """Whether a line names the role outright ("Machine Learning Engineers command a ~20% premium")."""
    said = f" {' '.join(normalize(text))} "
    weak = engine.matcher.aliases.weak_aliases
    return any(
        f" {p} " in said or f" {p}s " in said for p in engine.matcher.aliases.roles[role] if p not in weak
    )


def _led(lines: list[Line], hits: tuple[Hit, ...], opening: Sequence[Line] = ()) -> tuple[Hit, ...]:
    """The hits led by the opening lines and the first of these (moved to the front when among
    them already)."""
    first = [Hit(ln, 0.0, frozenset()) for ln in dict.fromkeys([*opening, *lines[:_BESIDE]])]
    ids = {h.line.id for h in first}
    return (*first, *(h for h in hits if h.line.id not in ids))


def with_title(engine: Engine, p: Plan, title: str, inferred: bool = False, own: bool = False) -> Plan:
    """The plan, when a title that is none of the five is asked beside its roles: what the
    documents say of it as a note ("mlops vs devops"), and the title named as not covered.

    A person's title ("software engineer") is covered where a document sets it beside the role
    ("vs. Data Scientist", "a premium over software engineers") or, asked of no comparison, lists it
    ("Research Engineer" among the advanced roles); a field ("devops") wherever a document names it.
    """
    m, ev = p.match, engine.evidence
    said = title.lower()  # as cased for the reader ("AI ethicist"), searched as words
    term = ev.term(said)
    person = said.split()[-1] in engine.matcher.word_lists["person_titles"]
    found = ev.found(term, p.roles)
    if own and person and not found and " " in said:  # "I work as a devops engineer": "DevOps teams"
        found = ev.found(ev.term(said.rsplit(" ", 1)[0]), p.roles)
    beside: dict[str, list[Line]] = {}
    if found and (person or (m is not None and m.compare_strong)):
        listing = m is not None and m.compare_weak and not m.compare_strong  # "ML or data scientist?"
        # ... unless one is to be chosen ("should I be a data scientist or an ML engineer?"): what sets
        # them apart
        # ... or nothing but the two is asked ("Machine Learning Engineer or Data Scientist?")
        bare = not m.topic_scores and set(m.subject) <= set(title.split())
        choosing = listing and (bare or not engine.matcher.word_lists["choose_between"].isdisjoint(m.words))
        beside = {} if listing and not choosing else _set_beside(engine, p, term)
        if listing and p.topic == "salary":  # "who gets paid more, software or ML engineer?": a line
            pays = _set_beside(engine, p, term)  # that sets the pays side by side, if any document has one
            beside = pays if any(pays.values()) else beside
        if p.topic == "salary" and beside and not any(beside.values()):  # no line sets the pays side by side
            return p.model_copy(update={"uncovered": (*p.uncovered, f"{title} pay")})
        if m is not None and m.compare_strong and p.topic != "salary":
            # "how is an AI systems engineer different from a data scientist?": where no line sets the
            # title beside the role, what the role is and does leads, then the lines that name the title
            opening = {role: what_it_does(engine, role) for role in beside if not ev.comparing(term, [role])}
            p = p.model_copy(update={"topic": "overview"}) if len(opening) == len(beside) else p
        else:
            opening = {}
        topics = {ln.topic for lines in [*beside.values(), *opening.values()] for ln in lines}
        if choosing and len(topics) == 1 and p.topic != "salary":  # titled by the section setting them apart
            p = p.model_copy(update={"topic": topics.pop()})
        groups = tuple(
            (role, _led(beside.get(role, []), hits, opening.get(role, []))) for role, hits in p.groups
        )
        # the note promises what the documents say of the title: only when a line shown says it
        said = (
            any(beside.values())
            or bool(opening)
            or any(ev.says(h.line, term) for _, hits in groups for h in hits)
        )
        # ... and is no news of the person's own title ("im a data analyst ...": they know it is none)
        noted = said and not own
        p = p.model_copy(update={"note": title if noted else p.note, "uncovered": (), "groups": groups})
    comparing = m is not None and (m.compare_strong or m.compare_weak)
    # "research engineer possible?" after the ML engineer's advanced roles: a title its document lists
    listed = not (comparing or inferred) and bool(ev.saying(term, p.roles))
    paid = p.topic == "salary" and any(beside.values())  # pays set side by side, in any document
    covered = found and (own or not person or ev.compared(term, p.roles) or listed or paid)
    return p if covered else p.model_copy(update={"uncovered": (*p.uncovered, title)})
