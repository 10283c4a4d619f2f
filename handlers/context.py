"""What the sentences around a long message's question add to it: the role, place and topic they name,
the person's own years, a climb told just before, the people it is explained to ("PM keeps asking if
the model is good ... how do I explain it?"), and what it asks in passing that no document covers
("... wondering how generous they are with parental leave")."""

from __future__ import annotations

import functools
import re

from handlers.ambiguity import surest_work
from handlers.coverage import beyond
from handlers.engine import Engine
from handlers.lines import ROLES_PLURAL
from handlers.policy import only_occasion
from handlers.problem import asks_fix
from handlers.question import side_asks
from handlers.scope import PLACE_KINDS, outside
from handlers.topic import NAMED, WORDED
from knowledge.match import Match, normalize, runs
from knowledge.patterns import Lazy

__all__ = [
    "WORDED",
    "about_pay",
    "asked_beside",
    "in_home_market",
    "moving_to",
    "climb_before",
    "foreign_pay",
    "sentence_before",
    "told_them",
    "topic_from",
    "unless_fixed",
    "with_context",
    "years_stated",
]

_TELLERS = frozenset({"i", "we"})
SENTENCES = Lazy(r"(?<=[.!?])\s+")


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


def asked_beside(
    engine: Engine, context: str, missing: tuple[str, ...], roles: tuple[str, ...] = (), pay: bool = False
) -> list[str]:
    """What the context's own asks name that no document covers (PTO, visas), not named already; with
    `pay`, the places asked of in passing too ("What do they make? I'm in Leeds, so curious how the UK
    compares"), as if asked in the question (not "a bank in Charlotte here", which asks nothing)."""
    out: list[str] = []
    for sentence in side_asks(context):
        said = engine.matcher.match(sentence)
        named = beyond(engine, said)
        if not only_occasion(engine, said, named):
            out += [w for w in named if w not in missing and w not in out]
        if pay:
            there = outside(engine, said, roles or None, "salary")
            out += [o.name for o in there if o.kind in PLACE_KINDS and o.name not in (*missing, *out)]
    return out


_CLIMB_QUESTION = 12  # words of a question that asks of the climb the sentence before tells


def climb_before(engine: Engine, asked: Match, text: str, question: str, context: str) -> str:
    """The sentence before a short question (`asked`, as read) naming no topic, when it tells a climb
    to a level ("I'm a mid-level mlops engineer trying to get promoted to senior."); "" otherwise."""
    lists = engine.matcher.word_lists
    if (
        len(asked.words) > _CLIMB_QUESTION
        or asked.focus.levels
        # "what path should i take?" names the career, which a climb is; not "what's the ladder like?"
        or max((v for t, v in asked.topic_top.items() if t != "career"), default=0) >= NAMED
        or asked.topic_top.get("career", 0) >= NAMED
        and not lists["rungs_said"].isdisjoint(asked.words)
    ):
        return ""
    last = sentence_before(text, question, context)
    said = engine.matcher.match(last) if last else None
    climbing = said is not None and bool((lists["climbing"] | lists["promotion"]) & runs(said.words))
    return last if climbing and said.focus.levels else ""


def sentence_before(text: str, question: str, context: str) -> str:
    """The sentence just before the question ("... a four-day work week. Do companies offer that?"),
    "" when the message opens with it ("Is that realistic? ... My company pays for one."); the
    context's last when the question is not found as typed."""
    at = text.find(question[:40])
    if at < 0:
        return SENTENCES.split(context.strip())[-1]
    return SENTENCES.split(text[:at].strip())[-1] if at else ""


def with_context(
    m: Match, ctx: Match, across_words: frozenset[str], lists: dict[str, frozenset[str]]
) -> Match:
    """The question's match, with the role the context names when the question names none, and
    the context's words kept for choosing between ambiguous roles."""
    # "copilot tools will take our jobs. what's the actual outlook?": the outlook of that; not "...
    # obsolete. How is AI changing platform engineering?", which asks the trends themselves
    replaced = m.replaced or (ctx.replaced and m.topic == "demand")
    update: dict = {"context": tuple(ctx.subject), "replaced": replaced}
    weak = bool(m.roles) and set(m.roles) <= set(m.weak_roles)  # "what ML knowledge would I need?"
    strong = [r for r in ctx.roles if r not in ctx.weak_roles]
    these = len(ctx.roles) == 2 and bool(
        set(m.words) & lists["both"]
    )  # "which of these two roles pays more?"
    across = set(m.words) & ROLES_PLURAL and set(m.tokens) & across_words and not these  # "in any roles?"
    marks = set(m.tokens) & across_words - (
        {"all"} if "at all" in " ".join(m.tokens) else set()
    )  # "... at all?"
    if across and len(strong) == 1 and marks <= {"these", "those"}:
        across = False  # "pinged about a Production AI Engineer role ... do these roles expect?": that one
    named = tuple(a for a in ctx.ambiguous if a[0] != "ai")  # "I want to work on AI in factories": the field
    if not (m.roles or m.ambiguous or across) and len(ctx.roles) <= 2 and (ctx.roles or named):
        update.update(roles=ctx.roles, ambiguous=named, weak_roles=ctx.weak_roles)
    elif weak and len(strong) == 1 and (not m.compare_strong or len(m.roles) < 2):  # "ML versus infra skills"
        update.update(roles=tuple(strong), weak_roles=())
    elif (
        not m.roles
        and m.ambiguous
        and len(ctx.roles) == 1
        and all(ctx.roles[0] in candidates for _, candidates in m.ambiguous)
    ):
        # "I keep seeing 'AI Systems Engineer' on LinkedIn. Is that a fancy name for an AI engineer?"; "how
        # do AI engineers push back on 'AI in everything'? AI systems engineer at a logistics co."
        update.update(roles=ctx.roles, ambiguous=())
    if not m.focus.levels and len(ctx.focus.levels) > 1 and set(m.words) & lists["each_one"]:
        # "team lead vs director of MLOps ... What does each one actually do?": the levels named before
        update["focus"] = m.focus.model_copy(update={"levels": ctx.focus.levels})
    places = {"locations": ctx.focus.locations, "companies": ctx.focus.companies}
    # "moving to New York. What would I earn there?"; not "sysadmin in brazil ... how is the market"
    # ... and "prod AI engineer pay in chicago... is it way under the coasts?": the pay the context asks
    # ... and "TC check: ... in NYC, recruiter's first number felt low. What's typical?": a bare question
    bare = bool(set(m.words) & lists["pointing"]) or len(m.words) <= _BARE
    # ... and "offer in Austin is 150k base. is that fair?": the pay the context states is asked about
    # ... and "is that decent compared to the numbers in the doc?": the pay asked in words
    # ... but not "4 yoe, $140k ... Is this a realistic internal move, and what should I learn first?":
    # a long question of its own, in no pay word
    stated = (
        m.topic in (None, "salary")
        and bare
        and about_pay(m, lists)
        and ctx.focus.amount is not None
        and m.focus.amount is None
    )
    asks_place = (
        m.topic == "salary"
        or "there" in m.words
        or (m.topic is None and ctx.topic == "salary" and bare)
        or stated
    )
    # "... an offer in San Francisco. What's the average salary there?": "average" sets no place
    # ... nor "4 yoe in Texas making 140k. what's the realistic range in the US?": the home market asked
    home = in_home_market(m.words, lists["home_market"])
    if not (m.focus.locations or m.focus.companies or home) and any(places.values()) and asks_place:
        update["focus"] = update.get("focus", m.focus).model_copy(update=places)
    # "salary for ml engineer entry level in US. is it more than 100k?": the level the context asks the
    # pay of, when the question points back at it and names none
    leveled = m.topic in (None, "salary") and bare and ctx.topic == "salary" and ctx.focus.levels
    # ... or whatever the context asks, when the question points at it ("... as a senior AI systems
    # engineer. What should I expect in SF at that level?")
    said = f" {' '.join(m.words)} "
    # ... not "as the only non-senior", which tells no level
    pointed = any(f" {p} " in said for p in lists["level_pointers"]) and not {"non", "not"} & set(ctx.words)
    leveled = leveled or (ctx.focus.levels and pointed)
    if leveled and not m.focus.levels and not stated:
        update["focus"] = update.get("focus", m.focus).model_copy(update={"levels": ctx.focus.levels})
    if stated:
        pay = {
            "amount": ctx.focus.amount,
            "kinds": m.focus.kinds or ctx.focus.kinds,
            "years": m.focus.years if m.focus.years is not None else ctx.focus.years,
            "levels": m.focus.levels or ctx.focus.levels,  # "118k base for a mid-level role": its level
        }
        update["focus"] = update.get("focus", m.focus).model_copy(update=pay)
    return m.model_copy(update=update)


_BARE = 4  # words of a question that leans on its context for all it asks ("what's typical?")
_ABOUT_IT = 11  # words (with its mark) of a question that may ask, in no pay word, about an amount told


_SYMBOLS = "€£₹¥"  # currency signs other than the dollar's
_NUMBER = r"\d[\d,.]*\s?k?"


def foreign_pay(text: str, currencies: frozenset[str]) -> tuple[str, tuple[str, ...]]:
    """The text with each amount of another currency than the dollar ("€72k", "60k GBP") said as
    "salary", and those amounts as typed: the documents give US dollars only, so no figure is set
    against them, yet pay is talked of."""
    if not any(c in text for c in _SYMBOLS) and not any(d.isdigit() for d in text):
        return text, ()
    found = _foreign(currencies)
    typed = tuple(dict.fromkeys(f.group(0).strip() for f in found.finditer(text)))
    return (found.sub(" salary ", text), typed) if typed else (text, ())


@functools.lru_cache(maxsize=2)
def _foreign(currencies: frozenset[str]) -> re.Pattern[str]:
    """An amount with a sign or code of another currency than the dollar ("€72k", "60k GBP")."""
    codes = "|".join(sorted(map(re.escape, currencies), key=len, reverse=True))
    return re.compile(rf"[{_SYMBOLS}]\s?{_NUMBER}\b|\b{_NUMBER}\s?(?:{codes})\b", re.I)


_TARGET_SURE, _TARGET_LEAD = 0.9, 10.0  # the work model this sure of the work a move is to


def moving_to(engine: Engine, context: str, held: str) -> str | None:
    """The one role the context says the person moves to, not the one they hold ("I'm an ML engineer
    ... I want to move to the team that builds the platform (feature store, training infra)"): named
    after a verb of moving, or its work told there; None else."""
    moves = engine.matcher.word_lists["moves"]
    for sentence in SENTENCES.split(context):
        words = normalize(sentence)
        at = next((i for i, w in enumerate(words) if w in moves), None)
        if at is None:
            continue
        after = engine.matcher.match(" ".join(words[at + 1 :]))
        roles = [r for r in after.roles if r != held]
        if roles:
            return roles[0] if len(roles) == 1 else None
        told = surest_work(engine, after.masked, _TARGET_SURE, _TARGET_LEAD)
        return told if told != held else None
    return None


def about_pay(m: Match, lists: dict[str, frozenset[str]]) -> bool:
    """Whether a question may ask about the pay its context states: short ("is that fair?"), or in
    pay words ("... or am I underpaid?"); not a long question of its own ("Is this a realistic
    internal move, and what should I learn first?")."""
    return len(m.words) <= _ABOUT_IT or bool(lists["paid_words"] & set(m.words)) or "salary" in m.topic_scores


def in_home_market(words: tuple[str, ...], home: frozenset[str]) -> bool:
    """ "in the US", "in the country": the market the pay sections speak of, asked outright."""
    said = [words[i - 2 : i] for i, w in enumerate(words) if w in home]  # not "vs the national average"
    return any(before[-1:] == ("in",) or before == ("in", "the") for before in said)


def years_stated(engine: Engine, m: Match) -> Match:
    """The match less the requirements its years words name, when the years are stated ("3 yoe AI
    engineer at 118k - am I underpaid?"): the person's own experience, no topic asked."""
    years = engine.matcher.word_lists["years_words"]
    if m.focus.years is None or not set(m.topic_words) & years:
        return m
    rest = tuple(w for w in m.topic_words if w not in years)  # "3 yoe ... what's the mid-level range?"
    named = [(tid, w) for word in rest for tid, w in engine.matcher.topic_phrases.get(word, ())]
    if rest and not named:
        return m  # a phrase of several words ("years of experience required"): left as it is
    kept = [w for tid, w in named if tid == "requirements"]
    scores = {t: s for t, s in m.topic_scores.items() if t != "requirements"}
    top = {t: s for t, s in m.topic_top.items() if t != "requirements"}
    if kept:
        scores["requirements"], top["requirements"] = sum(kept), max(kept)
    return m.model_copy(
        update={
            "topic": max(scores, key=scores.get) if scores else None,
            "topic_scores": scores,
            "topic_top": top,
            "topic_words": rest,
        }
    )


def topic_from(m: Match, whole: Match) -> Match:
    """A question that names no topic (or barely) takes it from the whole message ("I heard MLOps jobs are
    growing like 20%. What's the real stat?"), its own words counted twice."""
    scores = dict(whole.topic_scores)
    for tid, score in m.topic_scores.items():
        scores[tid] = scores.get(tid, 0) + score
    if not scores or max(scores.values()) < WORDED:
        return m
    topic = max(scores, key=lambda t: scores[t])
    top = {t: max(m.topic_top.get(t, 0), whole.topic_top.get(t, 0)) for t in scores}
    return m.model_copy(
        update={
            "topic": topic,
            "topic_scores": scores,
            "topic_top": top,
            "masked": whole.masked,
            "percent": whole.percent,
            # "saw a posting asking for a PhD. is that normal?": the point its words named too
            "topic_words": tuple(dict.fromkeys((*m.topic_words, *whole.topic_words))),
        }
    )


def unless_fixed(engine: Engine, m: Match, whole: Match) -> Match:
    """The topic of the whole message, unless a fix is asked and the message names no topic
    outright ("the numbers never match between runs. how do we fix this?": no pay)."""
    if max(whole.topic_top.values(), default=0) < NAMED and asks_fix(engine, m):
        return m
    return topic_from(m, whole)
