"""From what was read to how to answer: clarify, across roles, compare, or one role."""

from __future__ import annotations

import re
from collections.abc import Iterable

from handlers.across import ROLE_LINES, across_roles, asked_across, joined, of_all, said_together
from handlers.ambiguity import ai_field, beside_own, called, context_role, only_concept_ai, titled, track
from handlers.coverage import MENTION, beyond, natural, not_covered, unmatched_focus
from handlers.engine import Engine
from handlers.evidence import Term, specific
from handlers.figures import pay_across
from handlers.glance import asks_job_growth, glance_plan, job_growth
from handlers.inrole import in_role, levels_only, uncommon
from handlers.kinds import ADVICE_SURE, asks, climbs, kind_lines
from handlers.lines import (
    GENERIC_WEIGHT,
    NUMBER_WORDS,
    ROLES_PLURAL,
    best_topic,
    kind_only,
    lead_lines,
    point_words,
    strong_topic,
    wants_numbers,
)
from handlers.plan import Plan
from handlers.problem import asks_fix, fixed_where
from handlers.question import asked_in_turn, asked_parts, asks_why, marked
from handlers.scope import is_place, outside, own_closest, own_title
from handlers.topic import NAMED, WORDED, Choice
from knowledge.english import everyday, is_common, is_word
from knowledge.index import Hit
from knowledge.match import Focus, Match, around, pairs, stem
from knowledge.patterns import Lazy
from knowledge.skills import named_in

__all__ = ["decide", "only_occasion", "paid_by_one"]

_SUPERLATIVE = {"most", "highest", "best paid", "best paying", "top paying", "all", "every", "each"}

_NAME = 3  # letters of the shortest name ("dvc")
_RARE = 5.0  # a word held by about 7 lines or fewer: specific enough to search all roles for
_OUTLOOK = (None, "career")  # "which has better long term prospects?" names the career, asks the outlook
_WHICH_ROLES = Lazy(  # "which jobs ...", "do any of these roles ...": asked across the roles
    r"\b(?:which|what|any|all|both|none)\s+(?:\w+\s+)?(?:of\s+(?:the|these|those|them)\s+)?(?:\w+\s+)?"
    r"(?:roles?|jobs?|positions?|titles?|careers?|them|ones?)\b"
)


_COMPARE_SURE = 0.6  # a comparison takes the model's topic from this; else the overviews


_MODEL_CLARIFY = 0.8  # the model alone, no topic word and no role: ask which role from this sure

_HUNCH_SURE = 0.4  # the model's topic, this sure, is the one a "which role?" offers
_ADVICE_SURE = 0.8  # a kind of advice asked this surely is answered, what is not covered named beside it
_SENTENCE = 10  # words: a message this long that names no role is a question, not a role name
_SUGGEST_FROM = 8  # "did you mean" looks at the first distinct unknown words, not all 60


# "how do i get paid more than that?": the person's own pay raised, no roles compared
_OWN_RAISE = Lazy(r"\b(?:i|we)\s+(?:get\s+paid|earn|make)\s+more\b")


def _on_the_ladder(m: Match) -> Match:
    """The match answered from the career ladder (Career Development, its rungs)."""
    return m.model_copy(
        update={"topic": "career", "topic_scores": {**m.topic_scores, "career": GENERIC_WEIGHT}}
    )


def _ladder_asked(engine: Engine, m: Match, kind: str | None) -> bool:
    """Whether the career is named with a word for its ladder and no kind of advice was read
    ("tell me about the career progression of an mlops engineer", "compare the career paths of
    X and Y"): the rungs, however unsure the model."""
    return (
        kind is None
        and strong_topic(m) == "career"
        and not (m.focus or m.subject)
        and not engine.matcher.word_lists["ladder"].isdisjoint(m.tokens)
    )


def _any_of_them(engine: Engine, m: Match) -> bool:
    """Whether any of the roles is asked about ("do any of these docs ...", "do any roles ...")."""
    tokens = set(m.tokens)
    return "any" in tokens and not engine.matcher.word_lists["any_of_them"].isdisjoint(tokens)


def _said_subject(engine: Engine, m: Match) -> tuple[Term, ...]:
    """The terms of a short message's subject when the documents say each as typed and none is an
    everyday word ("computer vision", "quantum computing"): a thing to find across the roles; () else."""
    if len(m.words) > _SHORT_ASKED or not m.subject:
        return ()
    ev = engine.evidence

    def as_typed(t: Term) -> bool:  # "frontend" is said by no line, whatever its synonyms
        return (
            (specific(t) and not everyday(t.word) or ev.heads_sections(t))  # "leadership"
            and bool(ev.saying(Term(word=t.word, forms=(t.word,), weight=t.weight)))
        )

    terms = joined(engine, m, ev.terms(m.subject))
    if all(map(as_typed, terms)):
        return terms
    phrase = " ".join(m.subject)  # "quantum computing": said side by side, and so in a line
    together = len(m.subject) <= _PHRASE_WORDS and f" {phrase} " in f" {' '.join(m.words)} "
    return (ev.term(phrase),) if together and as_typed(ev.term(phrase)) else ()


def _said_widely(engine: Engine, words: tuple[str, ...]) -> bool:
    """Whether two roles or more say each of these words as typed, a plural aside (the index's stems
    would take "open-source" for "openings")."""
    index = engine.evidence.index

    def roles_saying(w: str) -> int:
        said = re.compile(rf"\b{re.escape(w.rstrip('s'))}", re.I)
        lines = (index.line(i) for i in index.matching(w))
        return len({ln.role for ln in lines if said.search(f"{ln.label or ''} {ln.text}")})

    return bool(words) and all(roles_saying(w) >= 2 for w in words)


def paid_by_one(engine: Engine, m: Match, candidates: tuple[str, ...]) -> str | None:
    """The one role an ambiguous name could mean whose document gives pay at the companies asked
    ("does Google pay AI engineers 200k+? what about Tesla?": only the AI Systems document does)."""
    asked = set(m.focus.companies) if m.topic_scores.get("salary") else set()  # not "... Java, AWS": a skill
    held = [r for r in candidates if asked and any(f.company in asked for f in engine.kb.roles[r].salaries)]
    return held[0] if len(held) == 1 else None


def _wants_compare(m: Match) -> bool:
    if len(m.roles) < 2 and "more" in m.words and _OWN_RAISE.search(" ".join(m.words)):
        return False
    if len(m.roles) >= 2 or m.compare_strong:
        return True
    superlative = bool(_SUPERLATIVE & set(m.tokens)) or "top paying" in " ".join(m.tokens)
    return not m.roles and m.compare_weak and m.topic is not None and (m.roles_word or superlative)


def _one_role(
    engine: Engine,
    m: Match,
    terms: tuple[Term, ...],
    kind: str | None = None,
    sure: float = 1.0,
    hunch: str | None = None,
) -> Plan:
    (role,) = m.roles
    if strong_topic(m) in (None, *_WORK_TOPICS) and _WORKS_WITH.search(" ".join(m.words)):
        # "who does an mlops engineer work with?": what the synonyms give "who do they work with" (the
        # role named between the words keeps that phrase from matching)
        synonyms = engine.evidence.synonyms[_WORKED_WITH]
        terms = (*terms, *engine.evidence.terms(synonyms))
    # "is 3 years enough?", "is 3 years realistic?": the years set against those the role asks
    enough = not engine.matcher.word_lists["enough"].isdisjoint(m.words)
    unnamed = not m.topic_top.get(m.topic or "", 0)  # the model's topic, in no word of the question
    if (
        m.focus.years
        and (m.topic in (None, "demand") or enough and unnamed)
        and m.topic_scores.get("demand", 0) < GENERIC_WEIGHT
        and (kind != "demand" or enough)  # "6 years of Go ... is the market for that kind of role good?"
    ):
        # "ml platform jobs say 5+ yrs, i have 3, should i still apply": the experience asked for
        scores = {**m.topic_scores, "requirements": 2}
        m = m.model_copy(update={"topic": "requirements", "topic_scores": scores})
        kind = None if enough and unnamed else kind  # the years, not the model's unsure kind of advice
    routed = m.topic or ("salary" if m.focus else "overview")
    if m.topic is None and levels_only(m.focus) and natural(engine, m) and hunch not in (None, "salary"):
        routed = hunch  # "what should an ai systems engineer get right before starting": no pay asked
        # ... but "starting as a junior ... the first few months?" keeps the level: its rung answers
        kept = m.focus.levels if asks(engine, m, "start") else ()
        m = m.model_copy(update={"topic": hunch, "focus": Focus(years=m.focus.years, levels=kept)})
    policy = beyond(engine, m)
    missing = not_covered(engine, m, terms, [role], kind, policy)
    if missing:
        asked = _partly(engine, terms, missing, [role])
        # "which skills help in ML interviews?": the skills answered, interviews named; not a topic id
        # a follow-up fills in ("<role> overview what about PTO?")
        # ... but "what are the usual education and experience requirements" names it in words of its own
        filled = bool(m.topic_words) and set(m.topic_words) <= set(engine.kb.topics)
        named = None if filled else strong_topic(m)
        # "ml eng interview coming up. what should i brush up on": the advice asked surely, the rest named
        # ... and "is it safe from layoffs?": the prospects asked in words, the layoffs named
        # ... and "how do I negotiate a better package?": what moves pay answered, negotiation named
        advised = (
            kind in engine.advice
            and sure >= _ADVICE_SURE
            or asks(engine, m, "prospects")
            or (routed == "salary" and asks(engine, m, "reasons"))
        ) and not m.focus
        # "senior mlops salary range? also, ... unlimited PTO?": two questions, the first answered
        held = {t.word for t in terms if t not in missing and engine.evidence.found(t, [role])}
        # ... "what do they make there, and what's rent like?": a pay word asks the pay in its part
        lists = engine.matcher.word_lists
        paid = lists["paid_words"] | lists["pay_verbs"] if routed == "salary" else frozenset()
        apart = _asked_apart(engine, m, [t.word for t in missing], held | paid)
        # "ML platform interviews: which languages do they expect?": the interview is the occasion, the
        # languages are asked
        # ... and "ml platform interviews - should i expect system design?": what it tests is asked
        tested = m.topic_scores.get(m.topic or "", 0) >= _OCCASION_TOPIC or asks(engine, m, "interview")
        occasion = tested and all(t.word in engine.matcher.word_lists["occasions"] for t in missing)
        # "... onboarding takes weeks. fix?": words of the story, not of what is asked
        gone = {t.word for t in missing}
        told = asks_fix(engine, m) and {stem(w) for g in gone for w in g.split()}.isdisjoint(
            map(stem, m.words)
        )
        # "does knowing the business, say insurance, help?", "leetcode-style fundamentals": an example given,
        # the rest answered and the example named
        given = _examples(m, missing, engine.matcher.word_lists)
        # "what benefits come with the job, and how many weeks of parental leave?": the benefits its
        # document names are answered, the leave named
        ev = engine.evidence
        held_policy = any(ev.found_beyond_sources(ev.term(w), [role]) for w in policy if w not in gone)
        # "Underpaid? 132k base, senior ..., fully remote": the level's figures answer the amount, the
        # arrangement is named
        figured = routed == "salary" and bool(m.focus.levels or m.focus.amount or m.focus.years)
        # "mlops salary london": the pay is answered, the place named as not covered
        figured = figured or (routed == "salary" and all(is_place(engine, t.word) for t in missing))
        # "do mlops engineers do support or on-call?": the alternative the document holds answers
        other = _or_held(m.words, [t.word for t in missing], held)
        asked = asked or tuple(t for t in terms if t.word in other)
        answered = asked or advised or apart or occasion or told or given or held_policy or figured
        # "do they get RSUs?", "is there a signing bonus?": the extra pay the document lists answers;
        # not "how do I value the stock options?", the way it works
        extra = (
            not answered
            and routed == "salary"
            and gone <= lists["pay_extras"]
            and not _how_it_works(m.words, lists["amount_asks"])
            and _pays_extra(engine, role)
        )
        if extra and "additional" not in m.focus.kinds:
            m = m.model_copy(
                update={"focus": m.focus.model_copy(update={"kinds": (*m.focus.kinds, "additional")})}
            )
        if not (answered or extra) and (named is None or named == "salary" or m.focus):
            return Plan("unknown", m.roles, m.topic, m.focus, mode="uncovered", terms=missing, match=m)
        kept = _focus_kept(engine, m, missing) if routed != "salary" else m
        if apart:  # "what ethical stuff do they run into, and what's the best liability insurance?": the
            # first ask is a question of its own, its words answered as any question's are
            asked = _apart_terms(engine, m, terms, missing, role) or asked
        p = in_role(engine, kept, role, routed, asked, kind, sure, hunch)
        if told and p.intent == "answer":
            return p
        if only_occasion(engine, m, [t.word for t in missing]) and p.intent == "answer":
            return p  # "what should go on my cv to get an interview": the interview is what it is for
        said = tuple({stem(t.word): t.word for t in reversed(missing)}.values())[::-1]  # "interview(s)" once
        said = tuple(_with_course(m, w, engine.matcher.word_lists) for w in said)
        # "rounds" is said in "interview round": named once
        inside = {stem(w) for p in said if " " in p for w in p.split()}
        said = tuple(w for w in said if " " in w or stem(w) not in inside)
        return p.model_copy(update={"uncovered": (*p.uncovered, *said)}) if p.intent == "answer" else p
    terms = tuple(t for t in terms if engine.evidence.found(t, [role]))  # the rest is colour
    if policy:  # every policy term is in the document (nothing was missing): it is what is asked
        held = engine.evidence.terms(policy)  # "can mlops be done from home?": the document's remote work
        asked = {t.word for t in terms}
        terms = (*terms, *(t for t in held if t.word not in asked))
        # "is remote work common for mlops? thinking of leaving SF": where the document says it, not SF pay
        where = engine.evidence.saying(held[0], [role]) if held and m.topic is None else []
        routed = where[0].topic if where else routed
    if wants_numbers(m):  # "job growth projection?": the word asks for a figure, it is no subject
        terms = tuple(t for t in terms if t.word not in NUMBER_WORDS)
    return in_role(engine, m, role, routed, terms, kind, sure, hunch)


def _how_it_works(words: tuple[str, ...], amounts: frozenset[str]) -> bool:
    """Whether "how" asks the way something works ("how do I value them?"), not how much or many."""
    after = [words[i + 1] if i + 1 < len(words) else "" for i, w in enumerate(words) if w == "how"]
    return any(a not in amounts for a in after)


def _pays_extra(engine: Engine, role: str) -> bool:
    """Whether the role's document lists pay on top of base (bonuses, stock)."""
    return any(f.kind == "additional" for f in engine.kb.roles[role].salaries)


def only_occasion(engine: Engine, m: Match, missing: list[str]) -> bool:
    """Whether what the documents lack is only what the question is for ("... to land an interview",
    "prepping for interviews: how do they prevent overfitting?"), not what it asks about ("what do
    they ask in interviews?")."""
    lists = engine.matcher.word_lists
    if not all(w.lower() in lists["occasions"] for w in missing):
        return False
    # "which topics can they ask me?": what the role requires, asked of the interview; but not "what's the
    # interview process like, and what do they test?", which asks the process too
    said = set(m.words)
    return (lists["occasion_asked"].isdisjoint(said) or asks(engine, m, "interview")) and lists[
        "occasion_course"
    ].isdisjoint(said)


def _with_course(m: Match, word: str, lists: dict[str, frozenset[str]]) -> str:
    """An occasion named with the course asked of it ("interview process", "interview loop")."""
    words = m.words
    at = words.index(word) if word in lists["occasions"] and word in words else -1
    after = words[at + 1] if 0 <= at < len(words) - 1 else ""
    return f"{word} {after}" if after in lists["occasion_course"] else word


_OCCASION_TOPIC = 2  # a topic this surely named is asked beside an occasion not covered ("interviews")
_MODEL_SURE = 0.5  # the model's topic this sure stands against a kind of pay named ("avg base")
_RUNG_WORDS = 24  # a question this short that names a level and the duties asks what that rung does


# a word after these is a verb or what "how" asks ("how long would it take?"), no role's name
_DOER = frozenset(
    {"i", "we", "you", "they", "to", "should", "must", "can", "could", "would", "will", "do", "how"}
)
_ROLES_NEED = Lazy(
    r"\b(?:which|what|any)\s+(?:of\s+the\s+)?(?:roles?|jobs?)\s+(?:need|require|use|expect|want|ask\s+for)s?\b"
)
_BEING = frozenset({"is", "are", "was", "were", "be", "been"})  # before a word in -ing: a verb


def _asked_apart(engine: Engine, m: Match, missing: list[str], held: set[str]) -> bool:
    """Whether the message asks two questions, and the topic, or a word the documents hold (`held`), is
    named in one that holds none of the words not covered ("Senior MLOps salary range? Also, ...
    unlimited PTO?"; "What does their interview focus on, and which frameworks should they know?")."""
    parts, kept = _parts_kept(m, missing)
    if len(parts) < 2:
        return False
    # "is total comp around 213k normal? also ... relocation?"
    named = set(map(stem, (*m.topic_words, *m.focus_words, *(w for h in held for w in h.split()))))
    return any(named & p for p in kept) or _asks_on_its_own(engine, m, missing)


def _asks_on_its_own(engine: Engine, m: Match, missing: list[str]) -> bool:
    """Whether a part free of the words not covered asks the role's topic by itself ("what does an
    mlops engineer do, also hows the wlb?": the duties, in words no topic table keeps)."""
    gone = {w for phrase in missing for w in phrase.split()}
    for part in asked_in_turn(m.words)[:_PARTS_READ]:  # a long message costs no more than a few
        if gone.isdisjoint(part):
            alone = engine.matcher.match(" ".join(part))
            if (
                alone.roles == m.roles
                and alone.topic == m.topic
                and alone.topic_scores.get(m.topic or "", 0) >= WORDED
            ):
                return True
    return False


_PARTS_READ = 4  # parts of a message read again on their own


def _parts_kept(m: Match, missing: Iterable[str]) -> tuple[list[set[str]], list[set[str]]]:
    """The stemmed words of each asked part of the message ("seniors": the senior level), and the
    parts that hold none of the words not covered."""
    parts = [set(map(stem, p)) for p in asked_parts(m.words)]
    # a phrase is held by a part that holds all its words ("on call", not the "on" of "keep an eye on")
    gone = [{stem(w) for w in phrase.split()} for phrase in missing]
    return parts, [p for p in parts if not any(g <= p for g in gone)]


def _or_held(words: tuple[str, ...], missing: list[str], held: set[str]) -> set[str]:
    """The held words said as an alternative to each one not covered ("support or on-call", "on-call
    or support"): the question is answered on them; none when something not covered is asked on its
    own ("the interview process, leetcode or system design?")."""
    gone = {w for phrase in missing for w in phrase.split()}
    out, beside = set(), set()
    for i, w in enumerate(words[1:-1], 1):
        before, after = words[i - 1], words[i + 1]
        if w == "or" and (before in held and after in gone or after in held and before in gone):
            out.add(before if before in held else after)
            beside.add(after if before in held else before)
    alone = [phrase for phrase in missing if beside.isdisjoint(phrase.split())]
    return set() if alone else out


def _examples(m: Match, missing: tuple[Term, ...], lists: dict[str, frozenset[str]]) -> bool:
    """Whether every word the documents lack is given as an example of what is asked: just after
    "like", "say", "such as" ("drop columns like race or gender"), or before "-style" ("leetcode-style")."""
    openers, marks = lists["example_openers"], lists["example_marks"]
    return bool(missing) and all(
        marked(m.words, t.word, openers, frozenset(), _EXAMPLE_REACH)
        or marked(m.words, t.word, frozenset(), marks, 1)
        for t in missing
    )


_EXAMPLE_REACH = 4  # words between "like" and the example ("like running lunch-and-learns")


def _things_versus(m: Match) -> bool:
    """Whether "vs" stands between two things that are no role ("ai systems: bachelors vs masters?")."""
    words = m.masked
    return any(
        w in ("vs", "versus") and 0 < i < len(words) - 1 and "_role_" not in (words[i - 1], words[i + 1])
        for i, w in enumerate(words)
    )


def _named(m: Match) -> tuple[str, ...]:
    """The unknown words that may name a role: not a verb after its doer ("what practices should we
    follow?": "follow" is no role), nor what "how" asks ("how long would it take?")."""
    words = m.words

    def verb(before: str, w: str) -> bool:  # "trends are reshaping the industry": a verb, not a name
        return before in _DOER or (before in _BEING and w.endswith("ing"))

    return tuple(
        w
        for w in m.unknown
        if w not in words or words.index(w) == 0 or not verb(words[words.index(w) - 1], w)
    )


_BEFORE_NAME = frozenset({"a", "an", "as", "about", "of", "for"})  # "a dentist", "as a ...", "about nurses"


def _ai_people(engine: Engine, m: Match) -> bool:
    """ "AI" said of people ("the ai folks", "an ai engineer"), not of the thing ("how is AI changing")."""
    lists = engine.matcher.word_lists
    people = lists["person_titles"] | lists["holder"] | frozenset(engine.matcher.aliases.roles_words)
    return any(w == "ai" and stem(after) in people for _, w, after in around(m.words))


def _in_name_slot(engine: Engine, m: Match) -> bool:
    """Whether an unknown word may be a job's name: any word of a command or a keyword query
    ("/role astronaut career", "nurse practitioner salary"), or in a question said before a title's
    word ("game dev", "blorp engineer") or after "a", "as", "about", "of", "for" ("what does a dentist
    earn?")."""
    unknown = set(m.unknown) - _PRONOUNS  # "people like us": no one's name
    if not unknown:
        return False
    if m.command or not natural(engine, m):
        return True
    words, titles = m.words, engine.matcher.word_lists["person_titles"] | _TITLE_TAIL
    return any(
        w in unknown and (stem(after) in titles or before in _BEFORE_NAME)
        for before, w, after in around(words)
    )


_TITLE_TAIL = frozenset({"dev", "devs", "eng", "engineering", "role", "job", "position", "practitioner"})
_PRONOUNS = frozenset({"us", "we", "it", "them", "they", "me", "you", "him", "her", "ourselves"})


def _odd(engine: Engine, words: tuple[str, ...]) -> tuple[str, ...]:
    """The words neither everyday English nor the documents': maybe a role name mistyped."""
    ev = engine.evidence
    return tuple(w for w in words if not everyday(w) and not ev.found(ev.term(w)))


def _partly(
    engine: Engine, terms: tuple[Term, ...], missing: tuple[Term, ...], roles: list[str]
) -> tuple[Term, ...]:
    """Beside a subject the documents never cover, the specific words they do hold (rare in the
    documents and in these roles' lines): "prepping for interviews: how do ML engineers prevent
    overfitting?" is answered on overfitting and names interviews as not covered. () when the
    documents cover everything, or nothing specific."""
    if not missing:
        return ()
    gone = {f for t in missing for f in t.forms}
    ev = engine.evidence
    return tuple(
        t
        for t in terms
        if gone.isdisjoint(t.forms) and t.weight >= _RARE and ev.found(t, roles) and _a_thing(engine, t)
    )


def _focus_kept(engine: Engine, m: Match, missing: tuple[Term, ...]) -> Match:
    """The match with the focus of the parts of the message that ask something covered, when another
    part asks only what is not ("the big trends ..., and what's a typical sign-on bonus at Amazon?":
    neither the bonus nor Amazon is asked of the trends)."""
    if not m.focus:
        return m
    parts, clear = _parts_kept(m, [t.word for t in missing])
    kept = set().union(*clear)
    if len(parts) < 2 or not kept or kept == set().union(*parts):
        return m
    said = engine.matcher.match(" ".join(w for w in m.words if stem(w) in kept))  # in order, read again
    return m.model_copy(update={"focus": said.focus})


def _apart_terms(
    engine: Engine, m: Match, terms: tuple[Term, ...], missing: tuple[Term, ...], role: str
) -> tuple[Term, ...]:
    """The terms the document holds that are said in the parts of the message asking nothing
    missing."""
    kept = set().union(*_parts_kept(m, [t.word for t in missing])[1])
    return tuple(
        t for t in terms if t not in missing and stem(t.word) in kept and engine.evidence.found(t, [role])
    )


def _a_thing(engine: Engine, term: Term) -> bool:
    """A term the documents are about: a skill they list, a word of their headings and labels
    ("overfitting", "kubernetes"), or a name no dictionary holds ("cuda"); not an everyday word they
    happen to use ("candidates")."""
    skills = engine.keep(("skills", "names"), lambda: frozenset(n.lower() for _, _, n, _ in named_in(None)))
    return any(f in skills or engine.evidence.index.titled(f) or _name(f) for f in term.forms)


def _name(word: str) -> bool:
    """A name no English dictionary holds ("cuda", "kubeflow"), not a letter or a number ("h", "1b")."""
    return len(word) >= _NAME and word.isalpha() and not is_word(word)


_REPLACER_SPAN = 4  # "is AI going to replace ...": AI said this few words before the replacing word


def _ai_replaces(engine: Engine, m: Match) -> bool:
    """ "will AI replace engineers?", "is AI going to replace AI engineers?": AI the one replacing."""
    said, replacing = m.words, engine.matcher.word_lists["replacing"]
    return any(w in replacing and "ai" in said[max(0, i - _REPLACER_SPAN) : i] for i, w in enumerate(said))


def _apart(engine: Engine, terms: tuple[Term, ...]) -> bool:
    """Whether two words said together as one thing ("transfer learning"), each in the documents, are
    in no line together."""
    if len(terms) != 2:
        return False
    index = engine.evidence.index
    a, b = (frozenset().union(*(index.matching(f) for f in t.forms)) for t in terms)
    return bool(a and b) and not a & b


_WORKS_WITH = Lazy(
    r"\b(?:who|which (?:teams?|people)|what (?:teams?|people))\b.*\bwork(?:s|ing)? (?:with|alongside)\b"
)
_WORK_TOPICS = ("responsibilities", "soft-skills", "overview")  # "who do they work with day to day?"
_WORKED_WITH = "who do they work with"  # its synonyms (aliases.yaml) name the lines on it
_PHRASE_WORDS = 3  # a subject this long said side by side can be one thing ("quantum computing")
_SHORT_ASKED = 10  # a question this short names one subject; in a long one words meet by chance


_REPLACING = Lazy(r"\breplac(?:e|es|ed|ing|ement)\b", re.I)


def _with_replacing(engine: Engine, p: Plan) -> Plan:
    """The outlook of every role, asked whether AI will replace them: a line of its outlook that says
    so ("AI enhancing productivity rather than replacing human developers") first, and its role."""
    groups = []
    for role, hits in p.groups:
        said = [
            Hit(ln, 0.0, frozenset())
            for topic in ("trends", "demand")
            for ln in engine.section_lines(role, topic)
            if _REPLACING.search(ln.text)
        ]
        first = {h.line.id for h in said}
        groups.append((role, (*said, *(h for h in hits if h.line.id not in first))))
    # the roles whose documents say it first
    groups.sort(key=lambda g: not _REPLACING.search(g[1][0].line.text) if g[1] else True)
    return p.model_copy(update={"groups": tuple(groups), "roles": tuple(r for r, _ in groups)})


def _which_one(
    engine: Engine,
    m: Match,
    terms: tuple[Term, ...],
    candidates: tuple[str, ...],
    phrase: str,
    kind: str | None,
) -> Plan:
    """Which role a name fits several of is meant: asked, unless what is asked is beyond every one of
    them ("do AI engineer jobs sponsor H1B visas?"), which is said instead; what none of them covers
    is named beside the question ("AI engineer salary in India?")."""
    missing = not_covered(engine, m, terms, candidates, kind)
    if missing and strong_topic(m) is None:
        return Plan("unknown", candidates, m.topic, m.focus, mode="uncovered", terms=missing, match=m)
    ev = engine.evidence  # ... and places beyond their figures, named as a focus or not ("India")
    places = [t.word for t in terms if is_place(engine, t.word) and not ev.found(t, candidates)]
    gone = (*(t.word for t in missing), *unmatched_focus(engine, m, candidates), *places)
    gone = tuple(dict.fromkeys(gone))
    return Plan("clarify", candidates, m.topic, m.focus, asked=phrase, match=m, uncovered=gone)


def _compare(
    engine: Engine,
    m: Match,
    roles: tuple[str, ...],
    topic: str,
    terms: tuple[Term, ...],
    kind: str | None = None,
) -> Plan:
    missing = not_covered(engine, m, terms, roles, kind)
    # "which is better for someone who likes monitoring and on-call work: X or Y?": the monitoring
    # compared, on-call named; a comparison on no point held nor topic named is not answered in part
    held = [t for t in terms if t not in missing and engine.evidence.found(t, roles)]
    if missing and not strong_topic(m) and not held:
        return Plan("unknown", roles, topic, m.focus, mode="uncovered", terms=missing, match=m)
    p = _compared(engine, m, roles, topic, tuple(t for t in terms if t not in missing), kind)
    if missing and p.intent == "compare":  # "... MLOps with a hard hat? How do their responsibilities
        # differ?": the point named is compared, the rest named beside it
        return p.model_copy(update={"uncovered": (*p.uncovered, *(t.word for t in missing))})
    return p


def _compared(
    engine: Engine,
    m: Match,
    roles: tuple[str, ...],
    topic: str,
    terms: tuple[Term, ...],
    kind: str | None,
) -> Plan:
    terms = tuple(t for t in terms if engine.evidence.found(t, roles))  # the rest is colour
    if topic == "salary":  # "which pays more nationally?": the market every pay figure is given for
        terms = tuple(t for t in terms if t.word not in engine.matcher.word_lists["home_market"])
    rungs = (
        kind == "grow" and levels_only(m.focus) and climbs(engine, m)
    )  # "how do you get to senior: X vs Y"
    most = ROLE_LINES + 2 if len(roles) <= 3 and not rungs else ROLE_LINES  # all five: two lines each
    advised = [kind_lines(engine, m, kind, r, most) for r in roles] if kind else []
    if advised and all(advised) and (not m.focus or rungs):  # "what do both need to learn?"
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
    if topic in ("demand", "career") and asks_job_growth(m) and not m.focus:
        # "which of the two has better job growth ahead?": each role's figures on its jobs, not market sizes
        grown = [job_growth(engine, r)[:ROLE_LINES] for r in roles]
        if all(grown):
            groups = tuple(
                (r, tuple(Hit(ln, 0.0, frozenset()) for ln in g)) for r, g in zip(roles, grown, strict=True)
            )
            return Plan("compare", roles, "demand", m.focus, mode="lead", groups=groups, match=m)
    salary_figures = topic == "salary" and m.focus and not kind_only(m.focus)
    kinds = kind_only(m.focus) and topic != "salary"  # pay kinds side by side: the figures of each
    wants_lines = terms or point_words(engine, m) or kinds or (m.focus and topic != "salary")
    if salary_figures or not wants_lines:
        return Plan("compare", roles, topic, m.focus, match=m)
    groups = tuple((r, tuple(lead_lines(engine, m, r, terms, ROLE_LINES))) for r in roles)
    if not any(hits for _, hits in groups):  # no line on the point anywhere: the sections side by side
        return Plan("compare", roles, topic, m.focus, match=m)
    if not strong_topic(m):  # no topic named: the one the answering lines come from
        topic = best_topic([h for _, hits in groups for h in hits]) or topic
    return Plan("compare", roles, topic, m.focus, mode="lead", terms=terms, groups=groups, match=m)


def _replaced_where_said(engine: Engine, m: Match) -> Match:
    """ "will AI replace mlops engineers?": the trends, where the roles' own say how AI changes the job
    ("AI enhancing productivity rather than replacing human developers"); the market's outlook for
    roles whose trends say nothing of it (most of those asked)."""
    lists = engine.matcher.word_lists
    if m.topic not in ("trends", "demand") or not m.replaced:
        return m
    roles = m.roles or engine.role_ids
    ev = engine.evidence
    held = [r for r in roles if any(ev.found_in_topic(w, "trends", [r]) for w in lists["replaced_said"])]
    # "... will take our jobs. what's the outlook?": the outlook of that, where the trends say it
    topic, other = ("trends", "demand") if 2 * len(held) > len(roles) else ("demand", "trends")
    if m.topic == topic:
        return m
    scores = {**m.topic_scores, topic: m.topic_scores.get(other, 0) + 1}
    top = {**m.topic_top, topic: m.topic_top.get(other, 0)}
    return m.model_copy(update={"topic": topic, "topic_scores": scores, "topic_top": top})


_BEFORE_COMPARED = 3  # words before "vs" that may be what a role is set beside ("zeppelin vs mlops")


def _said_before_compared(m: Match, compare: frozenset[str]) -> frozenset[str]:
    """The words well before the first comparing word ("HN question: what's the difference between X
    and Y?": "hn"), which are not what is compared; none when no comparing word is found."""
    at = next((i for i, t in enumerate(m.tokens) if t in compare), 0)
    start = max(0, at - _BEFORE_COMPARED)
    return frozenset((*m.words[:start], *m.fixed[:start])) - frozenset((*m.words[start:], *m.fixed[start:]))


def decide(engine: Engine, m: Match, terms: tuple[Term, ...], choice: Choice) -> Plan:
    """From what was read to how to answer."""
    matcher, role_ids = engine.matcher, engine.role_ids
    if set(m.tokens) & MENTION and m.focus.kinds and not (m.roles or terms):
        # "where do the docs mention stock options or equity?": the lines that say so, not a pay chart
        said = tuple(t for t in engine.evidence.terms(m.focus_words) if engine.evidence.saying(t))
        if said:
            return across_roles(engine, m, said)
    # "how does mlops compare to platform engineering?": pay only where the words ask it or the model is
    # sure, not on an unsure guess (the overviews answer that)
    unsure_pay = m.topic == "salary" and choice.table != "salary" and choice.confidence < _COMPARE_SURE
    # "why is one higher?" of two roles' pay: what sets pay, each role's, not the figures again
    why_paid = asks_why(m.words) and m.topic == "salary" and len(m.roles) >= 2 and not m.focus
    chart = (
        None if unsure_pay and not m.focus or why_paid else pay_across(engine, m) or glance_plan(engine, m)
    )
    if chart is not None:  # "which role pays best?"
        return chart
    pay_kinds = set(m.focus.kinds) - {"average"} or {"avg", "average"} & set(m.words)
    guessed = choice.table is None and choice.confidence < _MODEL_SURE  # the model's topic, unsure
    # "avg base: ml engineer or mlops, who's higher"
    if m.focus.kinds and (m.topic is None or guessed) and pay_kinds:
        m = m.model_copy(
            update={"topic": "salary", "topic_scores": {**m.topic_scores, "salary": GENERIC_WEIGHT}}
        )
    if m.focus.kinds and m.topic != "salary" and "salary" not in m.topic_scores:  # "what does that mean?"
        f = m.focus
        kept = Focus(
            levels=f.levels,
            locations=f.locations,
            companies=f.companies,
            years=f.years,
            percentiles=f.percentiles,
            amount=f.amount,
        )
        m = m.model_copy(update={"focus": kept})
    m = _replaced_where_said(engine, m)
    field = "ai" in {p for p, _ in m.ambiguous} and ai_field(engine, m)
    concept = only_concept_ai(engine, m)
    if concept:
        # "explain edge ai", "what is explainable ai?": a thing the documents name, no role
        subject = list(m.subject)  # "edge ai": said together, one thing
        for before, w in zip(m.words, m.words[1:], strict=False):
            if w == "ai" and before in subject and "ai" not in subject:
                subject.insert(subject.index(before) + 1, "ai")
        m = m.model_copy(update={"ambiguous": (), "subject": tuple(subject)})
        terms = (*terms, engine.evidence.term("ai")) if all(t.word != "ai" for t in terms) else terms
    if m.replaced and m.ambiguous and not m.roles and _ai_replaces(engine, m):
        # "is AI going to replace AI engineers?": AI the technology, its engineers all of them
        m = m.model_copy(update={"ambiguous": (), "topic": "demand"})
    if field:  # "which of the AI roles", "do I need a degree to work in AI?": the field, all its roles
        m = m.model_copy(update={"ambiguous": tuple(a for a in m.ambiguous if a[0] != "ai")})
        terms = tuple(t for t in terms if t.word != "ai")  # the field, not a subject
        if not m.roles and asks(engine, m, "study"):  # "what fields of study lead to a career in AI?"
            return _compare(engine, m, role_ids, "requirements", (), "study")
    # "is AI going to replace AI engineers? across all these roles": the outlook, where it is said
    replaced = m.topic == "demand" and m.replaced
    outlook = asks(engine, m, "prospects") and not strong_topic(m) or replaced
    if not (m.roles or m.ambiguous) and outlook:
        # "is AI going to replace AI engineers? across all these roles": the outlook of every role
        p = _compare(engine, m, role_ids, "demand", (), "prospects")
        return _with_replacing(engine, p) if m.replaced else p
    if len(m.focus.levels) >= 2 and not strong_topic(m) and "salary" not in m.topic_scores:
        m = _on_the_ladder(m)
    across = engine.matcher.across_words
    marked = set(m.tokens) & across or m.roles_word or (field and not m.roles)
    asks_roles = set(m.tokens) & {"role", "roles", "any", "anyone", "anywhere"} or (
        "who" in m.tokens and set(m.tokens) & MENTION  # "who mentions Good Machine Learning Practice?"
    )
    if (
        asks_roles and set(m.tokens) & across and m.roles and set(m.roles) <= set(m.weak_roles)
    ):  # "is there a role ... ml systems"
        m = m.model_copy(update={"roles": ()})
    only_mention = bool(terms) and all(t.word in MENTION for t in terms)  # "... listed for which roles?"
    # "which role has the most job openings?": the roles set side by side on the topic named, not
    # where its word is said
    ranked = (
        not terms and strong_topic(m) is not None and bool(set(m.tokens) & matcher.word_lists["superlatives"])
    )
    if ranked and not m.roles and not _said_widely(engine, point_words(engine, m)):
        m = m.model_copy(update={"topic_words": ()})  # ... each role's section in brief, not the one that
        # says "openings"; a point most roles speak of ("the best job security") is still their lines on it
    elif (not terms or only_mention) and not m.roles and marked:  # "which roles list emotional intelligence"
        terms = engine.evidence.terms(point_words(engine, m)) or terms

    bare_ai = terms and all(p == "ai" for p, _ in m.ambiguous)
    if bare_ai and m.ambiguous and not m.roles and (named := titled(engine, m, m.ambiguous[0][1])):
        # "can the factory ai people help with shipping schedules?": AI said of the work's own people
        m = m.model_copy(update={"roles": (named,), "ambiguous": ()})
        bare_ai = False
    if m.ambiguous and not m.roles and terms and asks_roles and set(m.words) & ROLES_PLURAL and marked:
        # "which roles mention agile? ... where agile shows up in AI engineering teams": the field's
        # teams, asked across the roles
        m = m.model_copy(update={"ambiguous": ()})
    weak_only = bool(m.roles) and set(m.roles) <= set(m.weak_roles) and not _wants_compare(m)
    # "how is AI changing this kind of platform work?": AI the thing, no role to decide from the context
    ai_thing = bool(m.ambiguous) and m.ambiguous[0][0] == "ai" and not _ai_people(engine, m)
    if m.ambiguous and not bare_ai and weak_only and not ai_thing:  # "AI engineer putting ML into
        # manufacturing lines": the AI engineer named, "ML" a word of the work
        decided = context_role(engine, m, m.ambiguous[0][1])
        if decided is not None:
            m = m.model_copy(update={"roles": (decided,), "weak_roles": (), "ambiguous": ()})
    set_beside = beside_own(engine, m)  # "is AI engineering the same as ML engineering?"
    comparing = _wants_compare(m) or set_beside is not None
    if m.ambiguous and not bare_ai and len(m.roles) < (2 if comparing else 1):
        phrase, candidates = set_beside or m.ambiguous[0]
        rest = tuple(r for r in candidates if r not in m.roles) if set_beside else candidates
        tracked = track(engine, m, phrase)
        # ... a topic named only by the title's own words is none ("risk" of "risk management ai engineer")
        named = tracked and set(m.topic_words) <= set(tracked[2].split())
        if tracked and (m.topic in (None, "overview", "responsibilities") or named):
            # "what does a Transformational AI Engineer do?": the section that names it
            m = m.model_copy(
                update={"topic": tracked[1], "topic_scores": {**m.topic_scores, tracked[1]: NAMED}}
            )
        decided = (
            (tracked and tracked[0])
            or context_role(engine, m, rest)
            or called(engine, m, phrase, candidates, comparing)
            or paid_by_one(engine, m, rest)
        )
        if decided is None:
            return _which_one(engine, m, terms, candidates, phrase, choice.label)
        m = m.model_copy(update={"roles": (*m.roles, decided), "ambiguous": ()})
    beside = m.focus or m.unknown or terms or _things_versus(m)  # "bachelors vs masters": of one role
    if _wants_compare(m) and len(m.roles) == 1 and m.compare_strong and beside:
        # "ai systems pay tesla vs google" compares figures of one role; "mlops vs devops",
        # "ml engineer vs data scientist" set a role beside something else: the role's lines on it
        if m.focus and (m.topic or "salary") == "salary":  # not "after senior, R&D vs product?": the ladder
            # "... leetcode hards for MLE loops? real question, 25th vs 75th percentile": the loops named
            missing = tuple(t.word for t in not_covered(engine, m, terms, m.roles, choice.label))
            missing = tuple(w for w in missing if w not in engine.matcher.word_lists["pay_occasions"])
            return Plan("answer", m.roles, "salary", m.focus, unknown=m.unknown, match=m, uncovered=missing)
        kind = choice.label
        if len(m.focus.levels) > 1 and levels_only(m.focus) and not m.topic_top.get("salary"):
            # "junior vs senior production AI engineer, what's the difference in what they do": the rungs
            m, kind = _on_the_ladder(m), "grow"
        elif not strong_topic(m):  # "what's the difference": the overview's lines on it first
            m = m.model_copy(update={"topic": "overview", "topic_scores": {**m.topic_scores, "overview": 2}})
        p = _one_role(engine, m, terms, kind, choice.sure)
        # what the role is set beside, when no document names it ("mlops vs zeppelin"); an everyday
        # word is colour ("grow vs get compressed")
        # ... said where the comparison is: not "HN question: what's the difference between ...?"
        far = _said_before_compared(m, engine.matcher.intent_words["compare_strong"])
        absent = [
            t.word
            for t in terms
            if not engine.evidence.found(t, m.roles) and not everyday(t.word) and t.word not in far
        ]
        if absent and p.intent == "answer":
            p = p.model_copy(update={"uncovered": (*p.uncovered, " ".join(absent[:3]))})
        return p
    if m.list_word and not m.roles and terms and all(t.word in MENTION for t in terms):
        # "which roles do you cover?": about rolebot, not the documents
        return Plan("list", tuple(engine.role_ids), match=m)
    if (
        m.list_word
        and not m.roles
        and "you" in m.words
        and all(t.word in engine.matcher.word_lists["about_bot"] for t in terms)
    ):
        # "which jobs can you tell me about?", "... can you answer questions on?"
        return Plan("list", tuple(engine.role_ids), match=m)
    # "where does SQL show up as a requirement?"; not "how future-proof is robotics?" (the outlook)
    rare = all(t.weight >= _RARE for t in terms) and (marked or not asks(engine, m, "prospects"))
    # "how does computer vision work in quality control?": a subject of the documents, asked of no role
    asked = () if marked or rare else asked_across(engine, m, terms, choice.label)
    if asked:
        terms = asked
    # "edge ai trends": a thing the documents name, asked of no role, is looked up across them
    if terms and not m.roles and (marked or rare or asked or concept):
        explicit = (
            set(m.tokens) & MENTION or _WHICH_ROLES.search(" ".join(m.words)) or m.words[:1] == ("who",)
        )
        # "which roles mention computer vision?", "edge ai trends": one thing, not "computer or vision"
        one_thing = concept and not marked or set(m.tokens) & MENTION
        if one_thing and len(m.words) <= _SHORT_ASKED:
            terms = joined(engine, m, terms)
        beyond = not_covered(engine, m, terms, None)  # "which role has the best work life balance?"
        if beyond and all(t.word in engine.matcher.beyond for t in beyond):
            return Plan("unknown", (), m.topic, m.focus, mode="uncovered", terms=beyond, match=m)
        held = tuple(t for t in terms if engine.evidence.found(t))  # the rest is colour ("friendly")
        if not explicit:  # "which specialization ... stability?", asked of no role in words: everyday
            held = tuple(t for t in held if specific(t))  # words are no subject to look up across them
        lacking = [t for t in terms if t not in held and not is_common(t.word)]  # "federated", not "friendly"
        if (
            set(m.tokens) & MENTION
            and held
            and said_together(m, terms)
            and (lacking or _apart(engine, terms))
        ):
            # "what roles mention federated learning?": not "5 of 5 roles mention learning"; "... transfer
            # learning?": not the MLOps document's "secure data transfer"
            return Plan("unknown", (), m.topic, m.focus, mode="uncovered", terms=terms, match=m)
        if held and engine.evidence.covered(held):
            return across_roles(engine, m, held)
        named = {o.name for o in outside(engine, m, None)}
        asked = {t.word for t in terms} & named or (set(m.tokens) & MENTION and not held)
        # "which roles need rust?": what each document asks for, and none says the word
        asked = asked or bool(_ROLES_NEED.search(" ".join(m.words)) and lacking and not held)
        if marked and not m.ambiguous and asked:  # "is rust used by any of these roles?": none says so
            return Plan("unknown", (), m.topic, m.focus, mode="uncovered", terms=terms, match=m)
    if _wants_compare(m):
        named = list(m.roles)
        roles = named if len(named) >= 2 else named + [r for r in role_ids if r not in named]
        guessed = choice.table != m.topic and choice.confidence < _COMPARE_SURE  # the model, unsure
        weak = m.topic is not None and (m.topic_scores[m.topic] < 2 or guessed)  # "how does X differ from Y"
        topic = m.topic if m.topic and not weak else ("salary" if m.focus else "overview")
        kind = choice.label if choice.sure >= ADVICE_SURE else None  # "how does X differ from Y": no list
        kind = "grow" if _ladder_asked(engine, m, kind) else kind
        if asks(engine, m, "prospects") and strong_topic(m) in _OUTLOOK and not (m.focus or wants_numbers(m)):
            topic, kind = "demand", "prospects"  # "which is the safer bet, X or Y?": each one's outlook
        elif replaced:  # "will ai replace mlops or platform engineers?": each one's outlook
            topic, kind = "demand", "prospects"
        doing = set(m.words) & engine.matcher.word_lists["doing"]  # "who touches data pipelines more?"
        # "... deploy and monitor our models. Should I hire an MLOps engineer or an ML engineer?"
        hiring = engine.matcher.word_lists["hiring_choice"] & set(pairs(m.words))
        doing = doing or {w for p in hiring for w in p.split()}
        if doing and not strong_topic(m) and not m.focus:  # what each does: the duties
            m = m.model_copy(update={"topic": "responsibilities", "topic_scores": {"responsibilities": 2}})
            topic, kind = "responsibilities", None
            terms = tuple(t for t in terms if t.word not in doing)
        if topic == "salary" and m.focus.kinds:  # "which of the two has more bonus potential?": the bonus
            terms = uncommon(terms)
        if why_paid:
            topic, kind = "salary", "reasons"
        return _compare(engine, m, tuple(roles), topic, terms, kind)
    if len(m.roles) == 1:
        kind = choice.label
        lists = engine.matcher.word_lists
        made = m.topic == "salary" and (  # "what do i need to make senior": become, not earn; "offered
            any(p.startswith("make ") and p in lists["climbing"] for p in pairs(m.words))  # team lead, a step
            or (m.topic_top.get("salary", 0) < GENERIC_WEIGHT and climbs(engine, m))  # up from senior?"
        )
        climbed = (  # "what would it take to become a director of mlops?": the way up the ladder
            (m.topic in ("requirements", "career") or made)
            and set(m.focus.levels) & lists["high_levels"]
            and (set(m.words) & lists["become"] or climbs(engine, m))  # "... all the way up to director"
        )
        # "what does an entry level ml engineer actually work on?": the ladder's rung says what it does
        rung = (
            levels_only(m.focus)
            and choice.table == "responsibilities"
            # ... "what does each level involve and how big is the pay jump?": the rungs give their pay too
            # "I'm a senior backend engineer ... a day in the life of MLOps?": their level; but "lead vs
            # director ... what does each one do?": the levels pointed back at
            and (not m.context or set(m.words) & lists["each_one"])
            and len(m.words) <= _RUNG_WORDS
        )
        # "what are the levels for ML engineers and what changes at each one": the ladder
        rungs = choice.table is None and not (m.subject or m.focus) and lists["rungs_said"] & set(m.words)
        if (
            kind == "industries"
            and lists["job_places"] & set(m.words)
            and lists["sectors"].isdisjoint(m.words)
        ):
            kind = None  # "which cities have the most mlops jobs?": places, not the industries hiring
        if climbed or rung or rungs or _ladder_asked(engine, m, kind):
            m, kind = _on_the_ladder(m), "grow"
        return _one_role(engine, m, terms, kind, choice.sure, choice.hunch)
    if m.list_word and m.topic is None and not m.unknown:
        return Plan("list", tuple(engine.role_ids), match=m)
    if bare_ai and not m.roles and (decided := context_role(engine, m, role_ids, unnamed=True)):
        # "a few years doing industrial AI? like predictive maintenance ... inside a plant": AI the field,
        # the work told names the role
        m = m.model_copy(update={"roles": (decided,), "ambiguous": ()})
        return _one_role(engine, m, terms, choice.label, choice.sure, choice.hunch)
    if m.ambiguous and not m.roles and not _odd(engine, m.unknown):
        # "is it possible to switch to AI after some DevOps experience?": the AI roles, which one?
        phrase, candidates = m.ambiguous[0]
        return Plan("clarify", candidates, m.topic, m.focus, asked=phrase, match=m)
    if not m.roles and m.topic is not None and _any_of_them(engine, m):
        # "do any of these docs talk about ai replacing jobs?": the topic's lines, each role's
        kind = choice.label if choice.sure >= ADVICE_SURE else None
        return _compare(engine, m, role_ids, m.topic, terms, kind)
    if field and m.topic is not None and not m.roles:  # "what skills do you need to work in AI?": all roles
        kind = choice.label if choice.sure >= ADVICE_SURE else None
        kind = "market" if asks(engine, m, "market") else kind  # "how big is the AI market?": its size
        return _compare(engine, m, role_ids, m.topic, terms, kind)
    if not (m.roles or m.ambiguous) and m.topic is not None and of_all(engine, m):
        # "how much math do you really use at work?": a question in words on a point of a topic, asked
        # of the field: every role's lines on it, not "which role?"
        kind = choice.label if choice.sure >= ADVICE_SURE else None
        return _compare(engine, m, role_ids, m.topic, terms, kind)
    if not (m.roles or m.ambiguous) and (m.topic is not None or m.focus):
        decided = context_role(engine, m, role_ids, unnamed=True)  # "the first AI person at a factory"
        if decided is not None:
            m = m.model_copy(update={"roles": (decided,)})
            return _one_role(engine, m, terms, choice.label, choice.sure, choice.hunch)
    fixed = fixed_where(engine, m, role_ids) if not (m.roles or m.ambiguous) and asks_fix(engine, m) else None
    # "fraud model silently degrading ... how are people supposed to catch this earlier?": no role named
    if fixed is not None:
        role, hits = fixed
        m = m.model_copy(update={"roles": (role,)})
        groups = ((role, tuple(hits)),)
        return Plan("answer", (role,), hits[0].line.topic, m.focus, mode="lead", groups=groups, match=m)
    acted = m.topic is not None and not _named(m)  # "what practices should we follow?": a verb, no role
    if m.unknown and (len(m.words) >= _SENTENCE or acted) and natural(engine, m):
        # a whole sentence names no role: its words are no role name to echo back ("I don't know a
        # role called 'professional perspective sense train'"); ask which role, on a likely topic
        topic = m.topic or (choice.hunch if choice.confidence >= _HUNCH_SURE else None)
        return Plan("clarify", role_ids, topic, m.focus, match=m)
    title = own_title(engine, m) if m.unknown else None
    if title and set(m.unknown) <= set(title.split()):
        # "I'm a data scientist thinking about switching roles": the role closest to theirs, and what
        # they know asked for (a fit question), not "I couldn't tell what you mean by data scientist"
        asked = f"{' '.join(m.words)}\nwhich role fits me?"  # the question it implies, for the skills
        return Plan(
            "help", own_closest(engine, m), None, m.focus, asked=asked, mode="fit", match=m
        )  # told next
    said = _said_subject(engine, m) if m.unknown and not (m.roles or m.ambiguous) else ()
    if said:  # "computer vision", "quantum computing trends": a subject the documents say, of no role
        return across_roles(engine, m, said)
    if m.unknown and choice.table is not None and not _in_name_slot(engine, m):
        # "will it replace people like us?", "what trends are reshaping the field?": a question whose odd
        # word stands where no job's name does; which role, on the topic its words name
        return Plan("clarify", role_ids, choice.table, m.focus, match=m)
    if m.unknown:
        suggestions = tuple(matcher.suggest(tuple(dict.fromkeys(m.unknown))[:_SUGGEST_FROM]))
        return Plan("unknown", (), choice.table, m.focus, unknown=m.unknown, suggestions=suggestions, match=m)
    model_only = choice.table is None and choice.confidence < _MODEL_CLARIFY  # "what time is it"
    # "is there a role where people start their own company?": a question in words, asked of no role
    in_words = natural(engine, m) and len(m.words) >= _SENTENCE and choice.confidence >= _HUNCH_SURE
    if m.topic is not None and (in_words or not model_only):
        return Plan("clarify", role_ids, m.topic, m.focus, match=m)
    if m.focus:
        return Plan("clarify", role_ids, "salary", m.focus, match=m)
    return Plan("help", match=m)
