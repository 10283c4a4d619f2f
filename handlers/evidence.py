"""Which lines answer a question: its words as weighted search terms, coverage, the lead.

A question's *subject* is what is left after its role, topic, focus and stop words
("which roles need kubernetes" -> kubernetes). Each subject word becomes a `Term`: the
word and its synonyms from aliases.yaml, weighted by how rare it is in the documents
(a word the documents never use weighs the most). The index ranks lines with bm25; this
module decides which of them to show, and whether the documents cover the question at all.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterable, Mapping, Sequence

from knowledge import fuzzy
from knowledge.english import is_common, is_word
from knowledge.index import Hit, Index, Line, key
from knowledge.match import stem
from knowledge.models import Record
from knowledge.patterns import Lazy

__all__ = ["SPECIFIC", "SUMMING_UP", "Evidence", "Term", "specific"]

_ES = ("s", "x", "z", "ch", "sh")  # endings whose plural adds "es"
_MIN_SPELL = 5  # words shorter than this are never spell-corrected against the documents
_SPELL_CUTOFF = 85
_KEEP = 0.4  # a line stays in the lead while its score is at least this share of the best
_COVERED = 0.5  # the documents answer when the lines found carry this share of the weight
_CACHE = 4096  # words kept with their terms (a bound, so hostile text cannot grow it forever)
_TOPIC_BONUS = 1.35  # lines of the section the question was routed to rank higher
_PAY_LINE = 80  # characters: a longer line with a pay figure says more than the figure
_NUMBER_BONUS = 1.5  # lines with a figure, when the question asks "how fast", "what %"
_HEADING_BONUS = 1.6  # a line under a heading that names the point asked ("Experience")
SPECIFIC = 4.0  # a term this rare (held by about a dozen lines or fewer) is a specific subject ...
_UNDER = 1.3  # ... lifts the lines under a short heading that names it
_HEADED = 4  # words of a heading that can be a subject by itself
_EVERYDAY = 0.5  # the weight of a most common English word no heading or label of the documents holds
_SUBJECT_WEIGHT = 3.0  # an everyday word of headings this rare is a subject ("security"; "data" is 2.1)
_HEADINGS = 2  # ... when this many headings hold it


class Term(Record):
    """One thing asked about: the word as typed, the forms that count, and its weight."""

    word: str
    forms: tuple[str, ...]
    weight: float

    def __init__(self, word: str, forms: tuple[str, ...], weight: float) -> None:
        self.__dict__.update(word=word, forms=forms, weight=weight)


class Evidence:
    """Search terms and lead lines over one knowledge base's index."""

    def __init__(
        self,
        index: Index,
        synonyms: Mapping[str, Sequence[str]],
        words: Iterable[str],
        pay: Iterable[str] = (),
    ) -> None:
        self.index = index
        self.pay = frozenset(pay)  # the lines that state a pay figure (the salary parser's sources)
        self.synonyms = {k: tuple(v) for k, v in synonyms.items()}
        self.words: dict[tuple[str, int], list[str]] = {}  # (first letter, length) -> words
        for w in sorted({w for w in words if len(w) >= _MIN_SPELL and w.isalpha()}):
            self.words.setdefault((w[0], len(w)), []).append(w)
        self._max = math.log(len(index) + 1.5)  # the weight of a word no line holds
        self.max_weight = self._max
        self._terms: dict[str, Term] = {}

    # terms -----------------------------------------------------------------
    def _spell(self, word: str) -> str:
        """A word the documents never use, corrected to one they do ("kuberntes", "specialise")."""
        if len(word) < _MIN_SPELL or not word.isalpha() or self.index.matching(word):
            return word
        american = next((a for a in _american(word) if self.index.matching(a)), None)
        if american:  # "specialise", "modelling", "behaviour": the documents spell it the US way
            return american
        if is_word(word):
            return word  # an everyday word the documents do not use is colour, not a typo
        near = [w for n in (-1, 0, 1) for w in self.words.get((word[0], len(word) + n), ())]
        best = fuzzy.best(word, fuzzy.Choices(near), _SPELL_CUTOFF)
        return word if best is None else best  # same first letter, length within one: a typo

    def term(self, word: str) -> Term:
        """A word with its synonyms and its weight (kept: the index never changes)."""
        found = self._terms.get(word)
        if found is None:
            found = self._term(word)
            if len(self._terms) < _CACHE:
                self._terms[word] = found
        return found

    def _term(self, word: str) -> Term:
        word = self._spell(word)
        singular = word[:-1] if word.endswith("s") and len(word) > 3 else word
        forms = (word, *self.synonyms.get(word, self.synonyms.get(singular, ())))
        forms = tuple(dict.fromkeys(forms))
        held = [len(self.index.matching(f)) for f in forms]
        if not any(held) and word.isalpha():  # the stemmer parts "bonus" from "bonuses": the plural
            plural = f"{word}es" if word.endswith(_ES) else f"{word}s"  # "bonuses"; "cars", not "cares"
            plural = plural if self.index.matching(plural) else None
            if plural is None:  # no document says it; as often as people ask in it ("prod"), it is common
                asked = len(frozenset().union(*(self.index.asked_about(f) for f in forms)))
                return Term(word, forms, self.index.weight_of(asked) if asked else self._max)
            forms = (*forms, plural)
        df = len(frozenset().union(*(self.index.matching(f) for f in forms)))
        weight = self.index.weight_of(df)
        if is_common(word) and not any(self.index.titled(f) for f in forms):
            weight *= _EVERYDAY  # "care" in "really care about": rare in the documents, yet no subject
        return Term(word, forms, weight)

    def joined(self, said: Sequence[str], words: list[str]) -> list[str]:
        """`words` with each two of them said side by side that the synonyms know as one thing
        ("self driving", "black box") made one."""
        out = list(words)
        for a, b in zip(said, said[1:], strict=False):
            if f"{a} {b}" in self.synonyms and a in out and b in out:
                out[out.index(a)] = f"{a} {b}"
                out.remove(b)
        return out

    def terms(self, words: Iterable[str]) -> tuple[Term, ...]:
        """Terms for words, each once (a word and its synonym are one term)."""
        out: list[Term] = []
        seen: set[str] = set()
        for word in words:
            t = self.term(word)
            if seen.isdisjoint(t.forms):
                out.append(t)
                seen.update(t.forms)
        return tuple(out)

    # coverage --------------------------------------------------------------
    def found(self, term: Term, roles: Iterable[str] | None = None) -> bool:
        """Whether any line (of these roles) holds the term."""
        ids = frozenset().union(*(self.index.matching(f) for f in term.forms))
        if roles is None:
            return bool(ids)
        wanted = set(roles)
        return any(self.index.line(i).role in wanted for i in ids)

    def found_beyond_sources(self, term: Term, roles: Iterable[str] | None = None) -> bool:
        """Whether a line (of these roles) says the term as typed (not only a word of its stem:
        "severance" is not "several"), other than in the name of a pay figure's source ("Interview
        Kickstart: $153,490" says nothing about interviews)."""
        return bool(self.saying_beyond_sources(term, roles, first=True))

    def saying_beyond_sources(
        self, term: Term, roles: Iterable[str] | None = None, first: bool = False
    ) -> list[Line]:
        """The lines (of these roles) `found_beyond_sources` counts, in document order (`first`: the
        first only)."""
        wanted = set(roles) if roles is not None else None
        out: list[Line] = []
        for i in sorted(frozenset().union(*(self.index.matching(f) for f in term.forms))):
            line = self.index.line(i)
            if wanted is not None and line.role not in wanted:
                continue
            said = f"{' '.join(line.path)} {line.text}".lower()
            figure = line.text.strip() in self.pay and len(line.text) < _PAY_LINE  # "$153,490 (median)"
            if not figure:
                said = f"{said} {(line.label or '').lower()}"
            if any(_literal(f).search(said) for f in term.forms):
                out.append(line)
                if first:
                    break
        return out

    def spread(self, term: Term, roles: Sequence[str]) -> dict[str, int]:
        """How many lines of each of these roles hold the term."""
        ids = frozenset().union(*(self.index.matching(f) for f in term.forms))
        held = dict.fromkeys(roles, 0)
        for i in ids:
            role = self.index.line(i).role
            if role in held:
                held[role] += 1
        return held

    def saying(self, term: Term, roles: Iterable[str] | None = None) -> list[Line]:
        """The lines (of these roles) that say the term as typed, in document order."""
        wanted = set(roles) if roles is not None else None
        ids = sorted(frozenset().union(*(self.index.matching(f) for f in term.forms)))
        lines = (self.index.line(i) for i in ids)
        return [ln for ln in lines if (wanted is None or ln.role in wanted) and self.says(ln, term)]

    def heads_sections(self, term: Term) -> bool:
        """Whether an everyday word is a subject of its own: two headings or more hold it as a word
        of its own, and most lines do not ("leadership", "security", "testing"; not "data", nor
        "time" of "Time Management" alone)."""
        if term.weight < _SUBJECT_WEIGHT or not self.index.titled(term.word):
            return False
        word = re.compile(rf"(?<![\w-]){re.escape(term.word)}(?![\w-])", re.I)
        lines = self.saying(term)
        return len({h for ln in lines for h in (*ln.path, ln.label or "") if word.search(h)}) >= _HEADINGS

    def comparing(self, term: Term, roles: Iterable[str]) -> list[Line]:
        """The lines of these roles that set the term beside them ("AI/ML Engineer vs. Data
        Scientist", "a premium compared to traditional software engineers")."""
        lines = self.saying(term, roles)
        return [ln for ln in lines if _COMPARING.search(f"{ln.label or ''} {ln.text}".lower())]

    def compared(self, term: Term, roles: Iterable[str]) -> bool:
        """Whether a line of these roles sets the term beside them."""
        return bool(self.comparing(term, roles))

    def found_in_topic(self, form: str, topic: str | None, roles: Iterable[str] | None = None) -> bool:
        """Whether a line of the topic (of these roles) holds the word or phrase."""
        wanted = set(roles) if roles is not None else None
        return any(
            (line := self.index.line(i)).topic == topic and (wanted is None or line.role in wanted)
            for i in self.index.matching(form)
        )

    @staticmethod
    def as_written(form: str, lines: Iterable[Line]) -> str:
        """The form as the first line holding it writes it ("a b testing" -> "A/B testing")."""
        pattern = _literal(form)
        for ln in lines:
            found = pattern.search(ln.text.lower())
            if found:
                end = found.end() + 2 * (ln.text[found.end() : found.end() + 2] == "++")  # "C++", not "C"
                return ln.text[found.start() : end]
        return form

    def says(self, line: Line, term: Term) -> bool:
        """Whether the line has one of the term's forms as typed (a word start, plurals allowed),
        not only a word of the same stem; a short heading it stands under, shown above it, counts
        ("Resilience": "Capacity to handle stress ...")."""
        head = line.path[-1] if line.path and len(line.path[-1].split()) <= _HEADED else ""
        text = f"{head} {line.label or ''} {line.text}".lower()
        return any(_literal(f).search(text) for f in term.forms)

    def says_together(self, line: Line, first: Term, second: Term) -> bool:
        """Whether the line says the two terms one after the other ("Capacity to handle stress")."""
        text = f"{line.label or ''} {line.text}".lower()
        return any(
            _side_by_side(a, b).search(text) for a in first.forms for b in second.forms if " " not in a + b
        )

    def headed(self, line: Line, terms: Sequence[Term]) -> bool:
        """Whether the line stands under a short heading that is the subject itself: every term in
        it ("Emotional Intelligence" for "emotional intelligence")."""
        head = line.path[-1].lower() if line.path else ""
        return 0 < len(head.split()) <= _HEADED and all(
            any(_literal(f).search(head) for f in t.forms) for t in terms
        )

    def covered(self, terms: Sequence[Term], roles: Iterable[str] | None = None) -> bool:
        """Whether the documents (of these roles) hold most of what is asked, by weight."""
        if not terms:
            return True
        roles = tuple(roles) if roles is not None else None
        total = sum(t.weight for t in terms)
        held = sum(t.weight for t in terms if self.found(t, roles))
        return held > 0 and held / total >= _COVERED

    # lines -----------------------------------------------------------------
    def search(
        self,
        subject: Sequence[Term],
        extra: Sequence[str] = (),
        *,
        roles: Iterable[str] | None = None,
        topic: str | None = None,
        numbers: bool = False,
        points: Sequence[str] = (),
        money: bool = True,
        limit: int = 60,
        asked: bool = True,
    ) -> list[Hit]:
        """Lines for the subject (and extra words: topic, focus), best first.

        A line must hold a subject term or a point word (`points`) when there is one; lines of
        `topic` rank higher, and so do lines with a figure in them when the question asks for
        one (`numbers`); without `money`, the salary section and lines with pay figures are
        left out (they answer pay questions only). Without `asked`, only lines that say a term: what
        the documents say, shown as such ("5 of 5 roles mention mentoring").
        """
        forms = [f for t in subject for f in t.forms]
        hits = self.index.search([*forms, *points, *extra], roles=roles, limit=limit, asked=asked)
        # a lead-in ("...include the following:") introduces lines; it answers nothing itself
        # ... and a section's closing words ("By following these best practices, ...") answer nothing either
        hits = [
            h
            for h in hits
            if not h.line.text.endswith(":")
            and not SUMMING_UP.match(h.line.text)
            and (money or not self._pay(h.line))
        ]
        if subject or points:
            wanted = {key(f) for f in (*forms, *points)}
            hits = [h for h in hits if not h.terms.isdisjoint(wanted)]
        if topic or numbers or points:
            heads = [_literal(p) for p in points]
            hits = [Hit(h.line, h.score * _bonus(h, topic, numbers, heads), h.terms) for h in hits]
        rare = [t for t in subject if t.weight >= SPECIFIC]
        if rare:  # "reproducibility": the lines under "Reproducibility and Versioning" treat it
            hits = [Hit(h.line, h.score * _UNDER, h.terms) if self._under(h.line, rare) else h for h in hits]
        return sorted(hits, key=lambda h: h.score, reverse=True)

    def _under(self, line: Line, terms: Sequence[Term]) -> bool:
        """Whether the line stands under a short heading that names one of the terms."""
        head = line.path[-1].lower() if line.path else ""
        return 0 < len(head.split()) <= _HEADED and any(
            _literal(f).search(head) for t in terms for f in t.forms
        )

    def _pay(self, line: Line) -> bool:
        """A line of the salary section, or a short one that is a pay figure ("$120,000 - $160,000
        annually"); a market's size in billions is no pay, and a sentence that also says what a
        level does is kept."""
        return line.topic == "salary" or (line.text.strip() in self.pay and len(line.text) < _PAY_LINE)

    @staticmethod
    def lead(hits: Sequence[Hit], most: int = 4) -> list[Hit]:
        """The best lines: those close to the best score, at most `most` of them."""
        if not hits:
            return []
        floor = hits[0].score * _KEEP
        return [h for h in hits[: most * 3] if h.score >= floor][:most]


_BRITISH = (
    (re.compile(r"is(e|es|ed|ing|ation|ations)$"), r"iz\1"),
    (re.compile(r"ys(e|es|ed|ing)$"), r"yz\1"),
    (re.compile(r"(\w{3,})our(s|ed|ing)?$"), r"\1or\2"),  # not "four", "hour"
    (re.compile(r"([aeiou])ll(ing|ed|er|ers)$"), r"\1l\2"),
    (re.compile(r"(\w{3,})tre(s)?$"), r"\1ter\2"),
)


def _american(word: str) -> list[str]:
    """The US spellings a British spelling may have ("optimise" -> "optimize")."""
    return [out for pattern, repl in _BRITISH if (out := pattern.sub(repl, word)) != word]


_COMPARING = Lazy(r"\b(?:vs\.?|versus|compared|than|premium over|unlike|whereas|differ\w*)\b")


@functools.lru_cache(maxsize=1024)
def _literal(form: str) -> re.Pattern:
    root = form[:-1] if form.endswith("s") and len(form) > 4 else form
    joined = r"[\s/.-]+".join(map(re.escape, root.split()))  # "a b testing" says "A/B testing"
    # a phrase is not the tail of a compound: "cutting-edge AI" does not say "edge AI"
    glued = r"(?<![a-z0-9]-)" if " " in root else ""
    return re.compile(rf"(?<![a-z0-9]){glued}{joined}(?:s|es)?(?![a-z0-9])")


@functools.lru_cache(maxsize=1024)
def _side_by_side(first: str, second: str) -> re.Pattern:
    """Two words one after the other, in any form of their stems ("handle stress" for "handling
    stress"), not the tail of a compound ("cutting-edge AI" is no "edge AI")."""
    a, b = (re.escape(stem(w)) for w in (first, second))
    return re.compile(rf"(?<![a-z0-9])(?<![a-z0-9]-){a}[a-z]*[\s/-]+{b}[a-z]*(?![a-z0-9])")


def specific(t: Term) -> bool:
    """A term that can be a subject of its own (across the roles too): rare in the documents, and a
    phrase or a word that is no everyday English ("model drift", "kubernetes"; not "accurate", "2022")."""
    return t.weight >= SPECIFIC and not t.word.isdigit() and (" " in t.word or not is_common(t.word))


SUMMING_UP = Lazy(  # a section's closing words ("By following these best practices, ...")
    r"(?:by (?:combining|adhering|understanding|meeting|mastering|developing|following)|in summary|"
    r"in conclusion|overall|these (?:\w+ )?(?:skills|responsibilities|practices|challenges)|"
    r"(?:developing|mastering|combining|following|adopting|cultivating) these)\b",
    re.I,
)
_SUMMING_UP_WEIGHT = 0.6


def _bonus(hit: Hit, topic: str | None, numbers: bool, heads: Sequence[re.Pattern] = ()) -> float:
    bonus = _TOPIC_BONUS if topic and hit.line.topic == topic else 1.0
    if heads and any(h.search(" ".join(hit.line.path).lower()) for h in heads):  # under "Experience"
        bonus *= _HEADING_BONUS
    if numbers and any(c.isdigit() for c in hit.line.text):
        bonus *= _NUMBER_BONUS
    if not hit.line.bullet and SUMMING_UP.match(hit.line.text):  # "By combining ... , aspiring engineers
        bonus *= _SUMMING_UP_WEIGHT  # can ...": a section's closing words, not its answer
    return bonus
