"""What a question asks that the documents do not cover, on positive evidence only.

A word the documents do not use is colour ("lowdown on ai systems engineers pls") until it is
shown to be the subject: a job title that is none of the five roles (aliases.yaml
`other_titles`), or a named place, company or technology (`outside`) that a role's document
never mentions. Policy, benefit and hiring-process subjects (`beyond`) are handled by the
planner, which has the search terms.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from handlers.engine import Engine
from knowledge import fuzzy
from knowledge.english import everyday, is_word
from knowledge.fuzzy import Choices
from knowledge.match import Match, normalize
from knowledge.models import Record
from knowledge.patterns import Lazy

__all__ = [
    "closest_role",
    "only_owner",
    "own_closest",
    "Outside",
    "cased",
    "is_place",
    "names_place",
    "origins",
    "other_title",
    "outside",
    "places_said",
    "provider_words",
]

_MAX_N = 6  # words in the longest phrase of a table
_HEADING_TO = 8  # "data analyst (excel, sql, some python) -> ai systems engineer": words to the goal


PLACE_KINDS = ("places", "countries")  # the kinds of named thing that say where


class Outside(Record):
    """A named thing and what kind it is (place, company, tech)."""

    name: str
    kind: str

    def __init__(self, name: str, kind: str) -> None:
        self.__dict__.update(name=name, kind=kind)


@functools.cache
def _tables(engine: Engine) -> tuple[dict[str, str], dict[str, str], frozenset[str]]:
    aliases = engine.matcher.aliases
    titles = {" ".join(normalize(t)): rid for t, rid in aliases.other_titles.items()}
    titles |= {f"{t}s": rid for t, rid in titles.items() if not t.endswith("s")}  # "data analysts"
    things = {" ".join(normalize(w)): kind for kind, ws in aliases.outside.items() for w in ws}
    openers = frozenset(" ".join(normalize(p)) for p in aliases.context_openers)
    return titles, things, openers


@functools.cache
def _written(engine: Engine) -> dict[str, str]:
    """Named things as aliases.yaml writes them ("openai" -> "OpenAI")."""
    return {" ".join(normalize(w)): w for ws in engine.matcher.aliases.outside.values() for w in ws}


def _grams(words: tuple[str, ...], starts: list[int]) -> Iterable[tuple[int, int, str]]:
    """(start, end, phrase) of every n-gram that starts at `starts`, longest first."""
    for n in range(min(_MAX_N, len(words)), 0, -1):
        for i in starts:
            if i + n <= len(words):
                yield i, i + n, " ".join(words[i : i + n])


_FIRSTS: dict[int, frozenset[str]] = {}


def _found(words: tuple[str, ...], table: dict[str, str]) -> list[tuple[int, int, str]]:
    firsts = _FIRSTS.get(id(table))
    if firsts is None:  # the tables live as long as their engine (cached in _tables)
        firsts = _FIRSTS[id(table)] = frozenset(p.split()[0] for p in table)
    starts = [i for i, w in enumerate(words) if w in firsts]  # where a table's phrase can start
    if not starts:  # most questions
        return []
    used = [False] * len(words)
    out = []
    for start, end, phrase in _grams(words, starts):
        if phrase in table and not any(used[start:end]):
            used[start:end] = [True] * (end - start)
            out.append((start, end, phrase))
    return sorted(out)


def _singular(phrase: str) -> str:
    return phrase[:-1] if phrase.endswith("s") and not phrase.endswith("ss") else phrase


def _titles(engine: Engine, m: Match) -> Iterable[tuple[int, int, str, bool]]:
    """(start, end, phrase, the person's own) for each job title that is none of the five.

    A title after "I'm a", "coming from", "as a" ..., or before "who", "that", "experience" ...,
    is where the person comes from ("backend engineers who want to move into ML").
    """
    titles, _, openers = _tables(engine)
    words, lists = m.words, engine.matcher.word_lists
    for start, end, phrase in _found(m.fixed or words, titles):  # "site reliablity engineer": as fixed
        if (
            m.fixed
            and m.fixed[start:end] != words[start:end]
            and not set(phrase.split()) & set(words[start:end])
        ):
            continue  # "actualy" is no "actuary": a title needs a word of it as typed
        at = start
        while at and words[at - 1] in lists["ranks"]:  # "i'm a senior backend engineer"
            at -= 1
        before = {" ".join(words[max(0, at - n) : at]) for n in (1, 2, 3)}
        before |= {" ".join(words[max(0, at - n) : at - 1]) for n in (2, 3)}  # "i'm a"
        differ = bool(
            set(words[max(0, start - 3) : max(0, start - 1)]) & lists["differ"]
        )  # "different from a"
        after = words[end] if end < len(words) else ""
        said_of = after not in lists["background_nouns"] or bool(
            set(words[:start]) & lists["background_owner"]
        )
        # "DevOps engineer with 5 YOE. ...", "SRE at a large e-commerce company, ...", "data analyst here":
        # a message opening with a title so introduces its writer
        opens = at == 0 and after in lists["introducing"]
        own = (before & openers and not differ) or (after in lists["background_after"] and said_of) or opens
        # "data analyst (excel, sql) -> ai systems engineer": where the person goes from
        ahead = words[end : end + _HEADING_TO]
        # ... not "ML or data scientist?"; "web dev (react/node) -> ...": an "or" between no two roles
        weighed = m.compare_strong or (m.compare_weak and len(m.roles) != 1)
        moving = ("to" in ahead or "into" in ahead) and m.roles and not weighed
        yield start, end, phrase, bool(own or moving)


def other_title(engine: Engine, m: Match) -> tuple[str, str] | None:
    """(title, closest role id) when the question asks about a job title that is none of the five;
    not the person's own title, nor one the roles work with ("works closely with product managers")."""
    titles, _, _ = _tables(engine)
    alongside = engine.matcher.word_lists["alongside"]
    lists = engine.matcher.word_lists
    for start, end, phrase, own in _titles(engine, m):
        before = m.words[start - 1] if start else ""
        if own or before in alongside or before.isdigit():  # "... for like 60 data scientists": a team
            continue
        after = m.words[end] if end < len(m.words) else ""
        plural = _singular(phrase) != phrase and _singular(phrase) in titles  # not "devops"
        team = after in ("on", "in") and end + 1 < len(m.words) and m.words[end + 1] in lists["own"]
        doing = plural and after in lists["behaving"]  # "data scientists keep throwing notebooks at me"
        doing = doing or (plural and after in lists["owned"])  # "i turn data scientists notebooks into APIs"
        if (before == "the" and plural) or team or doing:  # "the data scientists (on my team) throw models
            continue  # over the wall": people the person works with, not a title asked about
        if after in lists["field_after"] and phrase.split()[-1] not in lists["person_titles"]:
            continue  # "devops experience": the field, asked for, not a job
        name = _singular(phrase) if _singular(phrase) in titles else phrase
        return cased(engine, name), titles[phrase]
    return _field_judged(engine, m, titles)


def _field_judged(engine: Engine, m: Match, titles: dict[str, str]) -> tuple[str, str] | None:
    """A title said as its field and judged as a job ("is prompt engineering a real job?", "is data
    engineering a good career?"): the title, when it is none of the five."""
    if "engineering" not in m.words:  # most questions
        return None
    words = " ".join(m.words)
    for n in (2, 1):
        for found in _JUDGED_FIELD[n].finditer(words):
            title = f"{found.group(1)} engineer"
            if title in titles and not engine.matcher.match(title).roles:
                return cased(engine, title), titles[title]
    return None


_JUDGED_FIELD = {  # "is prompt engineering a ...", "is data engineering still a ..."
    n: Lazy(rf"\bis ((?:\w+ ){{{n - 1}}}\w+) engineering (?:\w+ )?(?:a|an)\b") for n in (1, 2)
}


def closest_role(engine: Engine, title: str) -> str | None:
    """The role of the five closest to a title that is none of them (aliases.yaml `other_titles`)."""
    return _tables(engine)[0].get(title)


def only_owner(title: str, text: str) -> bool:
    """Whether the title is said only as the owner of something ("the data scientist's pickle file"):
    no job the message goes on about."""
    said = re.findall(rf"\b{re.escape(title)}s?\b(?:['’]s\b)?", text, re.I)
    return bool(said) and all(re.search(r"['’]s$", w) for w in said)


def own_closest(engine: Engine, m: Match) -> tuple[str, ...]:
    """The role closest to the person's own title ("I'm a data scientist ..."), which a thread goes
    on about ("what would i need to learn?"); () when they give none."""
    title = own_title(engine, m)
    role = closest_role(engine, title) if title else None
    return (role,) if role else ()


def own_title(engine: Engine, m: Match) -> str | None:
    """The person's own job title when it is none of the five ("I'm a data scientist ..."), as the
    tables name it."""
    titles, _, _ = _tables(engine)
    for _, _, phrase, own in _titles(engine, m):
        if own:
            return _singular(phrase) if _singular(phrase) in titles else phrase
    return None


_CASED = {"genai": "GenAI", "ios": "iOS"}
_WRITTEN = {
    "h 1b": "H-1B",
    "h1b": "H-1B",
    "non compete": "non-compete",
    "1br": "1BR",
    "2br": "2BR",
}  # as written
_PRONOUNS = frozenset({"it"})  # an acronym that is a pronoun after the first word ("does it take")


def cased(engine: Engine, phrase: str) -> str:
    """A phrase as people write it: "AI trainer", "iOS developer", "PTO" (aliases.yaml `acronyms`)."""
    if phrase in _WRITTEN:  # "h 1b": the visa as it is written
        return _WRITTEN[phrase]
    acronyms = engine.matcher.word_lists["acronyms"]
    return " ".join(_cased_word(w, acronyms, first=i == 0) for i, w in enumerate(phrase.split()))


def _cased_word(word: str, acronyms: frozenset[str], first: bool) -> str:
    """One word as written: an acronym in capitals ("IT support", but "how long does it take"), its
    plural too ("RSUs", "SREs")."""
    if word.endswith("s") and word[:-1] in acronyms and word[:-1] not in _PRONOUNS:
        return f"{_CASED.get(word[:-1], word[:-1].upper())}s"
    if word in acronyms and (first or word not in _PRONOUNS):
        return _CASED.get(word, word.upper())
    return word


def _age(words: tuple[str, ...], lists: dict[str, frozenset[str]]) -> bool:
    """An age given as a number: "I'm 35, is it too late?", "can I learn ML at 30?"."""
    for i, w in enumerate(words[1:], 1):
        if w.isascii() and w.isdigit() and 16 <= int(w) <= 75 and words[i - 1] in lists["age_before"]:
            if words[i - 1] == "am" and (i < 2 or words[i - 2] != "i"):
                continue
            if i + 1 < len(words) and words[i + 1] in lists["not_age_after"]:
                continue
            return True
    return False


def _proper(engine: Engine, place: str) -> str:
    """A place as it is written: "Hong Kong", "UK", "New Zealand", "Rio de Janeiro"."""
    lists = engine.matcher.word_lists
    return " ".join(
        w.upper() if w in lists["acronyms"] else w if i and w in lists["name_particles"] else w.capitalize()
        for i, w in enumerate(place.split())
    )


def _regions(engine: Engine, roles: set[str] | None) -> bool:
    """Whether the documents (of `roles`) speak of world regions ("Europe", "globally")."""
    index = engine.evidence.index
    return any(
        roles is None or index.line(i).role in roles
        for w in engine.matcher.word_lists["regions"]
        for i in index.matching(w)
    )


def names_place(engine: Engine, m: Match) -> bool:
    """Whether the message names a place or country of the `outside` table ("and outside the US?")."""
    things = _tables(engine)[1]
    return any(things[p] in PLACE_KINDS for _, _, p in _found(m.words, things))


def places_said(engine: Engine, m: Match) -> tuple[str, ...]:
    """The places and countries of the `outside` table a message names, as written ("Canada", "New
    Zealand"): where a thread's next question ("what about salary there?") is asked of."""
    things = _tables(engine)[1]
    return tuple(_proper(engine, p) for _, _, p in _found(m.words, things) if things[p] in PLACE_KINDS)


def is_place(engine: Engine, word: str) -> bool:
    """Whether the word names a place or country of the `outside` table ("europe", "brazil")."""
    return _tables(engine)[1].get(word) in PLACE_KINDS


def origins(engine: Engine, m: Match) -> set[str]:
    """Where the person comes from: places ("hello, i am from brazil") and their own job title
    ("backend engineers who want to move into ML"): no subject of the question."""
    words = m.words
    titles = list(_titles(engine, m))
    home = {words[i] for i in _homes(engine, m, titles)}
    return home | {w for start, end, _, own in titles if own for w in words[start:end]}


def _homes(engine: Engine, m: Match, titles: list | None = None) -> set[int]:
    """Where a place is said as where the person is from or works ("i am from brazil", "10 yrs
    sysadmin in brazil"): its position, so "... what do they make in brazil?" still asks."""
    words = m.words
    home = {i for i, w in enumerate(words) if is_place(engine, w) and _from_there(words, i)}
    for _, end, _, own in _titles(engine, m) if titles is None else titles:
        if own and end + 1 < len(words) and words[end] == "in" and is_place(engine, words[end + 1]):
            home.add(end + 1)
    return home


def _from_there(words: tuple[str, ...], start: int) -> bool:
    """A place the person says they come from ("i am from brazil", "im from india")."""
    return (
        start > 1
        and words[start - 1] == "from"
        and bool(set(words[max(0, start - 4) : start - 1]) & {"i", "im", "am"})
    )


def _where_read(words: tuple[str, ...], start: int, end: int, lists: dict[str, frozenset[str]]) -> bool:
    """Whether a company is named as where something was read or said ("twitter hype", "on twitter")."""
    before = words[start - 1] if start else ""
    after = words[end] if end < len(words) else ""
    return before in lists["read_on"] or after in lists["read_said"]


_PLACE_TYPO = 88  # fuzz.ratio of a misspelt place to its name ("berln": Berlin)
_PLACE_LETTERS = 5  # shorter words are too alike to read as a place misspelt
_PLACE_LOOKS = 8  # unknown words looked at
_PLACE_LONGEST = 20  # letters: a longer word is no place's name misspelt


def _misspelt_places(engine: Engine, m: Match, found: list) -> list[tuple[int, int, str]]:
    """(start, end, place) for a word no document or dictionary holds that is a place's name misspelt
    by a letter ("berln"); the places the documents give figures for are read as focus already."""
    taken = {i for start, end, _ in found for i in range(start, end)}
    choices = engine.keep(("place names",), lambda: Choices(_one_word_places(engine)))
    out = []
    # each word once, of the first few unknown ones: a long message of made-up words is not searched whole
    for word in dict.fromkeys(m.unknown[:_PLACE_LOOKS]):
        if not _PLACE_LETTERS <= len(word) <= _PLACE_LONGEST or not word.isalpha() or is_word(word):
            continue
        at = next((i for i, w in enumerate(m.words) if w == word and i not in taken), None)
        if at is None:
            continue
        place = fuzzy.best(word, choices, _PLACE_TYPO)
        if place:
            out.append((at, at + 1, place))
    return out


def _one_word_places(engine: Engine) -> list[str]:
    return [
        w
        for w in (" ".join(normalize(p)) for p in engine.matcher.aliases.outside.get("places", ()))
        if " " not in w
    ]


def provider_words(engine: Engine, words: tuple[str, ...]) -> frozenset[str]:
    """The words of schools and course providers a message names ("Georgia Tech OMSCS"): named
    as not covered, never a subject to look up ("georgia" is no Southern city)."""
    _, things, _ = _tables(engine)
    return frozenset(
        w for _, _, p in _found(words, things) if things.get(p) == "providers" for w in p.split()
    )


def outside(
    engine: Engine, m: Match, roles: Iterable[str] | None, topic: str | None = None
) -> tuple[Outside, ...]:
    """Named places, companies and technologies the documents (of `roles`) never mention, an age,
    and questions they do not answer outright ("how long does it take": they give the years asked).
    Asked of pay, a place must be named where the pay is ("Europe" is a demand hotspot, with no pay)."""
    _, things, _ = _tables(engine)
    found = _found(m.words, things)
    found += _misspelt_places(engine, m, found) if m.unknown else []  # "what do they earn in berln"
    if found:  # not where the person is from or works ("sysadmin in brazil")
        homes = _homes(engine, m)
        found = [f for f in found if f[0] not in homes]
    names = _written(engine)
    lists = engine.matcher.word_lists
    if _age(m.words, lists):
        found.append((0, 0, "age"))
    if not found:  # most questions: the index is not even opened ("/role mlops salary")
        return ()
    index = engine.evidence.index
    wanted = set(roles) if roles is not None else None
    out = []
    for start, end, phrase in found:
        kind = things.get(phrase)
        if kind == "ages" and end < len(m.words) and m.words[end] in lists["aged_things"]:
            continue  # "a 20 year old system": how old a thing is
        if kind == "countries" and start and m.words[start - 1] in lists["own"]:
            continue  # "the banks in my country": where the person is, not what is asked
        graded = start and m.words[start - 1] in lists["degree_words"]
        if " " in phrase and graded and everyday(phrase.split()[0]):
            continue  # "how fast AI moves": an adverb and a word, not fast.ai
        if phrase in lists["home_market"] and start and m.words[start - 1] in ("the", "this"):
            continue  # "compared with the rest of the country": the national figures, the documents' own
        if kind in PLACE_KINDS and _from_there(m.words, start):
            continue  # "hello, i am from brazil": where the person is from
        if kind == "companies" and _where_read(m.words, start, end, lists):
            continue  # "or is that twitter hype?", "saw on twitter ...": where it was read, not asked
        if kind == "countries" and topic != "salary" and _regions(engine, wanted):
            continue  # "jobs outside the US?": the document's world regions answer it
        held = engine.evidence.synonyms.get(phrase, ()) if kind == "companies" else ()  # Meta: "Facebook"
        ids = frozenset().union(index.matching(phrase), *(index.matching(f) for f in held))
        pay = topic == "salary" and kind in ("places", "companies")
        if not any(
            (wanted is None or index.line(i).role in wanted) and (not pay or index.line(i).topic == "salary")
            for i in ids
        ):
            named = pay and any(wanted is None or index.line(i).role in wanted for i in ids)  # not its pay
            proper = _proper(engine, phrase) if kind == "places" else None  # "Lisbon"
            name = proper or names.get(phrase, phrase)  # "OpenAI"
            name = "age" if kind == "ages" else name  # "im 40 years old": the age, not "years old"
            out.append(Outside(f"{name} pay" if named else name, things[phrase]))
    return tuple(out)
