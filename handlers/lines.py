"""Which lines of one role answer a question: its point words, focus words, and the ranking."""

from __future__ import annotations

from collections import defaultdict

from handlers.engine import Engine
from handlers.evidence import SPECIFIC, Term
from knowledge.english import is_common
from knowledge.index import Hit, key
from knowledge.match import Focus, Match, pairs, stem

__all__ = [
    "NUMBER_WORDS",
    "GENERIC_WEIGHT",
    "LEAD_LINES",
    "ROLES_PLURAL",
    "best_topic",
    "echo_lines",
    "extra_words",
    "kind_only",
    "lead_lines",
    "level_words",
    "point_forms",
    "point_words",
    "said_levels",
    "section_opening",
    "strong_topic",
    "wants_numbers",
]

# Words that ask across the roles ("which roles", "who works with", "mentioned anywhere").
NUMBER_WORDS = {  # words that ask for a figure
    "fast",
    "percent",
    "percentage",
    "rate",
    "many",
    "number",
    "numbers",
    "stats",
    "stat",  # "stats" as matched (the plural stemmed)
    "statistic",
    "figure",
    "figures",
    "projection",
    "projections",
    "projected",
    "forecast",
    "forecasts",
}

_ELSEWHERE = 1.25  # a line outside the named section must score this much better to lead

ROLES_PLURAL = frozenset({"roles", "jobs", "positions", "careers"})  # "which roles ...", "in any roles?"
GENERIC_WEIGHT = 3  # a topic word this strong names the whole topic ("salary"), not one point

LEAD_LINES = 4  # lines in a one-role lead


def point_words(engine: Engine, m: Match) -> tuple[str, ...]:
    """Topic words that name one point of the topic ("experience", "degree"), not the topic.

    A point word is not one of the topic names of aliases.yaml and appears in the lines of
    the topic it routed to, in the roles asked about.
    """
    if m.topic in (None, "overview"):  # "explain", "describe": the overview is the answer
        return ()
    # "which tools?" asks the requirements that name tools (the brief), not the lines that say "tools"
    tools = engine.matcher.word_lists["tools"] if m.topic == "requirements" and not m.subject else ()
    lists = engine.matcher.word_lists
    # "what salary should i offer a senior ...?": a word for pay itself is no point of the pay
    paid = lists["paid_words"] | lists["pay_verbs"] if m.topic == "salary" else ()
    candidates = [
        w for w in m.topic_words if w not in engine.matcher.topic_names and w not in tools and w not in paid
    ]
    # "where do they earn the most?", "what's the top paying city?": the places, as the lists say
    # ... and "does it vary by location?", "is that true everywhere?": the places too
    ranked = (
        not lists["ranking"].isdisjoint(m.words)
        or "top" in m.words
        or not lists["varying"].isdisjoint(m.words)
    )
    where = ranked and ("where" in m.words or not lists["pay_place_words"].isdisjoint(m.words))
    where = where or not lists["everywhere"].isdisjoint(m.words)
    if m.topic == "salary" and where and not m.focus.locations:
        candidates += sorted(
            lists["pay_places"]
        )  # "where do they earn the most?": the places, as the lists say
    if not candidates:  # "/role mlops salary": no point, and no need for the index
        return ()
    ev, roles = engine.evidence, m.roles or None

    def held(w: str) -> bool:
        return any(ev.found_in_topic(f, m.topic, roles) for f in ev.term(w).forms)

    # "job security": the phrase that named the topic where its lines say it, not "security" alone
    said = [p for p in pairs(m.words) if p in engine.matcher.topic_phrases]
    phrased = [next((p for p in said if p.endswith(f" {w}") and held(p)), w) for w in candidates]
    # ... and "emotional" no longer apart once "emotional intelligence" is the point
    inside = {part for p in phrased if " " in p for part in p.split()}
    return tuple(dict.fromkeys(w for w in phrased if w not in inside and held(w)))


def point_forms(engine: Engine, m: Match) -> tuple[str, ...]:
    """The point words with their synonyms: a line that holds one may answer."""
    return tuple(dict.fromkeys(f for w in point_words(engine, m) for f in engine.evidence.term(w).forms))


def extra_words(engine: Engine, m: Match, topic: str | None) -> tuple[str, ...]:
    """Words besides the subject and points that help rank lines: the focus words."""
    if topic == "salary":  # the documents' word for the kind of pay ("bonus" -> "additional")
        # the documents' word for the kind ("additional") and the words typed ("bonus" finds "bonuses"),
        # but not "base", whose stem is every "based"
        focus = (*m.focus.kinds, *(w for w in m.focus_words if w != "base")) if kind_only(m.focus) else ()
    else:
        focus = m.focus_words
    words = (*focus, *m.focus.locations, *m.focus.companies)
    return tuple(
        dict.fromkeys(f for w in (*words, *level_words(engine, m)) for f in engine.evidence.term(w).forms)
    )


def level_words(engine: Engine, m: Match) -> tuple[str, ...]:
    """Outside pay, a level asked about ("director", "senior") is a point: its lines answer."""
    if m.topic == "salary" or not m.focus.levels:
        return ()
    levels = engine.matcher.aliases.focus.get("level", {})
    return tuple(p for level in m.focus.levels for p in levels.get(level, ())[:3])


def said_levels(engine: Engine, m: Match) -> set[str]:
    """The words of the phrases the message names its levels with ("just starting out")."""
    levels, said = engine.matcher.aliases.focus.get("level", {}), f" {' '.join(m.words)} "
    return {w for lv in m.focus.levels for p in levels.get(lv, ()) if f" {p} " in said for w in p.split()}


def kind_only(focus: Focus) -> bool:
    """A pay focus that names only kinds (bonus, base, average): the lines, not a figure table."""
    return bool(focus.kinds) and not (focus.levels or focus.years or focus.pointed())


def _which_skills(engine: Engine, m: Match) -> bool:
    """The question asks which skills ("what ops skills do i need"), not what shows them ("which
    project demonstrates mlops skills") or how much they matter."""
    nouns = engine.matcher.word_lists["skill_nouns"]
    return any(
        w in nouns and {"what", "which"} & set(m.words[max(0, i - 3) : i]) for i, w in enumerate(m.words)
    )


def strong_topic(m: Match) -> str | None:
    """The routed topic when the question named it outright."""
    if m.topic is None:
        return None
    return m.topic if m.topic_scores.get(m.topic, 0) >= GENERIC_WEIGHT else None


_WHOLE = 2  # a list found whole with this many lines more than a lead holds is still shown whole
_NEAR_TIE = 0.8  # a topic with this share of the best one's evidence is a near tie


def lead_lines(
    engine: Engine, m: Match, role: str, terms: tuple[Term, ...], most: int, hunch: str | None = None
) -> list[Hit]:
    """The role's lines that answer: from the topic the question named, else where they are
    (where the model leans, `hunch`, when it holds nearly as much evidence)."""
    strong = strong_topic(m) or (m.topic if m.topic_scores.get(m.topic or "", 0) >= 2 else None)
    pay = m.topic == "salary" or bool(m.focus.kinds)
    hits = engine.evidence.search(
        terms,
        extra_words(engine, m, m.topic),
        roles=[role],
        topic=m.topic,
        numbers=wants_numbers(m),
        points=(*point_forms(engine, m), *level_words(engine, m)),
        money=pay,  # pay figures answer pay questions only
    )
    named = [h for h in hits if h.line.topic == strong]
    if named:  # the section asked for, and lines elsewhere only when they answer far better
        by_name = (
            m.topic_top.get(strong, 0) > GENERIC_WEIGHT and set(m.topic_words) & engine.matcher.topic_names
        ) or (strong == "requirements" and _which_skills(engine, m))
        better = (
            []  # "best practices for deploying models": the section named by its name, its lines only
            if by_name
            else [h for h in hits if h.line.topic != strong and h.score > _ELSEWHERE * named[0].score]
        )
        # "which cloud tools ...? vertex?", "by 2031?": a rare word (a year too) the section does not say,
        # from the line that does
        # ... said, not only asked of a line ("healthcare" of "Adapt to industry-specific AI requirements")
        ev = engine.evidence
        unsaid = [
            t
            for t in terms
            if t.weight >= SPECIFIC and not is_common(t.word) and not any(ev.says(h.line, t) for h in named)
        ]
        if not by_name and strong != "overview":
            better += [h for h in hits if any(ev.says(h.line, t) for t in unsaid) and h not in better][:1]
        return _heading_rest(
            engine, engine.evidence.lead(sorted(named + better, key=lambda h: -h.score), most), hits, most
        )
    if strong == "salary":  # "do they out-earn swes?": no pay line holds the words; the lines elsewhere
        # that speak of pay do ("a ~20% salary premium compared to traditional software engineers")
        pay_words = engine.matcher.word_lists["pay_line_words"]
        paid = [h for h in hits if pay_words & set(h.line.text.lower().split())]
        if paid:
            return _heading_rest(engine, engine.evidence.lead(paid, most), hits, most)
    best = best_topic(hits, hunch)
    return _heading_rest(
        engine,
        engine.evidence.lead(sorted(hits, key=lambda h: (h.line.topic != best, -h.score)), most),
        hits,
        most,
    )


def _heading_rest(engine: Engine, lead: list[Hit], hits: list[Hit], most: int) -> list[Hit]:
    """A lead of a few lines under one heading the question's words found ("best practices for
    deploying models": Deployment and Monitoring) goes on with that heading's other found lines; a
    short list two of whose lines were found ("which city pays best") is shown whole."""
    if not lead or not lead[0].line.path:
        return lead
    path, top = lead[0].line.path, lead[0].line
    if any(h.line.path != path for h in lead):
        return lead
    if len(lead) >= 2:
        section = engine.evidence.index.section(top.role, top.topic)
        listed = [ln for ln in section if ln.path == path and not ln.text.endswith(":")]  # no lead-in
        if len(listed) <= most + _WHOLE:  # figures read in the document's order; other lines best first
            found = {h.line.id: h for h in lead}
            whole = [found.get(ln.id) or Hit(ln, 0.0, frozenset()) for ln in listed]
            figures = sum("$" in ln.text for ln in listed) * 2 > len(listed)
            return whole if figures else lead + [h for h in whole if h not in lead]
    if len(lead) >= most:
        return lead
    shown = {h.line.id for h in lead}
    rest = [h for h in hits if h.line.path == path and h.line.id not in shown and h.line.role == top.role]
    return lead + rest[: most - len(lead)]


def best_topic(hits: list[Hit], hunch: str | None = None) -> str | None:
    """The topic with the most evidence: its three best lines' scores added up. The model's
    `hunch` wins a near tie ("how essential is linear algebra in ML?": requirements, not career)."""
    totals: dict[str, list[float]] = defaultdict(list)
    for h in hits:
        if len(totals[h.line.topic]) < 3:
            totals[h.line.topic].append(h.score)
    best = max(totals, key=lambda t: sum(totals[t]), default=None)
    if best is not None and hunch in totals and sum(totals[hunch]) >= _NEAR_TIE * sum(totals[best]):
        return hunch
    return best


def wants_numbers(m: Match) -> bool:
    """The question asks for a figure ("how fast", "what %", "how many")."""
    return bool(NUMBER_WORDS & set(m.tokens)) or m.percent


def section_opening(engine: Engine, m: Match, role: str, topic: str, shown: set[int]) -> list[Hit]:
    """More lines for a lead of one: those beside it under its heading ("how can I boost my
    earning potential?": the rest of Career Advancement), those under a heading the question
    names ("skills"), then the section's first lines."""
    words = {stem(w.lower()) for w in (*m.topic_words, *m.subject)}
    paid = m.topic == "salary" or bool(m.focus.kinds)  # no pay figure for context of a question on trends
    lines = [
        ln
        for ln in engine.evidence.index.section(role, topic)
        if ln.id not in shown and ln.bullet and not ln.text.endswith(":") and (paid or "$" not in ln.text)
    ]
    named = [ln for ln in lines if words & {stem(p) for part in ln.path for p in part.lower().split()}]
    shown_paths = {engine.evidence.index.line(i).path for i in shown}
    # the found line's own list, unless a level, place or company asks for figures
    beside = [ln for ln in lines if ln.path and ln.path in shown_paths] if not m.focus else []
    return [Hit(ln, 0.0, frozenset()) for ln in dict.fromkeys([*beside, *named, *lines])]


_ECHO_WORDS = 3  # content words a question must echo from one line for that line to answer it
_ECHO_MOST = 8  # ... and at most this many (a 4,000-character message costs no more)


def echo_lines(engine: Engine, m: Match, role: str, most: int) -> list[Hit]:
    """The role's lines that say every content word of the question, topic words too ("Follow
    industry guidelines such as ..." for "which industry guidelines do mlops people follow?"), with
    the lines beside them under the same heading; [] when no line echoes three or more."""
    ev = engine.evidence
    names = engine.role_words((role,))
    sections = engine.matcher.topic_names  # "soft skills", "best practices": a section asked, not a line
    said = (*(w for w in m.topic_words if w.lower() not in sections), *m.subject)
    words = [w for w in dict.fromkeys(said) if w not in names and w not in sections and len(w) > 2]
    if not _ECHO_WORDS <= len(words) <= _ECHO_MOST:  # a long post: no one line says all of it
        return []
    terms = ev.terms(words)
    if len(terms) < len(words):
        return []
    keys = [{key(f) for f in t.forms} for t in terms]
    hits = [
        h for h in ev.search(terms, roles=[role], limit=20, asked=False) if all(k & h.terms for k in keys)
    ]
    if not hits:
        return []
    top = hits[0].line
    beside = [ln for ln in ev.index.section(role, top.topic) if ln.path == top.path and ln.id != top.id]
    return [hits[0], *(Hit(ln, 0.0, frozenset()) for ln in beside[: most - 1])]
