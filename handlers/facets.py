"""A section's figures asked by one way of breaking them down ("ai systems salary by company",
"pay by city", "what about by yoe" after the pay): the lines under the headings that list them
that way, in document order (aliases.yaml word_lists `by_*`)."""

from __future__ import annotations

from handlers.engine import Engine
from knowledge.index import Hit, Line
from knowledge.match import Match
from knowledge.patterns import Lazy
from knowledge.salary import money

__all__ = ["BY", "WHICH", "facet_asked", "facet_lines", "facet_of", "ranked_by_pay"]

_FACETS = ("place", "experience", "company", "percentile")
BY = frozenset({"by", "per", "across"})  # "pay by city": the figures broken down that way
WHICH = frozenset({"which", "what"})  # "which city pays the most?": one of them asked for
_WORD = Lazy(r"[A-Za-z]+")
_BETWEEN = frozenset({"the", "each", "every", "of", "those", "these"})  # between "which" and what it picks


def facet_asked(engine: Engine, m: Match, after: frozenset[str] = BY) -> str | None:
    """The breakdown asked ("place" for "by city", "across regions"; with `after` WHICH, "which
    city"), or None."""
    lists, words = engine.matcher.word_lists, m.words
    for i, w in enumerate(words):
        # the word before, past "the", "each", and "of those" ("which of those companies pays best?")
        at = i - 1
        while at > 0 and words[at] in _BETWEEN and at > i - 4:
            at -= 1
        before = words[at] if at >= 0 else ""
        # "by city", "across levels": the word names the breakdown itself (as an answer's lead, "which
        # cities pay most" ranks them: handlers/lines)
        if before in after:
            for facet in _FACETS:
                if w in lists[f"by_{facet}"]:
                    return facet
    return None


def facet_lines(engine: Engine, role: str, topic: str, facet: str) -> list[Hit]:
    """The section's lines under the headings that list its figures that way, in document order."""
    heads = engine.matcher.word_lists[f"by_{facet}_headings"]
    out = []
    for ln in engine.evidence.index.section(role, topic):  # in document order
        if ln.bullet and _heading_words(ln) & heads:
            out.append(Hit(ln, 0.0, frozenset()))
    return out


def _heading_words(line: Line) -> set[str]:
    """The words of the headings a line stands under ("City-Specific": "city")."""
    return {w.lower() for part in line.path for w in _WORD.findall(part)}


def facet_of(engine: Engine, lines: list[Line]) -> str | None:
    """The one breakdown the lines stand under ("Company-Specific Averages": "company"), or None."""
    lists = engine.matcher.word_lists
    found = {f for ln in lines for f in _FACETS if _heading_words(ln) & lists[f"by_{f}_headings"]}
    return found.pop() if len(found) == 1 else None


def ranked_by_pay(hits: list[Hit], low: bool) -> list[Hit]:
    """The lines with a figure, highest first (lowest with `low`: "which one pays the least?"); a
    range counts by its top (its bottom with `low`), lines without a figure left out."""

    def amount(h: Hit) -> int | None:
        found = next(money(h.line.text), None)
        if found is None:
            return None
        start, end, _, _ = found
        return start if low or end is None else end

    paid = [(a, h) for h in hits if (a := amount(h)) is not None]
    return [h for _, h in sorted(paid, key=lambda ah: ah[0], reverse=not low)]
