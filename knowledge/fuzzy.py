"""rapidfuzz as the matcher calls it: imported on first use, scoring only choices that can pass.

rapidfuzz is imported as its pure-Python implementation: the C++ one maps ~3 MB of shared
libraries (libstdc++, five extension modules) into every process for scoring a few short words,
and both give the same scores. Before scoring, a choice is left out when the characters it
shares with the word (counted with repeats: no alignment can match more) cannot reach the
cutoff; the order of the rest is kept, so the best choice and the order of ties are unchanged.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable

__all__ = ["Choices", "best", "top"]

_IMPLEMENTATION = "RAPIDFUZZ_IMPLEMENTATION"  # rapidfuzz reads it once, at its import


def _rapidfuzz():
    """rapidfuzz's fuzz and process modules (the pure-Python ones unless chosen otherwise)."""
    if "rapidfuzz" not in sys.modules and _IMPLEMENTATION not in os.environ:
        os.environ[_IMPLEMENTATION] = "python"
        try:
            import rapidfuzz  # noqa: F401
        finally:
            del os.environ[_IMPLEMENTATION]
    from rapidfuzz import fuzz, process

    return fuzz, process


class Choices:
    """Strings to score against, each with a bit per character and repeat ('o', 2nd 'o', ...):
    the characters two strings share, with repeats, are the bits their masks share."""

    def __init__(self, strings: Iterable[str]) -> None:
        self.strings = tuple(strings)
        self._bits: dict[tuple[str, int], int] = {}
        self._masks = tuple(self.mask(s, grow=True) for s in self.strings)
        self._sizes = tuple(len(s) for s in self.strings)
        self._joined = tuple(len(" ".join(s.split())) for s in self.strings)  # as token scorers see it

    def mask(self, text: str, grow: bool = False) -> int:
        """The bits of text's characters (those no choice holds are left out, unless `grow`)."""
        mask, seen, bits = 0, {}, self._bits
        for c in text:
            key = (c, seen.get(c, 0))
            seen[c] = key[1] + 1
            bit = bits.get(key)
            if bit is None and grow:
                bit = bits[key] = 1 << len(bits)
            mask |= bit or 0
        return mask


def best(word: str, choices: Choices, cutoff: int) -> str | None:
    """The choice of the highest `fuzz.ratio` at `cutoff` or above (the first of ties), or None.

    ratio = 200 * LCS / (len(word) + len(choice)), and LCS <= the characters they share.
    """
    size, mask = len(word), choices.mask(word)
    near = [
        s
        for s, n, m in zip(choices.strings, choices._sizes, choices._masks, strict=True)
        if cutoff * (size + n) <= 200 * (mask & m).bit_count()
    ]
    if not near:
        return None
    fuzz, process = _rapidfuzz()
    found = process.extractOne(word, near, scorer=fuzz.ratio, processor=None, score_cutoff=cutoff)
    return None if found is None else found[0]


def top(word: str, choices: Choices, cutoff: int, limit: int) -> list[tuple[str, float]]:
    """The `limit` choices of the highest `fuzz.WRatio` at `cutoff` or above, best first.

    For a word of one token, every part of WRatio (ratio, partial and token ratios, scaled by at
    most 1) is at most 200 * S / (m + S), S the characters shared and m the shorter length (of
    the choice as its tokens joined by one space).
    """
    near = list(choices.strings)
    if word and not any(c.isspace() for c in word):
        size, mask = len(word), choices.mask(word)
        near = []
        for s, n, m in zip(choices.strings, choices._joined, choices._masks, strict=True):
            shared = (mask & m).bit_count()
            if cutoff * (min(size, n) + shared) <= 200 * shared:
                near.append(s)
    if not near:
        return []
    fuzz, process = _rapidfuzz()
    found = process.extract(word, near, scorer=fuzz.WRatio, processor=None, limit=limit, score_cutoff=cutoff)
    return [(choice, score) for choice, score, _ in found]
