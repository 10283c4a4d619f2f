"""What a person asked: the intent, roles, topic and focus of one query, and what answers it."""

from __future__ import annotations

import re
from collections import defaultdict

from handlers.engine import Engine
from handlers.evidence import Term
from handlers.salary import matching
from knowledge.index import Hit
from knowledge.match import Focus, Match, stem
from knowledge.models import Record

__all__ = ["Plan", "plan", "strip_command"]

_COMMAND = re.compile(r"^\s*(?:/role\b|<@[A-Z0-9]+(?:\|[^>]*)?>)[\s:,]*", re.IGNORECASE)
_SUGGEST_FROM = 8  # "did you mean" looks at the first distinct unknown words, not all 60
_SUPERLATIVE = {"most", "highest", "best paid", "best paying", "top paying", "all", "every", "each"}
# Words that ask across the roles ("which roles", "who works with", "mentioned anywhere").
_ACROSS = {"which", "who", "whom", "any", "anywhere", "anyone", "mentioned", "mention", "these", "all"}
_NUMBERS = {
    "fast",
    "percent",
    "percentage",
    "rate",
    "many",
    "number",
    "numbers",
    "stats",
    "figure",
    "figures",
}
_ELSEWHERE = 1.25  # a line outside the named section must score this much better to lead
_RARE = 5.0  # a word held by about 7 lines or fewer: specific enough to search all roles for
_GENERIC_WEIGHT = 3  # a topic word this strong names the whole topic ("salary"), not one point
_LEAD_LINES = 4  # lines in a one-role lead
_ROLE_LINES = 2  # lines per role across roles or in a comparison
_CROSS_ROLES = 5
_MAX_SUBJECT = 8  # distinct subject words looked up: a 4,000-character message costs no more
_NO_FOCUS = Focus()


class Plan(Record):
    """The decision: one of the six intents, with what the reply is about.

    `mode` says how to answer: "" (the whole section, or salary figures for a focus),
    "lead" (the lines in `groups` first), "cross" (lines of several roles for one subject)
    or "uncovered" (the documents do not cover `terms`). `match` (what was read in the
    text) takes no part in equality.
    """

    _uncompared = ("match",)

    intent: str
    roles: tuple[str, ...] = ()
    topic: str | None = None
    focus: Focus = _NO_FOCUS
    asked: str = ""
    unknown: tuple[str, ...] = ()
    suggestions: tuple[str, ...] = ()
    note: str = ""
    mode: str = ""
    terms: tuple[Term, ...] = ()
    groups: tuple[tuple[str, tuple[Hit, ...]], ...] = ()
    match: Match | None = None

    def __init__(
        self,
        intent: str,
        roles: tuple[str, ...] = (),
        topic: str | None = None,
        focus: Focus = _NO_FOCUS,
        asked: str = "",
        unknown: tuple[str, ...] = (),
        suggestions: tuple[str, ...] = (),
        note: str = "",
        mode: str = "",
        terms: tuple[Term, ...] = (),
        groups: tuple[tuple[str, tuple[Hit, ...]], ...] = (),
        match: Match | None = None,
    ) -> None:
        self.__dict__.update(
            intent=intent,
            roles=roles,
            topic=topic,
            focus=focus,
            asked=asked,
            unknown=unknown,
            suggestions=suggestions,
            note=note,
            mode=mode,
            terms=terms,
            groups=groups,
            match=match,
        )


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


def _point_words(engine: Engine, m: Match) -> tuple[str, ...]:
    """Topic words that name one point of the topic ("experience", "degree"), not the topic.

    A point word is not one of the topic names of aliases.yaml and appears in the lines of
    the topic it routed to, in the roles asked about.
    """
    if m.topic in (None, "overview"):  # "explain", "describe": the overview is the answer
        return ()
    candidates = [w for w in m.topic_words if w not in engine.matcher.topic_names]
    if not candidates:  # "/role mlops salary": no point, and no need for the index
        return ()
    ev, roles = engine.evidence, m.roles or None
    return tuple(w for w in candidates if any(ev.found_in_topic(f, m.topic, roles) for f in ev.term(w).forms))


def _points(engine: Engine, m: Match) -> tuple[str, ...]:
    """The point words with their synonyms: a line that holds one may answer."""
    return tuple(dict.fromkeys(f for w in _point_words(engine, m) for f in engine.evidence.term(w).forms))


def _extra(engine: Engine, m: Match, topic: str | None) -> tuple[str, ...]:
    """Words besides the subject and points that help rank lines: the focus words."""
    focus = () if topic == "salary" and not _kind_only(m.focus) else m.focus_words
    words = (*focus, *m.focus.locations, *m.focus.companies)
    return tuple(
        dict.fromkeys(f for w in (*words, *_levels(engine, m)) for f in engine.evidence.term(w).forms)
    )


def _levels(engine: Engine, m: Match) -> tuple[str, ...]:
    """Outside pay, a level asked about ("director", "senior") is a point: its lines answer."""
    if m.topic == "salary" or not m.focus.levels:
        return ()
    levels = engine.matcher.aliases.focus.get("level", {})
    return tuple(p for level in m.focus.levels for p in levels.get(level, ())[:3])


def _kind_only(focus: Focus) -> bool:
    """A pay focus that names only kinds (bonus, base, average): the lines, not a figure table."""
    return bool(focus.kinds) and not (
        focus.levels or focus.locations or focus.companies or focus.years or focus.percentile
    )


def _reroute(engine: Engine, m: Match, terms: tuple[Term, ...]) -> Match:
    """Let the synonyms of the subject route too: "certs" means certifications (requirements)."""
    if _strong(m):
        return m
    scores = dict(m.topic_scores)
    for t in terms:
        for form in t.forms[1:]:
            for tid, weight in engine.matcher.topic_phrases.get(engine.matcher.key(form), ()):
                scores[tid] = scores.get(tid, 0) + weight
    if scores == m.topic_scores:
        return m
    topic = max(scores, key=lambda t: scores[t])
    return m.model_copy(update={"topic": topic, "topic_scores": scores})


def _strong(m: Match) -> str | None:
    """The routed topic when the question named it outright."""
    if m.topic is None:
        return None
    return m.topic if m.topic_scores.get(m.topic, 0) >= _GENERIC_WEIGHT else None


def _lead(engine: Engine, m: Match, role: str, terms: tuple[Term, ...], most: int) -> list[Hit]:
    """The role's lines that answer: from the topic the question named, else where they are."""
    strong = _strong(m) or (m.topic if m.topic_scores.get(m.topic or "", 0) >= 2 else None)
    pay = m.topic == "salary" or bool(m.focus.kinds)
    hits = engine.evidence.search(
        terms,
        _extra(engine, m, m.topic),
        roles=[role],
        topic=m.topic,
        numbers=_wants_numbers(m),
        points=(*_points(engine, m), *_levels(engine, m)),
        money=pay,  # pay figures answer pay questions only
    )
    named = [h for h in hits if h.line.topic == strong]
    if named:  # the section asked for, and lines elsewhere only when they answer far better
        better = [h for h in hits if h.line.topic != strong and h.score > _ELSEWHERE * named[0].score]
        return engine.evidence.lead(sorted(named + better, key=lambda h: -h.score), most)
    best = _best_topic(hits)
    return engine.evidence.lead(sorted(hits, key=lambda h: (h.line.topic != best, -h.score)), most)


def _best_topic(hits: list[Hit]) -> str | None:
    """The topic with the most evidence: its three best lines' scores added up."""
    totals: dict[str, list[float]] = defaultdict(list)
    for h in hits:
        if len(totals[h.line.topic]) < 3:
            totals[h.line.topic].append(h.score)
    return max(totals, key=lambda t: sum(totals[t]), default=None)


def _wants_numbers(m: Match) -> bool:
    """The question asks for a figure ("how fast", "what %", "how many")."""
    return bool(_NUMBERS & set(m.tokens)) or m.percent


def _one_role(engine: Engine, m: Match, terms: tuple[Term, ...]) -> Plan:
    (role,) = m.roles
    routed = m.topic or ("salary" if m.focus else "overview")
    missing = _not_covered(engine, m, terms, [role])
    if missing:
        return Plan("unknown", m.roles, m.topic, m.focus, mode="uncovered", terms=missing, match=m)
    terms = tuple(t for t in terms if engine.evidence.found(t, [role]))  # the rest is colour
    if m.focus and routed == "salary":  # a pay question: words its salary section lacks are colour
        ev = engine.evidence
        terms = tuple(t for t in terms if any(ev.found_in_topic(f, "salary", [role]) for f in t.forms))
    figures = routed == "salary" and m.focus and not _kind_only(m.focus)
    no_figure = figures and not matching(engine.kb.roles[role], m.focus)  # then the lines that say it
    figures = figures and not no_figure
    wants_lines = terms or _point_words(engine, m) or (m.focus and routed != "salary") or no_figure
    if figures or not (wants_lines or _kind_only(m.focus)):
        return Plan("answer", m.roles, routed, m.focus, unknown=m.unknown, match=m)
    lead = _lead(engine, m, role, terms, _LEAD_LINES)
    if not lead:
        return Plan("answer", m.roles, routed, m.focus, unknown=m.unknown, match=m)
    topic = _strong(m) or lead[0].line.topic
    if len(lead) < 2:  # one line found: add the section's lines on what was asked, for context
        lead += _opening(engine, m, role, topic, {h.line.id for h in lead})[: _LEAD_LINES - len(lead)]
    return Plan(
        "answer", m.roles, topic, m.focus, mode="lead", terms=terms, groups=((role, tuple(lead)),), match=m
    )


def _opening(engine: Engine, m: Match, role: str, topic: str, shown: set[int]) -> list[Hit]:
    """The section's first lines, those under a heading the question names first ("skills")."""
    words = {stem(w.lower()) for w in (*m.topic_words, *m.subject)}
    lines = [
        ln
        for ln in engine.evidence.index.section(role, topic)
        if ln.id not in shown and ln.bullet and not ln.text.endswith(":")
    ]
    named = [ln for ln in lines if words & {stem(p) for part in ln.path for p in part.lower().split()}]
    return [Hit(ln, 0.0, frozenset()) for ln in dict.fromkeys([*named, *lines])]


def _across(engine: Engine, m: Match, terms: tuple[Term, ...]) -> Plan:
    """One subject across every role: each role with its best lines, most evidence first."""
    hits = engine.evidence.search(terms, _point_words(engine, m), topic=_strong(m) or m.topic, limit=80)
    by_role: dict[str, list[Hit]] = defaultdict(list)
    for h in hits:
        by_role[h.line.role].append(h)
    ranked = sorted(
        by_role.items(), key=lambda kv: -(kv[1][0].score + 0.3 * sum(h.score for h in kv[1][1:3]))
    )
    per_role = _LEAD_LINES if len(ranked) == 1 else _ROLE_LINES + (len(ranked) <= 2)
    groups = tuple(
        (rid, tuple(engine.evidence.lead(found, per_role))) for rid, found in ranked[:_CROSS_ROLES]
    )
    groups = tuple((rid, lines) for rid, lines in groups if lines)
    if not groups:  # no role's document says anything of it
        return Plan("unknown", (), m.topic, m.focus, mode="uncovered", terms=terms, match=m)
    roles = tuple(rid for rid, _ in groups)
    intent = "answer" if len(roles) == 1 else "compare"
    topic = _strong(m) or groups[0][1][0].line.topic
    return Plan(intent, roles, topic, m.focus, mode="cross", terms=terms, groups=groups, match=m)


def _compare(engine: Engine, m: Match, roles: tuple[str, ...], topic: str, terms: tuple[Term, ...]) -> Plan:
    missing = _not_covered(engine, m, terms, roles)
    if missing:
        return Plan("unknown", roles, topic, m.focus, mode="uncovered", terms=missing, match=m)
    terms = tuple(t for t in terms if engine.evidence.found(t, roles))  # the rest is colour
    salary_figures = topic == "salary" and m.focus and not _kind_only(m.focus)
    wants_lines = terms or _point_words(engine, m) or _kind_only(m.focus) or (m.focus and topic != "salary")
    if salary_figures or not wants_lines:
        return Plan("compare", roles, topic, m.focus, match=m)
    groups = tuple((r, tuple(_lead(engine, m, r, terms, _ROLE_LINES))) for r in roles)
    if not _strong(m):  # no topic named: the one the answering lines come from
        topic = _best_topic([h for _, hits in groups for h in hits]) or topic
    return Plan("compare", roles, topic, m.focus, mode="lead", terms=terms, groups=groups, match=m)


def _beyond(engine: Engine, m: Match) -> list[str]:
    """Words and word pairs of the question that name what the documents never cover (PTO, visas)."""
    beyond = engine.matcher.beyond
    pairs = [" ".join(m.tokens[i : i + 2]) for i in range(len(m.tokens) - 1)]
    return [w for w in dict.fromkeys((*pairs, *m.tokens, *m.subject)) if w in beyond]


def _not_covered(engine: Engine, m: Match, terms: tuple[Term, ...], roles) -> tuple[Term, ...]:
    """What to name as not covered by the documents (of `roles`); () when they answer.

    Not covered: a policy, benefit or hiring-process subject (aliases.yaml `beyond`) the
    documents do not mention, whatever else the question names; or a subject of which the
    documents hold nothing at all ("/role mlops requirements zeppelin"). When some of the subject
    is there, or a point of the topic, or a pay focus (a level, a kind of pay), the other words
    are colour ("what's the absolute ceiling with bonuses") and the question is answered.
    """
    ev = engine.evidence
    beyond = [t for t in ev.terms(_beyond(engine, m)) if not ev.found(t, roles)]
    if beyond:
        return tuple(beyond)
    if not terms or any(ev.found(t, roles) for t in terms) or _point_words(engine, m):
        return ()
    pay = m.focus.levels or m.focus.kinds or (m.focus and m.topic == "salary")
    named = m.topic is not None and m.topic_scores.get(m.topic, 0) >= 2
    if pay or (m.compare_strong and named):  # "the day-to-day difference, they sound identical"
        return ()
    return terms


def _subject(engine: Engine, m: Match) -> tuple[Term, ...]:
    words = list(dict.fromkeys(w for w in m.subject if w not in _ACROSS))[:_MAX_SUBJECT]
    if m.ambiguous and words and all(p == "ai" for p, _ in m.ambiguous):
        words.append("ai")  # "edge ai": a word of the subject, not a role name
    return engine.evidence.terms(words) if words else ()


def plan(text: str, engine: Engine) -> Plan:
    """Decide how to answer `text` (slash text or mention text)."""
    matcher, role_ids = engine.matcher, engine.role_ids
    body = strip_command(text)
    m = matcher.match(body)
    meaningful = [t for t in m.tokens if t != "?"]
    if not meaningful or (m.help_word and not m.roles and m.topic is None and not m.subject):
        return Plan("help", match=m)
    if meaningful[0] == "help":
        return Plan("help", match=m)
    terms = _subject(engine, m) if m.subject else ()
    m = _reroute(engine, m, terms)
    if len(m.focus.levels) >= 2 and not _strong(m) and "salary" not in m.topic_scores:
        scores = {**m.topic_scores, "career": _GENERIC_WEIGHT}
        m = m.model_copy(update={"topic": "career", "topic_scores": scores})
    marked = set(m.tokens) & _ACROSS or m.roles_word
    asks_roles = set(m.tokens) & {"role", "roles", "any", "anyone", "anywhere"}
    if asks_roles and m.roles and set(m.roles) <= set(m.weak_roles):  # "is there a role ... ml systems"
        m = m.model_copy(update={"roles": ()})
    if not terms and not m.roles and marked:  # "which roles list emotional intelligence"
        terms = engine.evidence.terms(_point_words(engine, m))
    bare_ai = terms and all(p == "ai" for p, _ in m.ambiguous)
    if m.ambiguous and not bare_ai and len(m.roles) < (2 if _wants_compare(m) else 1):
        phrase, candidates = m.ambiguous[0]
        return Plan("clarify", candidates, m.topic, m.focus, asked=phrase, match=m)
    if _wants_compare(m) and len(m.roles) == 1 and m.compare_strong and (m.focus or m.unknown):
        # "ai systems pay tesla vs google" compares figures of one role; "mlops vs devops"
        # names something rolebot does not cover: answer the role it knows, and say so.
        topic = m.topic or ("salary" if m.focus else "overview")
        note = "" if m.focus else " ".join(m.unknown[:3])
        return Plan("answer", m.roles, topic, m.focus, unknown=() if note else m.unknown, note=note, match=m)
    rare = m.topic is None and all(t.weight >= _RARE for t in terms)
    if terms and not m.roles and (marked or rare):
        if engine.evidence.covered(terms):
            return _across(engine, m, terms)
        if marked and not m.ambiguous:  # "is rust used by any of these roles?": no role says so
            return Plan("unknown", (), m.topic, m.focus, mode="uncovered", terms=terms, match=m)
    if _wants_compare(m):
        named = list(m.roles)
        roles = named if len(named) >= 2 else named + [r for r in role_ids if r not in named]
        weak = m.topic is not None and m.topic_scores[m.topic] < 2  # "how does X differ from Y"
        topic = m.topic if m.topic and not weak else ("salary" if m.focus else "overview")
        return _compare(engine, m, tuple(roles), topic, terms)
    if len(m.roles) == 1:
        return _one_role(engine, m, terms)
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
