"""Advice from the document's structure: the lists that answer a kind of advice question.

"What should I learn?" is answered by a role's Technical Skills, "how do I get promoted?" by
its Career Progression, whatever words the question shares with other sections. The kinds, the
sections to look in, the heading words and the cue words of answering lines are data
(aliases.yaml `advice`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from handlers.engine import Engine
from handlers.evidence import SUMMING_UP
from knowledge.index import Hit, Line
from knowledge.match import stem
from knowledge.patterns import Lazy
from knowledge.skills import named_in

__all__ = [
    "advice_lines",
    "digest",
    "experience",
    "experience_elsewhere",
    "figures_digest",
    "ladder",
    "pay_brief",
    "solutions",
]

_MOST = 5
_HEADING = 2.0  # a line under the kind's most telling heading
_CUE = 0.7  # each cue word a line holds (at most three count)
_SECTION = 0.4  # less for each section further down the kind's list
_ENOUGH = 0.9  # a line must score this much to answer
_RUNG_ENOUGH = 3  # a rung with fewer lines than this is followed by the kind's other lines
_DIGEST_LINES = 7
_FLAT_LINES = 5  # a section without headings: its first bullets
_OPENING = 2  # sentences of the opening paragraph
# sections whose opening sentences say something ("the demand ... is robust and growing"); the others
# open with a preamble ("AI/ML Platform Engineers face several challenges ...") that the brief skips
_OPENED = {"overview", "demand", "salary"}
# a sentence about the document itself, not the role ("This overview provides a comprehensive look at ...")
_ABOUT_ITSELF = Lazy(
    r"\b(?:this|the following) (?:comprehensive )?overview\b|\bhere'?s an? (?:comprehensive )?"
    r"(?:overview|guide|look)\b|\boutlines the key\b",
    re.I,
)
_DIGEST_CHARS = 800
_FIGURE = Lazy(r"\d\s*%|\$\s*\d|\b\d+(?:\.\d+)?\s*(?:million|billion|years?)\b", re.I)
_FIGURE_LINES = 6
_MONEY = Lazy(r"\$\s*\d")
_GENERAL = Lazy(r"\b(?:average|median|overall|typical)\b", re.I)
_LEVELED = Lazy(r"\b(?:entry|junior|mid|senior|lead|principal|years?|percentile)\b", re.I)
_GENERAL_LINES = 2
_PAY_LINES = 7
_GROWTH_TOPICS = ("demand", "career", "trends")
_GROWTH = Lazy(r"\b(?:grow\w*|increase\w*|surge\w*|demand|jobs?|outlook)\b", re.I)
_JOBS = Lazy(r"\b(?:jobs?|roles?|postings?|openings?|positions?|employment|hiring)\b", re.I)
_GENERIC_HEADING = frozenset(
    {
        "and",
        "of",
        "the",
        "in",
        "for",
        "with",
        "skills",
        "skill",
        "management",
        "development",
        "practices",
        "best",
        "key",
        "ai",
        "ml",
    }
)
_NEEDS_LINES = 6  # a requirements digest: the lines naming concrete skills ...
_CONCRETE = frozenset({"language", "framework", "platform", "tool", "data"})
_NUMBER = Lazy(r"\d+")
_EXPERIENCE = Lazy(r"\b\d+\+?(?:\s*-\s*\d+)?\s*(?:years?|months)\b", re.I)  # ... the years asked


def _score(line: Line, spec: dict, rank: int) -> float:
    where = " ".join(line.path).lower()
    headings = spec.get("headings", ())
    heading = next((i for i, h in enumerate(headings) if h in where), None)
    score = 0.0 if heading is None else _HEADING * (1 - heading / (2 * len(headings)))
    text = f"{line.label or ''} {line.text}".lower()  # "Adaptability and Continuous Learning: Stay ..."
    score += _CUE * min(3, sum(c in text for c in spec.get("cues", ())))
    return score - _SECTION * rank


def pay_label(label: str | None) -> bool:
    """Whether a ladder line's label is a rung's pay ("Salary range: $165,000 - $207,125"), not a rung."""
    return (label or "").lower().startswith("salary")


_TRACKS = Lazy(r"\b(?:tracks?|speciali[sz]\w*)\b", re.I)  # a list of ways on past the ladder


def _rungs(lines: list[Line], level: str, above: bool) -> list[Line]:
    """A rung of the ladder: the sub-list of Career Progression (or the labelled line) naming the
    level ("how do I get to team lead?"), or with `above` the rungs after it ("what's after
    senior?")."""

    def rung(ln: Line) -> tuple[str, ...]:
        return ln.path[:2] if len(ln.path) >= 2 else (ln.label or "",)

    rungs = [r for r in dict.fromkeys(map(rung, lines)) if not pay_label(r[-1])]  # a rung's pay is no rung
    at = next((i for i, r in enumerate(rungs) if level in r[-1].lower()), None)
    if at is None:
        return []
    # the rungs above of the same list ("Career Progression"), or tracks beyond it ("Specialized Career
    # Tracks"), not the labelled lines after it ("Essential Skills: Technical Skills"); on the top rung
    # ("what comes after director?"), that rung
    heading = next(ln.path[:1] for ln in lines if rung(ln) == rungs[at])
    ladder = {rung(ln) for ln in lines if ln.path[:1] == heading or _TRACKS.search(" ".join(ln.path[:1]))}
    after = [r for r in rungs[at + 1 :] if r in ladder]
    wanted = set(after[:2]) if above and after else {rungs[at]}
    return [ln for ln in lines if rung(ln) in wanted]


def advice_lines(
    engine: Engine, kind: str, role: str, most: int = _MOST, level: str | None = None, above: bool = False
) -> list[Hit]:
    """The role's lines that answer this kind of advice, best first, shown in document order.

    `level`: a rung of the ladder asked about ("team lead"), or with `above` one reached
    ("what's after senior?"): those rungs lead. Lead-ins ("...include:") are left out. []
    when the document has nothing for the kind.
    """
    spec = engine.advice.get(kind)
    if not spec:
        return []
    index = engine.evidence.index
    sections = spec.get("sections", ())
    without = spec.get("without", ())
    lines = [
        (rank, ln)
        for rank, topic in enumerate(sections)
        for ln in index.section(role, topic)
        if not ln.text.endswith(":") and ln.bullet and not any(w in ln.text for w in without)
    ]
    first = [ln for rank, ln in lines if rank == 0]
    rungs = _rungs(first, level, above)[:most] if level else []
    if kind == "grow" and level and not rungs and not above:
        # "the path to Director of AI": the sub-list with a line naming it ("Leadership Roles")
        named = next((ln for ln in first if level in ln.text.lower()), None)
        rungs = [ln for ln in first if ln.path == named.path][:most] if named else []
    scored = [(_score(ln, spec, rank), i, ln) for i, (rank, ln) in enumerate(lines) if ln not in rungs]
    best = sorted((s for s in scored if s[0] >= _ENOUGH), key=lambda s: (-s[0], s[1]))[: most - len(rungs)]
    rest = [Hit(ln, score, frozenset()) for score, _, ln in sorted(best, key=lambda s: s[1])]
    if "best" in spec.get("lead", ()) and best:  # "how do they stay current?": the section whose list is
        # headed so (Continuous Learning) first, wherever the kind's order puts its section
        top = max(best, key=lambda s: (s[0] + _SECTION * lines[s[1]][0], -s[1]))[2].topic
        rest.sort(key=lambda h: h.line.topic != top)
    if level and not rungs:  # "a path to director?" where no rung is called so: the lines naming it first
        rest.sort(key=lambda h: level not in f"{h.line.label or ''} {h.line.text}".lower())
    return [*(Hit(ln, 0.0, frozenset()) for ln in rungs), *(rest if len(rungs) < _RUNG_ENOUGH else [])]


def ladder(engine: Engine, role: str, most: int = _MOST, pay: bool = False) -> list[Hit]:
    """The career ladder in brief ("how does the promotion ladder compare?"): the first line of
    each rung of the document's Career Progression, in order, with each rung's pay line when `pay`
    ("what's the progression look like pay-wise?"); [] when it has none."""
    out: list[Hit] = []
    seen: set[tuple[str, ...]] = set()
    for ln in engine.evidence.index.section(role, "career"):
        if not (ln.bullet and ln.path and "progression" in ln.path[0].lower()) or ln.text.endswith(":"):
            continue
        if pay_label(ln.label):  # a rung's pay, not a rung
            if pay and out:
                out.append(Hit(ln, 0.0, frozenset()))
            continue
        rung = ln.path[:2] if len(ln.path) >= 2 else (ln.label or ln.text,)
        if rung not in seen:
            seen.add(rung)
            out.append(Hit(ln, 0.0, frozenset()))
    return out[: most * 2 if pay else most]


def section_lines(
    engine: Engine, name: str, role: str, topic: str, test: Callable[[Line], bool]
) -> list[Hit]:
    """The lines of the role's section that pass `test`, in document order; found once per engine
    under `name`."""
    return list(
        engine.keep(
            (name, role),
            lambda: tuple(
                Hit(ln, 0.0, frozenset()) for ln in engine.evidence.index.section(role, topic) if test(ln)
            ),
        )
    )


def solutions(engine: Engine, role: str) -> list[Hit]:
    """The solutions a document gives beside its challenges ("Solution: ..."), in document order;
    [] when it gives none."""
    return section_lines(
        engine, "solutions", role, "challenges", lambda ln: (ln.label or "").lower().startswith("solution")
    )


def digest(engine: Engine, role: str, topic: str) -> list[Hit]:
    """A section in brief, for a question that asks about the whole topic: its opening sentences,
    then the first line under each heading, in document order (outside pay, pay lines last), within
    about 800 characters.
    Made once per engine, role and topic (a copy is returned)."""
    return list(engine.keep(("digest", role, topic), lambda: _digest(engine, role, topic)))


def experience(engine: Engine, role: str) -> list[Hit]:
    """The requirements' lines that say how many years of experience ("Typically 3-6 years in
    managing ML projects"), in document order."""
    lines = engine.evidence.index.section(role, "requirements")
    return [Hit(ln, 0.0, frozenset()) for ln in lines if ln.bullet and _EXPERIENCE.search(ln.text)]


def experience_elsewhere(engine: Engine, role: str) -> list[Hit]:
    """The role's other lines on years of experience whose figures its requirements do not give
    (the ML Platform overview's "Typically 3+ years ... and 2+ years in cloud environments" beside
    the requirements' "5+ years"): a document that says two things, both shown."""
    given = {n for h in experience(engine, role) for n in _NUMBER.findall(h.line.text)}
    out = []
    for topic in engine.kb.topics:
        if topic in ("requirements", "salary"):
            continue
        for ln in engine.evidence.index.section(role, topic):
            said = f"{ln.label or ''} {ln.text}".lower()
            if (
                _EXPERIENCE.search(ln.text)
                and "experience" in said
                and not set(_NUMBER.findall(ln.text)) <= given
            ):
                out.append(Hit(ln, 0.0, frozenset()))
    return out


def figures_digest(engine: Engine, role: str, topic: str) -> list[Hit]:
    """A section's lines that state a figure (a percentage, an amount, a count of years), in
    document order: what "how fast is it growing, what %?" asks of a whole section."""
    return list(engine.keep(("figures", role, topic), lambda: _figures(engine, role, topic)))


def pay_brief(engine: Engine, role: str) -> list[Hit]:
    """A role's pay in brief ("how much do platform engineers make?"): its figures in general
    (averages, medians) first, then by level, place and kind, in document order."""
    return list(engine.keep(("pay", role), lambda: _pay(engine, role)))


def _pay(engine: Engine, role: str) -> tuple[Hit, ...]:
    lines = [ln for ln in engine.section_lines(role, "salary") if _FIGURE.search(ln.text)]

    def general(ln: Line) -> bool:
        said = " ".join((*ln.path, ln.label or "", ln.text))
        return bool(_GENERAL.search(said)) and not _LEVELED.search(" ".join((*ln.path, ln.label or "")))

    first = [ln for ln in lines if general(ln)][:_GENERAL_LINES]
    rest = [ln for ln in lines if ln not in first][: _PAY_LINES - len(first)]
    picked = {ln.id for ln in (*first, *rest)}
    return tuple(Hit(ln, 0.0, frozenset()) for ln in lines if ln.id in picked)


def _figures(engine: Engine, role: str, topic: str) -> tuple[Hit, ...]:
    index = engine.evidence.index

    def said(ln: Line) -> str:
        return f"{ln.label}: {ln.text}" if ln.label else ln.text

    def growth(ln: Line) -> bool:
        return "%" in ln.text and bool(_GROWTH.search(said(ln)))

    # outside pay, a pay figure answers nothing asked of growth or demand
    lines = [
        ln
        for ln in index.section(role, topic)
        if _FIGURE.search(ln.text) and (topic == "salary" or not _MONEY.search(ln.text) or "%" in ln.text)
    ]
    if topic in _GROWTH_TOPICS:  # growth figures a document gives elsewhere ("Industry Outlook")
        lines += [
            ln
            for other in _GROWTH_TOPICS
            if other != topic
            for ln in index.section(role, other)
            if growth(ln)
        ]
    # the growth of jobs first ("23% growth" of the role), then market sizes, in document order
    jobs = [ln for ln in lines if "%" in ln.text and _JOBS.search(" ".join((*ln.path, said(ln))))]
    lines = [*jobs, *(ln for ln in lines if ln not in jobs)]
    return tuple(Hit(ln, 0.0, frozenset()) for ln in lines[:_FIGURE_LINES])


def contrast(engine: Engine, role: str, topic: str, others: tuple[str, ...], most: int) -> list[Hit]:
    """A role's section in brief beside others': the first line under each heading, those under
    headings the others lack first ("Public Speaking" before "Communication", which both have),
    in document order within each; at most `most` lines."""
    firsts = list(_firsts(engine, role, topic))
    theirs = [_head_words(h.line) for o in others for h in _firsts(engine, o, topic)]
    distinct = [h for h in firsts if not any(_head_words(h.line) & t for t in theirs)]
    return [*distinct, *(h for h in firsts if h not in distinct)][:most]


def _firsts(engine: Engine, role: str, topic: str) -> tuple[Hit, ...]:
    """The first line under each top heading of a section, in document order."""

    def make() -> tuple[Hit, ...]:
        out, seen = [], set()
        for ln in engine.evidence.index.section(role, topic):
            head = _head(ln)
            # a bullet, or the paragraph under a heading ("Time Management" / "Capability to ...")
            listed = ln.bullet or bool(ln.path)
            if head and listed and not ln.depth and not ln.text.endswith(":") and head not in seen:
                seen.add(head)
                out.append(Hit(ln, 0.0, frozenset()))
        return tuple(out)

    return engine.keep(("firsts", role, topic), make)


def _head(line: Line) -> str:
    """What a line stands under: its top heading, or in a section without headings its label
    ("Communication: Ability to ...")."""
    return line.path[0] if line.path else (line.label or "")


def _head_words(line: Line) -> frozenset[str]:
    """The telling words of a line's heading ("Problem-Solving and Critical Thinking")."""
    words = re.findall(r"[a-z]+", _head(line).lower())
    return frozenset(stem(w) for w in words if w not in _GENERIC_HEADING)


def _digest(engine: Engine, role: str, topic: str) -> tuple[Hit, ...]:
    if topic == "requirements":
        return _needs(engine, role) or _by_heading(engine, role, topic)
    hits = _by_heading(engine, role, topic)
    if topic == "salary":
        return hits
    if topic == "demand":  # "are they in demand?": the job outlook first, then what drives it
        heads = engine.advice.get("prospects", {}).get("headings", ())

        def outlook(h: Hit) -> bool:
            return bool(h.line.path) and any(w in h.line.path[0].lower() for w in heads)

        opening = [h for h in hits if not h.line.path]
        hits = (
            *opening,
            *(h for h in hits if outlook(h)),
            *(h for h in hits if h.line.path and not outlook(h)),
        )
    if topic == "overview":  # what the role is: its opening sentence, then its summing-up one
        closing = _closing(engine, role, topic)
        if closing is not None and all(h.line.id != closing.id for h in hits):
            hits = (*hits[:1], Hit(closing, 0.0, frozenset()), *hits[1:])
    # outside pay, pay lines come last ("Salary and Compensation" opening a trends section)
    return (
        *(h for h in hits if not _MONEY.search(h.line.text)),
        *(h for h in hits if _MONEY.search(h.line.text)),
    )


def _closing(engine: Engine, role: str, topic: str) -> Line | None:
    """The first sentence of a section's closing paragraph ("In summary, AI/ML Engineers bridge
    the gap between ..."): a sentence under no heading that comes after the headed lists."""
    lines = engine.evidence.index.section(role, topic)
    after = False
    for ln in lines:
        if ln.path:
            after = True
        elif after and not ln.bullet and not _ABOUT_ITSELF.search(ln.text):
            return ln
    return None


def _needs(engine: Engine, role: str) -> tuple[Hit, ...]:
    """What the role asks for, in brief: the first lines that name two or more concrete skills
    (languages, frameworks, platforms, tools, data systems: the records of data/skills.json), the
    first that says how many years of experience, and the first that names a degree, in
    document order."""
    named: dict[str, set[str]] = {}
    degree: set[str] = set()
    records = engine.keep(("skills", "requirements"), lambda: tuple(named_in("requirements")))
    roles_of: dict[str, set[str]] = {}
    for rec_role, line, name, kind in records:
        roles_of.setdefault(name, set()).add(rec_role)
        if rec_role == role and kind in _CONCRETE:
            named.setdefault(line, set()).add(name)
        elif rec_role == role and kind == "degree":
            degree.add(line)
    lines = [ln for ln in engine.evidence.index.section(role, "requirements") if ln.bullet and not ln.depth]

    def said(ln: Line) -> str:
        return f"{ln.label}: {ln.text}" if ln.label else ln.text

    skills = [ln for ln in lines if len(named.get(said(ln), ())) >= 2 and said(ln) not in degree][
        :_NEEDS_LINES
    ]
    years = next((ln for ln in lines if _EXPERIENCE.search(ln.text)), None)
    school = next((ln for ln in lines if said(ln) in degree), None)

    def telling(ln: Line) -> float:  # skills fewer roles name tell more about this one
        names = named[said(ln)]
        return 1.0 + sum(1 / len(roles_of[n]) for n in names) / len(names)

    # score: what a short brief keeps first (handlers/replies.py): the years, the most telling skills
    scored = ((9.0, years), *((telling(ln), ln) for ln in skills), (0.5, school))
    picked = {ln.id: score for score, ln in scored if ln}
    return tuple(Hit(ln, picked[ln.id], frozenset()) for ln in lines if ln.id in picked)


_DEFINITION = 2  # sentences of the opening paragraph that say what the role is


def definition(engine: Engine, role: str) -> list[Line]:
    """What the role is: the opening sentences of its Overview ("An AI Model Operations Engineer ...
    plays a crucial role ...", "This role bridges the gap ..."), none about the document itself."""
    out = []
    for ln in engine.evidence.index.section(role, "overview"):
        if ln.bullet or ln.path or len(out) == _DEFINITION:
            break
        if not ln.text.endswith(":") and not _ABOUT_ITSELF.search(ln.text):
            out.append(ln)
    return out


def what_it_does(engine: Engine, role: str) -> list[Line]:
    """What the role is and does, for setting it beside a title it is not: its definition, and
    when that is one sentence ("... plays a crucial role in designing, developing, and deploying
    ..."), the first line of work its Overview in brief gives ("Design, train, and optimize ...")."""
    said = definition(engine, role)
    if len(said) > 1:
        return said
    work = next((h.line for h in digest(engine, role, "overview") if h.line.bullet or h.line.path), None)
    return [*said, *([work] if work else [])]


def telling_definition(engine: Engine, role: str, roles: tuple[str, ...]) -> Line | None:
    """Of the sentences that say what the role is, the one that tells it apart from `roles`: its
    words said least in their definitions ("This role bridges the gap between ML development and
    operational deployment" over "... plays a crucial role in ...", which each of them says)."""
    mine = definition(engine, role)
    theirs = [_words(ln.text) for r in roles if r != role for ln in definition(engine, r)]

    def telling(ln: Line) -> float:
        words = _words(ln.text)
        return sum(1 / (1 + sum(w in t for t in theirs)) for w in words) / max(1, len(words))

    return max(mine, key=telling, default=None)


def _words(text: str) -> frozenset[str]:
    return frozenset(stem(w) for w in re.findall(r"[a-z]{4,}", text.lower()))


def _by_heading(engine: Engine, role: str, topic: str) -> tuple[Hit, ...]:
    out: list[Hit] = []
    seen: set[tuple[str, ...]] = set()
    size = 0
    for ln in engine.section_lines(role, topic):
        if ln.text.endswith(":") or ln.depth:
            continue
        head = ln.path[:1]
        if not ln.bullet and _ABOUT_ITSELF.search(ln.text):  # "This overview provides a comprehensive look"
            continue
        if not ln.bullet and topic != "overview" and SUMMING_UP.match(ln.text):  # "By following these
            continue  # best practices, ...": the section's closing words, no line of it
        opening = (
            topic in _OPENED
            and not head
            and not ln.bullet
            and len(out) < _OPENING
            and all(not h.line.path for h in out)
        )
        flat = ln.bullet and not head and sum(1 for h in out if not h.line.path) < _FLAT_LINES
        if not (opening or flat or (head and head not in seen)):
            continue
        if out and size + len(ln.text) > _DIGEST_CHARS:
            break
        seen.add(head)
        out.append(Hit(ln, 0.0, frozenset()))
        size += len(ln.text) + len(ln.label or "")
        if len(out) >= _DIGEST_LINES:
            break
    return tuple(out)
