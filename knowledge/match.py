"""Fuzzy matching of roles, topics and focus words in what people type (rapidfuzz).

Text is normalised, each unknown word is spell-corrected against the words of
aliases.yaml (never words of three letters or fewer), then the longest alias
phrases are matched first. "No match" is a normal result.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from itertools import takewhile

from knowledge import fuzzy
from knowledge.aliases import Aliases
from knowledge.english import is_common, is_word
from knowledge.fuzzy import Choices
from knowledge.models import Record
from knowledge.patterns import Lazy
from knowledge.phrases import starts
from knowledge.salary import share_percentile

__all__ = [
    "AHEAD",
    "Focus",
    "Forms",
    "Match",
    "Matcher",
    "around",
    "forms",
    "normalize",
    "pairs",
    "runs",
    "stem",
]

_SLACK_MARKUP = Lazy(r"<[@#!][^>]*>|<(?:https?|mailto):[^>]*>")
_EMOJI_CODE = Lazy(r":[a-z0-9_+'-]+:")
_APOSTROPHE_S = Lazy(r"['’]s\b")
_ARTIFICIAL = Lazy(r"\bartificial intelligence\b")
_GO_LANGUAGE = Lazy(
    r"\b(about|and|need|needs|learn|learning|know|knows|knowing|use|uses|using|with|or|in|require|requires|"
    r"required|mention|mentions|value|values|want|wants|python|java|rust|list|lists|listed|name|names|"
    r"include|includes|including|expect|expects),? go"
    r"(?=\s*(?:[?,.!]|$|\bor\b|\band\b|\bas an? (?:programming )?lang))"  # "want Go as a programming lang"
    # "is Go used ...?", "a Go dev": the language
    r"|\b(is|a|as|the) go(?= (?:used|dev|devs|developer|developers|engineer|programmer|code|skills?)\b)"
)
_GO_CAPITAL = Lazy(r"\bGo\b(?!-)")


def _go_named(found: re.Match) -> str:
    """ "Go" where a sentence does not start: the language ("golang"); else the word as written."""
    before = found.string[: found.start()].rstrip()
    said = not before or before[-1] in '.!?\n:;"' or before.lower().endswith(("let's", "lets", "let’s"))
    return "Go" if said else "golang"  # "Let's Go!": the verb


_QUALIFIER = Lazy(r"\((?:ml|ai|ai/ml|ml/ai|machine learning)\)(?=\s|$|[?.,!s])")
_SLASH_OR = Lazy(r"\s+/\s+|(?<=[a-z]{4})/(?=[a-z]{4})")
_NON_WORD = Lazy(r"[^\w?]+|_")
_AMPERSAND = Lazy(r"\b([a-z])\s?&\s?([a-z])\b", re.I)
_AB = Lazy(r"\ba ?/ ?b\b|\ba-b\b")  # "a/b tests": one word, not the letters a and b
_MONEY_SIGNS = Lazy(r"\${2,}(?![\d,.])")  # "k and $$$?": the money, not an amount
_GLUED_YEARS = Lazy(r"\b(\d{1,2})(yrs?|years?|yoe)\b")  # "5yrs", "10yoe": a number of years
# Normalised text: "5-7 years" arrives as "5 7 years", "7+ years" as "7 years".
AHEAD = frozenset({"after", "in", "within", "next", "coming", "upcoming"})  # "the next 10 years": ahead
# ... not the length of a thing ("a 4 year degree", "4 year vest", "1 year cliff", "my 3 year old")
_YEARS = Lazy(
    r"\b(\d{1,2})(?:\s+(?:to\s+)?\d{1,2})?\s+(?:years?|yrs?|yoe)\b(?!\s+(?:degree|degrees|vest|vesting|cliff|"
    r"contract|contracts|lease|program|programme|course|courses|bachelors?|olds?|plan|warranty)\b)"
)
_DIGIT = Lazy(r"\d")
_PERCENTILE_SHORT = Lazy(r"\s?(?:\bpctiles?|\bpctls?|\bptiles?|%iles?)\b")  # "90th pctile", "75th %ile"
_PERCENTILE = Lazy(r"\b(\d{2})(?:st|nd|rd|th)?\s+percentiles?\b")
# "the 25th vs 75th percentile", "25th and 75th percentiles": each number before the word
_PCT_JOIN = r"\d{2}(?:st|nd|rd|th)?\s+(?:vs|versus|and|or|to)\s+"
_PERCENTILES = Lazy(
    rf"\b(\d{{2}})(?:st|nd|rd|th)?\s+(?:vs|versus|and|or|to)\s+(?=(?:{_PCT_JOIN})*\d{{2}}(?:st|nd|rd|th)?\s+percentiles?\b)"
)
_QUARTER = Lazy(r"\b(bottom|lowest|lower|top|upper|highest) (?:quarter|quartile)\b")
# "top 10%", "bottom 25 percent": a share of the market is a percentile (the "%" is gone from tokens)
_SHARE = Lazy(r"\b(top|upper|highest|bottom|lowest|lower) (\d{1,2})(?: percent| pct)?(?= |$)")
_QUARTERS = {w: "25th Percentile" for w in ("bottom", "lowest", "lower")} | {
    w: "75th Percentile" for w in ("top", "upper", "highest")
}
# a pay figure the person quotes: "500k", "$150,000" (read as "150 000"), "180 k"
_AMOUNT = Lazy(r"(?<![\d.])(\d{2,3})\s?k\b|(?<![\d.])(\d{2,3}) 000\b")
_AMOUNTS = (20_000, 2_000_000)  # outside: not a salary
_AMOUNT_WORD = Lazy(r"\d{2,3}k|k")
_TOLD = 4  # explaining to people names the soft skills outright
_DOING = 4  # a thing done that the job requires names its duties outright
_TAKEN = 4  # AI taking the jobs over names the trends, as "ai replace" does
_TAKEN_REACH = 6  # words from "take" to "jobs" ("take the production ai engineer's job")
_TAKER_REACH = 3  # words from "will" to "take" ("will robots take", "will copilot tools take")
# words between a verb of serving and the role it serves ("teaching data scientists and MLEs")
_SERVED_REACH = 4
_SURE_TOPIC = 3  # a topic phrase this strong is asked beside what the question sets aside
_ASIDE_REACH = 4  # words a question sets aside after "besides" or before "aside"
_TOLD_REACH = 6  # words between "explain" and "to <people>"
_YEAR = Lazy(r"(?:19|20)\d\d")  # "by 2030": a number worth searching for
# "23%" (not "top 10%", a percentile, nor "100% accurate", a manner of speaking): a figure to find
_SHARE_SAID = Lazy(r"(?i)(\b(?:top|bottom|lowest|highest|upper|lower)\s+)?(?<![\d.])([1-9]\d?)\s?%")
# the work, skills and ways of a role: no document gives them a year ("what tools ... in 2024?")
_TIMELESS = frozenset(
    ("requirements", "responsibilities", "overview", "soft-skills", "best-practices", "challenges")
)


def _now(tokens: list[str], i: int, topic: str | None) -> bool:
    """Whether the year at i is when the question is asked ("what tools should they know in 2024?"),
    not a subject: said after "in" or "for" of a topic no document dates."""
    return topic in _TIMELESS and i > 0 and tokens[i - 1] in ("in", "for")


_MAX_WORDS = 60
_MAX_CORRECTED = 24
_MAX_PHRASE = 5
_NOT = {"not"}  # before a level: any level but that one ("not junior")
_ROLE_TAIL = {"ai", "ml", "engineer", "engineering", "eng", "engineers"}
_ENGINEER = {"engineer", "engineering", "eng", "engs", "engineers"}
_ROLE_TYPO = 85  # an everyday word this close to a word of a role name or level is that word ("mops")
_KEPT = 4096  # spelling fixes and look-alikes kept per word (a bound: hostile text cannot grow it)


_LINKS = frozenset({"for", "the", "a", "an", "in", "to", "as"})  # between "or" and a role name
_SHORT_PLURALS = {"engs": "eng", "devs": "dev"}  # "prod ai engs": too short for the rule


def stem(word: str) -> str:
    """A plural's singular, for matching ("engineers" -> "engineer"; "ops", "class" kept)."""
    if len(word) > 4 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return _SHORT_PLURALS.get(word, word)


def _with_stems(words: Iterable[str]) -> frozenset[str]:
    """The words and their stems: a list read against tokens, which are stemmed ("folks" -> "folk")."""
    return frozenset(w for said in words for w in (said, stem(said)))


def pairs(words: tuple[str, ...] | list[str]) -> list[str]:
    """The text's two-word phrases, in order ("work in", "in ai")."""
    return [" ".join(words[i : i + 2]) for i in range(len(words) - 1)]


def around(words: tuple[str, ...] | list[str], end: str = "") -> list[tuple[str, str, str]]:
    """Each word with the word before and after it ("" before the first, `end` after the last);
    [] for no words."""
    return list(zip(["", *words[:-1]], words, [*words[1:], end], strict=False))


def runs(words: tuple[str, ...] | list[str], longest: int = 3) -> set[str]:
    """The text's words and its phrases of up to `longest` words ("make it to")."""
    return {" ".join(words[i : i + n]) for n in range(1, longest + 1) for i in range(len(words) - n + 1)}


def normalize(text: str) -> list[str]:
    """Lowercase words of text, Slack markup, emoji and punctuation removed."""
    text = text[:4000]
    if "&" in text:  # Slack escapes &, < and > (html.entities costs a cold start ~1.5 ms)
        import html

        text = html.unescape(text)
        text = _AMPERSAND.sub(r"\1n\2", text)  # "R&D", "Q&A", "P&L": "rnd", "qna", "pnl", as typed too
    if "<" in text:  # each pattern needs its character: most text skips them
        text = _SLACK_MARKUP.sub(" ", text)
    # "Would Go be useful ...?", "(Go, 5 yrs)": capitalised past a sentence's start, the language
    if "Go" in text:
        text = _GO_CAPITAL.sub(_go_named, text)
    text = text.lower()
    if ":" in text:
        text = _EMOJI_CODE.sub(" ", text)
    if "'" in text or "’" in text:
        text = _APOSTROPHE_S.sub("", text).replace("'", "").replace("’", "")
    if "artificial" in text:  # "Computer Science or Artificial Intelligence?": AI, the field's name
        text = _ARTIFICIAL.sub("ai", text)
    if "go" in text:  # "what about go?", "do i need go": the language, not the verb
        text = _GO_LANGUAGE.sub(lambda g: f"{g.group(1) or g.group(2)} golang", text)
    if "(" in text:  # "platform eng (ML)": a qualifier of the name before it, not a second role
        text = _QUALIFIER.sub(" ", text)
    if ">" in text or "→" in text:  # "data analyst -> ml engineer": from one to the other
        text = text.replace("->", " to ").replace("=>", " to ").replace("→", " to ")
    if "/" in text or "a-b" in text:  # "a/b", "a / b", "a-b"
        text = _AB.sub("ab", text)
    if "/" in text:  # "platform eng / mlops", "devops/mlops": either; "ai/ml", "ci/cd" stay one name
        text = _SLASH_OR.sub(" or ", text)
    if "y" in text:
        text = _GLUED_YEARS.sub(r"\1 \2", text)
    if "$$" in text:
        text = _MONEY_SIGNS.sub(" money ", text)
    if "tile" in text or "pctl" in text or "%ile" in text:  # "90th pctile", "75th %ile": the percentile
        text = _PERCENTILE_SHORT.sub(" percentile", text)
    text = text.replace("?", " ? ")
    return _NON_WORD.sub(" ", text).split()[:_MAX_WORDS]


def _masked(tokens: list[str], marks: list[str | None]) -> tuple[str, ...]:
    """Tokens with each role name, place or company one placeholder, and numbers as `_num_`."""
    out: list[str] = []
    for token, mark in zip(tokens, marks, strict=True):
        word = mark or ("_num_" if token.isdigit() else token)
        if not (mark and out and out[-1] == mark):
            out.append(word)
    return tuple(out)


def _amount(joined: str) -> int | None:
    """The first salary-sized figure quoted in the (normalised) text, in dollars."""
    for m in _AMOUNT.finditer(joined):
        if m.group(1) == "401":  # a 401(k) retirement plan, not pay
            continue
        value = int(m.group(1) or m.group(2)) * 1000
        if _AMOUNTS[0] <= value <= _AMOUNTS[1]:
            return value
    return None


class Focus(Record):
    """What a salary question narrows to. Any value of a field may match; every field must."""

    levels: tuple[str, ...] = ()
    locations: tuple[str, ...] = ()
    companies: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    years: int | None = None
    percentiles: tuple[str, ...] = ()  # "25th vs 75th percentile": each asked
    amount: int | None = None  # a figure the person quotes ("can I make 500k?")

    def __bool__(self) -> bool:  # words() is not empty (without building it: asked on every query)
        return bool(
            self.levels
            or self.locations
            or self.companies
            or self.kinds
            or self.years is not None
            or self.percentiles
            or self.amount
        )

    def pointed(self) -> bool:
        """A place, company, percentile or amount: what a figure is looked up by, beyond a level or kind."""
        return bool(self.locations or self.companies or self.percentiles or self.amount)

    def words(self) -> tuple[str, ...]:
        """The focus as short words, for display and canonical queries."""
        years = (f"{self.years} years",) if self.years is not None else ()
        pct = self.percentiles
        amount = (f"about ${self.amount:,}",) if self.amount else ()
        return (*self.levels, *self.locations, *self.companies, *self.kinds, *years, *pct, *amount)


_NO_FOCUS = Focus()


class Match(Record):
    """What a query names: roles, ambiguous names, topic, focus, and intent words."""

    tokens: tuple[str, ...]
    roles: tuple[str, ...] = ()
    ambiguous: tuple[tuple[str, tuple[str, ...]], ...] = ()
    topic: str | None = None
    topic_scores: dict[str, int]  # topic id -> weight of the words that named it
    topic_top: dict[str, int] = {}  # topic id -> the weight of its strongest single phrase
    focus: Focus = Focus()
    compare_strong: bool = False
    compare_weak: bool = False
    roles_word: bool = False
    list_word: bool = False
    help_word: bool = False
    unknown: tuple[str, ...] = ()
    subject: tuple[str, ...] = ()  # what the question is about, beyond role, topic and focus
    topic_words: tuple[str, ...] = ()  # the words that named the topic
    focus_words: tuple[str, ...] = ()  # the words that named the focus
    percent: bool = False  # the text holds "%"
    weak_roles: tuple[str, ...] = ()  # roles named only by everyday words ("ml", "production")
    words: tuple[str, ...] = ()  # the words as typed (normalised, not corrected or stemmed)
    fixed: tuple[str, ...] = ()  # the words with their spelling fixed ("site reliablity" -> "reliability")
    masked: tuple[str, ...] = ()  # tokens with role names, places, companies and numbers as placeholders
    command: bool = False  # typed as the /role command
    context: tuple[str, ...] = ()  # subject words of the sentences around the question (long messages)
    replaced: bool = False  # AI taking the role over is said ("will AI replace us?", "take our jobs")


def _object_role(tokens: list[str], marks: list, at: int, determiners: frozenset[str]) -> bool:
    """Whether a role is named right after `at` ("makes [the] ML engineers ..."): the verb's object."""
    while at < len(tokens) and tokens[at] in determiners and marks[at] is None:
        at += 1
    return at < len(marks) and marks[at] == "_role_"


def _set_aside(
    tokens: list[str], openers: frozenset[str], marks: frozenset[str], stops: frozenset[str]
) -> set[int]:
    """The token positions a question sets aside: after `openers` ("besides", "beyond", "other than") and
    before `marks` ("tech skills aside, what makes someone good at mlops people-wise?"), up to a question
    word (`stops`)."""
    out: set[int] = set()
    for i, t in enumerate(tokens):
        two = " ".join(tokens[i : i + 2])
        if two in openers or t in openers:
            ahead = range(i + (2 if two in openers else 1), min(len(tokens), i + 1 + _ASIDE_REACH))
            out.update(takewhile(lambda j: tokens[j] not in stops, ahead))
        elif t in marks and i + 1 < len(tokens) and tokens[i + 1] != "from":
            behind = range(i - 1, max(-1, i - 1 - _ASIDE_REACH), -1)
            out.update(takewhile(lambda j: tokens[j] not in stops, behind))
    return out


def _told_to(words: list[str], lists: dict[str, frozenset[str]]) -> bool:
    """Whether something is explained to people ("explain that to the marketing team", "explaining
    drift to non tech folks"), not asked to be explained ("explain it to me", "explain how to deploy")."""
    if lists["telling"].isdisjoint(words):  # most questions
        return False
    for i, w in enumerate(words):
        if w not in lists["telling"]:
            continue
        ahead = words[i + 1 : i + 2 + _TOLD_REACH]
        for j, a in enumerate(ahead):
            after = ahead[j + 1 : j + 4]  # "to plant floor managers"
            if a == "to" and after and (after[0] in lists["determiners"] or set(after) & lists["audiences"]):
                return True
    return False


def _required_doing(words: list[str], lists: dict[str, frozenset[str]]) -> bool:
    """Whether what the job requires is a thing done ("does it require creating models?", "require
    talking to customers"), not a skill or schooling ("require programming", "require a degree")."""
    return not lists["requiring"].isdisjoint(words) and any(
        w in lists["requiring"] and nxt.endswith("ing") and len(nxt) > 5 and nxt not in lists["skill_gerunds"]
        for w, nxt in zip(words, words[1:], strict=False)
    )


def _taken_over(words: Sequence[str], lists: Mapping[str, frozenset[str]]) -> bool:
    """Whether something is said to take people's jobs ("will robots take the production AI
    engineer's job?", "tools will take our jobs"), not a person taking one ("should I take the job?")."""
    taking = lists["taking"]
    for i, w in enumerate(words):
        if w not in taking:
            continue
        before = words[max(0, i - _TAKER_REACH) : i]
        if lists["takers"].isdisjoint(before) or {"i", "we"} & set(before):
            continue  # "am i going to take the job?": a person taking one
        ahead = words[i + 1 : i + 1 + _TAKEN_REACH]
        if ahead and ahead[0] in lists["whose"] and ({"job", "jobs"} & set(ahead)):
            return True
    return False


def _within(tokens: list[str], others: frozenset[str], kinds: frozenset[str]) -> bool:
    """Whether some people are set beside the others of their own kind ("why do some ML engineers earn
    more than others?", "a great ml engineer vs a good one"), not a role beside the other roles."""
    said = f" {' '.join(tokens)} "
    if " some " in said and any(f" than {p} " in said for p in others):
        return True
    for i, t in enumerate(tokens[:-3]):
        if t in ("vs", "versus", "than") and tokens[i + 1] in ("a", "an", "the") and tokens[i + 2] in kinds:
            if tokens[i + 3] in ("one", "ones"):
                return True
    return False


_TOLD_WORK = 25  # words: a message this long may tell one's work, the role named in it the people served


def _served(words: list[str], at: int, serving: frozenset[str]) -> bool:
    """Whether the role named at `at` is who a verb of serving serves ("teaching data scientists and
    ML engineers", "mentor the MLEs"), a few words back within the sentence."""
    for w in reversed(words[max(0, at - _SERVED_REACH) : at]):
        if w in serving:
            return True
        if w == "?":  # the one sentence mark `normalize` keeps
            return False
    return False


# The alias phrases whose normalised words differ from the phrase ("soft-skills" -> "soft skills"),
# and those whose key (the words stemmed) differs from their words ("salaries" -> "salary"):
# what `Matcher` reads the alias tables as, made once at build time (`forms`). A phrase in
# neither is its own words and key.
Forms = tuple[dict[str, str], dict[str, str]]


def forms(aliases: Aliases) -> Forms:
    """Every alias phrase's words and key that are not the phrase itself, as a Matcher reads them."""
    said: dict[str, str] = {}
    keys: dict[str, str] = {}
    Matcher(aliases, record=(said, keys))
    return {p: w for p, w in said.items() if w != p}, {p: k for p, k in keys.items() if k != said[p]}


class Matcher:
    """Matches queries against the alias data; build once, call `match` per query."""

    def __init__(
        self,
        aliases: Aliases,
        known_words: Iterable[str] = (),
        forms: Forms | None = None,
        record: Forms | None = None,
    ) -> None:
        """`forms`: the alias phrases' words and keys made by the build for these very aliases (a
        cold start saves ~5 ms); without them each phrase is read here (and put in `record`)."""
        self.aliases = aliases
        self._foreign: dict[tuple[str, ...], list[str]] | None = None  # read at the first such question
        if forms is not None:
            said, keys = forms

            def words(phrase: str) -> list[str]:
                return said.get(phrase, phrase).split()

            def key(phrase: str) -> str:
                found = keys.get(phrase)
                return said.get(phrase, phrase) if found is None else found

        else:
            said, keys = record if record is not None else ({}, {})

            def words(phrase: str) -> list[str]:  # a phrase is read up to 4 times below: normalised once
                found = said.get(phrase)
                if found is None:
                    found = said[phrase] = " ".join(normalize(phrase))
                return found.split()

            def key(phrase: str) -> str:
                found = keys.get(phrase)
                if found is None:
                    found = keys[phrase] = " ".join(stem(w) for w in words(phrase))
                return found

        self.role_phrases = {key(p): rid for rid, ps in aliases.role_phrases().items() for p in ps}
        self.ambiguous = {key(p): tuple(c) for p, c in aliases.ambiguous.items()}
        self.topic_phrases: dict[str, list[tuple[str, int]]] = {}
        self.topic_names = frozenset(w for p in aliases.topic_names for w in words(p))
        for tid, synonyms in aliases.topic_phrases().items():
            best: dict[str, int] = {}  # "make" and "makes" are one key: counted once, at the higher weight
            for phrase, weight in synonyms.items():
                best[key(phrase)] = max(weight, best.get(key(phrase), 0))
            for phrase, weight in best.items():
                self.topic_phrases.setdefault(phrase, []).append((tid, weight))
        for phrase in aliases.not_topics:  # "in practice": read as a whole, it names no topic
            self.topic_phrases.setdefault(key(phrase), [])
        self._manner = frozenset(key(p) for p in aliases.not_topics)
        self.focus_phrases = {
            key(p): (dim, value)
            for dim, values in aliases.focus.items()
            for value, phrases in values.items()
            for p in phrases
        }
        joined = {  # "sanfrancisco", "newyork": a place typed as one word (never spell-corrected)
            key(p.replace(" ", "")): (dim, value)
            for dim in ("location", "company")
            for value, phrases in aliases.focus.get(dim, {}).items()
            for p in phrases
            if " " in p and len(p) > 7
        }
        for k, v in joined.items():
            self.focus_phrases.setdefault(k, v)
        self.word_lists = {name: frozenset(ws) for name, ws in aliases.word_lists.items()}
        # what a question sets aside (_set_aside), as tokens are
        self._excluding = frozenset(key(p) for p in self.word_lists["excluding"])
        self._asking = frozenset(key(p) for p in self.word_lists["asking_starts"])
        self._asides = frozenset(p.split()[0] for p in self._excluding) | self.word_lists["aside_marks"]
        self._top_of = frozenset(stem(w) for w in self.word_lists.get("top_of", ()))  # as tokens are
        self._helping = frozenset(stem(w) for w in self.word_lists.get("helping_people", ()))
        self._not_level = frozenset(_NOT) | self.word_lists.get("possessives", frozenset())
        self._paid = self.word_lists.get("paid_words", frozenset()) | self.word_lists.get(
            "pay_asked_words", frozenset()
        )  # a word of pay, or of asking it ("after 5 years how much?")
        for phrase in aliases.not_topics:  # "hiring manager": no level either
            self.focus_phrases.setdefault(key(phrase), (None, None))
        self.intent_words = {
            name: {key(p) for p in getattr(aliases, name)}
            for name in ("compare_strong", "compare_weak", "roles_words", "list_words", "help_words")
        }
        self._role_table = {**self.ambiguous, **self.role_phrases}
        # "thrown over the wall", "burned out": a synonym of several words, kept whole in the subject
        self.kept_phrases = {key(p): p for p in aliases.synonyms if " " in p}  # key -> the phrase as written
        owners: dict[str, set[str]] = {}  # a word of the role names -> the roles it names
        for phrase, rid in self.role_phrases.items():
            for w in phrase.split():
                owners.setdefault(w, set()).add(rid)
        for phrase, rids in self.ambiguous.items():
            for w in phrase.split():
                owners.setdefault(w, set()).update(rids)
        # "systems", "ops", "infra": a word of one role's names only (the role slot of `/role`)
        self.role_words = {w: next(iter(r)) for w, r in owners.items() if len(r) == 1}
        self._starts_of: dict[int, dict[str, frozenset[int]]] = {}
        self.stopwords = _with_stems(aliases.stopwords)
        self.thanks_words = frozenset(" ".join(words(p)) for p in aliases.thanks_words)
        self.beyond = frozenset(" ".join(words(p)) for p in aliases.beyond)
        self.across_words = frozenset(aliases.across_words)
        self.thread_across = _with_stems(aliases.thread_across)
        self.beyond_firsts = frozenset(p.split()[0] for p in self.beyond if p)
        self.weak_aliases = frozenset(key(p) for p in aliases.weak_aliases)
        self.not_roles = frozenset(key(p) for p in aliases.not_roles)
        raw_phrases = [
            *(p for ps in aliases.role_phrases().values() for p in ps),
            *aliases.ambiguous,
            *(p for ws in aliases.topic_phrases().values() for p in ws),
            *(p for vs in aliases.focus.values() for ps in vs.values() for p in ps),
            *aliases.compare_strong,
            *aliases.compare_weak,
            *aliases.roles_words,
            *aliases.list_words,
            *aliases.help_words,
        ]
        self.vocab = frozenset(w for p in raw_phrases for w in words(p))
        # Typos are fixed towards role and topic words only: focus words must be typed
        # right ('stuff' is not 'staff').
        targets = [
            *(p for ps in aliases.role_phrases().values() for p in ps),
            *aliases.ambiguous,
            *(p for ws in aliases.topic_phrases().values() for p in ws),
            *(p for ps in aliases.focus.get("location", {}).values() for p in ps),  # "seatle", "new yrok"
            *(k for k in joined if len(k) > 9),  # "sanfransisco": a place typed as one word, misspelt
            *(p for ps in aliases.focus.get("company", {}).values() for p in ps if len(p) > 4),  # "gogle"
            # "senoir", not "staff"
            *(p for ps in aliases.focus.get("level", {}).values() for p in ps if len(p) > 5),
            "percentile",  # "90th percentil"
            "percentiles",
            # "site reliablity engineer": a title none of the five, misspelt (not "quanto" as "quant")
            *(w for t in aliases.other_titles for w in t.split() if len(w) > 5),
        ]
        short = frozenset(aliases.word_lists.get("short_forms", ()))  # "plat": no fix for "plant"

        def fixes_to(phrases: Iterable[str]) -> list[str]:  # the words a typo may be fixed to
            return sorted(
                {w for p in phrases for w in words(p) if len(w) >= 4 and w.isalpha() and w not in short}
            )

        self.fuzzy_vocab = fixes_to(targets)
        names = (
            *(p for ps in aliases.role_phrases().values() for p in ps),
            *aliases.ambiguous,
            *(p for ps in aliases.focus.get("level", {}).values() for p in ps if len(p) > 5),  # "senor"
        )
        self.role_vocab = fixes_to(names)
        self.intent_tokens = frozenset(w for ws in self.intent_words.values() for p in ws for w in p.split())
        self._intent_firsts = frozenset(
            p.split()[0] for ws in self.intent_words.values() for p in ws if " " in p
        )
        self.known = (
            self.vocab | self.stopwords | frozenset(w.lower() for w in known_words) | frozenset(joined)
        )
        self._fuzzy: Choices | None = None  # made on the first word to correct
        self._roles: Choices | None = None
        self._phrases: Choices | None = None
        self._fixed: dict[str, str] = {}
        self._alike: dict[str, list[str]] = {}

    @staticmethod
    def key(phrase: str) -> str:
        """A phrase as the tables hold it: normalised words, plurals made singular."""
        return " ".join(stem(w) for w in normalize(phrase))

    # words -----------------------------------------------------------------
    def correct(self, word: str) -> str:
        """The vocabulary form of one word: itself, its singular, or its spelling fix."""
        if word in self.vocab:
            return word
        if word.endswith("s") and word[:-1] in self.vocab:
            return word[:-1]
        if word in self.known or len(word) < 4 or not word.isalpha():
            return word
        if word.endswith("s") and word[:-1] in self.word_lists["acronyms"]:  # "SREs" is no "stress"
            return word
        found = self._fixed.get(word)
        if found is None:
            found = self._fix(word)
            if len(self._fixed) < _KEPT:
                self._fixed[word] = found
        return found

    def _fix(self, word: str) -> str:
        # an everyday word, or its plural ("refreshers" is no "freshers"), is no typo ("dead" is not
        # "demand"), unless it is
        if is_word(word) or (word.endswith("s") and is_word(word[:-1])):
            if self._roles is None:  # a role's name all but one letter ("mops salary")
                self._roles = Choices(self.role_vocab)
            best = fuzzy.best(word, self._roles, _ROLE_TYPO)
            if not best or abs(len(best) - len(word)) > 1:  # not "internal" for "intern"
                return word
            # nor "make" for "maker", "side" for "slide", "tech" for "teach": a word for another word,
            # unless one people write for ours ("principle engineer"), or its plural ("top earner")
            misspelt = word in self.word_lists["misspelt_words"] or best == f"{word}s"
            return best if misspelt or not is_common(best) else word
        if self._fuzzy is None:
            self._fuzzy = Choices(self.fuzzy_vocab)
        best = fuzzy.best(word, self._fuzzy, 75 if len(word) == 4 else 80)
        if best is None and len(word) > 5 and word.endswith("s"):  # "senoirs": the singular's fix
            best = fuzzy.best(word[:-1], self._fuzzy, 80)
        if best is None or (len(word) == 4 and best[0] != word[0]):
            return word
        return best

    # phrases ---------------------------------------------------------------
    def _starts(self, table: dict) -> dict[str, tuple[int, ...]]:
        """first word -> the lengths (ascending, up to 5) of the table's phrases that start with it."""
        found = self._starts_of.get(id(table))
        if found is None:
            found = self._starts_of[id(table)] = starts(table, _MAX_PHRASE)
        return found

    def _in_english(self, raw: list[str]) -> list[str]:
        """The words of a question in another language that name roles and topics, in English
        (aliases.yaml `foreign`, longest phrase first); its other words as typed."""
        table = self._foreign
        if table is None:
            table = self._foreign = {
                tuple(normalize(k)): normalize(v) for k, v in self.aliases.foreign.items()
            }
        longest = max(map(len, table), default=0)
        out: list[str] = []
        i = 0
        while i < len(raw):
            n = next(
                (n for n in range(min(longest, len(raw) - i), 0, -1) if tuple(raw[i : i + n]) in table), 0
            )
            out += table[tuple(raw[i : i + n])] if n else [raw[i]]
            i += n or 1
        return out[:_MAX_WORDS]

    def _spans(
        self, tokens: list[str], table: dict, used: list[bool], weighed: bool = False
    ) -> list[tuple[int, int, str]]:
        """Longest-first, non-overlapping (start, end, phrase) found in `table`; `weighed`: of two
        as long, the one of higher weight first ("good career ladder": the ladder), else leftmost."""
        starts, size = self._starts(table), len(tokens)
        tries = [(-n, i) for i, t in enumerate(tokens) if t in starts for n in starts[t] if i + n <= size]
        if not tries:
            return []
        if weighed:  # the phrases the table holds, each with its best weight
            said = ((neg, i, tokens[i] if neg == -1 else " ".join(tokens[i : i - neg])) for neg, i in tries)
            ranked = sorted(
                (neg, -max(w for _, w in table[p]) if table[p] else 0, i, p)
                for neg, i, p in said
                if p in table
            )
            return self._claimed(((neg, i, p) for neg, _, i, p in ranked), used)
        tries.sort()
        found = []
        for neg, i in tries:  # longest first, then leftmost
            end = i - neg
            if True in used[i:end]:
                continue
            phrase = tokens[i] if neg == -1 else " ".join(tokens[i:end])
            if phrase in table:
                found.append((i, end, phrase))
                used[i:end] = [True] * -neg
        return sorted(found)

    @staticmethod
    def _claimed(ranked, used: list[bool]) -> list[tuple[int, int, str]]:
        """(start, end, phrase) of the phrases, in rank order, that claim words no phrase before took."""
        found = []
        for neg, i, phrase in ranked:
            end = i - neg
            if True not in used[i:end]:
                found.append((i, end, phrase))
                used[i:end] = [True] * -neg
        return sorted(found)

    def _role_spans(self, tokens: list[str], used: list[bool]) -> list[tuple[int, int, str]]:
        """Role names covering the most words, then in the fewest phrases (max coverage)."""
        table = self._role_table
        starts = self._starts(table)
        if starts.keys().isdisjoint(tokens):  # no role named
            return []
        n = len(tokens)
        best: list[tuple[int, int, list]] = [(0, 0, [])] * (n + 1)  # (covered, -spans, spans)
        for i in range(n - 1, -1, -1):
            best[i] = best[i + 1]
            for size in starts.get(tokens[i], ()):
                if size > n - i:
                    break
                phrase = " ".join(tokens[i : i + size])
                if phrase in table:
                    covered, neg, spans = best[i + size]
                    option = (covered + size, neg - 1, [(i, i + size, phrase), *spans])
                    if option[:2] > best[i][:2]:
                        best[i] = option
        for start, end, _ in best[0][2]:
            for j in range(start, end):
                used[j] = True
        return best[0][2]

    def _grams(self, tokens: list[str]) -> set[str]:
        """The text's words, and its phrases of two or three words that start an intent phrase."""
        firsts, size = self._intent_firsts, len(tokens)
        grams = set(tokens)
        for i, t in enumerate(tokens):
            if t in firsts:
                grams.update(" ".join(tokens[i : i + n]) for n in (2, 3) if i + n <= size)
        return grams

    def match(self, text: str) -> Match:
        """Everything the text names."""
        raw = normalize(text)
        if not text.isascii() and self.aliases.foreign:  # "¿Cuáles son las habilidades ...?"
            raw = self._in_english(raw)
        # spelling is fixed in the first words only: a long message's tail is kept as typed
        corrected = [*map(self.correct, raw[:_MAX_CORRECTED]), *raw[_MAX_CORRECTED:]]
        tokens = list(map(stem, corrected))
        used = [False] * len(tokens)
        roles: list[str] = []
        ambiguous: list[tuple[str, tuple[str, ...]]] = []
        weak: dict[str, bool] = {}  # role -> named only by weak aliases ("ml", "production")
        marks: list[str | None] = [None] * len(tokens)
        spans: dict[str, list[tuple[int, int]]] = {}  # role -> where it was named
        found = self._role_spans(tokens, used)
        said: list[tuple[str, int, int]] = []  # (role, start, end) of an everyday role word ("platforms")
        for start, end, phrase in found:
            around = {" ".join(tokens[max(0, start - 1) : end]), " ".join(tokens[start : end + 1])}
            named = end < len(tokens) and tokens[end] in _ROLE_TAIL  # "into production ai engineering"
            studied = (  # "PhDs in AI/ML ... for MLOps roles": the field studied, when a role is named too
                start >= 2
                and tokens[start - 1] in ("in", "of")
                and tokens[start - 2] in self.word_lists["studied"]
                and any(p not in self.weak_aliases for _, _, p in found)
            )
            thing = (  # "when an AI system misbehaves": the system, not its engineer ("an AI systems role")
                start > 0
                and tokens[start - 1] in self.word_lists["determiners"]
                and " ".join(corrected[start:end]) in self.word_lists["things"]
                and not (
                    end < len(tokens)
                    and tokens[end] in self.word_lists["holder"] | self.word_lists["group_nouns"]
                )
            )
            if (phrase in self.weak_aliases and (around & self.not_roles or studied) or thing) and not named:
                for j in range(start, end):  # "drift in production": a word there, not a role
                    used[j] = False
                continue
            marks[start:end] = ["_role_"] * (end - start)
            if phrase in self.role_phrases:
                rid = self.role_phrases[phrase]
                # "platform eng": an everyday role word with an engineer word after it names the role
                titled = end < len(tokens) and tokens[end] in _ENGINEER
                weak[rid] = weak.get(rid, True) and phrase in self.weak_aliases and not titled
                spans.setdefault(rid, []).append((start, end))
                if phrase in self.weak_aliases and not titled and raw[end - 1] != corrected[end - 1]:
                    said.append((rid, start, end))  # "platforms": the thing, said in the plural
                if rid not in roles:
                    roles.append(rid)
            else:
                ambiguous.append((phrase, self.ambiguous[phrase]))
        strong = [r for r in roles if not weak[r]]
        grams = self._grams(tokens)
        # roles side by side ("vs", "compared", "mlops or platform")
        # "or" beside a role name ("mlops or ml engineer?"), not anywhere ("... ML services? ... or should I")
        asks_compare = bool(grams & self.intent_words["compare_strong"])
        if not asks_compare and "or" in tokens:
            # not "or more ml"; beside a role named outright when there is one ("is AI systems ML, infra,
            # or a fancy SWE title?": "ml" and "infra" are what it might be, no roles compared)
            named = [ps for rid, ps in spans.items() if rid in strong] or list(spans.values())
            beside = {j for ps in named for a, b in ps for j in (a - 1, b)}
            # "for platform or for mlops": across a linking word
            beside |= {a - 2 for ps in named for a, _ in ps if a > 1 and tokens[a - 1] in _LINKS}
            asks_compare = any(t == "or" and i in beside for i, t in enumerate(tokens))
        # "which of MLOps, platform and production AI engineer pays best?": the roles listed after "which of"
        firsts = {a for ps in spans.values() for a, _ in ps}
        listed = len(roles) > 2 and any(a > 1 and tokens[a - 2 : a] == ["which", "of"] for a in firsts)
        asks_compare = asks_compare or listed
        if len(roles) > 1 and strong and not asks_compare:
            # "switching to mlops, what ml stuff am i missing": "ml" is a word there, not a role
            for rid in roles:
                for start, end in spans.get(rid, ()) if rid not in strong else ():
                    used[start:end] = [False] * (end - start)  # a word of the subject again
                    marks[start:end] = [None] * (end - start)
            roles = strong
        for rid, start, end in said if strong else ():
            if rid in strong:  # "what platforms do ml platform engineers build": the role is named
                used[start:end] = [False] * (end - start)  # outright; "platforms" is what is asked
                marks[start:end] = [None] * (end - start)
        # "... I also mentor ML engineers on tooling.": the one role named, in a long account of one's work
        told_work = len(roles) == 1 and len(tokens) >= _TOLD_WORK
        if len(roles) > 1 and not asks_compare or told_work:
            # "is mentoring DS/MLEs on tooling expected of platform engineers?": the people the work is for;
            # in a long account of one's work, the only role named may be them too
            # ... there, taught only (not "help", nor "model serving")
            serving = self.word_lists["serving" if len(roles) > 1 else "teaching"]
            served = {r for r in roles if all(_served(corrected, a, serving) for a, _ in spans.get(r, ()))}
            if served and (len(served) < len(roles) or told_work):
                roles = [r for r in roles if r not in served]
        if len(roles) > 1 and not asks_compare:
            # "do ML engineers earn a premium? (platform engineer doc)", "asking for the ml platform track":
            # the role whose document is asked; the other is what it says something about
            sources = self.word_lists["source_words"]
            told = [r for r in roles if any(set(raw[b : b + 2]) & sources for _, b in spans.get(r, ()))]
            if len(told) == 1:
                for rid in roles:
                    for start, end in spans.get(rid, ()) if rid not in told else ():
                        used[start:end] = [False] * (end - start)  # a word of the subject again
                        marks[start:end] = [None] * (end - start)
                roles = told
        role_used = used[:]
        aside = (
            _set_aside(tokens, self._excluding, self.word_lists["aside_marks"], self._asking)
            if self._asides.intersection(tokens)
            else set()
        )
        percent = "%" in text[:4000] or "percent" in tokens
        focus, focus_used = self._focus(tokens, used, marks, percent)
        if aside and focus.levels:  # "besides the manager track, what other directions ...?": the
            # levels read again without what is set aside (its marks and words stay as read)
            unset = [u or i in aside for i, u in enumerate(role_used)]
            kept, _ = self._focus(tokens, unset, marks[:], percent)
            focus = focus.model_copy(update={"levels": kept.levels})
        topic_used = used[:]
        scores: dict[str, int] = {}
        top: dict[str, int] = {}
        causing = self.word_lists["causing"]
        set_aside: list[tuple[str, int]] = []
        said_how: set[int] = set()  # words of a phrase that names no topic ("as an engineering manager")
        for start, end, phrase in self._spans(tokens, self.topic_phrases, topic_used, weighed=True):
            if not self.topic_phrases[phrase]:  # "in practice": one token for the model too
                marks[start:end] = ["_".join(tokens[start:end])] * (end - start)
                said_how.update(range(start, end))
            if phrase in causing and _object_role(tokens, marks, end, self.word_lists["determiners"]):
                continue  # "genai makes ai systems engineers obsolete": the verb, no pay
            if aside.issuperset(range(start, end)):  # "besides coding, what personal qualities ...?"
                set_aside += self.topic_phrases[phrase]
                continue
            for tid, weight in self.topic_phrases[phrase]:
                scores[tid] = scores.get(tid, 0) + weight
                top[tid] = max(top.get(tid, 0), weight)
        # "beyond a degree, what do they want?": with no other topic named outright, the one set aside
        sure = max(top.values(), default=0) >= _SURE_TOPIC
        for tid, weight in () if sure else set_aside:
            scores[tid] = scores.get(tid, 0) + weight
            top[tid] = max(top.get(tid, 0), weight)
        if _told_to(corrected, self.word_lists):  # "explain model results to plant managers": communication
            scores["soft-skills"] = scores.get("soft-skills", 0) + _TOLD
            top["soft-skills"] = max(top.get("soft-skills", 0), _TOLD)
        taken = _taken_over(corrected, self.word_lists)
        # "will AI take our jobs?": how AI changes the work; not "... worry it will take their jobs. how
        # should we handle it?", which asks how to cope
        if taken and self.word_lists["coping"].isdisjoint(corrected):
            scores["trends"] = scores.get("trends", 0) + _TAKEN
            top["trends"] = max(top.get("trends", 0), _TAKEN)
        if _required_doing(corrected, self.word_lists):  # "does it require creating models?": the work
            scores["responsibilities"] = scores.get("responsibilities", 0) + _DOING
            top["responsibilities"] = max(top.get("responsibilities", 0), _DOING)
        floor = 1 if roles else 2  # with no role named, "do" alone is no topic
        topic = max(scores, key=lambda t: scores[t]) if scores and max(scores.values()) >= floor else None
        hit = {name: bool(words & grams) for name, words in self.intent_words.items()}
        if hit["compare_strong"] and _within(
            tokens, self.word_lists["the_others"], self.word_lists["of_a_kind"]
        ):  # "why do some mlops engineers earn more than others?"
            hit["compare_strong"] = False
        # "which roles cite a 23% job growth figure?": a share said is a figure to find (not "top 10%")
        shares = (
            {f.group(2) for f in _SHARE_SAID.finditer(text[:4000]) if not f.group(1)}
            if "%" in text
            else set()
        )
        content = [
            i
            for i, t in enumerate(tokens)
            if t not in self.stopwords
            and t not in self.intent_tokens
            and t != "?"
            and (not t.isdigit() or _YEAR.fullmatch(t) and not _now(tokens, i, topic) or t in shares)
        ]
        unknown, subject, topic_words, focus_words = [], [], [], []
        kept: dict[int, str] = {}  # a phrase the synonyms know, its stopwords and all ("over the wall")
        inside: set[int] = set()  # its other words
        whole: list[str] = []  # ... of stopwords or topic words only ("cant find anyone", "hard to hire")
        for start, end, phrase in self._spans(tokens, self.kept_phrases, focus_used[:]):
            said = [j for j in content if start <= j < end]
            if said and not any(topic_used[start:end]):
                kept[said[0]] = self.kept_phrases[phrase]  # as the synonyms write it ("stuff breaks")
                inside.update(said[1:])
            elif phrase not in self._manner:  # "in plain english": how to say it, no subject
                whole.append(self.kept_phrases[phrase])
                inside.update(j for j in said if not topic_used[j])
        for i in content:
            if focus_used[i]:
                if not role_used[i]:
                    focus_words.append(corrected[i])
            elif topic_used[i]:
                # "besides the technical stuff, what soft skills ...?": what is set aside is no point
                if not role_used[i] and i not in said_how and i not in aside:
                    topic_words.append(corrected[i])
            elif i in inside:
                continue
            elif (
                corrected[i] in self.word_lists["how_much_words"]
                and i + 1 < len(tokens)
                and topic_used[i + 1]
            ):
                continue  # "in high demand": how much of the topic, no subject, no point of it
            else:
                unknown.append(raw[i])
                subject.append(kept.get(i, corrected[i]))
        subject += whole
        return Match(
            tokens=tuple(tokens),
            roles=tuple(roles),
            ambiguous=tuple(ambiguous),
            topic=topic,
            topic_scores=scores,
            topic_top=top,
            focus=focus,
            compare_strong=hit["compare_strong"],
            compare_weak=hit["compare_weak"],
            roles_word=hit["roles_words"],
            list_word=hit["list_words"],
            help_word=hit["help_words"],
            unknown=tuple(unknown),
            subject=tuple(subject),
            topic_words=tuple(topic_words),
            focus_words=tuple(focus_words),
            percent="%" in text[:4000],
            weak_roles=tuple(r for r in roles if weak.get(r)),
            words=tuple(raw),
            fixed=tuple(corrected),
            masked=_masked(tokens, marks),
            replaced=taken or not self.word_lists["replacing"].isdisjoint(raw),
        )

    def _focus(
        self, tokens: list[str], used: list[bool], marks: list, percent: bool = False
    ) -> tuple[Focus, list[bool]]:
        """Focus words; places and companies are consumed so they do not read as topics."""
        seen = used[:]
        values: dict[str, list[str]] = {}
        held = []
        for start, end, phrase in self._spans(tokens, self.focus_phrases, seen):
            dim, value = self.focus_phrases[phrase]
            if dim is None:  # a phrase that names nothing: its words are free again after
                held.append((start, end))
                continue
            # "a regular one, not junior", "my team lead said": no level asked
            if dim == "level" and start and tokens[start - 1] in self._not_level:
                continue
            # "coach the junior people", "mentoring juniors": the people helped, no level asked
            helped = [t for t in tokens[max(0, start - 2) : start] if t not in ("the", "our", "their")]
            if dim == "level" and helped and helped[-1] in self._helping:
                continue
            if value == "top" and end < len(tokens) and tokens[end] in self._top_of:
                continue  # "top paying cities", "top companies": which pay most, not the top of the range
            if value not in values.setdefault(dim, []):
                values[dim].append(value)
            if dim in ("location", "company"):
                marks[start:end] = [f"_{dim}_"] * (end - start)
                for j in range(start, end):
                    used[j] = True
        for start, end in held:
            seen[start:end] = used[start:end]
        joined = " ".join(tokens)
        counted = _DIGIT.search(joined) is not None  # years, percentiles, shares and amounts hold digits
        years = _YEARS.search(joined) if counted else None
        before = joined[: years.start()].split()[-1:] if years else []
        # "where do they end up after 10 years?", "in 5 years": a time ahead, no experience; but "after 5
        # years how much?", "what do they make after 5 years": the pay of that experience
        if before and before[0] in AHEAD and not (before[0] == "after" and self._paid & set(tokens)):
            years = None
        pct = _PERCENTILE.search(joined) if counted else None
        quarter = _QUARTER.search(joined) if not pct and "quart" in joined else None  # "the bottom quarter"
        share = _SHARE.search(joined) if not (pct or quarter) and percent and counted else None  # "top 10%"
        percentiles: tuple[str, ...] = ()
        if pct:
            before = [
                f"{b.group(1)}th Percentile" for b in _PERCENTILES.finditer(joined) if b.end() <= pct.start()
            ]
            percentiles = (*before, f"{pct.group(1)}th Percentile")
        elif quarter and _QUARTERS.get(quarter.group(1)):
            percentiles = (_QUARTERS[quarter.group(1)],)
        if share:
            top = share.group(1) not in ("bottom", "lowest", "lower")
            percentiles = (share_percentile(top, int(share.group(2))),)
        if quarter or share:  # "bottom" and "top" of a quarter name the percentile, not a level
            values["level"] = [lv for lv in values.get("level", []) if lv not in ("entry", "top")]
            if not values["level"]:
                del values["level"]
        amount = _amount(joined) if counted else None
        if amount:  # "500k" is the focus, not a subject the documents lack
            for i, t in enumerate(tokens):
                if _AMOUNT_WORD.fullmatch(t):
                    seen[i] = True
        if not (values or years or percentiles or amount):
            return _NO_FOCUS, seen  # most questions
        kinds = values.get("kind", [])
        if "additional" in kinds and "base" in kinds:  # "bonus on top of base" asks the additional pay
            kinds.remove("base")
        focus = Focus(
            levels=tuple(values.get("level", ())),
            locations=tuple(values.get("location", ())),
            companies=tuple(values.get("company", ())),
            kinds=tuple(kinds),
            years=int(years.group(1)) if years else None,
            percentiles=percentiles,
            amount=amount,
        )
        return focus, seen  # what `used` marks, `seen` marks too

    def suggest(self, words: Iterable[str], limit: int = 3) -> list[str]:
        """Role ids whose names look like any of `words` (for "did you mean")."""
        out: list[str] = []
        for word in words:
            if len(word) < 4:
                continue
            for phrase in self._looks_like(word):
                rid = self.role_phrases[phrase]
                if rid not in out:
                    out.append(rid)
        return out[:limit]

    def _looks_like(self, word: str) -> list[str]:
        """The (at most 3) role phrases most like `word` (WRatio 70 or more), kept per word."""
        found = self._alike.get(word)
        if found is None:
            if self._phrases is None:
                self._phrases = Choices(self.role_phrases)
            found = [p for p, score in fuzzy.top(word, self._phrases, 70, 3) if score >= 70]
            if len(self._alike) < _KEPT:
                self._alike[word] = found
        return found
