"""Kinds of advice asked ("what should I learn", "how do I get in", "how do I get promoted"): the
lists of a role's document that answer each, and where the person says they come from and go."""

from __future__ import annotations

import re
from functools import lru_cache

from handlers.advice import advice_lines, digest, ladder, pay_label
from handlers.engine import Engine
from handlers.evidence import SPECIFIC, Term, specific
from handlers.lines import LEAD_LINES, lead_lines, point_words, said_levels
from handlers.plan import Plan
from handlers.question import asked_parts
from knowledge.index import Hit, key
from knowledge.match import Match, pairs, runs, stem
from knowledge.patterns import Lazy
from knowledge.phrases import Phrases

__all__ = [
    "ADVICE_SURE",
    "advice_plan",
    "already",
    "has_rung",
    "asks",
    "climbs",
    "journey",
    "kind_lines",
    "says",
    "switching",
]

_POINT = 3.0  # a point named in an advice question ("math", "PhD") this specific leads the kind's list
ADVICE_SURE = 0.5  # below this, the lines on the question's own words lead an advice answer
_ADVICE_UNSURE = 0.35  # ... or below this, when those lines lie outside the kind's sections
_ENTRY_RUNG = 2  # lines of it that lead an answer on getting in
_PLACE_LINES = 2  # lines naming the place that lead "why is pay so high there?"
_FROM = 3  # words after "from" that say where a person comes from


def advice_plan(
    engine: Engine, m: Match, role: str, kind: str | None, terms: tuple[Term, ...], sure: float = 1.0
) -> Plan | None:
    """An advice question: the document's list that answers its kind, and the lines on its subject
    ("find a mentor"): those first when the model is unsure of the kind."""
    lines = kind_lines(engine, m, kind, role)
    if not lines:
        return None
    # "should you do a PhD?": a rare point asked leads the kind's list ("tools", "hire" do not)
    spec = engine.advice.get(kind or "", {})
    said = {
        w
        for p in (*spec.get("cues", ()), *spec.get("headings", ()), *spec.get("names", ()))
        for w in p.split()
    }
    if kind in ("entry", "switch"):  # "how would i transition into ...?": how the way in is asked
        moves = engine.matcher.word_lists["moves"]
        said |= moves
        terms = tuple(t for t in terms if t.word not in moves)
    points = [  # "learn" lists, no point
        w for w in point_words(engine, m) if engine.evidence.term(w).weight >= _POINT and w not in said
    ]
    extra = lead_lines(engine, m, role, terms, 3) if terms or points else []
    sections = spec.get("sections", ())
    aside = bool(extra) and all(h.line.topic not in sections for h in extra)  # "GitHub Copilot" (trends)
    unsure = sure < (_ADVICE_UNSURE if aside else ADVICE_SURE)  # for "what should my github show?"
    # "docker or kubernetes first?": specific words all held by a line of the kind's sections lead, and
    # so does a heading the question names ("specialized career tracks")
    rare = [t for t in terms if specific(t)]  # "cnns", not "deep" or "learning"
    named = bool(extra) and (
        all(t.weight >= SPECIFIC and any(key(f) in extra[0].terms for f in t.forms) for t in terms)
        or (
            bool(rare)
            and extra[0].line.topic in spec.get("sections", ())
            and all(any(key(f) in extra[0].terms for f in t.forms) for t in rare)
        )
        or (len(terms) > 1 and engine.evidence.headed(extra[0].line, terms))
    )
    # "which tools must I learn? Kubeflow?": a name asked on its own leads, from whichever section says it
    alone = bool(extra) and any(
        any(key(f) in extra[0].terms for f in t.forms) for t in _asked_alone(m, terms)
    )
    first = (
        [*extra, *lines]
        if extra and (unsure or alone or ((points or named) and not aside))
        else [*lines, *extra]
    )
    seen: set[int] = set()
    first = [h for h in first if not (h.line.id in seen or seen.add(h.line.id))]  # each line once
    topic = first[0].line.topic
    paid = sum(1 for h in lines if pay_label(h.line.label))  # a ladder with its pay
    groups = ((role, tuple(first[: LEAD_LINES + 2 + paid])),)
    return Plan("answer", m.roles, topic, m.focus, mode="lead", terms=terms, groups=groups, match=m)


def _asked_alone(m: Match, terms: tuple[Term, ...]) -> list[Term]:
    """The terms asked as a question of their own ("... which tools? Kubeflow?"): a part of the
    message, up to a question mark, that holds only them."""
    parts = asked_parts(m.words)
    return [t for t in terms if specific(t) and any(p <= {t.word, "or", "and"} for p in parts)]


def journey(words: tuple[str, ...], lists: dict[str, frozenset[str]]) -> tuple[str, ...]:
    """The words that say where a person comes from and goes to ("from backend work into
    infrastructure roles"), in the order said (a role's name is read from them): the way in is the
    question, those words are no subject."""
    out: dict[str, None] = {}
    if "from" not in words:
        return ()
    start = words.index("from")
    for i, w in enumerate(words[start:], start):
        if w in lists["journey"]:
            for nxt in words[i + 1 : i + 6]:
                if nxt in lists["journey_end"] or nxt in lists["journey"]:
                    break
                out[nxt] = None
    return tuple(out)


def already(engine: Engine, m: Match, role: str) -> bool:
    """Whether the person says they are in the role already: it is named after "from" ("from
    production ai engineer to running the AI org"): the way up, not the way in."""
    if "from" not in m.words:
        return False
    at = m.words.index("from") + 1
    stop = engine.matcher.word_lists["journey"] | engine.matcher.word_lists["journey_end"]
    end = next((i for i, w in enumerate(m.words[at:], at) if w in stop), len(m.words))
    return role in engine.matcher.match(" ".join(m.words[at:end])).roles if end > at else False


def asks(engine: Engine, m: Match, kind: str) -> bool:
    """Whether the question says one of the phrases that ask for this kind of advice, its hedges
    aside ("skills are actually in high demand")."""
    return says(engine, m.words, kind)


def says(engine: Engine, words: tuple[str, ...], kind: str) -> bool:
    """`asks`, of words as read."""
    return kind in engine.keep(("asked",), lambda: _Asking(engine)).kinds(tuple(words))


class _Asking:
    """Every kind of advice's phrases that ask for it, in one table, and the kinds a run of words
    asks for, with or without its hedges: read once per run of words (a question asks of ~10 kinds)."""

    def __init__(self, engine: Engine) -> None:
        self._phrases = Phrases({kind: e.get("asked", ()) for kind, e in engine.advice.items()})
        self._hedges = engine.matcher.word_lists["hedges"]
        self.kinds = lru_cache(maxsize=64)(self._kinds)

    def _kinds(self, words: tuple[str, ...]) -> frozenset[str]:
        found = self._phrases.labels_in(words)
        if self._hedges.isdisjoint(words):
            return found
        return found | self._phrases.labels_in(tuple(w for w in words if w not in self._hedges))


def kind_lines(engine: Engine, m: Match, kind: str | None, role: str, most: int | None = None) -> list[Hit]:
    """The role's lines for a kind of advice: the whole ladder for "what are the levels?", the
    rungs asked about for "how do I get to team lead?", else the kind's lists."""
    if not kind:
        return []
    names = _rung_words(engine, m) if kind == "grow" else ()
    level = names[0] if names else None
    lists = engine.matcher.word_lists
    each = m.compare_strong or bool((lists["each_one"] | lists["contrasting"]) & set(m.words))
    if kind == "grow" and each and len(m.focus.levels) > 1:
        # "junior vs senior ..., what's the difference?", "lead or director ... what does each involve?"
        compared = _rungs_compared(engine, m, role)
        if compared:
            return compared[: most or LEAD_LINES + 2]
    if kind == "grow" and level is None and engine.matcher.word_lists["specialties"] & set(m.words):
        # "what specialisations open up later?", "directions besides the manager track?": the
        # specialized tracks before the ladder
        tracks = [
            Hit(ln, 0.0, frozenset())
            for ln in engine.evidence.index.section(role, "career")
            if ln.bullet and not ln.text.endswith(":") and "speciali" in " ".join(ln.path).lower()
        ]
        if tracks:
            return tracks[: most or LEAD_LINES + 2]
    # "what does the progression from junior to senior look like?": the ladder over the range said
    ranged = len(m.focus.levels) > 1 and "entry" in m.focus.levels and _range_said(engine, m)
    if kind == "grow" and (ranged or level is None and engine.matcher.word_lists["ladder"] & set(m.tokens)):
        found = ladder(engine, role, most or LEAD_LINES + 2, pay="salary" in m.topic_scores)
        if found:
            return found
    if kind == "start":  # new in the job: a junior's first rung, anyone else's job itself
        job = digest(engine, role, "responsibilities")
        rung = _first_rung(engine, role) if "entry" in m.focus.levels else []
        return [*rung, *job][: max(len(rung), most or LEAD_LINES + 2)]
    if kind == "entry" and switching(engine, m):  # "how do i get there from SRE?": the skills to add
        kind = "switch"
    if kind == "learn" and _first_steps(engine, m) and not _listed(engine, m):
        kind = "switch"  # "what should i learn first?", "where do i start?": the steps the career gives
    size = {} if most is None else {"most": most}
    lists, tokens = engine.matcher.word_lists, set(m.tokens)
    # "junior ... what do i need to show to get bumped up?": from the first rung, the rungs above it
    up = kind == "grow" and m.focus.levels == ("entry",) and bool(lists["promotion"] & tokens)
    # ... not "after" of a level's own words ("and after a few yrs?": the mid level itself)
    above = (
        bool(lists["above"] & (tokens - said_levels(engine, m)))
        or up
        or (kind == "grow" and _from_level(engine, m))
    )
    # "what's next after senior? director of AI?": the rung named past "after" is the way on, not the
    # rungs after senior ("from junior to senior, what's after that?" keeps them)
    above = above and not (kind == "grow" and level is not None and _named_past(engine, m, level))
    lines = advice_lines(engine, kind, role, level=level, above=above, **size)
    if len(names) > 1 and not _rung_found(lines):  # "head of ai" where the ladder says "Director of AI"
        found = advice_lines(engine, kind, role, level=names[1], above=above, **size)
        lines = found if _rung_found(found) else lines
    if kind == "place_reasons" and m.focus.locations:  # "why so high in nyc?": the place's own line first
        places = [loc.lower() for loc in m.focus.locations]
        named = [
            Hit(ln, 0.0, frozenset())
            for ln in engine.evidence.index.section(role, "salary")
            if any(p in f"{ln.label or ''} {ln.text}".lower() for p in places)
        ][:_PLACE_LINES]
        seen = {h.line.id for h in named}
        lines = [*named, *(h for h in lines if h.line.id not in seen)]
    if kind == "certs" and lines and not any(_NAMING.search(h.line.text) for h in lines):
        # "what certifications help for mlops?": its document names none ("Education and
        # certifications"); the lines of others that do name some, after its own
        lines = [*lines, *(h for r in engine.role_ids if r != role for h in _named_certs(engine, r))]
    if kind == "entry":  # "how do I break into mlops?": the first job itself, then the way to it
        first = _first_rung(engine, role)[:_ENTRY_RUNG]
        seen = {h.line.id for h in first}
        lines = [*first, *(h for h in lines if h.line.id not in seen)]
    return lines


def _named_past(engine: Engine, m: Match, level: str) -> bool:
    """Whether `level` is offered as the way on past the rung after "after" ("after senior? director
    of AI?", "after senior, lead or director?"): named after a question mark or "or" that follows
    that rung; not "from junior to senior, what's after that?" nor "beyond senior then lead"."""
    words, first = m.words, level.split()[0]
    after = max((i for i, w in enumerate(words) if w in engine.matcher.word_lists["above"]), default=None)
    if after is None:
        return False
    rest = words[after + 2 :]
    cut = next((i for i, w in enumerate(rest) if w in ("?", "or")), None)
    return cut is not None and first in rest[cut + 1 :]


_NAMING = Lazy(r"\(e\.g\.|\bsuch as\b|\blike\b", re.I)  # a line naming things, not only the kind


def _named_certs(engine: Engine, role: str) -> list[Hit]:
    """The role's lines that name certifications ("... (e.g., AWS Machine Learning Specialty)")."""
    return [h for h in advice_lines(engine, "certs", role) if _NAMING.search(h.line.text)]


def _first_steps(engine: Engine, m: Match) -> bool:
    """Whether what to learn first, or in what order, is asked ("where do i start?")."""
    said = f" {' '.join(m.words)} "
    return any(f" {p} " in said for p in engine.matcher.word_lists["first_steps"])


def _listed(engine: Engine, m: Match) -> bool:
    """Whether the question names a kind of skill the role's lists give ("which frameworks first?")."""
    spec = engine.advice.get("learn", {})
    said = {w for p in (*spec.get("cues", ()), *spec.get("headings", ())) for w in p.split()}
    return bool(said & set(m.subject))


def _rungs_compared(engine: Engine, m: Match, role: str) -> list[Hit]:
    """The rungs of the levels set against each other ("junior vs senior"), lowest first, each with
    its pay line when pay is asked too ("... and how big is the pay jump?"); [] unless the ladder has
    a rung for each."""
    pay = "salary" in m.topic_scores
    levels = engine.matcher.aliases.focus.get("level", {})
    order = [lv for lv in levels if lv != "top"]
    said = f" {' '.join(m.words)} "
    rungs = []
    for level in sorted((lv for lv in m.focus.levels if lv in order), key=order.index):
        # the level as said ("junior"), which the ladder's headings may use, then its own name
        names = [p for p in sorted(levels[level], key=len, reverse=True) if f" {p} " in said][:1] + [level]
        for name in names:
            found = [h for h in advice_lines(engine, "grow", role, level=name) if h.score == 0.0]
            if found:  # the rung's own lines (rungs lead with no score of their own)
                rungs.append(
                    _with_pay(engine, role, found[:_COMPARED_RUNG]) if pay else found[:_COMPARED_RUNG]
                )
                break
        else:
            return []
    return [h for rung in rungs for h in rung] if len(rungs) > 1 else []


_COMPARED_RUNG = 3  # lines of each rung when two are set against each other


def _with_pay(engine: Engine, role: str, rung: list[Hit]) -> list[Hit]:
    """A rung's lines, each followed by the ladder's pay line right after it ("Salary range: ...")."""
    section = engine.evidence.index.section(role, "career")
    after = {ln.id: nxt for ln, nxt in zip(section, section[1:], strict=False)}  # each line's next
    out = []
    for h in rung:
        out.append(h)
        pay = after.get(h.line.id)
        if pay is not None and pay_label(pay.label):
            out.append(Hit(pay, 0.0, frozenset()))
    return out


def _range_said(engine: Engine, m: Match) -> bool:
    """Whether the ladder is asked over a range of levels ("the progression from junior to senior",
    "the career ladder from junior through senior"), not the way to one ("a path to director?");
    kind_lines asks it from the first rung only (the whole ladder answers that)."""
    lists = engine.matcher.word_lists
    if lists["ladder_said"].isdisjoint(m.words):
        return False
    if not lists["level_range"].isdisjoint(m.words):
        return True
    # "junior to senior and beyond": two levels joined by "to"
    said, words = said_levels(engine, m), m.words
    return any(
        w == "to" and words[i - 1] in said and words[i + 1] in said for i, w in enumerate(words[1:-1], 1)
    )


def _from_level(engine: Engine, m: Match) -> bool:
    """Whether the one level named is where the person comes from ("how do i go from junior AI
    engineer to plain AI engineer?"): the rungs above it are asked."""
    if len(m.focus.levels) != 1 or "from" not in m.words:
        return False
    at = m.words.index("from")
    if at and m.words[at - 1] in engine.matcher.word_lists["expect_from"]:  # "what do they expect from a
        return False  # junior?": what the level is asked for
    phrases = engine.matcher.aliases.focus.get("level", {}).get(m.focus.levels[0], ())
    near = " ".join(m.words[at + 1 : at + 3])
    return any(near == p or near.startswith(f"{p} ") or near.startswith(f"a {p}") for p in phrases)


def _first_rung(engine: Engine, role: str) -> list[Hit]:
    """The lines of the ladder's first rung ("Junior AI Engineer: Assist in ..."); [] when it has none."""
    for word in engine.matcher.aliases.word_lists["first_rung"]:
        found = advice_lines(engine, "entry", role, level=word)
        if found:  # the rung's own lines (rungs lead with no score of their own)
            return [h for h in found if h.score == 0.0]
    return []


def climbs(engine: Engine, m: Match) -> bool:
    """Whether the question asks the way up in words ("how do i get to senior", "become a lead")."""
    return bool(engine.matcher.word_lists["climbing"] & runs(m.words))


def switching(engine: Engine, m: Match) -> bool:
    """Whether the person comes from a job of their own ("from SRE", "from java", "backend dev 5yrs",
    "process engineer here"), not from scratch or from school."""
    words, lists = m.words, engine.matcher.word_lists
    after = words[words.index("from") + 1 :][:_FROM] if "from" in words else ()
    if after:  # not "from scratch", "from a tier-2 college"
        return not set(after) & lists["from_nothing"]
    if set(words) & lists["schooling"]:
        return False
    # a job word outside the role's name, said of oneself ("i", "here") or with its years
    mine = bool(set(words) & lists["mine"]) or "here" in words or m.focus.years is not None
    if mine and set(m.masked) & lists["prior_jobs"]:
        return True
    jobs = engine.keep(("job stems",), lambda: frozenset(stem(j) for j in lists["prior_jobs"]))
    if _job_to_role(m.masked, jobs):  # "devops to ml platform eng - how?", "data analyst -> mle"
        return True
    # ... or told before a question that asks how to move ("I'm a data scientist who ... How do I pivot
    # into MLOps?"), not which job to apply for first
    moving = bool(set(words) & lists["moves"]) and bool(set(words) & lists["mine"])
    first = bool(set(pairs(words)) & lists["first_job"])
    return moving and not first and bool(set(m.context) & lists["prior_jobs"])


def _job_to_role(masked: tuple[str, ...], jobs: frozenset[str]) -> bool:
    """Whether a job (`jobs`: as stemmed) is said right before "to" and a role's name: where the person
    comes from."""
    return any(
        t in ("to", "into") and masked[i + 1] == "_role_" and not jobs.isdisjoint(masked[max(0, i - 2) : i])
        for i, t in enumerate(masked[:-1])
    )


def has_rung(engine: Engine, m: Match, role: str) -> bool:
    """Whether the role's ladder has a rung for the level the question names ("junior")."""
    return bool(_rung_words(engine, m)) and _rung_found(kind_lines(engine, m, "grow", role))


def _rung_found(lines: list[Hit]) -> bool:
    """Whether advice lines hold a rung of the ladder (rungs lead with no score of their own)."""
    return any(h.score == 0.0 for h in lines)


def _rung_words(engine: Engine, m: Match) -> tuple[str, ...]:
    """The names of the level a career question names: the one said ("head of"), then the level's
    own name, which a ladder's headings may use ("Director of AI"); () when it names none."""
    if not m.focus.levels:
        return ()
    levels = engine.matcher.aliases.focus.get("level", {})
    order = [lv for lv in levels if lv != "top"]
    named = [lv for lv in m.focus.levels if lv in order]
    # "from junior to senior", "senior for a while ... a path to director?": where the person is going
    target = max(named, key=order.index) if named else m.focus.levels[-1]
    phrases = levels.get(target, ())
    said = " ".join(m.words)
    first = next((p for p in sorted(phrases, key=len, reverse=True) if p in said), target)
    return tuple(dict.fromkeys((first, target)))
