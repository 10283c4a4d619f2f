"""Whether the documents cover what is asked, on positive evidence, and the question's subject."""

from __future__ import annotations

from handlers.engine import Engine
from handlers.evidence import Term
from handlers.lines import NUMBER_WORDS
from handlers.question import marked, said_at
from handlers.salary import matching
from handlers.scope import origins
from knowledge.english import everyday, misspelt
from knowledge.match import Focus, Match, around, stem

__all__ = [
    "MAX_SUBJECT",
    "MENTION",
    "beyond",
    "natural",
    "not_covered",
    "stand_ins",
    "subject_terms",
    "unmatched_focus",
]

MENTION = {"mention", "mentioned", "mentions", "cover", "covered", "covers", "listed", "lists", "named"}

_OWN = {"my", "our"}
_NEAR = 5  # words between a mention word and what it is said of ("is rust covered in any of the docs")
_TERSE_WORDS = 5

_NATURAL_WORDS = 4
_ASKING_VERBS = {("explain",), ("define",), ("describe",)}  # a request in words, however short

_SENTENCE_WORDS = {
    "what",
    "whats",
    "how",
    "which",
    "who",
    "why",
    "is",
    "are",
    "do",
    "does",
    "can",
    "should",
    "tell",
    "me",
    "i",
    "my",
    "the",
    "a",
    "an",
    "of",
    "to",
    "in",
    "for",
    "with",
    "about",
    "explain",
    "and",
    "ok",
    "okay",
    "so",
}

_PLACE_BEFORE = {"the", "in", "outside", "across", "within"}  # "in the US", not "for us"
MAX_SUBJECT = 8  # distinct subject words looked up: a 4,000-character message costs no more


def beyond(engine: Engine, m: Match) -> list[str]:
    """Words and word pairs of the question that name what the documents never cover (PTO, visas)."""
    table, words, firsts = engine.matcher.beyond, m.words, engine.matcher.beyond_firsts
    starts = [i for i, w in enumerate(words) if w in firsts]
    grams = [" ".join(words[i : i + n]) for n in (5, 4, 3, 2) for i in starts if i + n <= len(words)]
    tokens = m.tokens  # a pair can be one only where a phrase starts
    pairs = [" ".join(tokens[i : i + 2]) for i in range(len(tokens) - 1) if tokens[i] in firsts]
    found = [w for w in dict.fromkeys((*grams, *pairs, *m.tokens, *m.words, *m.subject)) if w in table]
    if _team_size(engine, words):  # "how big is a typical mlops team?", "the size of your platform team"
        found.append(_TEAM_SIZE)
    if found:  # "beyond 'more meetings'": not what is asked; "an insurance company": the industry
        # ... and "like lunch-and-learns": a word of a phrase the synonyms know as something covered
        known = {w for p in m.subject if " " in p and p not in table for w in p.split()}
        found = [w for w in found if not set(w.split()) <= known]
        left_out = _left_out(engine, words)
        found = [
            w
            for w in found
            if not set(w.split()) <= left_out
            and not _industry(engine, words, w)
            and not _industry(engine, m.context, w)  # "... their own laptop setup ... fix?": the story's
        ]
    if not found:
        return []
    # "from home" is part of "work from home"; "the key benefits of predictive maintenance": its advantages
    said, advantages = f" {' '.join(words)} ", engine.matcher.word_lists["advantages"]
    spans = {w: said_at(words, w) for w in found}
    return [
        w
        for w in found
        if not any(w != o and f" {w} " in f" {o} " for o in found)
        and not any(_longer_over(spans[o], spans[w]) for o in found if o != w)  # "how many hours of meetings"
        and not (w in advantages and f" {w} of " in said)
    ]


def _longer_over(other: range, mine: range) -> bool:
    """Whether a longer phrase shares words with this one where both are said."""
    return len(other) > len(mine) and bool(set(other) & set(mine))


_TEAM_SIZE = "team size"  # a `beyond` subject: no document says how big teams are
_SIZE_SPAN = 6  # words from "how big" to the team it asks of ("how big is the typical team")


def _team_size(engine: Engine, words: tuple[str, ...]) -> bool:
    """Whether the size of a team is asked ("how big is a typical mlops team?", "what is the size of
    your platform team?", "how many engineers does a platform team have?"); not of a market."""
    lists = engine.matcher.word_lists
    teams, asking = lists["teams"], lists["sizing"]
    for i, w in enumerate(words):
        how = w == "how" and i + 1 < len(words) and words[i + 1] in asking  # "how big", "how many"
        if how or (w in ("size", "sized") and (i == 0 or words[i - 1] != "market")):
            at = i + 2 if how else i + 1
            span = words[at : at + _SIZE_SPAN]
            ahead = span[: span.index("market")] if "market" in span else span
            if not teams.isdisjoint(ahead):
                return True
    return False


def _industry(engine: Engine, words: tuple[str, ...], phrase: str) -> bool:
    """Whether a phrase is said only of something else: an industry ("at an insurance company", "the
    travel sector"), the data it comes from ("the night shift data"), when a way to learn happens
    ("weekend side projects") or what is set up ("their own laptop setup")."""
    parts = phrase.split()
    n = len(parts)
    at = [i for i in range(len(words) - n + 1) if list(words[i : i + n]) == parts]
    if not at:
        return False
    lists = engine.matcher.word_lists
    # one word, an industry only ("insurance company"); a phrase, the data too ("night shift data")
    nouns = lists["organisations"] | lists["qualified"] | (lists["data_nouns"] if n > 1 else frozenset())
    after = [words[i + n] if i + n < len(words) else "" for i in at]
    return all(a in nouns for a in after)


_DETERMINERS = frozenset({"the", "my", "our", "a"})
_LEFT_OUT = 2  # words after "beyond", "besides", "other than" that the question leaves out


def _left_out(engine: Engine, words: tuple[str, ...]) -> set[str]:
    """The words a question sets aside ("beyond more meetings", "other than pay"), as typed."""
    markers = engine.matcher.word_lists["excluding"]
    firsts = engine.keep(("excluding",), lambda: frozenset(p.split()[0] for p in markers))
    out: set[str] = set()
    if firsts.isdisjoint(words):  # most questions set nothing aside
        return out
    for i, w in enumerate(words):
        pair = " ".join(words[i : i + 2])
        step = 2 if pair in markers else 1 if w in markers else 0
        if step:
            at = i + step
            at += at < len(words) and words[at] in _DETERMINERS  # "a waste of the training budget"
            out.update(w for said in words[at : at + _LEFT_OUT] for w in (said, stem(said)))  # "weekends"
    return out


def unmatched_focus(engine: Engine, m: Match, roles) -> tuple[str, ...]:
    """Places and companies asked about that neither a pay figure nor any line of these roles names."""
    out = []
    index = engine.evidence.index
    for value in (*m.focus.locations, *m.focus.companies):
        one = Focus(locations=(value,)) if value in m.focus.locations else Focus(companies=(value,))
        said = any(index.line(i).role in roles for i in index.matching(value.lower()))
        if not said and not any(matching(engine.kb.roles[r], one) for r in roles):
            out.append(value)
    return tuple(out)


def not_covered(
    engine: Engine,
    m: Match,
    terms: tuple[Term, ...],
    roles,
    kind: str | None = None,
    policy: list[str] | None = None,
) -> tuple[Term, ...]:
    """What to name as not covered by the documents (of `roles`); () when they answer.

    On positive evidence only: a policy, benefit, hiring-process or work-arrangement subject
    (aliases.yaml `beyond`) the documents do not mention, whatever else the question names; or
    words the question explicitly asks to be mentioned ("does it mention rust?"). Any other word
    the documents lack is colour ("lowdown", "whats the deal") and the question is answered.
    """
    policy = beyond(engine, m) if policy is None else policy  # `policy`: beyond() already read
    if not (policy or terms):  # "/role mlops salary": nothing to look up (the index stays closed)
        return ()
    ev = engine.evidence
    unsaid = [t for t in ev.terms(policy) if not ev.found_beyond_sources(t, roles)]
    if unsaid:  # "interview" and "interviews" once; "WLB" not beside "work life balance"
        once = tuple({stem(t.word): t for t in reversed(unsaid)}.values())[::-1]
        initials = {"".join(w[0] for w in t.word.split()) for t in once if " " in t.word}
        return tuple(t for t in once if t.word not in initials)
    absent = tuple(t for t in terms if not ev.found(t, roles) and t.word not in MENTION)  # not "cover" itself
    if absent and _asks_mention(
        engine, m
    ):  # "does the mlops doc mention rust?", "is rust covered?"; not "what would
        # they expect that plain SRE work doesn't cover?"
        named = _compounds(m, absent)  # "feature stores", whole
        if len(absent) < len(terms):  # "factories have trouble hiring ... is that mentioned?": what is
            # held is the point, a lone everyday word ("trouble") colour
            named = tuple(t for t in named if " " in t.word or not everyday(t.word))
        return named
    if absent and kind == "outscope" and len(absent) == len(terms):  # the model reads a policy or
        return absent  # hiring question, and the documents hold none of its words ("remote" they hold)
    if absent and _terse(engine, m) and not m.context:  # "/role mlops requirements zeppelin": the extra
        return absent  # word is the point
    named = tuple(t for t in absent if _defined(m, t.word) and _named(engine, t.word))  # cheap test first
    if named:  # "what is LLMOps and how is it different from MLOps?": a name the documents never use
        return named
    # "is the DataTalksClub Zoomcamp worth it?", "is the WGU degree respected?": a name no document uses,
    # judged: the thing itself is asked
    judged = tuple(
        t
        for t in absent
        if _judged(m, t.word, engine.matcher.word_lists) and not ev.found(t) and _named(engine, t.word)
    )
    return judged


def _named(engine: Engine, word: str) -> bool:
    """Whether a word the documents lack may be a name ("LLMOps"): no everyday word, nor a slip
    of one or of the documents' words ("diffrence", "responsibilites")."""
    return not everyday(word) and not misspelt(word, engine.matcher.known)


def _compounds(m: Match, absent: tuple[Term, ...]) -> tuple[Term, ...]:
    """Each absent word named with the word said just before it ("feature stores", not "stores": the
    documents say "feature", but never "feature stores")."""
    said = m.subject
    out = []
    for t in absent:
        at = said.index(t.word) if t.word in said else -1
        before = said[at - 1] if at > 0 else ""
        whole = f"{before} {t.word}" if before and f"{before} {t.word}" in " ".join(m.words) else t.word
        out.append(t if whole == t.word else Term(whole, t.forms, t.weight))
    return tuple(out)


def _judged(m: Match, word: str, lists: dict[str, frozenset[str]]) -> bool:
    """Whether the word names what a question judges ("is the WGU online degree respected?")."""
    return marked(m.words, word, _JUDGED_VERBS, frozenset(), _JUDGED_REACH) and marked(
        m.words, word, frozenset(), lists["judging"], _JUDGED_REACH + 1
    )


_JUDGED_VERBS = frozenset({"is", "are"})
_JUDGED_REACH = 4  # words between "is", the name and the judgement ("is the WGU online degree respected")


def _asks_mention(engine: Engine, m: Match) -> bool:
    """Whether the question asks if the documents say a word ("does the mlops doc mention rust?"),
    not that something else does not ("what plain SRE work doesn't cover"): a mention word said
    of the documents or the roles."""
    tokens = m.tokens
    # not "a named person responsible": a mention word said of a thing
    said = [i for i, t in enumerate(tokens) if t in MENTION and (i == 0 or tokens[i - 1] not in _ARTICLES)]
    if not said:
        return False
    docs = engine.matcher.word_lists["of_documents"]
    # near the mention word ("is it mentioned", "which roles list"), and not the person's own job ("what
    # part of my job covers this and how do I approach it?"); "which" of the documents or the roles
    # ("which ones mention it"), not of a thing ("which people skill covers keeping the peace?")
    return any(
        t in docs
        and (i == 0 or tokens[i - 1] not in _OWN)
        and (t not in _WHICH or i + 1 == len(tokens) or tokens[i + 1] in docs | MENTION | _ONES)
        and any(abs(i - j) <= _NEAR for j in said)
        for i, t in enumerate(tokens)
    )


_WHICH = frozenset({"which", "any", "what"})
_ARTICLES = frozenset({"a", "an", "the"})
_ONES = frozenset({"one", "ones", "of"})


_DEFINING = {("what", "is"), ("what", "s"), ("whats",), ("what", "are")}


def _defined(m: Match, word: str) -> bool:
    """Whether the question asks what the word is ("what is LLMOps ...?")."""
    words = [w for w in m.words if w not in ("a", "an", "the")]
    at = words.index(word) if word in words else -1
    return at > 0 and any(tuple(words[max(0, at - len(d)) : at]) == d for d in _DEFINING)


def natural(engine: Engine, m: Match) -> bool:
    """A question in words ("what does an mlops engineer do?"), not a command ("mlops duties")."""
    if m.command:
        return False
    if m.words[:1] in _ASKING_VERBS and len(m.words) > 1:  # "explain edge ai", "define drift"
        return True
    return len(m.words) >= _NATURAL_WORDS and any(w in _SENTENCE_WORDS for w in m.words)


def _terse(engine: Engine, m: Match) -> bool:
    """A keyword query ("mlops requirements zeppelin"): short, with no function words at all."""
    return len(m.words) <= _TERSE_WORDS and not any(w in engine.matcher.stopwords for w in m.words)


def subject_terms(engine: Engine, m: Match) -> tuple[Term, ...]:
    across, home = engine.matcher.across_words, origins(engine, m)
    typed = m.words
    pronoun = {w for i, w in enumerate(typed) if w == "us" and (i == 0 or typed[i - 1] not in _PLACE_BEFORE)}
    dropped = across | home | pronoun | _left_out(engine, typed)  # "apart from factories": set aside
    if len(m.roles) != 1:  # "which challenges do mlops and platform share?": what the roles have in common
        dropped |= engine.matcher.word_lists["overlap"]
    words = list(dict.fromkeys(w for w in m.subject if w not in dropped))[: MAX_SUBJECT * 3]
    if len(words) > MAX_SUBJECT:  # a long question: its rarest words the documents hold, and those it
        # repeats, say most; words no document holds ("bird migration") are mostly colour: after them
        ev, said = engine.evidence, m.subject.count
        rank = {w: (ev.found(t := ev.term(w)), t.weight * said(w)) for w in words}
        kept = set(sorted(words, key=lambda w: rank[w], reverse=True)[:MAX_SUBJECT])
        words = [w for w in words if w in kept]
    if words and set(words) <= NUMBER_WORDS and (m.roles or m.topic):  # "mlops growth rate": a figure of
        words = []  # the topic asked for (the figures lead), not a subject; "attrition rate" is one
    synonyms = engine.evidence.synonyms
    words = engine.evidence.joined(m.subject, words)  # "self driving": one thing
    for phrase in (p for p in beyond(engine, m) if " " in p and p in synonyms):  # "work from home": one
        parts = set(phrase.split())  # thing, said as the documents say it ("remote")
        words = [*(w for w in words if w not in parts), phrase]
    if m.ambiguous and words and not m.roles and all(p == "ai" for p, _ in m.ambiguous):
        words.append("ai")  # "edge ai": a word of the subject, not a role name
    said = f" {' '.join(m.words)} "
    beyond_us = [
        p for p in engine.matcher.aliases.outside.get("countries", ()) if f" {p} " in said and " " in p
    ]
    if beyond_us:  # "is there demand outside the US?": the world regions, not every "US$" figure
        gone = {w for p in beyond_us for w in p.split()}
        words = [w for w in words if w not in gone] + ["abroad"]
    return engine.evidence.terms(words) if words else ()


def stand_ins(engine: Engine, m: Match) -> list[str]:
    """Level words no document names that were read as its nearest rung ("staff mlops engineer
    salary", "how do i reach staff?": senior); not the people ("the call center staff hate it")."""
    lists, words = engine.matcher.word_lists, m.words
    found = []
    for before, word, after in around(words, end="?"):
        if word not in lists["stand_in_levels"] or word not in m.focus_words:
            continue
        ended = after == "?" or after in lists["stand_in_end"]  # "to reach staff as an ...", "... staff?"
        if after in lists["stand_in_after"] or (ended and before in lists["stand_in_before"]):
            found.append(word)
    return found
