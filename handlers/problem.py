"""A problem the person has, and how to handle it ("budget is tight and our tooling sucks. how do
mlops teams cope?"): the lines of the role's challenges, best practices, soft skills and duties that
name the problem, in the words of the whole message, each challenge with the solution given beside it."""

from __future__ import annotations

from collections import Counter

from handlers.engine import Engine
from handlers.evidence import Evidence, Term
from handlers.kinds import asks, says
from handlers.lines import LEAD_LINES
from handlers.question import copes
from knowledge.english import is_common
from knowledge.index import Hit, Line, key
from knowledge.match import Match
from knowledge.patterns import Lazy

__all__ = ["asks_fix", "fixed_where", "problem_lines", "with_solutions"]

_SECTIONS = ("challenges", "best-practices", "soft-skills", "responsibilities")
_FIXING = ("challenges", "best-practices")
_WORDS = 12  # words of the message looked up (a long post costs no more)
_HOW = 2  # "how" among the first words asks how it is done
_FEW = 3  # a translated word said in at most this many of the role's lines names the problem alone
_RARE = 5.0  # one word this rare in the documents, or two words, in a line name the problem
# "or does legal handle that?", "does the data team handle it": someone else's job, not a fix asked
_WHO_HANDLES = Lazy(
    r"\b(?:does|do|will|would|should)\s+(?:the\s+|our\s+|a\s+)?(?!i\b|we\b|you\b|they\b|people\b|ppl\b|one\b)"
    r"\w+(?:\s+team)?\s+(?:handle|own|deal\s+with)\s+(?:that|this|it)\b"
)


def asks_fix(engine: Engine, m: Match) -> bool:
    """Whether the message asks how to handle a problem ("how do ppl handle this"), or what to do
    about trouble it describes ("the api falls over when traffic spikes, any tips?")."""
    if _WHO_HANDLES.search(" ".join(m.words)):  # "do they own ethics, or does legal handle that?": whose job
        return False
    said = [w for w in m.words if w.isalnum()]
    # "what are the common challenges they deal with?": what they deal with is asked, not how
    dealt = said[-2:] in (["deal", "with"], ["dealing", "with"]) and not {"what", "which"}.isdisjoint(said)
    if dealt and says(engine, tuple(said[:-2]), "fix") or not dealt and asks(engine, m, "fix"):
        return True
    if m.context and said and engine.matcher.word_lists["fix_alone"].issuperset(said):
        return True  # "every team has its own dev env and onboarding takes weeks. fix?"
    if "how" in m.words[:_HOW] and copes(m.words, engine.matcher.word_lists):  # "how do they manage cost?"
        return True
    trouble = engine.matcher.word_lists["trouble"]
    return bool(trouble & {*m.words, *m.context}) and asks(engine, m, "remedy")


def problem_lines(engine: Engine, m: Match, role: str, section: str | None = None) -> list[Hit]:
    """The role's lines that name the problem the message describes, best first, each challenge
    followed by its solution; [] when no line names it clearly. `section`: one the question
    names ("how do they fix the drift one?" after the challenges), whose lines naming it come first."""
    ev = engine.evidence
    asking = engine.matcher.word_lists["coping"]  # "handle", "cope": how it is asked, not the problem
    # "deal with the talent shortage": a topic word that is no section's name is part of the problem,
    # when a role is named (with none, not "the base model": it would pick a role of its own)
    names = engine.matcher.topic_names
    named = [w for w in m.topic_words if w.lower() not in names] if m.roles else []
    told = (*m.subject, *named, *m.context)  # the question's own words first, then its story
    # of a long story, its words that are no everyday English first ("PLCs", "proprietary protocol")
    story = sorted(dict.fromkeys(m.context), key=is_common)
    looked = dict.fromkeys((*m.subject, *named, *story))
    words = [w for w in looked if len(w) > 2 and w not in asking][:_WORDS]
    words = ev.joined(told, words)  # "a black box": one thing, the documents' explainability
    terms = ev.terms(words)
    weight = {key(f): t.weight for t in terms for f in t.forms}
    hits = [h for h in ev.search(terms, roles=[role], limit=80) if h.line.topic in _SECTIONS]
    # "our plant runs on ... proprietary junk": a line on a rare word that is no everyday English first
    rare = {k: w for k, w in weight.items() if not is_common(k)}
    hits.sort(key=lambda h: -max((rare.get(k, 0.0) for k in h.terms), default=0.0))
    # a word of the person's own the synonyms translate ("magic": expectations) names the problem alone,
    # where a challenge or a practice says it and few of the role's lines do (not "plant": manufacturing)
    lines_of = Counter(k for h in hits for k in h.terms)
    fixing = {k for h in hits if h.line.topic in _FIXING for k in h.terms}
    naming = {k for k in _translated(ev, terms) & fixing if lines_of[k] <= _FEW}
    weight = {k: max(w, _RARE) if k in naming else w for k, w in weight.items()}
    # a fix is asked: a challenge or a practice that names the problem before a duty or a trait
    hits.sort(key=lambda h: not (h.line.topic in _FIXING and _names(h, weight)))
    if section and any(h.line.topic == section and _names(h, weight) for h in hits):
        hits.sort(key=lambda h: not (h.line.topic == section and _names(h, weight)))  # stable: rare first
    if not hits or not _names(hits[0], weight):
        return []
    lead = ev.lead(hits, LEAD_LINES)  # the best names the problem; the others come close to it
    top = lead[0].line
    if len(lead) < 2 and top.path:  # "Addressing class imbalance": the lines beside it under its heading
        shown = {h.line.id for h in lead}
        beside = [
            ln for ln in ev.index.section(role, top.topic) if ln.path == top.path and ln.id not in shown
        ]
        lead += [Hit(ln, 0.0, frozenset()) for ln in beside[: LEAD_LINES - 1]]
    return with_solutions(engine, lead, role)


def fixed_where(engine: Engine, m: Match, roles: tuple[str, ...]) -> tuple[str, list[Hit]] | None:
    """For trouble told with no role named ("fraud model silently degrading ... how are people supposed
    to catch this earlier?"): the role whose lines name the problem best, with those lines; None when
    no role's lines name it."""
    found = [(role, hits) for role in roles if (hits := problem_lines(engine, m, role))]
    if not found:
        return None
    return max(found, key=lambda rh: (rh[1][0].score, -roles.index(rh[0])))


def _translated(ev: Evidence, terms: tuple[Term, ...]) -> set[str]:
    """The keys of the terms that are words the documents never use, said in theirs by a synonym."""
    return {
        key(f) for t in terms if len(t.forms) > 1 and not ev.index.matching(t.forms[0]) for f in t.forms[1:]
    }


def _names(h: Hit, weight: dict[str, float]) -> bool:
    found = [weight.get(k, 0.0) for k in h.terms]
    return len(found) >= 2 or max(found, default=0.0) >= _RARE


def with_solutions(engine: Engine, lead: list[Hit], role: str, most: int = LEAD_LINES + 1) -> list[Hit]:
    """Each "Challenge:" line followed by the "Solution:" line the document gives after it, and
    a "Solution:" line led by its challenge; `most` lines."""
    if not any(_labelled(h.line, "challenge") or _labelled(h.line, "solution") for h in lead):
        return lead
    lines = engine.evidence.index.section(role, "challenges")
    by_id = {ln.id: i for i, ln in enumerate(lines)}
    out: list[Hit] = []
    for h in lead:
        at = by_id.get(h.line.id)
        if at is not None and _labelled(h.line, "solution"):
            before = next((ln for ln in lines[max(0, at - 2) : at][::-1] if _labelled(ln, "challenge")), None)
            if before is not None:
                out.append(Hit(before, h.score, frozenset()))
        out.append(h)
        if at is None or not _labelled(h.line, "challenge"):
            continue
        after = next((ln for ln in lines[at + 1 : at + 3] if _labelled(ln, "solution")), None)
        if after is not None:
            out.append(Hit(after, h.score, frozenset()))
    return list({h.line.id: h for h in out}.values())[:most]  # each line once, first place kept


def _labelled(line: Line, label: str) -> bool:
    return (line.label or "").lower().startswith(label)
