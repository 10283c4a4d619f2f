"""What a person asked: the intent, roles, topic and focus of one query, and what answers it."""

from __future__ import annotations

import re
from collections import defaultdict

from handlers.advice import advice_lines
from handlers.engine import Engine
from handlers.evidence import Term
from handlers.figures import figure_plan, pay_across
from handlers.fit import fit_plan
from handlers.glance import glance_plan
from handlers.salary import matching
from handlers.scope import other_title, outside
from handlers.topic import Choice, choose, guess, guess_none
from knowledge.index import Hit
from knowledge.intent import Guess
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
_CHAT_SURE = 0.7  # the model's thanks / help / list, when nothing else is named
_CHAT_WORDS = 10
_SLASH_WORDS = 4
_COMPARE_SURE = 0.6  # a comparison takes the model's topic from this; else the overviews
_TERSE_WORDS = 5
_CLARIFY_SURE = 0.5  # a topic the model is this sure of, with no role named: ask which role
_MODEL_CLARIFY = 0.8  # ... and from this, when no topic word backs it
_CONTEXT_WORDS = 12  # a message this long may say enough about the person to pick a role
_CONTEXT_LEAD = 1.5
_MENTION = {"mention", "mentioned", "cover", "covered", "covers"}


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
    kind: str | None = None  # the intent model's label, when it decided the topic
    also: str | None = None  # a runner-up topic, offered as a button
    uncovered: tuple[str, ...] = ()  # what was asked that the documents do not cover

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
        kind: str | None = None,
        also: str | None = None,
        uncovered: tuple[str, ...] = (),
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
            kind=kind,
            also=also,
            uncovered=uncovered,
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


def _advice(engine: Engine, m: Match, role: str, kind: str | None, terms: tuple[Term, ...]) -> Plan | None:
    """An advice question: the document's list that answers its kind, then any line on its subject."""
    lines = advice_lines(engine, kind, role) if kind else []
    if not lines:
        return None
    topic = lines[0].line.topic
    shown = {h.line.id for h in lines}
    extra = [h for h in _lead(engine, m, role, terms, 2) if h.line.id not in shown] if terms else []
    groups = ((role, tuple([*lines, *extra][: _LEAD_LINES + 2])),)
    return Plan("answer", m.roles, topic, m.focus, mode="lead", terms=terms, groups=groups, match=m)


def _one_role(engine: Engine, m: Match, terms: tuple[Term, ...], kind: str | None = None) -> Plan:
    (role,) = m.roles
    routed = m.topic or ("salary" if m.focus else "overview")
    missing = _not_covered(engine, m, terms, [role], kind)
    if missing:
        return Plan("unknown", m.roles, m.topic, m.focus, mode="uncovered", terms=missing, match=m)
    terms = tuple(t for t in terms if engine.evidence.found(t, [role]))  # the rest is colour
    advice = _advice(engine, m, role, kind, terms) if not m.focus else None
    if advice is not None:
        return advice
    if m.focus and routed == "salary":  # a pay question: words its salary section lacks are colour
        ev = engine.evidence
        terms = tuple(t for t in terms if any(ev.found_in_topic(f, "salary", [role]) for f in t.forms))
    figures = routed == "salary" and m.focus and not _kind_only(m.focus)
    no_figure = figures and not matching(engine.kb.roles[role], m.focus)  # then the lines that say it
    figures = figures and not no_figure
    missed = _unmatched_focus(engine, m, [role]) if no_figure else ()
    wants_lines = terms or _point_words(engine, m) or (m.focus and routed != "salary") or no_figure
    if figures or not (wants_lines or _kind_only(m.focus)):
        return Plan("answer", m.roles, routed, m.focus, unknown=m.unknown, match=m, uncovered=missed)
    lead = _lead(engine, m, role, terms, _LEAD_LINES)
    if not lead:
        return Plan("answer", m.roles, routed, m.focus, unknown=m.unknown, match=m, uncovered=missed)
    topic = _strong(m) or lead[0].line.topic
    if len(lead) < 2:  # one line found: add the section's lines on what was asked, for context
        lead += _opening(engine, m, role, topic, {h.line.id for h in lead})[: _LEAD_LINES - len(lead)]
    groups = ((role, tuple(lead)),)
    return Plan(
        "answer", m.roles, topic, m.focus, mode="lead", terms=terms, groups=groups, match=m, uncovered=missed
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
    if terms:  # "quantum computing": lines that say "quantum", not every "computer" the stem finds
        rarest = max(terms, key=lambda t: t.weight)
        hits = [h for h in hits if engine.evidence.says(h.line, rarest)] or hits
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
    roles = tuple(rid for rid, _ in groups if _)
    if not roles:  # the words are there, but in no line that answers: say it was not understood
        return Plan("unknown", (), m.topic, m.focus, unknown=tuple(t.word for t in terms), match=m)
    groups = tuple((rid, found) for rid, found in groups if found)
    intent = "answer" if len(roles) == 1 else "compare"
    topic = _strong(m) or groups[0][1][0].line.topic
    return Plan(intent, roles, topic, m.focus, mode="cross", terms=terms, groups=groups, match=m)


def _compare(
    engine: Engine,
    m: Match,
    roles: tuple[str, ...],
    topic: str,
    terms: tuple[Term, ...],
    kind: str | None = None,
) -> Plan:
    missing = _not_covered(engine, m, terms, roles, kind)
    if missing:
        return Plan("unknown", roles, topic, m.focus, mode="uncovered", terms=missing, match=m)
    terms = tuple(t for t in terms if engine.evidence.found(t, roles))  # the rest is colour
    advised = (
        [advice_lines(engine, kind, r, _ROLE_LINES + 1) for r in roles] if kind and len(roles) <= 3 else []
    )
    if advised and all(advised) and not m.focus:  # "what do both need to learn?"
        groups = tuple((r, tuple(lines)) for r, lines in zip(roles, advised, strict=True))
        return Plan(
            "compare",
            roles,
            advised[0][0].line.topic,
            m.focus,
            mode="lead",
            terms=terms,
            groups=groups,
            match=m,
        )
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


def _unmatched_focus(engine: Engine, m: Match, roles) -> tuple[str, ...]:
    """Places and companies asked about that no pay figure of these roles names."""
    out = []
    for value in (*m.focus.locations, *m.focus.companies):
        one = Focus(locations=(value,)) if value in m.focus.locations else Focus(companies=(value,))
        if not any(matching(engine.kb.roles[r], one) for r in roles):
            out.append(value)
    return tuple(out)


def _not_covered(
    engine: Engine, m: Match, terms: tuple[Term, ...], roles, kind: str | None = None
) -> tuple[Term, ...]:
    """What to name as not covered by the documents (of `roles`); () when they answer.

    On positive evidence only: a policy, benefit, hiring-process or work-arrangement subject
    (aliases.yaml `beyond`) the documents do not mention, whatever else the question names; or
    words the question explicitly asks to be mentioned ("does it mention rust?"). Any other word
    the documents lack is colour ("lowdown", "whats the deal") and the question is answered.
    """
    ev = engine.evidence
    beyond = [t for t in ev.terms(_beyond(engine, m)) if not ev.found(t, roles)]
    if beyond:
        return tuple(beyond)
    absent = tuple(t for t in terms if not ev.found(t, roles))
    if absent and set(m.tokens) & _MENTION:  # "does the mlops doc mention rust?"
        return absent
    if absent and kind == "outscope":  # the model reads a policy or hiring question
        return absent
    if absent and _terse(engine, m):  # "/role mlops requirements zeppelin": the extra word is the point
        return absent
    return ()


def _terse(engine: Engine, m: Match) -> bool:
    """A keyword query ("mlops requirements zeppelin"): short, with no function words at all."""
    return len(m.words) <= _TERSE_WORDS and not any(w in engine.matcher.stopwords for w in m.words)


def _subject(engine: Engine, m: Match) -> tuple[Term, ...]:
    words = list(dict.fromkeys(w for w in m.subject if w not in _ACROSS))[:_MAX_SUBJECT]
    if m.ambiguous and words and all(p == "ai" for p, _ in m.ambiguous):
        words.append("ai")  # "edge ai": a word of the subject, not a role name
    return engine.evidence.terms(words) if words else ()


def thanks(engine: Engine, m: Match) -> bool:
    """ "thanks!", "that was really helpful", "cool, got it": thanks, and nothing asked.

    Read on the words as typed: "helps" thanks, "help" asks for help.
    """
    words = [w for w in m.words if w != "?"]
    grams = {" ".join(words[i : i + 2]) for i in range(len(words) - 1)}
    said = engine.matcher.thanks_words
    if not (said & {*words, *grams}) or m.roles or m.ambiguous:
        return False
    covered = {w for g in grams & said for w in g.split()}
    return all(w in said or w in covered or w in engine.matcher.stopwords for w in words)


def _chat(engine: Engine, m: Match) -> Plan | None:
    """Help, thanks: messages that ask nothing about the roles."""
    words = [w for w in m.words if w != "?"]
    if not words or (words[0] == "help" and not (m.roles or m.topic or m.ambiguous)):
        return Plan("help", match=m)
    if thanks(engine, m):
        return Plan("help", mode="thanks", match=m)
    if m.help_word and not m.roles and m.topic is None and not m.subject:
        return Plan("help", match=m)
    return None


def _chat_model(engine: Engine, m: Match, choice: Choice, g: Guess) -> Plan | None:
    """Thanks, help and the list as the intent model reads them, when nothing else is named."""
    if m.roles or m.ambiguous or choice.match.topic_scores.get(choice.match.topic or "", 0) >= 3:
        return None
    label, p = g.label, g.confidence
    if p < _CHAT_SURE or len(m.words) > _CHAT_WORDS:
        return None
    if label == "thanks":
        return Plan("help", mode="thanks", match=m)
    if label == "help":
        return Plan("help", match=m)
    if label == "list" and not (m.focus or m.subject or m.topic):
        return Plan("list", match=m)
    return None


def _context_role(engine: Engine, m: Match, candidates: tuple[str, ...]) -> str | None:
    """Which of an ambiguous name's roles the rest of a long message points to, if clearly one.

    "I build LLM apps and ship them to production ... what do AI engineers earn?": the words
    about the person's work are searched in each candidate's document; one must lead clearly.
    """
    if len(m.words) < _CONTEXT_WORDS:
        return None
    words = [w for w in dict.fromkeys(m.subject) if len(w) > 2][:_MAX_SUBJECT]
    terms = [t for t in engine.evidence.terms(words) if t.weight < engine.evidence.max_weight]
    if not terms:
        return None
    score = {}
    for role in candidates:
        hits = engine.evidence.search(terms, roles=[role], limit=20)
        score[role] = sum(len(h.terms) for h in hits[:8])
    ranked = sorted(candidates, key=lambda r: -score[r])
    best, second = score[ranked[0]], score[ranked[1]] if len(ranked) > 1 else 0
    return ranked[0] if best >= 3 and best >= _CONTEXT_LEAD * max(second, 1) else None


def _finish(p: Plan, choice: Choice, missing: tuple[str, ...]) -> Plan:
    """The plan with the model's label, a close runner-up topic and what is not covered."""
    also = choice.other if choice.other not in (None, p.topic) and p.intent == "answer" else None
    uncovered = tuple(dict.fromkeys((*p.uncovered, *missing))) if p.intent in ("answer", "compare") else ()
    kind = choice.label if p.topic == choice.match.topic else None
    if (kind, also, uncovered) == (p.kind, p.also, p.uncovered):
        return p
    return p.model_copy(update={"kind": kind, "also": also, "uncovered": uncovered})


def plan(text: str, engine: Engine) -> Plan:
    """Decide how to answer `text` (slash text or mention text).

    The stages, in order: read (match: roles, topic words, focus, subject), chat (help,
    thanks), the intent model's guess, scope (a job title that is none of the five), topic
    choice, then the policy from (intent, roles, topic, subject, hits) to a plan.
    """
    m = engine.matcher.match(strip_command(text))
    chat = _chat(engine, m)
    if chat is not None:
        return chat
    fitted = fit_plan(engine, m, text)  # "i know python and k8s, which role fits me?" (handlers/fit.py)
    if fitted is not None:
        return fitted
    named = m.topic is not None and m.topic_scores.get(m.topic, 0) >= _GENERIC_WEIGHT
    slash = named and len(m.roles) == 1 and not m.subject and len(m.words) <= _SLASH_WORDS
    keywords = len(m.words) <= _SLASH_WORDS and not any(w in engine.matcher.stopwords for w in m.words)
    bare = keywords and not (m.subject or m.topic_words)  # "/role mlops senior": nothing to read
    g = guess_none() if slash or bare else guess(engine, m)  # "/role mlops salary" needs no model
    terms = _subject(engine, m) if m.subject else ()
    m = _reroute(engine, m, terms)
    choice = choose(engine, m, g)
    chat = _chat_model(engine, m, choice, g)
    if chat is not None:
        return chat
    title = other_title(engine, m)
    if title and not m.roles and not m.ambiguous:  # "devops engineer salary?"
        return Plan(
            "unknown", (), choice.match.topic, m.focus, mode="title", asked=title[0],
            suggestions=(title[1],), uncovered=(title[0],), match=m,
        )  # fmt: skip
    p = figure_plan(engine, choice.match, _policy(engine, choice.match, terms, choice))  # bars, gaps
    missing = (
        tuple(o.name for o in outside(engine, m, p.roles or None))
        if p.intent in ("answer", "compare")
        else ()
    )
    if title and p.intent in ("answer", "compare") and m.compare_strong:  # "mlops vs devops"
        missing = (title[0], *missing)
    return _finish(p, choice, missing)


def _policy(engine: Engine, m: Match, terms: tuple[Term, ...], choice: Choice) -> Plan:
    """From what was read to how to answer."""
    matcher, role_ids = engine.matcher, engine.role_ids
    if (chart := pay_across(engine, m) or glance_plan(engine, m)) is not None:  # "which role pays best?"
        return chart
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
        decided = _context_role(engine, m, candidates)
        if decided is None:
            return Plan("clarify", candidates, m.topic, m.focus, asked=phrase, match=m)
        m = m.model_copy(update={"roles": (*m.roles, decided), "ambiguous": ()})
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
        guessed = choice.table != m.topic and choice.confidence < _COMPARE_SURE  # the model, unsure
        weak = m.topic is not None and (m.topic_scores[m.topic] < 2 or guessed)  # "how does X differ from Y"
        topic = m.topic if m.topic and not weak else ("salary" if m.focus else "overview")
        return _compare(engine, m, tuple(roles), topic, terms, choice.label)
    if len(m.roles) == 1:
        return _one_role(engine, m, terms, choice.label)
    if m.list_word and m.topic is None and not m.unknown:
        return Plan("list", match=m)
    if m.unknown:
        suggestions = tuple(matcher.suggest(tuple(dict.fromkeys(m.unknown))[:_SUGGEST_FROM]))
        return Plan("unknown", (), choice.table, m.focus, unknown=m.unknown, suggestions=suggestions, match=m)
    model_only = choice.table is None and choice.confidence < _MODEL_CLARIFY  # "what time is it"
    if m.topic is not None and not model_only:
        return Plan("clarify", role_ids, m.topic, m.focus, match=m)
    if m.focus:
        return Plan("clarify", role_ids, "salary", m.focus, match=m)
    return Plan("help", match=m)
