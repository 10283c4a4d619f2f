"""Years of experience and growth across roles at a glance: bars of the documents' own numbers.

"which role needs the most years of experience?" draws each role's stated minimum (the
Requirements line that says it, from knowledge/skills.py's records); "job growth outlook for
X compared to Y" draws each role's first projected growth figure, with its period, and says
the figures differ in period and scope. Both quote the lines they come from.
"""

from __future__ import annotations

import re

from handlers.advice import advice_lines, experience
from handlers.blocks import actions, context, full_button
from handlers.engine import Engine
from handlers.figures import asks_low, label
from handlers.plan import Plan
from handlers.render import escape, header, section_blocks
from handlers.reply import Reply
from knowledge.index import Hit, Line
from knowledge.match import AHEAD, Match
from knowledge.patterns import Lazy
from knowledge.skills import SECTIONS, load_skills

__all__ = ["ASK_GROWTH", "glance_plan", "glance_reply", "job_growth"]

_WIDTH = 24
_FULL = "█"
_YEARS = Lazy(r"(\d+)\s*(?:\+|-\s*\d+)?\s*years", re.I)
_GROWTH_WORDS = Lazy(r"\b(?:growth|increase|increased|grow|grown|surge|rise)\b", re.I)
_PERCENT = Lazy(r"(?:up to |over )?(?<![\d.])(\d+(?:\.\d+)?)%")
_JOBS = Lazy(r"\b(?:jobs?|job growth|demand|postings|openings|positions|roles|employment|hiring)\b", re.I)
# a projection ("projected", "forecasts", "job outlook"), the role's own ("job outlook", "job growth"),
# a market's size ("CAGR", "market") and a past count ("over the past four years")
_AHEAD = Lazy(r"\b(?:projected|forecasts?|predicted|predictions?|expected|anticipated|outlook)\b", re.I)
_OWN = Lazy(r"\b(?:job outlook|job growth)\b", re.I)
_MARKET = Lazy(r"\b(?:cagr|market)\b", re.I)
_PAST = Lazy(r"\b(?:past|have|has|same period)\b|\b\w+ 20\d\d to \w+ 20\d\d\b", re.I)
_PERIOD = Lazy(
    r"\b(?:from \d{4} to \d{4}|between \d{4} and \d{4}|by (?:the end of )?\d{4}|annually|annual|"
    r"in the past year|"
    r"between now and \d{4})",
    re.I,
)
_FILLER = {"five", "5", "fastest", "quickest", "longest", "most", "least", "prospects", "much", "many",
           "ask", "asks", "asked", "want", "wants", "expect", "expects", "usually", "typically"}  # fmt: skip
_ASK_YEARS = {"years", "yrs", "year", "yoe", "experience", "experienced"}
# "which role needs the most seniority?" asks years; "what does seniority look like?", the ladder
_SENIORITY = {"seniority"}
_HOW_MUCH = {
    "most",
    "least",
    "more",
    "less",
    "much",
    "need",
    "needs",
    "require",
    "requires",
    "expect",
    "expects",
}
ASK_GROWTH = frozenset(
    {"growth", "growing", "grow", "outlook", "fastest", "expanding", "projected", "projection"}
)
# "demand" with one of these ("which is in higher demand?"): the growth each states
_MORE = {"more", "higher", "highest", "most", "greater", "greatest", "bigger", "biggest", "stronger",
         "strongest"}  # fmt: skip
_GROWTH_TOPICS = (None, "demand", "career", "trends")  # topics a growth question may have been read as
_ACROSS = {"which", "who", "all", "every", "each", "five", "roles", "most", "least", "more", "fewer", "less",
           "compare", "compared", "vs", "versus", "between"}  # fmt: skip


def glance_plan(engine: Engine, m: Match):
    """A years or growth question across roles (or two named), as a plan; None otherwise."""
    tokens = set(m.tokens)
    if len(m.roles) == 1 or m.ambiguous or m.topic == "salary" or not (tokens & _ACROSS or len(m.roles) > 1):
        return None
    asked = (
        {w.lower() for w in (*m.subject, *m.unknown)}
        - _FILLER
        - engine.keep(("entry words",), lambda: _entry_words(engine))
        - _ASK_YEARS
        - ASK_GROWTH
        - _SENIORITY
    )
    if asked:  # "which roles need k8s experience?": lines; not "the best projected job growth?"
        return None
    if (
        (tokens & _ASK_YEARS or tokens & _SENIORITY and tokens & _HOW_MUCH)
        and m.topic in (None, "requirements", "overview", "career")
        and not _ahead(m.words)
    ) or _entry_ease(engine, m):  # "which one is hardest to get into?": not its challenges
        mode, topic = "years", "requirements"
    elif (tokens & ASK_GROWTH or "demand" in tokens and tokens & _MORE) and m.topic in _GROWTH_TOPICS:
        mode, topic = "growth", "demand"
    else:
        return None

    roles = m.roles if len(m.roles) > 1 else engine.role_ids
    if mode == "years" and sum(_years(r) is not None for r in roles) < 2 and _entry_ease(engine, m):
        # "is mlops or ml engineering easier to get into?", one stating years: no ranking, so what each
        # asks for side by side, and the ranking named as not covered
        groups = tuple((r, tuple(_entry_bar(engine, r))) for r in roles)
        return Plan(
            "compare", tuple(roles), "requirements", m.focus, mode="lead", groups=groups,
            uncovered=(_no_ranking(engine, m),), match=m,
        )  # fmt: skip
    return Plan("compare", tuple(roles), topic, m.focus, mode=mode, match=m)


def _no_ranking(engine: Engine, m: Match) -> str:
    """What no document ranks, in the question's own word ("which is easier to get into")."""
    easier = not engine.matcher.word_lists["entry_easier"].isdisjoint(m.words)
    return f"which is {'easier' if easier else 'harder'} to get into"


_SCHOOL = Lazy(r"\b(?:degree|bachelor|master|ph\.?d)", re.I)
_BAR_LINES = 4  # lines of each role's entry bar


def _entry_bar(engine: Engine, role: str) -> list[Hit]:
    """What a role asks of a newcomer: its years of experience, its degree, then its entry rung."""
    years = experience(engine, role)
    school = [
        Hit(ln, 0.0, frozenset())
        for ln in engine.evidence.index.section(role, "requirements")
        if ln.bullet and _SCHOOL.search(ln.text)
    ]
    rung = [h for h in advice_lines(engine, "grow", role, level="entry") if h.score == 0.0]
    found = {h.line.id: h for h in (*years[:2], *school[:1], *rung[:1])}
    return list(found.values())[:_BAR_LINES]


def _entry_ease(engine: Engine, m: Match) -> bool:
    """Whether how hard the roles are to get into is asked ("which of them is easier to get into?",
    "hardest one to break into"): the documents' answer is the years each asks for."""
    lists = engine.matcher.word_lists
    if lists["entry_easier"].isdisjoint(m.words) and lists["entry_harder"].isdisjoint(m.words):
        return False
    said = f" {' '.join(m.words)} "
    return any(f" {p} " in said for p in lists["entry_ways"])


def _entry_words(engine: Engine) -> frozenset[str]:
    """The words that ask how hard a role is to get into, which name no subject."""
    lists = engine.matcher.word_lists
    ways = {w for p in lists["entry_ways"] for w in p.split()}
    return lists["entry_easier"] | lists["entry_harder"] | ways


def _ahead(words: tuple[str, ...]) -> bool:
    """Years said as a time ahead ("where do they end up after 10+ years?", "in 5 years"), not asked."""
    return any(w in AHEAD and nxt.isdigit() for w, nxt in zip(words, words[1:], strict=False))


def _years(role: str) -> tuple[int, str, str, str] | None:
    """(minimum years, as written, the line, its section) the role's documents state, Requirements first."""
    found = [r for r in load_skills().records if r.role == role and r.name == "years of experience"]
    for r in sorted(found, key=lambda r: SECTIONS.index(r.topic)):
        m = _YEARS.search(r.line)
        if m:
            return int(m.group(1)), m.group(0), r.line, r.topic
    return None


def _growth(engine: Engine, role: str) -> list[tuple[float, str, str, Line]]:
    """(percent, as written with its period, the line as written, the line) of the role's growth
    lines: job growth first (a market's CAGR is not the role's), then in document order; made once."""
    return engine.keep(("growth", role), lambda: _growth_lines(engine, role))


def _growth_lines(engine: Engine, role: str) -> list[tuple[float, str, str, Line]]:
    out: list[tuple[float, str, str, Line]] = []
    for topic in ("demand", "career", "trends"):
        for ln in engine.evidence.index.section(role, topic):
            text = f"{ln.label}: {ln.text}" if ln.label else ln.text
            pct = _PERCENT.search(text)
            if pct and _GROWTH_WORDS.search(text):
                period = _PERIOD.search(text)
                shown = pct.group(0) + (f" {period.group(0)}" if period else "")
                out.append((float(pct.group(1)), shown, text, ln))
    return sorted(out, key=lambda g: not _JOBS.search(g[2]))


def _projected(engine: Engine, role: str) -> list[tuple[float, str, str, Line]]:
    """The role's growth lines for a chart of projections: projected job growth first, the role's
    own outlook before the field's; a market's CAGR and a past count of postings last."""
    return sorted(_growth(engine, role), key=_rank)


def _rank(g: tuple[float, str, str, Line]) -> tuple[bool, ...]:
    text = g[2]
    past = bool(_PAST.search(text)) and not _AHEAD.search(text)
    return bool(_MARKET.search(text)), not _JOBS.search(text), past, not _OWN.search(text)


# "job growth", "a growing field", "is demand growing": what grows is the role's jobs
JOB_WORDS = frozenset({"job", "jobs", "openings", "positions", "field", "demand", "hiring"})


def asks_job_growth(m: Match) -> bool:
    """Whether the question asks how the role's jobs grow ("which has better job growth ahead?")."""
    tokens = set(m.tokens)
    return bool(tokens & JOB_WORDS and tokens & ASK_GROWTH)


def job_growth(engine: Engine, role: str) -> list[Line]:
    """The role's lines that put a figure on the growth of its jobs ("a predicted 21% increase in
    jobs"), not a market's size."""
    return [ln for _, _, text, ln in _growth(engine, role) if _JOBS.search(text)]


def _chart(rows: list[tuple[str, float | None, str]]) -> str:
    top = max((v for _, v, _ in rows if v), default=0) or 1
    pad = max(len(n) for n, _, _ in rows)
    lines = [
        f"{n:<{pad}}  {_FULL * max(1, round(v * _WIDTH / top)) if v else '':<{_WIDTH}}  {s}"
        for n, v, s in rows
    ]
    return "```\n" + escape("\n".join(lines)) + "\n```"


def glance_reply(engine: Engine, plan) -> Reply:
    """Bars of years of experience or growth per role, the answer above them, the lines below."""
    kb = engine.kb
    titles = {r: kb.roles[r].title for r in plan.roles}
    sections = {t.id: t.title for t in kb.topics.values()}
    if plan.mode == "years":
        found = {r: _years(r) for r in plan.roles}
        lists = engine.matcher.word_lists  # "easier to get into": the fewest years
        easier = plan.match is not None and not lists["entry_easier"].isdisjoint(plan.match.words)
        low = asks_low(plan.match) or easier  # "which role needs the least experience?"
        sign = 1 if low else -1
        ranked = sorted(plan.roles, key=lambda r: sign * found[r][0] if found[r] else 99)
        rows = [(label(kb.roles[r]), found[r][0] if found[r] else None,
                 found[r][1] if found[r] else "(no years stated)") for r in ranked]  # fmt: skip
        known = [r for r in ranked if found[r]]
        best = known[0] if known else None
        most = "least" if low else "most"
        tied = [r for r in known if found[r][0] == found[best][0]] if best else []
        names = " and ".join(escape(titles[r]) for r in tied)
        sentence = (
            "*None of these documents states years of experience.*"
            if not best
            else "*The documents state the same minimum*"
            if len(known) > 1 and len(tied) == len(known)
            else f"*{names} {'ask' if len(tied) > 1 else 'asks'} for the {most} experience*: "
            f"{escape(found[best][1])}."
        )
        quotes = [
            f"*{escape(titles[r])}*\n• {escape(found[r][2])} _({sections[found[r][3]]})_"
            if found[r]
            else f"*{escape(titles[r])}*\n_Its Requirements, Overview and Career Development state no years._"
            for r in ranked
        ]
        title = "Years of experience asked for"
    else:
        found_g = {r: _projected(engine, r) for r in plan.roles}
        ranked = sorted(plan.roles, key=lambda r: -(found_g[r][0][0] if found_g[r] else -1))
        rows = [(label(kb.roles[r]), found_g[r][0][0] if found_g[r] else None,
                 found_g[r][0][1] if found_g[r] else "(no growth figure)") for r in ranked]  # fmt: skip
        sentence = (
            "*Projected growth, as each document states it* (the figures differ in period and scope, "
            "so read them side by side, not as one ranking):"
        )
        quotes = [
            f"*{escape(titles[r])}*\n"
            + "\n".join(f"• {escape(text)} _({sections[ln.topic]})_" for _, _, text, ln in found_g[r][:3])
            if found_g[r]
            else f"*{escape(titles[r])}*\n_No growth figure in its document._"
            for r in ranked
        ]
        title = "Growth outlook"
    chart = _chart(rows)
    head_text = f"{sentence}\n{chart}"
    body = "\n\n".join(quotes)
    footer = "The lines behind each bar, from the role documents; whole sections: the buttons below."
    full = tuple(f"{r} {plan.topic}" for r in ranked)
    buttons = [full_button(q, f"{titles[q.split()[0]]} · {sections[plan.topic]}") for q in full]
    text = "\n\n".join((f"*{escape(title)}*", head_text, body, f"_{footer}_"))
    blocks = [
        header(title),
        {"type": "section", "text": {"type": "mrkdwn", "text": head_text}},
        *section_blocks(body),
        context(footer),
        *actions(buttons),
    ]
    query = f"{plan.mode} {' '.join(ranked)}"
    return Reply(plan.intent, text, blocks, tuple(ranked), plan.topic, query=query, full=full)
