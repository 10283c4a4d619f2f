"""A follow-up message read against its thread (`Message`), and the word tests the completion
rules share."""

from __future__ import annotations

import re

from handlers.ambiguity import DESCRIBED, known_as
from handlers.engine import Engine
from handlers.kinds import climbs
from handlers.lines import said_levels
from handlers.question import asks_how_senior, asks_why
from handlers.scope import is_place
from handlers.topic import NAMED, choose, guess
from handlers.turn import FOCUS_DIMS, Turn
from handlers.understand import strip_command
from knowledge.match import Focus, Match, around, pairs, stem
from knowledge.patterns import Lazy

__all__ = [
    "AGAIN",
    "ANY_ROLE",
    "BARE",
    "BEYOND",
    "FILLER",
    "LEVELLED",
    "LIKENED",
    "Message",
    "ORDINAL",
    "OTHER",
    "ranked_pick",
    "QUESTION_WORDS",
    "RARE_SUBJECT",
    "SHORT",
    "about_the_roles",
    "all_of_them",
    "bare_why",
    "called_by",
    "everyday_roles",
    "focus_words",
    "last_turn",
    "magnitude",
    "names_topic",
    "on_that_front",
    "own_subject",
    "recent_pair",
    "roles_counted",
    "them_beside",
]

# Words that point back at what was just discussed: the message leans on the thread.
FILLER = {"ok", "okay", "cool", "fine", "alright", "right", "so", "hmm", "great", "thanks", "thx", "nice"}
# Words that open a message before its follow-up ("wait one more, what about ...", "oh btw and ...")
_PREAMBLE = {
    "wait", "oh", "ah", "also", "btw", "sorry", "actually", "hey", "one", "more", "last", "quick", "q",
    "question", "thing",
}  # fmt: skip
BEYOND = {"else", "other", "others", "besides"}  # asked past the last point
QUESTION_WORDS = {
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
ANY_ROLE = Lazy(r"\bany\s+(?:of\s+(?:the|these|those)\s+)?(?:roles?|jobs?|positions?|five|5)\b", re.I)
ORDINAL = Lazy(
    r"\b(\d{2}(?:st|nd|rd|th))\b(?!\s+percentile)", re.IGNORECASE
)  # the model's topic among the message's weak topic words
SHORT = 6
BARE = 3  # "how to overcome?": so few words point at the last answer
AGAIN = 3  # lines of the last answer asked again by "can you expand on that?"
RARE_SUBJECT = 5.0  # a word held by a few lines only: specific enough to lead the answer
# "the people who build ...", "the folks running ...": words describing a role, not the subject


LEVELLED = {"salary", "career"}  # the topics a level is asked of
LIKENED = Lazy(r"\b(?:differ|differs|different|diffrent)\s+(?:from|than)\b")


def _offered(turns: list[Turn]) -> Turn | None:
    """The latest turn that offered several roles to pick from (a "which role?", a comparison, or the
    list of roles: "tell me more about the second one")."""
    kinds = ("clarify", "compare", "list")
    return next((t for t in reversed(turns) if t.intent in kinds and len(t.roles) > 1), None)


_SET_BESIDE = {"or", "than", "vs", "versus"}  # "them or platform engineers", "more than them"


def them_beside(m: Match, lists: dict[str, frozenset[str]]) -> bool:
    """ "who makes more there, them or platform engineers?", "does mlops handle that any differently?":
    the role just discussed set beside another."""
    words = set(m.words)
    if words & lists["they"] and words & _SET_BESIDE:
        return True
    return "differently" in words or bool(words & lists["differ"] and words & lists["pointing"])


def on_that_front(m: Match, lists: dict[str, frozenset[str]]) -> bool:
    """ "how does platform look on that front?": the topic (and point) just discussed, of another role."""
    return bool(set(pairs(m.words)) & lists["that_regard"])


OTHER = {"other"}  # "and the other one?": the other of the two roles just discussed
_DIGITS = {"1", "2", "3", "4", "5"}  # a bare number picks from the roles offered ("#2")


def recent_pair(turns: list[Turn], count: int = 2) -> tuple[str, ...]:
    """The two roles (`count`: or three, four) of the latest one-role turns, when they differ (oldest
    first), or of the comparison of as many they follow ("compare mlops and platform" ... "ok, the
    mlops one's challenges" ... "which of those two needs more experience?"); else ()."""
    found: list[str] = []
    for turn in reversed(turns):
        if turn.intent == "compare" and len(turn.roles) == count and set(found) <= set(turn.roles):
            return turn.roles
        if len(turn.roles) != 1:
            break
        if turn.roles[0] not in found:
            found.append(turn.roles[0])
        if len(found) == count:
            return tuple(reversed(found))
    return ()


_COUNTED = {"three": 3, "3": 3, "four": 4, "4": 4}  # "which of those three", "all 3 of them"
_POINTED = frozenset({"those", "these", "the", "all", "them"})


def roles_counted(words: tuple[str, ...]) -> int:
    """How many roles a message points back at ("which of those three pays most?": 3); 2 else."""
    for a, b in zip(words, words[1:], strict=False):
        if a in _POINTED and b in _COUNTED:
            return _COUNTED[b]
        if a in _COUNTED and b in {"of", "roles", "jobs"}:
            return _COUNTED[a]
    return 2


def last_turn(turns: list[Turn]) -> Turn | None:
    """The last turn that was about something (thanks and help are skipped)."""
    for turn in reversed(turns):
        if turn.roles or turn.topic:
            return turn
    return None


def focus_words(last: Turn, m: Match, place: bool = False) -> list[str]:
    """The earlier focus, unless the new message sets one itself: "what about in new york?"
    after "and the 90th?" moves to New York rather than asking for both at once; "and in denver?"
    (`place`: a place no pay figure names) after Austin asks Denver alone."""
    new = Focus(
        levels=m.focus.levels, locations=m.focus.locations, companies=m.focus.companies, kinds=m.focus.kinds
    )
    own = {d for d in FOCUS_DIMS if getattr(new, d)}
    if m.focus.years is not None:
        own.add("years")
    if m.focus.percentiles:
        own.add("percentile")
    if place:
        own.add("locations")
    if own:  # "what about in new york?" after "and the 90th?": the new point replaces the old
        return []
    return [w for words in (last.focus or {}).values() for w in words]


_PICK_BEFORE = ("the", "#", "no", "number", "option", "choice")
_PICK_AFTER = ("one", "option", "role", "choice", "?", "pls", "please")


# the words between picks ("both 1 and 3 pls", "the first and the third ones")
_PICK_BETWEEN = {"both", "and", "the", "one", "ones", "pls", "please", "plz", "then", "just"}


def _several_picked(words: list[str], ordinals: dict[str, int], offered: Turn | None) -> list[str]:
    """The roles offered that a message of picks alone names, two or more ("both 1 and 3", "the
    first and the third ones"); [] otherwise."""
    if offered is None:
        return []
    at = [ordinals.get(w, int(w) - 1 if w in _DIGITS else None) for w in words]
    picks = [i for i in at if i is not None]
    between = FILLER | _PICK_BETWEEN
    if len(picks) < 2 or any(i is None and w not in between for w, i in zip(words, at, strict=True)):
        return []
    n = len(offered.roles)
    return list(dict.fromkeys(offered.roles[i] for i in picks if -n <= i < n))


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


def everyday_roles(engine: Engine, m: Match, offered: Turn | None) -> tuple[list[str], set[str]]:
    """Roles a follow-up names in everyday words or by position among the roles last offered
    ("the ops side", "2nd one", "the third one you listed"), with the words that named them."""
    aliases = engine.matcher.aliases
    words = m.words
    grams = pairs(words)
    alone = [w for w in words if w not in ("?", "#", "no", "nr", "num")]
    numbered = {alone[0]: int(alone[0]) - 1} if len(alone) == 1 and alone[0] in _DIGITS else {}  # "#2"
    picked = _several_picked(alone, aliases.ordinals, offered)
    if picked:  # "both 1 and 3", "the first and the third"
        return picked, set(alone)
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
    # "good with our non-technical ops folks": the asker's own people, no role switched to
    free |= {words[i] for i in range(len(words)) if _possessed(words, i)}
    said = [w for w in (*triples, *grams, *words) if w in aliases.followup_roles and w not in free]
    found = [aliases.followup_roles[w] for w in said]
    return list(dict.fromkeys(found))[:2], {p for w in said for p in w.split()}


def ranked_pick(engine: Engine, m: Match, turns: list[Turn]) -> str | None:
    """The role a message picks from the last role-fit ranking by its place ("the second one") or as
    the other one ("the other option you mentioned": the best ranked besides the role last asked of);
    None when it picks none. Not "what other skills": "other" picks only as a choice."""
    ranking = next((t for t in reversed(turns) if t.said and len(t.roles) > 1), None)
    if ranking is None or m.roles or not m.words:  # an empty message picks nothing
        return None
    words = m.words
    other = any(w == "other" and (p == "the" or n in _PICK_AFTER) for p, w, n in around(words))
    if other:
        last = next(t for t in reversed(turns) if t.said)
        current = last.roles[0] if len(last.roles) == 1 else ranking.roles[0]
        return next(r for r in ranking.roles if r != current)
    roles, said = everyday_roles(engine, m, ranking)
    picked = said & engine.matcher.aliases.ordinals.keys() or said & _DIGITS
    return roles[0] if len(roles) == 1 and picked else None


_POSSESSIVE = frozenset(("our", "my"))


def _possessed(words: tuple[str, ...], i: int) -> bool:
    """Whether the word is said after "our" or "my", up to three words before ("our non-technical ops")."""
    return any(w in _POSSESSIVE for w in words[max(0, i - 3) : i])


def names_topic(m: Match) -> bool:
    """Whether the message names a topic in words ("salary", "hard"), not only by the model."""
    return m.topic is not None and m.topic_scores.get(m.topic, 0) >= 2


def _own_topic(engine: Engine, m: Match, kept: str | None = None) -> str | None:
    """The topic the message names itself: in words ("salary"), or as the intent model reads a
    message that names no role and no focus ("how do i get there", "what do both need?");
    "" when named in words (the text already says it), None when it names none. `kept`: the
    thread's topic, which holds when the model is torn between it and another."""
    worded = names_topic(m)
    named = bool(m.roles or m.focus)  # "for seniors?", "what about platform?": the thread's topic
    f = m.focus
    place = f.pointed()  # "what do the two get in sf?"
    back = engine.matcher.word_lists["back"]
    both = engine.matcher.word_lists["both"]  # "how does that stack up against ...?", "how do the two differ"
    compared = m.compare_strong and set(m.words) & (back | both)
    picked = bool(m.roles) and "one" in m.words  # "just the AI systems one, senior level": a role picked
    if asks_how_senior(m.words) and not m.topic_top.get("salary"):
        return "requirements"  # "how senior do you need to be for that": the experience asked for
    if m.focus.levels and climbs(engine, m) and not place:
        return "career"  # "how do i get to senior" after pay: the way up, not the senior pay
    if _paid_where(m) and not worded:  # "and how much in nyc?" after the market: pay
        return "salary"
    said = len(m.words) - m.words.count("?")  # "so for mlops at senior level?": 6 words, not 7
    if not worded and (said < 3 or place or compared or picked or (named and said <= SHORT)):
        return None
    if magnitude(engine, m) and not m.topic:  # "by how much?": of what was just said
        return None
    alike = engine.matcher.word_lists["alike"]  # "do platform engineers use the same stuff?"
    if m.roles and set(m.words) & (back | alike) and m.topic_top.get(m.topic or "", 0) < NAMED:
        return None  # "how do platform engineers do it?": the thread's topic, of the role named
    if set(m.words) & engine.matcher.word_lists["geography"] and m.topic_top.get(m.topic or "", 0) < NAMED:
        return None  # "which regions are hot": where, of the thread's topic ("hot" names no topic outright)
    choice = choose(engine, m, guess(engine, m))
    pieces = the_one(m.words) or the_one(tuple(w.removesuffix("s") for w in m.words))  # "the ethical ones"
    if pieces and "more" in m.words and m.topic_top.get(m.topic or "", 0) < NAMED:
        return None  # "tell me more about the ethical ones": more of the last list, on its topic
    if worded and the_one(m.words):  # "how do people deal with the drift one": the words, on the last list
        return m.topic or ""
    if worded:  # read as typed, as a fresh question would be: the role filled in must not sway it
        return choice.match.topic or ""
    agreed = choice.match.topic in m.topic_scores and choice.confidence >= _AGREED  # "what do both need?"
    # "why is that so high?" points back at the last answer: only a sure reading changes its topic
    inside = bool(engine.matcher.word_lists["within"] & set(pairs(m.words)))  # "... in there?"
    sure = _POINTED_TOPIC if set(m.words) & back or named or inside or the_one(m.words) else _MODEL_TOPIC
    # "which companies specifically?" after the market: the model unsure, the thread's topic its second
    torn = not m.topic_scores and choice.other == kept is not None and choice.confidence < _POINTED_TOPIC
    if choice.match.topic is not None and (choice.confidence >= sure or agreed) and not torn:
        return choice.match.topic
    return m.topic  # named weakly ("and in europe how much?"): said outright, so the focus cannot outweigh it


def all_of_them(m: Match, lists: dict[str, frozenset[str]]) -> bool:
    """ "all", "all of them", "compare them all", "every one of them": a short answer choosing all."""
    words = [w for w in m.words if w != "?"]
    return 0 < len(words) <= SHORT and bool(set(words) & lists["each"]) and not names_topic(m)


def called_by(engine: Engine, m: Match, offered: tuple[str, ...]) -> str | None:
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


def bare_why(engine: Engine, m: Match) -> bool:
    """ "why?", "why tho", "but why", "how come": asks why, of the last answer, and nothing else."""
    words = [w for w in m.words if w != "?"]
    if not asks_why(words) or m.roles or m.focus or m.subject:
        return False
    # ... or whose other words name nothing the tables read ("why such a wide range?")
    return len(words) <= SHORT and (
        all(w in engine.matcher.stopwords or w in FILLER or w == "come" for w in words) or not m.topic_scores
    )


_PIECES = frozenset(("one", "part", "bit", "piece"))  # "the drift one", "the testing part", "the docker bit"


def the_one(words: tuple[str, ...]) -> bool:
    """ "the drift one", "the testing part": an item of the last answer, pointed at."""
    return any(w in _PIECES and i >= 2 and words[i - 2] == "the" for i, w in enumerate(words))


def own_subject(engine: Engine, m: Match) -> bool:
    """Whether the message asks about something specific the documents hold ("remotely",
    "kubernetes"): a rare word, not an everyday one."""
    ev = engine.evidence
    geography = engine.matcher.word_lists["geography"]  # "and in europe?", "which region?": where, not what
    words = [w for w in m.subject if not is_place(engine, w) and w not in geography]
    return any(t.weight >= RARE_SUBJECT and ev.found(t) for t in ev.terms(words))


def about_the_roles(engine: Engine, m: Match) -> bool:
    """A short message whose every word is the documents' ("how many yrs exp tho"): it goes on
    about the roles just discussed (unlike "what about nurses?")."""
    if len(m.words) > SHORT or not m.subject:
        return False
    ev = engine.evidence
    return all(ev.found(t) for t in ev.terms(m.subject))


def _leans(words: tuple[str, ...], openers: frozenset[str]) -> bool:
    """Whether a message opens as a follow-up does ("and ...", "what about ...", "same for ...")."""
    head = [w for w in words[:7] if w not in FILLER and w not in _PREAMBLE]  # "wait one more, what about"
    return bool(head) and (head[0] in openers or " ".join(head[:2]) in openers)


class Message:
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
            and not the_one(m.words)  # "the platform one, how many yrs do they ask for": a role picked
            and set(m.roles) <= set(m.weak_roles)
            and set(m.words) & self.lists["they"]
            and last.roles
        )
        self.m = m.model_copy(update={"roles": (), "weak_roles": ()}) if self.they else m
        self.asked = turns[-1] if turns[-1].intent == "clarify" else None  # the bot's own "which role?"
        self.offered = _offered(turns)
        self.own = _own_topic(engine, self.m, last.topic)
        # "is that the same for the infra people, the ones building our platform?": who, set off by a
        # comma; the message less it says what is asked
        plain = set_off(self.body)
        self.plain = engine.matcher.match(plain) if plain != self.body else self.m
        if self.own is not None and m.roles and plain != self.body and not names_topic(self.plain):
            self.own = None
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
            levelled = said_levels(engine, m) if named and m.focus.levels else set()
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
                bool(self.own) and len(said) > SHORT and not everyday_roles(engine, m, self.offered)[0]
            )
            named = named or (self.own == "salary" and _paid_where(m))
        self.named_topic = named


def set_off(text: str) -> str:
    """The text less a description set off by a comma ("the infra people, the ones building our
    internal ML platform"): it says who is meant, it asks nothing."""
    for d in DESCRIBED.finditer(text):
        if _SET_OFF.search(text[: d.start()]):
            return text[: d.start()] + text[d.end() :]
    return text


_SET_OFF = Lazy(r",\s*(?:the|those)?\s*$")


def _paid_where(m: Match) -> bool:
    """ "how much in nyc?", "how much is that mid level?": a pay word, however weak, with a place,
    company or level asks the pay there."""
    f = m.focus
    return bool(m.topic_top.get("salary")) and bool(f.locations or f.companies or f.levels)


def magnitude(engine: Engine, m: Match) -> bool:
    """A short question for a figure ("how fast?", "by how much?"), of the last answer."""
    return len(m.words) <= SHORT and bool(set(pairs(m.words)) & engine.matcher.word_lists["magnitude"])
