"""A section's figures asked by one way of breaking them down ("ai systems salary by company",
"pay by city", "what about by yoe" after the pay): the lines under the headings that list them
that way, in document order (aliases.yaml word_lists `by_*`)."""

from __future__ import annotations

from handlers.engine import Engine
from knowledge.index import Hit
from knowledge.match import Match
from knowledge.patterns import Lazy

__all__ = ["facet_asked", "facet_lines"]

_FACETS = ("place", "experience", "company", "percentile")
_BY = frozenset({"by", "per", "across"})
_WORD = Lazy(r"[A-Za-z]+")


def facet_asked(engine: Engine, m: Match) -> str | None:
    """The breakdown asked ("place" for "by city", "across regions"), or None."""
    lists, words = engine.matcher.word_lists, m.words
    for i, w in enumerate(words):
        before = words[i - 1] if i else ""
        if before in ("the", "each", "every") and i > 1:
            before = words[i - 2]
        # "by city", "across levels": the word names the breakdown itself ("which cities pay most"
        # ranks them: handlers/lines)
        if before in _BY:
            for facet in _FACETS:
                if w in lists[f"by_{facet}"]:
                    return facet
    return None


def facet_lines(engine: Engine, role: str, topic: str, facet: str) -> list[Hit]:
    """The section's lines under the headings that list its figures that way, in document order."""
    heads = engine.matcher.word_lists[f"by_{facet}_headings"]
    out = []
    for ln in engine.section_lines(role, topic):
        said = {w.lower() for part in ln.path for w in _WORD.findall(part)}  # "City-Specific": "city"
        if ln.bullet and said & heads:
            out.append(Hit(ln, 0.0, frozenset()))
    return sorted(out, key=lambda h: h.line.id)
