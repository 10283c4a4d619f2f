"""Follow-ups in a conversation: what a message leaves out is taken from the turns before it.

A turn is remembered as a `Turn` (plain JSON, so it can live in a database): the intent, roles,
topic and focus of the answer. A new message that names a role and a topic (or a subject) is a
question of its own and inherits nothing; one that leaves something out is completed from the
last answered turn, by adding the missing words to what was typed:

    "and in seattle?"                 + platform, salary    -> platform salary ... seattle
    "what about production ai eng?"   + salary, seattle     -> production ai ... salary seattle
    "compare that with mlops"         + platform, salary    -> compare platform mlops salary
    "the mlops one" (after "which role?") + salary          -> mlops salary
    "thanks!"                                               -> a short reply, nothing inherited

The completed text is answered by the same engine as any question.
"""

from __future__ import annotations

import re

from handlers.advice import digest, solutions
from handlers.ambiguity import DESCRIBED, known_as, work_role
from handlers.coverage import beyond
from handlers.engine import Engine
from handlers.fit import again
from handlers.kinds import climbs
from handlers.question import asks_why, copes
from handlers.scope import is_place, names_place, other_title
from handlers.topic import NAMED, choose, guess
from handlers.turn import FOCUS_DIMS, Turn
from handlers.understand import strip_command, thanks
from knowledge.match import Focus, Match, pairs, stem

__all__ = ["Turn", "complete"]

# Words that point back at what was just discussed: the message leans on the thread.
_FILLER = {"ok", "okay", "cool", "fine", "alright", "right", "so", "hmm", "great", "thanks", "thx", "nice"}
# Words that open a message before its follow-up ("wait one more, what about ...", "oh btw and ...")
_PREAMBLE = {
    "wait", "oh", "ah", "also", "btw", "sorry", "actually", "hey", "one", "more", "last", "quick", "q",
    "question", "thing",
}  # fmt: skip
_BEYOND = {"else", "other", "others", "besides"}  # asked past the last point
_QUESTION_WORDS = {
    "how",
    "what",
    "when",
    "where",
    "which",
    "should",
    "would",
    "will",
    "could",
    "can",
    "do",
    "does",
    "am",
}
_MODEL_TOPIC = 0.45
_POINTED_TOPIC = 0.75
_AGREED = 0.35
_ANY_ROLE = re.compile(r"\bany\s+(?:of\s+(?:the|these|those)\s+)?(?:roles?|jobs?|positions?|five|5)\b", re.I)
_ORDINAL = re.compile(
    r"\b(\d{2}(?:st|nd|rd|th))\b(?!\s+percentile)", re.IGNORECASE
)  # the model's topic among the message's weak topic words
_SHORT = 6
_BARE = 3  # "how to overcome?": so few words point at the last answer
_AGAIN = 3  # lines of the last answer asked again by "can you expand on that?"
_RARE_SUBJECT = 5.0  # a word held by a few lines only: specific enough to lead the answer
# "the people who build ...", "the folks running ...": words describing a role, not the subject


_LEVELLED = {"salary", "career"}  # the topics a level is asked of
_LIKENED = re.compile(r"\b(?:differ|differs|different|diffrent)\s+(?:from|than)\b")


def _offered(turns: list[Turn]) -> Turn | None:
    """The latest turn that offered several roles to pick from (a "which role?" or a comparison)."""
    return next((t for t in reversed(turns) if t.intent in ("clarify", "compare") and len(t.roles) > 1), None)


_SET_BESIDE = {"or", "than", "vs", "versus"}  # "them or platform engineers", "more than them"


def _them_beside(m: Match, lists: dict[str, frozenset[str]]) -> bool:
    """ "who makes more there, them or platform engineers?", "does mlops handle that any differently?":
    the role just discussed set beside another."""
    words = set(m.words)
    if words & lists["they"] and words & _SET_BESIDE:
        return True
    return "differently" in words or bool(words & lists["differ"] and words & lists["pointing"])


def _on_that_front(m: Match, lists: dict[str, frozenset[str]]) -> bool:
    """ "how does platform look on that front?": the topic (and point) just discussed, of another role."""
    return bool(set(pairs(m.words)) & lists["that_regard"])


_NARROWING = frozenset(("just", "only"))  # "ok just production": one of the roles discussed
_OTHER = {"other"}  # "and the other one?": the other of the two roles just discussed
_DIGITS = {"1", "2", "3", "4", "5"}  # a bare number picks from the roles offered ("#2")


def _recent_pair(turns: list[Turn]) -> tuple[str, ...]:
    """The two roles of the latest one-role turns, when they differ (oldest first), or of the
    comparison of two they follow ("compare mlops and platform" ... "ok, the mlops one's
    challenges" ... "which of those two needs more experience?"); else ()."""
    found: list[str] = []
    for turn in reversed(turns):
        if turn.intent == "compare" and len(turn.roles) == 2 and set(found) <= set(turn.roles):
            return turn.roles
        if len(turn.roles) != 1:
            break
        if turn.roles[0] not in found:
            found.append(turn.roles[0])
        if len(found) == 2:
            return tuple(reversed(found))
    return ()


def _last(turns: list[Turn]) -> Turn | None:
    """The last turn that was about something (thanks and help are skipped)."""
    for turn in reversed(turns):
        if turn.roles or turn.topic:
            return turn
    return None


def _focus_words(last: Turn, m: Match, place: bool = False) -> list[str]:
    """The earlier focus, unless the new message sets one itself: "what about in new york?"
    after "and the 90th?" moves to New York rather than asking for both at once; "and in denver?"
    (`place`: a place no pay figure names) after Austin asks Denver alone."""
    new = Focus(
        levels=m.focus.levels, locations=m.focus.locations, companies=m.focus.companies, kinds=m.focus.kinds
    )
    own = {d for d in FOCUS_DIMS if getattr(new, d)}
    if m.focus.years is not None:
        own.add("years")
    if m.focus.percentile:
        own.add("percentile")
    if place:
        own.add("locations")
    if own:  # "what about in new york?" after "and the 90th?": the new point replaces the old
        return []
    return [w for words in (last.focus or {}).values() for w in words]


_PICK_BEFORE = ("the", "#", "no", "number", "option", "choice")
_PICK_AFTER = ("one", "option", "role", "choice", "?", "pls", "please")


def _picks(words: tuple[str, ...], word: str) -> bool:
    """Whether an ordinal picks from a list ("the first one", "2nd", "#3"), not says when ("learn first")."""
    i = words.index(word)
    alone = len([w for w in words if w != "?"]) <= 2  # "2nd", "the third", "first pls"
    return (
        alone
        or i == 0
        or words[i - 1] in _PICK_BEFORE
        or (i + 1 < len(words) and words[i + 1] in _PICK_AFTER)
    )


def _everyday_roles(engine: Engine, m: Match, offered: Turn | None) -> tuple[list[str], set[str]]:
    """Roles a follow-up names in everyday words or by position among the roles last offered
    ("the ops side", "2nd one", "the third one you listed"), with the words that named them."""
    aliases = engine.matcher.aliases
    words = m.words
    grams = pairs(words)
    alone = [w for w in words if w not in ("?", "#", "no", "nr", "num")]
    numbered = {alone[0]: int(alone[0]) - 1} if len(alone) == 1 and alone[0] in _DIGITS else {}  # "#2"
    for word in (*words, *grams):  # "2nd", "option 2", "#2"
        at = aliases.ordinals.get(word, numbered.get(word))
        if at is not None and " " not in word and not _picks(words, word):
            continue  # "what should i learn first then": an adverb, no pick
        if at is not None and offered is not None:
            if -len(offered.roles) <= at < len(offered.roles):
                return [offered.roles[at]], set(word.split())
    triples = [" ".join(words[i : i + 3]) for i in range(len(words) - 2)]
    keyed = {" ".join(map(stem, g.split())): g for g in (*grams, *triples)}  # as the matcher keys not_roles
    free = {w for p in keyed.keys() & engine.matcher.not_roles for w in keyed[p].split()}  # "ML stuff",
    # "existing systems": no role
    said = [w for w in (*triples, *grams, *words) if w in aliases.followup_roles and w not in free]
    found = [aliases.followup_roles[w] for w in said]
    return list(dict.fromkeys(found))[:2], {p for w in said for p in w.split()}


def _worded(m: Match) -> bool:
    """Whether the message names a topic in words ("salary", "hard"), not only by the model."""
    return m.topic is not None and m.topic_scores.get(m.topic, 0) >= 2


def _own_topic(engine: Engine, m: Match) -> str | None:
    """The topic the message names itself: in words ("salary"), or as the intent model reads a
    message that names no role and no focus ("how do i get there", "what do both need?");
    "" when named in words (the text already says it), None when it names none."""
    worded = _worded(m)
    named = bool(m.roles or m.focus)  # "for seniors?", "what about platform?": the thread's topic
    f = m.focus
    place = bool(f.locations or f.companies or f.percentile or f.amount)  # "what do the two get in sf?"
    back = engine.matcher.word_lists["back"]
    compared = m.compare_strong and set(m.words) & back  # "how does that stack up against ...?"
    picked = bool(m.roles) and "one" in m.words  # "just the AI systems one, senior level": a role picked
    if m.focus.levels and climbs(engine, m) and not place:
        return "career"  # "how do i get to senior" after pay: the way up, not the senior pay
    if _paid_where(m) and not worded:  # "and how much in nyc?" after the market: pay
        return "salary"
    if not worded and (len(m.words) < 3 or place or compared or picked or (named and len(m.words) <= _SHORT)):
        return None
    if _magnitude(engine, m) and not m.topic:  # "by how much?": of what was just said
        return None
    if m.roles and set(m.words) & back and m.topic_top.get(m.topic or "", 0) < NAMED:
        return None  # "how do platform engineers do it?": the thread's topic, of the role named
    if set(m.words) & engine.matcher.word_lists["geography"] and m.topic_top.get(m.topic or "", 0) < NAMED:
        return None  # "which regions are hot": where, of the thread's topic ("hot" names no topic outright)
    choice = choose(engine, m, guess(engine, m))
    if worded and _the_one(m.words):  # "how do people deal with the drift one": the words, on the last list
        return m.topic or ""
    if worded:  # read as typed, as a fresh question would be: the role filled in must not sway it
        return choice.match.topic or ""
    agreed = choice.match.topic in m.topic_scores and choice.confidence >= _AGREED  # "what do both need?"
    # "why is that so high?" points back at the last answer: only a sure reading changes its topic
    inside = bool(engine.matcher.word_lists["within"] & set(pairs(m.words)))  # "... in there?"
    sure = _POINTED_TOPIC if set(m.words) & back or named or inside or _the_one(m.words) else _MODEL_TOPIC
    if choice.match.topic is not None and (choice.confidence >= sure or agreed):
        return choice.match.topic
    return m.topic  # named weakly ("and in europe how much?"): said outright, so the focus cannot outweigh it


def _all_of_them(m: Match, lists: dict[str, frozenset[str]]) -> bool:
    """ "all", "all of them", "compare them all", "every one of them": a short answer choosing all."""
    words = [w for w in m.words if w != "?"]
    return 0 < len(words) <= _SHORT and bool(set(words) & lists["each"]) and not _worded(m)


def _called(engine: Engine, m: Match, offered: tuple[str, ...]) -> str | None:
    """The one role offered whose document says it is often called by the ambiguous name said again
    ("An AI Systems Engineer, often referred to as an AI Engineer"); None when none or several."""
    names = {rs for _, rs in m.ambiguous}  # the roles a name could be ("ai eng", "AI Engineer": the same)
    if not names:
        return None
    found = [
        role
        for role in offered
        if (name := known_as(engine, role)) and {rs for _, rs in engine.matcher.match(name).ambiguous} & names
    ]
    return found[0] if len(found) == 1 else None


def _bare_why(engine: Engine, m: Match) -> bool:
    """ "why?", "why tho", "but why", "how come": asks why, of the last answer, and nothing else."""
    words = [w for w in m.words if w != "?"]
    if not asks_why(words) or m.roles or m.focus or m.subject:
        return False
    return len(words) <= _SHORT and all(
        w in engine.matcher.stopwords or w in _FILLER or w == "come" for w in words
    )


def _the_one(words: tuple[str, ...]) -> bool:
    """ "the drift one", "the communication one": an item of the last answer, pointed at."""
    return any(w == "one" and i >= 2 and words[i - 2] == "the" for i, w in enumerate(words))


def _own_subject(engine: Engine, m: Match) -> bool:
    """Whether the message asks about something specific the documents hold ("remotely",
    "kubernetes"): a rare word, not an everyday one."""
    ev = engine.evidence
    geography = engine.matcher.word_lists["geography"]  # "and in europe?", "which region?": where, not what
    words = [w for w in m.subject if not is_place(engine, w) and w not in geography]
    return any(t.weight >= _RARE_SUBJECT and ev.found(t) for t in ev.terms(words))


def _about_the_roles(engine: Engine, m: Match) -> bool:
    """A short message whose every word is the documents' ("how many yrs exp tho"): it goes on
    about the roles just discussed (unlike "what about nurses?")."""
    if len(m.words) > _SHORT or not m.subject:
        return False
    ev = engine.evidence
    return all(ev.found(t) for t in ev.terms(m.subject))


def _leans(words: tuple[str, ...], openers: frozenset[str]) -> bool:
    """Whether a message opens as a follow-up does ("and ...", "what about ...", "same for ...")."""
    head = [w for w in words[:7] if w not in _FILLER and w not in _PREAMBLE]  # "wait one more, what about"
    return bool(head) and (head[0] in openers or " ".join(head[:2]) in openers)


class _Message:
    """A message read against its thread: the features every completion rule looks at."""

    def __init__(self, text: str, engine: Engine, turns: list[Turn], last: Turn) -> None:
        self.text, self.engine, self.turns, self.last = text, engine, turns, last
        self.body = strip_command(text)
        self.lists = engine.matcher.word_lists
        m = engine.matcher.match(self.body)
        # "how come they need devops stuff too, i thought it is ml job": they, the role discussed; not
        # "and the platform people, how do they handle drift?", which names who "they" are
        opened = _leans(m.words, self.lists["openers"])
        self.they = bool(
            m.roles
            and not opened
            and set(m.roles) <= set(m.weak_roles)
            and set(m.words) & self.lists["they"]
            and last.roles
        )
        self.m = m.model_copy(update={"roles": (), "weak_roles": ()}) if self.they else m
        self.asked = turns[-1] if turns[-1].intent == "clarify" else None  # the bot's own "which role?"
        self.offered = _offered(turns)
        self.own = _own_topic(engine, self.m)
        self.leaning = _leans(self.m.words, self.lists["openers"])  # "what about ...", "and ..."
        named = self.own is not None
        if self.leaning:  # "what about the people who build the platform": only words name a new topic ...
            m = self.m
            named = m.topic is not None and m.topic_scores.get(m.topic, 0) >= 2
            # "and with like 2 yoe" after pay: the years are a focus of the thread's topic, not requirements
            named = named and not (
                m.focus.years is not None and set(m.topic_words) <= self.lists["years_words"]
            )
            # "and for someone just starting out" after the pay: a level, whose words name no topic here
            levelled = _level_words(engine, m) if named and m.focus.levels else set()
            if levelled:
                rest = engine.matcher.match(" ".join(w for w in m.words if w not in levelled))
                named = rest.topic is not None and rest.topic_scores.get(rest.topic, 0) >= 2
            # ... or a sure reading of a whole question ("and what would that junior person do?")
            # "the mlops folks there?" says no more than "the mlops folks?": the role's words and "?" aside
            # ... and the level's words aside ("what about when youre only just starting out tho")
            said = [
                w for w in m.words if w != "?" and w not in engine.role_words(m.roles) and w not in levelled
            ]
            named = named or (
                bool(self.own) and len(said) > _SHORT and not _everyday_roles(engine, m, self.offered)[0]
            )
            named = named or (self.own == "salary" and _paid_where(m))
        self.named_topic = named


# Rules for a message that one reading settles: each gives the text to answer, or None to go on.
def _across_or_thanks(t: _Message) -> str | None:
    """ "which roles need kubernetes?", "thanks!": as typed. "main headaches for each?" after two
    roles, or "any certs?" after one, stay with them; "is any role mentioning copilot?" is across."""
    m, lists, last = t.m, t.lists, t.last
    said_across = set(m.tokens) & t.engine.matcher.thread_across
    any_role = bool(_ANY_ROLE.search(t.body))
    each = said_across <= lists["each"] and len(last.roles) > 1
    each = each or (said_across == {"any"} and bool(last.roles) and not any_role)
    pointing = set(m.words) & lists["pointers"] and not any_role  # "is anyone hiring them?"
    where = (
        set(m.words) & lists["geography"]
    )  # "which part of the world is leading?": where, of the last role
    across = said_across and not pointing and not each and not where
    return t.text if across or thanks(t.engine, m) else None


def _why_alone(t: _Message) -> str | None:
    """ "why tho?", "how come?": why, of the last answer."""
    last = t.last
    if not (_bare_why(t.engine, t.m) and last.roles):
        return None
    return " ".join(p for p in (*last.roles, last.topic or "", "why", *_focus_words(last, t.m)) if p)


def _all_offered(t: _Message) -> str | None:
    """ "which role do you mean by 'ai engineer'?" ... "all of them": the roles offered, side by side."""
    asked = t.asked
    if not (asked and len(asked.roles) > 1 and not t.m.roles and _all_of_them(t.m, t.lists)):
        return None
    return " ".join(("compare", *asked.roles, asked.topic or "overview", *_focus_words(asked, t.m)))


def _name_again(t: _Message) -> str | None:
    """ "which role do you mean by 'ai'?" ... "ai eng": the one its document calls so."""
    asked, m = t.asked, t.m
    called = _called(t.engine, m, asked.roles) if asked and not m.roles and len(m.words) <= _SHORT else None
    if not called:
        return None
    return " ".join((called, asked.topic or "overview", *_focus_words(asked, m), "what about"))


def _nth_shown(t: _Message) -> str | None:
    """ "what does the first bullet mean?", "say more about the second point": that line of the last
    answer, asked again in its own words, so its heading's lines come with it."""
    last, m, lists = t.last, t.m, t.lists
    if not (last.shown and last.intent == "answer" and len(last.roles) == 1) or m.roles:
        return None
    words = set(m.words)
    ordinals = t.engine.matcher.aliases.ordinals
    # "how do I get better at the first one?": an ordinal before "one" picks a line too
    # ... not "what's the pay like for that last one", "and for the third one you listed?": a role again
    nth = (
        any(b == "one" and a in ordinals for a, b in zip(m.words, m.words[1:], strict=False))
        and not m.topic_words
        and m.words[0] not in lists["switch_openers"]
    )
    if not (words & lists["bullets"] or ("one" in words and (words & lists["elaborate"] or nth))):
        return None
    at = next((ordinals[w] for w in m.words if w in ordinals), None)
    if at is None or not -len(last.shown) <= at < len(last.shown):
        return None
    line = t.engine.evidence.index.line(last.shown[at])
    return f"{last.roles[0]} {line.topic} {line.text}"


def _that_again(t: _Message) -> str | None:
    """ "can you expand on that?" after an answer on a point: the lines it led with, asked again in
    their own words, so the lines beside them come too (not the whole section: `_more`)."""
    last, lists = t.last, t.lists
    if not (last.shown and last.topic and last.intent == "answer" and len(last.roles) == 1) or t.m.roles:
        return None
    words = {w for w in t.m.words if w not in ("?", "!", ".")}
    if not (words & lists["pointing"] and words & lists["elaborate"] and words <= lists["expand_that"]):
        return None
    if set(last.shown) <= {h.line.id for h in digest(t.engine, last.roles[0], last.topic)}:
        return f"{last.roles[0]} {last.topic}"  # the section in brief: the rest of it, as `_more`
    lines = [t.engine.evidence.index.line(i) for i in last.shown[:_AGAIN]]
    return " ".join((last.roles[0], lines[0].topic, *(ln.text for ln in lines)))


def _still_which(t: _Message) -> str | None:
    """ "which role do you mean by 'ai engineer'?" ... "in detroit?": no role picked yet, so the same
    question again, with the place (or level) kept for the answer."""
    asked, m = t.asked, t.m
    placed = m.focus or names_place(t.engine, m)
    if not (asked and len(asked.roles) > 1 and placed and not (m.roles or m.ambiguous or _worded(m))):
        return None
    phrase = next((p for p, rs in t.engine.matcher.ambiguous.items() if set(rs) == set(asked.roles)), None)
    return " ".join((phrase, asked.topic or "overview", t.body)) if phrase else None


def _one_offered(t: _Message) -> str | None:
    """ "the ops one, mlops" after "which role do you want to know about salary?": that topic."""
    asked, m = t.asked, t.m
    if not (asked and asked.topic and len(m.roles) == 1 and m.roles[0] in asked.roles and not _worded(m)):
        return None
    # asked in words, on the point the first message asked ("job outlook", "kubernetes")
    return " ".join((m.roles[0], asked.topic, *_focus_words(asked, m), *asked.point, "what about"))


def _across_again(t: _Message) -> str | None:
    """ "which roles need kubernetes?" ... "what about python?": across again."""
    m = t.m
    if t.last.across and t.leaning and m.subject and not (m.roles or m.focus or t.named_topic):
        return f"which roles mention {' '.join(m.subject)}"
    return None


def _of_its_own(t: _Message) -> str | None:
    """A question of its own: a role with a topic or subject, or several roles ("how do the
    requirements for mlops differ from production ai's?")."""
    m = t.m
    leans = t.leaning or _them_beside(m, t.lists) or _on_that_front(m, t.lists)
    # "ok back to the ml engineer one, same q": going back is no subject
    subject = [w for w in m.subject if w != "back"]
    own = m.roles and (t.named_topic or subject) and not (m.compare_strong or leans)
    return t.text if own or len(m.roles) > 1 else None


def _title(t: _Message) -> str | None:
    """ "what about data analysts?": answered as the title, on the thread's topic."""
    if not other_title(t.engine, t.m) or t.m.roles or t.they:
        return None
    if set(t.m.words) & t.lists["differ"] and set(t.m.words) & t.lists["pointing"] and t.last.roles:
        # "how is that different from a data scientist?": what the thread's role is, beside the title
        return f"{' '.join(t.last.roles)} overview {t.text}"
    return f"{t.text} {t.last.topic}" if t.last.topic and not _worded(t.m) else t.text


# in order: the first that answers settles the message
def _more(t: _Message) -> str | None:
    """ "anything else?", "tell me more" after one role's answer: its whole section, the rest of it."""
    last = t.last
    said = " ".join(w for w in t.m.words if w not in ("?", "!", "."))
    if (
        said not in t.lists["more_please"]
        or last.intent != "answer"
        or len(last.roles) != 1
        or not last.topic
    ):
        return None
    return f"{last.roles[0]} {last.topic}"


_SETTLED = (
    _more, _that_again, _across_or_thanks, _nth_shown, _why_alone, _all_offered, _name_again, _still_which,
    _one_offered, _across_again, _of_its_own, _title,
)  # fmt: skip


def complete(text: str, engine: Engine, turns: list[Turn]) -> str:
    """The message with what it leaves out filled in from the conversation (or as typed).

    A rule that settles the message by one reading comes first (_SETTLED); otherwise the roles,
    topic and focus it leaves out are filled in from the thread (_filled)."""
    fit = again(strip_command(text), engine, turns)  # "and for platform?" (handlers/fit.py)
    if fit is not None:
        return fit
    last = _last(turns)
    if last is None:
        return text
    t = _Message(text, engine, turns, last)
    for rule in _SETTLED:
        out = rule(t)
        if out is not None:
            return out
    return _filled(t)


def _roles_named(t: _Message) -> tuple[list[str], str, bool]:
    """(the roles the message names, in words too, the body without the words that named them,
    whether it names a topic): "what about the ops side?", "and the other one?"."""
    m, last, body, named_topic = t.m, t.last, t.body, t.named_topic
    # "ok just production — what do they do?": "they" are the one role narrowed to
    narrowed = t.they and not _NARROWING.isdisjoint(m.words)
    kept = m.roles or (t.they and not narrowed)
    everyday, said = ([], set()) if kept else _everyday_roles(t.engine, m, t.offered)
    if m.ambiguous and not set(everyday) <= {r for _, rs in m.ambiguous for r in rs}:
        everyday, said = [], set()  # "the ones putting ai on factory floors": AI said, the role described
    roles = list(m.roles) or everyday
    if not roles and _OTHER & set(m.words) and len(last.roles) == 1:  # "and the other one?"
        pair = _recent_pair(t.turns)
        roles = [r for r in pair if r not in last.roles] if last.roles[0] in pair else []
        said = said | (_OTHER & set(m.words))
    if said:  # "what about the ops side?": the words that named the role are not the subject
        body = " ".join(w for w in body.split() if w.lower().strip("?!.,#") not in said)  # "#3"
        rest = t.engine.matcher.match(body)
        # "the one who keeps models running in prod - deployment, monitoring, that ops kind of stuff" after
        # "which role?": the role described, no topic named; the words describe, they ask nothing
        picked = t.asked is not None and len(t.asked.roles) > 1 and not (_worded(rest) or rest.focus)
        if (
            picked
            or not rest.topic_scores
            and all(w in t.engine.matcher.stopwords or w in _FILLER for w in rest.words if w != "?")
        ):
            body = "what about"  # "the 3rd", "the ml one pls": the role alone, asked in words as before
            named_topic = False  # ... on the topic asked before
    if not roles and DESCRIBED.search(body):  # "what about someone who turns notebooks into apis?":
        # the work model says whose; after "which role do you mean?", one of those offered ("the one
        # that builds the chatbots")
        picking = last.intent == "clarify" and len(last.roles) > 1
        offered = last.roles if picking else t.engine.role_ids
        role = work_role(t.engine, m.words, m.masked, body, offered, titled=picking)
        roles = [role] if role else []
        if role and picking and not named_topic:  # the reply to "which role?" is the description alone
            body = "what about"
    if roles:  # "how about the people who build the platform": a description, not the subject
        body = " ".join(DESCRIBED.sub(" ", body).split())
    return roles, body, named_topic


def _leans_on_thread(t: _Message, roles: list[str], named_topic: bool, pointing: bool) -> bool:
    """Whether the message leaves something for the thread to fill in; not "why?" or a new subject
    ("what about nurses?")."""
    m = t.m
    return bool(
        roles
        or m.topic
        or m.focus
        or m.ambiguous
        or pointing
        or named_topic
        or beyond(t.engine, m)  # "what about PTO?": a policy of the role just discussed
        or names_place(t.engine, m)  # "and outside the US?"
        or set(m.words) & t.lists["geography"]  # "which part of the world is leading?"
        or (t.leaning and (not m.subject or len(m.words) > _SHORT))  # "and where do i get experience ..."
        or (bool(set(m.words) & t.lists["mine"]) and _asking(m))  # "how long till im hireable usually"
        or _magnitude(t.engine, m)  # "how fast?"
        # "anything on regulation?", "u said 30% surge - by when?": in what was discussed
        or bool(set(pairs(m.words)) & (t.lists["asking_of"] | t.lists["you_said"]))
    )


def _level_words(engine: Engine, m: Match) -> set[str]:
    """The words of the phrases the message names its levels with ("just starting out")."""
    levels, said = engine.matcher.aliases.focus.get("level", {}), f" {' '.join(m.words)} "
    return {w for lv in m.focus.levels for p in levels.get(lv, ()) if f" {p} " in said for w in p.split()}


def _paid_where(m: Match) -> bool:
    """ "how much in nyc?": a pay word, however weak, with a place or company asks the pay there."""
    f = m.focus
    return bool(m.topic_top.get("salary")) and bool(f.locations or f.companies)


def _magnitude(engine: Engine, m: Match) -> bool:
    """A short question for a figure ("how fast?", "by how much?"), of the last answer."""
    return len(m.words) <= _SHORT and bool(set(pairs(m.words)) & engine.matcher.word_lists["magnitude"])


def _asking(m: Match) -> bool:
    """Whether the message asks something ("how long till im hireable"), not only tells."""
    return "?" in m.words or (bool(m.words) and m.words[0] in _QUESTION_WORDS)


def _filled(t: _Message) -> str:
    """The message with the roles, topic and focus it leaves out taken from the thread."""
    last = t.last
    if last.focus and "percentile" in last.focus:  # "and the 25th?"
        t.body = _ORDINAL.sub(r"\1 percentile", t.body)
        t.m = t.engine.matcher.match(t.body)
    roles, body, named_topic = _roles_named(t)
    m, lists = t.m, t.lists
    pointing = bool(set(m.words) & lists["pointers"]) or _about_the_roles(t.engine, m)
    if m.ambiguous and pointing and last.roles and all(p == "ai" for p, _ in m.ambiguous):
        # "will AI replace them?": AI the field, them the role
        t.m = m = m.model_copy(update={"ambiguous": ()})
    if not _leans_on_thread(t, roles, named_topic, pointing):
        return t.text
    roles, last = _roles_filled(t, roles)
    rest = t.engine.matcher.match(body) if body != t.body else m  # without the words naming the role
    topic = _topic_filled(t, roles, last, named_topic, rest)
    focus = _focus_filled(t, last, named_topic)
    lead = ["compare"] if len(roles) > 1 else []
    # "do they need certs?" ... "compare that with ai/ml engineers": on certifications still
    # ... and "security in there?" then "how do they handle that, any best practices?": that, security
    backed = named_topic and bool(set(m.words) & lists["back"])
    # the message's own subject, less the words that named the role ("what about the infra people?")
    own = set(rest.subject) - (lists["coping"] if backed else set())  # "handle" is how, not what
    regard = _on_that_front(m, lists)  # the point just asked
    point = (
        [
            w
            for w in last.point
            if not _names_role(t.engine, w) and not (backed and t.engine.matcher.match(w).topic_scores)
        ]  # a topic named anew leaves the last one's topic words behind ("the pay for that last one")
        if topic
        and (not named_topic or backed)
        and (not own or regard)
        and not _BEYOND & set(t.m.words)
        and not (named_topic and last.across)  # "which roles need k8s?" then "which of those pays best?"
        else []
    )  # not "what else does it need"
    if "where" in m.words and set(m.words) & lists["openings"] and set(topic) & {"demand", "trends"}:
        point = [*point, "regions"]  # "where are those jobs?" after the market: its geographical hotspots
    parts = [*lead, *roles, *topic, *point, *focus, body]  # what is filled in first: the question stays last
    return " ".join(p for p in parts if p)


def _names_role(engine: Engine, word: str) -> bool:
    """Whether a word names a role, or may ("ml", "ai"): no point to carry over."""
    m = engine.matcher.match(word)
    return bool(m.roles or m.ambiguous)


def _roles_filled(t: _Message, roles: list[str]) -> tuple[list[str], Turn]:
    """The roles to answer, and the turn they lean on: "what do both need?", "compare that with
    mlops", "which one pays more?" after a turn on each of two roles, else the last role(s)."""
    m, lists, last = t.m, t.lists, t.last
    choosing = set(m.words) & lists["both"] or lists["choosing"] & set(pairs(m.words))
    # "which of those are about security?": the items of the last answer, not a choice between roles
    # ... but "is regulation a big deal for both of them?" asks the two roles about it
    items = bool(m.subject) and not set(m.words) & lists["ranking"] and "both" not in m.words
    pair = _recent_pair(t.turns) if choosing and not items and len(last.roles) == 1 and not roles else ()
    if pair:  # "which one pays more?" after a turn on each of two roles: those two
        last = Turn("compare", pair, last.topic, last.focus)
    both = bool(choosing) and len(last.roles) > 1 and not roles
    if both:  # "what do both need?", "which of the two pays more?"
        return list(last.roles), last
    # "compare that with mlops", "vs platform", "how is that different from what mlops ppl do"; not
    # "how is an ai/ml engineer different from a data scientist?", a question of its own
    likened = _LIKENED.search(" ".join(m.words)) and not set(m.words) & lists["back"]
    if m.compare_strong and roles and not likened:
        return [*[r for r in last.roles if r not in roles], *roles], last
    if len(roles) == 1 and len(last.roles) == 1 and last.roles != tuple(roles) and _them_beside(m, lists):
        return [last.roles[0], *roles], last  # the role just discussed, and the one named
    if not roles and not m.ambiguous:
        return (list(last.roles) if len(last.roles) == 1 or last.intent == "compare" else []), last
    return roles, last


def _topic_filled(t: _Message, roles: list[str], last: Turn, named_topic: bool, rest: Match) -> list[str]:
    """The topic: the one named, else the last one; "how do they deal with that?" after the
    challenges asks what they do (the solutions given there, else the best practices); "can they
    work remotely?" lets the lines on the subject decide."""
    m, lists = t.m, t.lists
    topic = [t.own or ""] if named_topic else [last.topic or ""]  # the model's topic, said outright
    pointing = set(m.words) & (lists["back"] | lists["they"] | {"people"}) or len(m.words) <= _BARE
    coping = copes(m.words, lists) and pointing  # "how to overcome tht", "how do they deal with"
    # ... not "which of those is the hardest to solve?": which challenge, ranked
    coping = coping and not (m.topic == "challenges" and lists["hardest"] & set(m.words))
    if last.topic == "challenges" and coping and m.topic in (None, "challenges") and not m.roles:
        return ["challenges" if any(solutions(t.engine, r) for r in roles) else "best-practices"]
    if not named_topic and _own_subject(t.engine, rest) and not m.focus:  # not "the folks who run the infra"
        # "what about coastal vs midwest?" after the pay: the last section, where the subject is said
        return [last.topic] if last.topic and _held_before(t, rest, roles, last.topic, "") else [""]
    meaning = bool(set(m.words) & lists["elaborate"]) and topic[0] == "overview"  # "what does that mean"
    if named_topic and meaning and last.topic and _held_before(t, rest, roles, last.topic, topic[0]):
        return [last.topic]  # "digital twins? what does that mean in practice" after the trends: there
    return topic


def _held_before(t: _Message, rest: Match, roles: list[str], before: str, named: str) -> bool:
    """Whether a rare subject of the message is said in the last answer's section (of these roles)
    and not in the one its words name ("mean": the overview)."""
    ev = t.engine.evidence
    rare = [x for x in ev.terms(rest.subject) if x.weight >= _RARE_SUBJECT]
    return bool(rare) and all(
        any(ev.found_in_topic(f, before, roles) for f in x.forms)
        and not any(ev.found_in_topic(f, named, roles) for f in x.forms)
        for x in rare
    )


def _focus_filled(t: _Message, last: Turn, named_topic: bool) -> list[str]:
    """The focus kept: "why so high?" asks reasons, not figures, but "how come so high there?"
    after a city asks why of that place; a new topic leaves the pay's city behind ("how much in
    nyc?" ... "and what industries hire them?")."""
    m = t.m
    # ... nor a level, which pay and the ladder answer ("as a senior there" ... "soft skills they look for?")
    new = t.own or m.topic
    moved = named_topic and new not in (None, last.topic) and (last.topic == "salary" or new not in _LEVELLED)
    if moved:
        return []
    if asks_why(m.words):
        return list((last.focus or {}).get("locations", ())) if last.topic == "salary" else []
    return _focus_words(last, m, names_place(t.engine, m))
