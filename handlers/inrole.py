"""One role's answer: from the terms the question holds and the kind of advice it asks, the
document's lists, figures, the section in brief or the lines that answer (handlers/policy.py
decides that one role answers)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from handlers.advice import (
    definition,
    digest,
    experience,
    experience_elsewhere,
    figures_digest,
    pay_brief,
    section_lines,
    solutions,
)
from handlers.coverage import natural, unmatched_focus
from handlers.engine import Engine
from handlers.evidence import Term, specific
from handlers.facets import WHICH, facet_asked, facet_lines, ranked_by_pay
from handlers.figures import LOW, asks_low
from handlers.glance import asks_job_growth, job_growth
from handlers.kinds import advice_plan, already, asks, has_rung, journey, kind_lines, says, switching
from handlers.lines import (
    GENERIC_WEIGHT,
    LEAD_LINES,
    echo_lines,
    kind_only,
    lead_lines,
    point_words,
    section_opening,
    strong_topic,
    wants_numbers,
)
from handlers.plan import Plan
from handlers.problem import asks_fix, problem_lines, with_solutions
from handlers.question import asks_how_senior, asks_why, copes
from handlers.salary import focus_singles, matching
from handlers.scope import own_title
from handlers.topic import NAMED
from knowledge.english import everyday, is_common, is_word
from knowledge.index import Hit
from knowledge.match import Focus, Match, normalize, pairs, stem
from knowledge.patterns import Lazy
from knowledge.skills import load_skills, read

__all__ = ["in_role", "levels_only", "uncommon"]

_GROWTH = {"demand", "career", "trends"}  # topics whose figures are growth figures
_SCHOOLING = Lazy(r"\b(?:degree|bachelor|master|ph\.?d|years?)\b", re.I)  # a brief's degree and years
_DEFINING = 0.6  # the model this sure a question asks what a role is: its opening sentence leads
_FIXED = ("challenges", "best-practices")  # topics named that a problem and its fix answer
_WHY_PAY = ("reasons", "place_reasons")  # kinds of advice that answer a pay question
_TOLD = 2  # lines on a rare word of the context that lead a section in brief
# a term this common ("models", "data") finds lines of every section: a few lead, the brief follows
_GENERIC = 2.2
_BESIDE = 3  # lines of the section in brief after a point asked beside the whole ("skills and education")
# sections on the world around the job, where the context's rare words name what happens (layoffs,
# legacy systems), and the soft skills, where they name how the person copes ("burning me out");
# elsewhere a way in or a start asked makes them the person's own background (devops, go)
_WORLD = ("demand", "trends", "challenges", "best-practices", "soft-skills")


def _one_place(m: Match) -> bool:
    """One place asked of, not a choice between places ("seattle or austin, where ...?")."""
    return len(m.focus.locations) == 1 and "where" not in m.words


def _raising(engine: Engine, m: Match) -> bool:
    """Whether the question asks how to raise one's own pay ("bump my pay", "push their salary up")."""
    lists = engine.matcher.word_lists
    return bool(lists["raising"] & set(m.words)) and bool(lists["own_pay"] & set(pairs(m.words)))


def levels_only(focus: Focus) -> bool:
    return bool(focus.levels) and not (focus.kinds or focus.pointed())


def _hot(engine: Engine, m: Match) -> bool:
    """Whether the question asks which skills are hot, whatever it calls them ("which areas are hot
    right now that I should pick up?")."""
    nouns = engine.matcher.word_lists["skill_nouns"] | engine.matcher.word_lists["title_nouns"]
    if not nouns & set(m.words):
        return False
    return says(engine, tuple("skills" if w in nouns else w for w in m.words), "hot")


_FACET_SHOWN = 8  # figures of one breakdown shown ("by city")
_YEARS_SAID = "years of experience required"  # what a document that gives no number is said to lack


def _years_asked(engine: Engine, m: Match) -> bool:
    """Whether the years of experience are asked ("do mlops jobs need 5 years?", "how many yrs?")."""
    said = f" {' '.join(m.words)} "
    return (
        m.focus.years is not None
        or asks_how_senior(m.words)
        or any(f" {p} " in said for p in engine.matcher.word_lists["years_asked"])
    )


def _years_asked_words(engine: Engine) -> frozenset[str]:
    """The words of the phrases that ask for the years ("how much experience")."""
    return frozenset(w for p in engine.matcher.word_lists["years_asked"] for w in p.split())


def _skills_to_grow(engine: Engine, m: Match) -> bool:
    """The skills that take one up the ladder ("what skills matter for moving up?", "which skills get
    me promoted?"): the words name the skills and the career as strongly."""
    lists, scores = engine.matcher.word_lists, m.topic_scores
    return (
        m.topic == "requirements"
        and scores.get("career", 0) >= scores.get("requirements", 0) - 1 >= 2
        and bool(lists["skill_nouns"] & set(m.words))
        and bool(lists["promotion"] & set(m.tokens))
    )


def _way_to_level(engine: Engine, m: Match) -> bool:
    """A leading level asked with the path to it ("... a director of AI. What steps does that path
    involve?"), not a move between levels ("the jump from junior to senior")."""
    lists = engine.matcher.word_lists
    return bool(set(m.focus.levels) & lists["leading_levels"]) and bool(lists["path_up"] & set(m.words))


def _market_size(engine: Engine, m: Match) -> bool:
    """ "how big is that market in $ terms?": a market word with a word of size or money."""
    lists, words = engine.matcher.word_lists, set(m.words)
    return bool(words & lists["market_words"]) and bool(words & lists["size_words"])


def _degree(engine: Engine, m: Match) -> bool:
    """A question about a degree itself ("does the phd actually help?", "is a masters worth it?"),
    not one that only mentions having one ("new grad w a cs degree, how do i break in?")."""
    said = engine.keep(("degree asked",), lambda: _degree_asked(engine.matcher.word_lists["degrees"]))
    return said.search(" ".join(m.words)) is not None


def _degree_asked(degrees: Iterable[str]) -> re.Pattern[str]:
    names = "|".join(sorted(degrees, key=len, reverse=True))
    return re.compile(
        rf"\b(?:{names})\s+(?:actually\s+|really\s+)?(?:help|helps|matter|matters|worth|necessary|"
        rf"required|needed|useful|count|counts|pay off)\b"
        rf"|\b(?:need|needs|require|requires|worth|pursue)\s+(?:a|an|the)?\s*(?:{names})\b"
    )


def in_role(
    engine: Engine,
    m: Match,
    role: str,
    routed: str,
    terms: tuple[Term, ...],
    kind: str | None,
    sure: float,
    hunch: str | None = None,
) -> Plan:
    """One role's answer from the terms it holds: advice lists, figures, the section in brief or
    the lines that answer."""
    places = bool(m.focus.kinds) or m.focus.pointed()
    terms = _unnamed(engine, m, role, terms)
    # "how do mlops teams cope?"; "how do they fix the drift problem?" after their challenges
    if routed != "salary" and strong_topic(m) in (None, *_FIXED) and asks_fix(engine, m):
        # "how do they fix the drift one?" after the challenges: the challenge, with its solution
        # ... and "what best practices should we put in place?": the section named by its name, first
        named = strong_topic(m)
        title = set(engine.topic_titles.get(named or "", "").lower().split())  # {"best", "practices"}
        by_name = named == "challenges" or bool(title & set(m.topic_words))
        fixes = problem_lines(engine, m, role, named if by_name else None)
        if fixes and by_name and named != "challenges" and all(h.line.topic != named for h in fixes):
            # "any best practices for dealing with it?" after legacy systems: no practice names the
            # challenge; the practices asked that the words find, when there are any
            found = lead_lines(engine, m, role, terms, LEAD_LINES)
            fixes = [] if any(h.line.topic == named for h in found) else fixes
        if fixes:
            groups = ((role, tuple(fixes)),)
            return Plan("answer", (role,), fixes[0].line.topic, m.focus, mode="lead", groups=groups, match=m)
    if routed != "salary" and strong_topic(m) is None and asks(engine, m, "typical"):
        routed = "challenges"  # "the data is garbage ... is this just what the job is?": a common challenge?
    why = asks_why(m.words) or (
        routed == "salary" and (asks(engine, m, "reasons") or _raising(engine, m))
    )  # "what pushes their pay up?", "how do i bump my pay?"
    where = m.focus.pointed()
    if routed == "salary" and why and not where:  # "why is it so high?", "what drives the bonus up?"
        kind, sure = "reasons", 1.0
    elif routed == "salary" and why and m.focus.locations and (asks_why(m.words) or _one_place(m)):
        # "why so high in sf?", "what drives the diff" after Chicago; not "seattle or austin, where would
        # i get paid more?", which the figures answer
        kind, sure = "place_reasons", 1.0
    elif routed == "demand" and (why or asks(engine, m, "drivers")):  # "why is demand so high?", "what's
        # driving demand?": what drives it
        kind, sure = "drivers", 1.0
    elif routed in ("career", "trends") and why and engine.matcher.word_lists["growing"] & set(m.words):
        # "why is demand for ai systems engineers growing?": what drives it, not the ladder
        kind, sure = "drivers", 1.0
    if (
        routed in ("demand", "career")
        and kind != "drivers"  # "why is demand growing?": not how fast
        and asks_job_growth(m)
        and not (places or terms or wants_numbers(m))  # "job outlook %?": every figure (figures_digest)
    ):
        growth = job_growth(engine, role)  # "what's the job growth outlook for mlops?": the jobs' figures
        if growth:
            lead = tuple(Hit(ln, 0.0, frozenset()) for ln in growth[:LEAD_LINES])
            return Plan(
                "answer", (role,), lead[0].line.topic, m.focus, mode="lead", groups=((role, lead),), match=m
            )
    outlook = not wants_numbers(m) and asks(engine, m, "prospects")  # "job outlook %?" wants the figures
    # "what skills make me future-proof?": the skills; "future trends": the trends
    outlook = outlook and strong_topic(m) not in ("requirements", "trends")
    # "what does a good career ladder look like?": the ladder, named as such
    outlook = outlook and engine.matcher.word_lists["rungs_said"].isdisjoint(m.words)
    # "... will take our jobs. what's the outlook?": what the trends say of it, where they do
    outlook = outlook and not (m.topic == "trends" and m.replaced)
    # "will AI replace MLOps engineers?", where its trends say nothing of it: the outlook, not every figure
    outlook = outlook or (m.replaced and routed == "demand" and not terms and not wants_numbers(m))
    # "is ai going to replace platform engineers?": what its trends say of it, whichever section routed
    replacing = m.replaced and not terms and routed in ("trends", "demand", "career")
    said = _replacing(engine, role) if replacing else []
    if said:  # ... those lines first, then the trends in brief
        shown = {h.line.id for h in said}
        brief = [*said, *(h for h in digest(engine, role, "trends") if h.line.id not in shown)]
        return _brief_plan(m, role, routed, brief[: LEAD_LINES + 2], ())
    if routed != "salary" and not places and outlook:  # whatever kind the model read
        kind, sure = "prospects", 1.0  # "is ml still a good career?", "too late to get in?": the outlook
    elif routed != "salary" and _interview(engine, m) and not places:
        kind, sure = "interview", 1.0  # "which technical topics can they ask me?": what the role requires
    elif (asks(engine, m, "market") or _market_size(engine, m)) and not places:
        # "how big is the ml market gonna get?", "how big is that market in $ terms": its size
        kind, sure = "market", 1.0
    elif (
        routed != "salary"
        and asks(engine, m, "certs")
        and not places
        and not set(m.topic_words) & engine.matcher.word_lists["years_words"]  # "how many years ... certs?"
    ):  # "do certs matter for mlops?": the lines that name them
        kind, sure = "certs", 1.0
    elif routed != "salary" and asks(engine, m, "tools") and not places and not terms:
        kind, sure = "tools", 1.0  # "what tools do platform engineers use?": the lines naming them
    elif (
        routed != "salary"
        and asks(engine, m, "experience")
        and not places
        and not _years_asked(engine, m)  # "how many years of experience?"
    ):  # "how do i get hands-on experience?": the practical-experience list
        kind, sure = "experience", 1.0
    elif _hot(engine, m) and not places:
        # "which skills are hot right now?": the documents' skills in high demand, where they list them
        kind, sure = "hot", 1.0
    elif routed != "salary" and asks(engine, m, "entry") and not places:
        kind, sure = "entry", 1.0  # "is ai systems engineering a good fit for a physicist?": their way in
    elif _skills_to_grow(engine, m):  # "what skills matter for moving up?": the skills senior roles ask
        kind, sure = "rise", 1.0
    elif routed == "career" and (asks(engine, m, "grow") or _way_to_level(engine, m)):
        kind, sure = "grow", 1.0  # "what are my options down the road?", "what steps get me to director?"
    elif routed in ("responsibilities", "overview") and levels_only(m.focus) and has_rung(engine, m, role):
        # "... what does a junior MLOps engineer actually do day to day?": the rung's own line
        kind, sure = "grow", 1.0
    elif (
        routed != "salary"
        and strong_topic(m) != "soft-skills"
        and kind != "resume"
        and asks(engine, m, "resume")
    ):
        # "what do employers actually want to see?": what to show; not "which soft skills do hiring
        # managers look for?": the soft skills, named by their name
        kind = "resume"
    elif routed != "salary" and asks(engine, m, "start"):  # "what should i focus on my first 90 days?"
        kind, sure = "start", 1.0
    elif routed != "salary" and (asks(engine, m, "study") or _degree(engine, m)):
        # "what should my son study?", "does the phd actually help?": the schooling
        kind, sure = "study", 1.0
    if kind == "resume" and engine.matcher.word_lists["listed_skills"] & set(m.words):
        kind = "learn"  # "which skills / keywords should be on my resume?": the skills the role asks for
    if kind in (*_WHY_PAY, "drivers"):  # "how does that affect pay": how it is asked, no subject
        asked = {w for p in engine.advice.get(kind, {}).get("asked", ()) for w in p.split()}
        terms = tuple(t for t in terms if t.word not in asked)
    if kind == "industries" and engine.matcher.word_lists["geography"] & set(m.words):
        kind = None  # "where in the world are they in demand?": places, not sectors
    if kind == "entry" and already(engine, m, role):  # "how do i get to team lead from ml platform engineer"
        kind = "grow"
    elif kind == "grow" and not m.focus.levels and switching(engine, m) and not already(engine, m, role):
        kind = "entry"  # "how do i get there from java?": from another job, no rung named: the way in
    way = journey(m.words, engine.matcher.word_lists)
    moving = role in engine.matcher.match(" ".join(way)).roles if way else False  # "from DevOps to MLOps"
    if kind == "entry" or moving:  # "move from backend or product work into infrastructure": the way in,
        terms = tuple(t for t in terms if t.word not in way)  # no subject
    advice = (
        advice_plan(engine, m, role, kind, terms, sure)
        if (not places or kind in _WHY_PAY) and (routed != "salary" or kind in _WHY_PAY)
        else None
    )
    if advice is not None and kind == "entry":  # "can a data scientist become an ML engineer?"
        advice = _from_title(engine, m, role, advice)
    if advice is not None and kind in ("entry", "start") and advice.topic not in _WORLD:
        return advice  # "chemistry PhD, some python. how do i break in?": the context is who asks
    if advice is not None and kind == "interview" and _interview_itself(engine, m):
        # "what questions come up in the interview?", "how should I prep?": what the role requires
        # answers, the questions and the preparation themselves are named as not covered
        advice = advice.model_copy(update={"uncovered": (*advice.uncovered, "interview questions and prep")})
    if advice is not None:  # "Layoffs everywhere. Is ML engineering still a safe bet?": the layoffs line too
        return _told_plan(engine, m, role, advice, own=kind == "grow")
    if routed != "demand":  # "saw a posting asking for a PhD. is that normal?": where it was read
        terms = tuple(t for t in terms if t.word not in engine.matcher.word_lists["postings"])
    if routed == "challenges":  # "how do they handle that?": how it is asked, not what
        terms = tuple(t for t in terms if t.word not in engine.matcher.word_lists["coping"])
    if {"responsibilities", "overview"} & {strong_topic(m), routed}:  # "what do they build?": the job itself
        # ... and "at a factory" of a production AI engineer is where the job is done, no subject
        setting = engine.matcher.aliases.work.get(role, ())
        terms = tuple(
            t for t in terms if t.word not in engine.matcher.word_lists["doing"] and t.word not in setting
        )
    if routed == "salary":  # "pay range in the US?": the market every pay figure is given for; "median
        # for a platform engineer on the ML side": a word of the role's own names
        # ... and "factory ai engineer salary": where the role works, which named it
        colour = (
            engine.matcher.word_lists["home_market"] | engine.role_words((role,)) | _setting(engine, role)
        )
        colour = colour | engine.matcher.word_lists["pay_judged"]  # "is mlops pay low?": not Low-code
        terms = tuple(t for t in terms if t.word not in colour)
    if m.focus and routed == "salary":  # a pay question: words its salary section lacks are colour
        ev = engine.evidence
        terms = tuple(t for t in terms if any(ev.found_in_topic(f, "salary", [role]) for f in t.forms))
        if m.focus.kinds:  # "offers: are stock options part of it?": the kind asked, not "offer" or "part"
            terms = uncommon(terms)
    figures = routed == "salary" and m.focus and not kind_only(m.focus)
    doc = engine.kb.roles[role]
    no_figure = figures and not matching(doc, m.focus)  # then the lines that say it
    if no_figure and all(matching(doc, one) for one in focus_singles(m.focus)):
        no_figure = False  # "mid level in DC": no figure is for both, each has its own: the figures
    figures = figures and not no_figure
    missed = unmatched_focus(engine, m, [role]) if no_figure else ()
    if no_figure and not missed:  # "ml engineers' pay at amazon": Amazon is named, its pay is not
        ev = engine.evidence  # ... unless the pay section names it ("Santa Monica, CA (21.8% above ...)")
        missed = tuple(
            f"{w} pay"
            for w in (*m.focus.companies, *m.focus.locations)
            if not ev.found_in_topic(w.lower(), "salary", [role])
        )
    if (
        routed == "requirements"
        and m.focus.years is None
        and _years_asked(engine, m)
        and not experience(engine, role)
    ):
        # "how many years of experience do ai systems engineers need?": its document gives no number;
        # said, with the documents that do, and what it says of experience instead
        held = tuple(r for r in engine.role_ids if r != role and experience(engine, r))
        lines = kind_lines(engine, m, "experience", role) or digest(engine, role, routed)
        p = _brief_plan(m, role, routed, lines[: LEAD_LINES + 2], (*missed, _YEARS_SAID))
        return p.model_copy(update={"elsewhere": ((_YEARS_SAID, held),)}) if held else p
    focus = m.focus
    focused = (
        focus.locations or focus.companies or focus.levels or focus.percentiles or focus.years is not None
    )
    facet = facet_asked(engine, m) if routed == "salary" and not focused else None
    if facet and (broken := facet_lines(engine, role, routed, facet)):
        # "ai systems salary by company", "pay by city": the figures listed that way, all of them
        return _brief_plan(m, role, routed, broken[:_FACET_SHOWN], missed)
    lists = engine.matcher.word_lists
    ranking = set(m.words) & (lists["superlatives"] | LOW)
    if routed == "salary" and not focused and ranking and facet_asked(engine, m, WHICH) == "company":
        # "which company pays ai systems engineers the least?": its companies' figures, ranked so
        broken = ranked_by_pay(facet_lines(engine, role, routed, "company"), asks_low(m))
        if broken:
            return _brief_plan(m, role, routed, broken[:_FACET_SHOWN], missed)
    said_points = point_words(engine, m)
    asked_years = engine.keep(("years asked words",), lambda: _years_asked_words(engine))
    points = [w for w in said_points if w not in asked_years]  # "how much experience": the years
    rest = [t for t in terms if t.word not in asked_years]  # "how many yrs exp": "exp" asks the years too
    if routed == "requirements" and _years_asked(engine, m) and not rest and not points:
        # "do mlops jobs need 5 years?", "how senior do they need to be?": the years the document asks
        # for (all it says of them), then the section in brief
        years = experience(engine, role)
        if years:
            years += experience_elsewhere(engine, role)  # "3+ years ... and 2+ in cloud" beside "5+ years"
            shown = {h.line.id for h in years}
            brief = [*years, *(h for h in digest(engine, role, routed) if h.line.id not in shown)]
            once: dict[str, Hit] = {}  # a line the document says twice, shown once
            brief = [once.setdefault(h.line.text, h) for h in brief if h.line.text not in once]
            return _brief_plan(m, role, routed, brief[: LEAD_LINES + 2], missed)
    company_only = m.focus.companies and not (
        m.focus.locations or m.focus.levels or m.focus.kinds or m.focus.years or m.focus.percentiles
    )
    named = {w.lower() for w in m.focus.companies}
    plain = all(w in named for w in m.subject)  # no word but the company ("... google cert")
    if (
        no_figure
        and missed
        and company_only
        and plain
        and natural(engine, m)
        and not terms
        and not said_points
    ):
        # "what do ml engineers make at google": no Google figure; the pay in brief beside the note,
        # not the line that names Google Cloud
        return _brief_plan(m, role, routed, pay_brief(engine, role), missed)
    wants_lines = terms or said_points or (m.focus and routed != "salary") or no_figure
    numbers = wants_numbers(m) and routed in _GROWTH and not terms and not m.focus  # "job growth %?"
    if figures or numbers or not (wants_lines or kind_only(m.focus)):
        brief = _told_brief(engine, m, role, routed)
        if brief:  # a question about the whole topic: the section in brief, the rest behind the button
            return _brief_plan(m, role, routed, brief, missed)
        return Plan("answer", m.roles, routed, m.focus, unknown=m.unknown, match=m, uncovered=missed)
    named = strong_topic(m)
    echoed = echo_lines(engine, m, role, LEAD_LINES) if routed != "salary" else []
    if echoed and named not in (None, echoed[0].line.topic):  # a section named outright stands
        echoed = []
    if echoed:  # "which industry guidelines do mlops people follow": the line that says just that
        groups = ((role, tuple(echoed)),)
        return Plan(
            "answer",
            m.roles,
            echoed[0].line.topic,
            m.focus,
            mode="lead",
            groups=groups,
            match=m,
            uncovered=missed,
        )
    lead = with_solutions(engine, lead_lines(engine, m, role, terms, LEAD_LINES, hunch), role)
    if lead and no_figure and len(focus_singles(m.focus)) > 1:
        lead = _each_asked(engine, m, role, terms, lead)
    outright = bool(named) and m.topic_scores.get(named, 0) >= 2 * GENERIC_WEIGHT
    # "is low adoption a common challenge ... the usual pain points?": a section named twice over takes
    # the short everyday words too ("low"), which its own lines may not hold
    ordinary = everyday if outright else is_word
    about = _about(m, terms)  # "what does a platform engineer need to know about ethics?": the subject
    if (
        named
        and lead
        and all(h.line.topic != named for h in lead)
        and all(ordinary(t.word) for t in terms)
        and not about
    ):
        # "a plain-english summary of the job for a posting": the section named outright holds none of
        # these everyday words, so they are colour ("posting" is no subject): the section in brief
        # ... unless a point of it is asked ("which tools?"); a section named by its very name ("soft
        # skills") is asked whole, whatever point word it holds
        brief = [] if point_words(engine, m) and not outright else _told_brief(engine, m, role, named)
        if brief:
            return _brief_plan(m, role, named, brief, missed)
    if not lead:  # "what trends are shaping the role?": no line holds "shaping", the section answers
        brief = _told_brief(engine, m, role, routed)
        if brief:
            return _brief_plan(m, role, routed, brief, missed)
        return Plan("answer", m.roles, routed, m.focus, unknown=m.unknown, match=m, uncovered=missed)
    held = {h.line.topic for h in lead}
    # the section the lines come from, when they all come from one: not "Career Development" over
    # Requirements' lines ("is it worth learning CUDA ...?"); a pay question stays one
    topic = next(iter(held)) if len(held) == 1 and named != "salary" else named or lead[0].line.topic
    if named and named != "salary" and named not in held:  # "is there a standard like GMLP they follow?":
        topic = lead[0].line.topic  # the section its answering line is in, not one none of them is from
    if topic == "overview" and kind == "overview" and sure >= _DEFINING and not m.compare_strong:
        # "tell me about production ai engineers - is it basically ml in factories?": what the role is
        # first, then the lines on the point
        opening = definition(engine, role)
        first = {ln.id for ln in opening}  # first, though a line found on the point too
        rest = [h for h in lead if h.line.id not in first]
        lead = [Hit(ln, 0.0, frozenset()) for ln in opening] + rest[: LEAD_LINES - len(opening)]
    if len(lead) < 2:  # one line found: add the section's lines on what was asked, for context
        lead += section_opening(engine, m, role, topic, {h.line.id for h in lead})[: LEAD_LINES - len(lead)]
    points = point_words(engine, m) if named == topic else ()  # read once, for the two rules below
    if len(lead) < LEAD_LINES and terms and all(t.weight < _GENERIC for t in terms):
        # "good habits for shipping models?": the few lines saying "models", then the section in brief
        lead += _brief_after(engine, role, topic, lead, LEAD_LINES + 2 - len(lead))
        lead.sort(key=lambda h: h.line.id)  # in the document's order: each heading once
    elif (  # "challenges of implementing AI at a factory?": two lines on an everyday word, then the section
        len(lead) < 3 and named == topic and terms and all(is_word(t.word) for t in terms) and not points
    ):
        lead += _brief_after(engine, role, topic, lead, LEAD_LINES + 2 - len(lead))
    elif named == topic and _beside_the_whole(
        engine, m, points
    ):  # "what skills and education do i need?": the
        # point's lines, then the section's other lists in brief
        lead += _brief_after(engine, role, topic, lead, _BESIDE)
    groups = ((role, tuple(lead)),)
    return Plan(
        "answer", m.roles, topic, m.focus, mode="lead", terms=terms, groups=groups, match=m, uncovered=missed
    )


def _each_asked(engine: Engine, m: Match, role: str, terms: tuple[Term, ...], lead: list[Hit]) -> list[Hit]:
    """The lines of a pay question no figure answers whole, with a line for each thing asked that no
    line shown answers ("the bonus in SF?": "Bonuses: Can range from 10% to 20%" after SF's pay)."""
    shown = {h.line.id for h in lead}
    missing: list[Hit] = []
    for one in focus_singles(m.focus):
        found = lead_lines(engine, m.model_copy(update={"focus": one}), role, terms, 2)
        if found and found[0].line.id not in shown:  # its best line, unless shown already
            missing.append(found[0])
            shown.add(found[0].line.id)
    return [*lead[:1], *missing, *lead[1:]] if missing else lead


def _from_title(engine: Engine, m: Match, role: str, p: Plan) -> Plan:
    """The way in from the person's job, led by the role's line that sets that job beside it ("AI/ML
    Engineer vs. Data Scientist: While both work with data ..."): what changes, then the steps."""
    title = own_title(engine, m)
    setting = engine.evidence.comparing(engine.evidence.term(title), [role]) if title else []
    if not setting or len(p.groups) != 1:
        return p
    first = setting[0]
    lines = (Hit(first, 0.0, frozenset()), *(h for h in p.groups[0][1] if h.line.id != first.id))
    return p.model_copy(update={"groups": ((role, lines),), "topic": first.topic})


def _unnamed(engine: Engine, m: Match, role: str, terms: tuple[Term, ...]) -> tuple[Term, ...]:
    """The terms less the role's work said as part of its name ("the factory AI engineer": a name,
    no subject)."""
    setting = _setting(engine, role)
    named = {w for w, nxt in zip(m.words, m.words[1:], strict=False) if nxt in ("ai", "ml") and w in setting}
    return tuple(t for t in terms if t.word not in named) if named else terms


def _setting(engine: Engine, role: str) -> frozenset[str]:
    """The words of the role's work settings (aliases.yaml `work`: "plant floor", "factory"), made once."""
    work = engine.matcher.aliases.work
    return engine.keep(("setting", role), lambda: frozenset(w for p in work.get(role, ()) for w in p.split()))


def _replacing(engine: Engine, role: str) -> list[Hit]:
    """The role's trend lines on AI taking the work over ("AI augments human capabilities"), in
    document order."""
    ids = {i for w in engine.matcher.word_lists["replaced_said"] for i in engine.evidence.index.matching(w)}
    return [Hit(ln, 0.0, frozenset()) for ln in engine.evidence.index.section(role, "trends") if ln.id in ids]


def _market_places(engine: Engine, role: str) -> list[Hit]:
    """The role's market lines that name places ("Geographical Hotspots", "tech hubs like San
    Francisco"), in document order."""
    places = engine.matcher.word_lists["market_places"]
    return section_lines(
        engine,
        "market places",
        role,
        "demand",
        lambda ln: not places.isdisjoint(_said(" ".join((*ln.path, ln.label or "", ln.text)))),
    )


def _said(text: str) -> set[str]:
    """A text's words and pairs of words, as the word lists write them."""
    words = normalize(text)
    return {*words, *pairs(words)}


def _brief_plan(m: Match, role: str, topic: str, brief: list[Hit], missed: tuple[str, ...]) -> Plan:
    """One role's answer that leads with its section in brief."""
    groups = ((role, tuple(brief)),)
    first = brief[0].line.topic if brief else topic
    # titled by the section its lead comes from, unless a section was named outright (or pay asked)
    if first != topic and not strong_topic(m) and topic != "salary":
        topic = first
    return Plan("answer", m.roles, topic, m.focus, mode="lead", groups=groups, match=m, uncovered=missed)


def _relative(engine: Engine, m: Match) -> bool:
    """Whether a coping word is said of what is asked ("what problems do they deal with?"), not how
    ("how do they deal with it?"): a what-question ending in "<coping word> with"."""
    words = [w for w in m.words if w != "?"]
    coping = engine.matcher.word_lists["coping"]
    return (
        len(words) > 2
        and words[0] in ("what", "which")
        and "how" not in words
        and words[-1] == "with"
        and (words[-2] in coping or stem(words[-2]) in {stem(c) for c in coping})
    )


_PAIRS = 3  # challenges shown with their solutions when both are asked
_AND_HOW = Lazy(r"\band (?:how|what)\b")


def _brief(engine: Engine, m: Match, role: str, topic: str) -> list[Hit]:
    """A section in brief for a whole-topic question in words; [] for a command ("mlops salary")
    or a pay question with a level, place or company (its figures answer)."""
    if topic != "salary" and wants_numbers(m):  # "mlops job outlook %": the section's figures lead
        return figures_digest(engine, role, topic) or digest(engine, role, topic)
    if not natural(engine, m):
        return []
    if topic == "salary":
        return [] if m.focus else pay_brief(engine, role)  # "how much do they make?"
    if topic == "challenges" and copes(m.words, engine.matcher.word_lists) and not _relative(engine, m):
        solved = solutions(engine, role)  # "how do they deal with it?": the solutions given beside them
        # "what challenges do they face and how do they solve them?": both asked (not "how do they fix
        # those?"), each challenge, then its fix
        both = m.topic_top.get("challenges", 0) >= NAMED and bool(_AND_HOW.search(" ".join(m.words)))
        if solved and both:
            return with_solutions(engine, solved[:_PAIRS], role, most=2 * _PAIRS)
        if solved:
            return solved[: LEAD_LINES + 2]
    hits = digest(engine, role, topic)
    lists, tokens = engine.matcher.word_lists, set(m.tokens)
    if topic == "demand" and lists["job_places"] & set(m.words) and not m.focus:  # "best city for X jobs":
        placed = _market_places(engine, role)  # the hotspots and hubs first
        shown = {h.line.id for h in placed}
        return placed + [h for h in hits if h.line.id not in shown]
    if topic == "requirements" and lists["tools"] & tokens:  # "what tools do they use?": not the degree
        tools = [h for h in hits if not _SCHOOLING.search(h.line.text)]
        return tools or hits
    if topic == "requirements" and lists["skill_nouns"] & tokens and not _SCHOOLING.search(" ".join(m.words)):
        # "what skills do they need?": the skills first, the degree and years after them
        return sorted(hits, key=lambda h: bool(_SCHOOLING.search(h.line.text)))
    return hits


def _told_brief(engine: Engine, m: Match, role: str, topic: str) -> list[Hit]:
    """The section in brief, led by its lines on a rare word the context names ("... the big tech
    layoffs. Has the market taken a hit?", "Our shop runs on Kubernetes. What skills ...?")."""
    brief = _brief(engine, m, role, topic)
    return _told(engine, m, role, topic, brief) if brief and m.context else brief


def _told_plan(engine: Engine, m: Match, role: str, p: Plan, own: bool = False) -> Plan:
    """A one-role plan led by its lines on a rare word the context names (handlers.inrole._told);
    `own`: the skills the context names are the person's own ("i know python and docker. what's
    the next step up?"), no lead."""
    if len(p.groups) != 1 or not m.context:
        return p
    lines = list(p.groups[0][1])
    mine = frozenset(n.lower() for n in read(" ".join(m.context), load_skills()).had) if own else frozenset()
    told = _told(engine, m, role, p.topic, lines, mine)
    return p if told == lines else p.model_copy(update={"groups": ((role, tuple(told)),)})


def _told(
    engine: Engine,
    m: Match,
    role: str,
    topic: str,
    brief: list[Hit],
    mine: frozenset[str] = frozenset(),
) -> list[Hit]:
    """The section in brief, led by its lines on a rare term the context names ("layoffs" before
    "has the market taken a hit?"): what the person is worried about, said in the section asked;
    `mine`: skills the person has, which lead nothing."""
    ev = engine.evidence
    askers = engine.matcher.word_lists["askers"]  # "I'm a recruiter filling ...": who asks, not the worry
    rare = [
        t
        for t in ev.terms(w for w in m.context if not is_common(w) and w not in askers)
        if specific(t) and t.word not in mine
    ]
    said = list({ln.id: ln for t in rare for ln in ev.saying(t, [role]) if ln.topic == topic}.values())[
        :_TOLD
    ]
    if not said:
        return brief
    first = {ln.id for ln in said}
    return [*(Hit(ln, 0.0, frozenset()) for ln in said), *(h for h in brief if h.line.id not in first)]


_PREP = frozenset({"prep", "prepare", "preparing", "preparation"})


def _interview_itself(engine: Engine, m: Match) -> bool:
    """Whether the interview's own questions or how to prepare are asked ("what kinds of questions do
    they ask?", "how should I prep?"), not a subject it may test ("should i expect kubernetes questions?")."""
    words, stop = m.words, engine.matcher.stopwords | {"kind", "kinds", "type", "types", "interview"}
    asked = any(
        w in ("question", "questions") and (i == 0 or words[i - 1] in stop) for i, w in enumerate(words)
    )
    return asked or bool(_PREP & set(words))


_ABOUT = 3  # "about" this few words before a term names it as what is asked ("know about AI ethics")
_NOT_ABOUT = frozenset({"what", "how", "and", "so", "but"})  # "what about kubernetes?": another one asked


def _about(m: Match, terms: tuple[Term, ...]) -> bool:
    """Whether a term is said just after "about" ("need to know about ethics"): what is asked; not
    "what about" (another one of the same asked)."""
    words, said = m.words, {t.word for t in terms}
    at = [i for i, w in enumerate(words) if w == "about" and (i == 0 or words[i - 1] not in _NOT_ABOUT)]
    return any(w in said and any(0 < i - a <= _ABOUT for a in at) for i, w in enumerate(words))


def uncommon(terms: tuple[Term, ...]) -> tuple[Term, ...]:
    """The terms that are no most common English word: beside a kind of pay asked, those are colour."""
    return tuple(t for t in terms if not is_common(t.word))


def _interview(engine: Engine, m: Match) -> bool:
    """Whether what an interview tests is asked ("interview next week. which topics can they ask?")."""
    lists = engine.matcher.word_lists
    said = lists["interviews"] & {*m.words, *m.context}
    # "I'm interviewing platform engineers. What should I expect one to be responsible for day to
    # day?": an interview of the context's, and a section the question names outright, asked
    asked = lists["interviews"] & set(m.words) or strong_topic(m) in (None, "requirements", "career")
    return bool(said) and bool(asked) and asks(engine, m, "interview")


def _beside_the_whole(engine: Engine, m: Match, points: tuple[str, ...]) -> bool:
    """Whether a point of the section (`points`, its point words) is asked together with the section
    by its own name ("skills and education", "education or skills"), not the point alone ("what
    education do i need?")."""
    names = engine.matcher.topic_names
    return any(
        (a in points and c in names or a in names and c in points) and b in ("and", "or")
        for a, b, c in zip(m.words, m.words[1:], m.words[2:], strict=False)
    )


def _brief_after(engine: Engine, role: str, topic: str, lead: list[Hit], most: int) -> list[Hit]:
    """Up to `most` lines of the section in brief that the lead does not already show."""
    shown = {h.line.id for h in lead}
    return [h for h in digest(engine, role, topic) if h.line.id not in shown][:most]
