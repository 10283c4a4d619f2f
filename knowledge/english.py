"""Everyday English words: a spelling fix never turns a real word into a role or topic word
("dead" is not "demand", "france" is not "face", "taxes" is not "takes").

`data/english.bin` holds the CRC-32 of every ASCII word of four letters or more that wordfreq
gives a Zipf frequency of 2.5 or more in English (about 47,000 words; the typos people make of
our words score below 2.2: "salery" 0, "carrer" 2.0, "recomend" 2.1), sorted, as little-endian
32-bit unsigned integers (185 KB). A typo that collides with one of them is left as typed: about
one in 90,000.

`data/common.bin` holds, the same way, the words of three letters or more of Zipf 4.5 or more
("run", "care", "whole": about 2,900): such a word rarely names what a question is about unless the documents
make it a heading (handlers/evidence.py weighs it less).

They are not made from the seeds, so `python -m knowledge build` leaves them alone; remake them
with `python -m knowledge.english` (needs the `words` extra: wordfreq, pinned, so they are stable).
"""

from __future__ import annotations

import functools
import itertools
import sys
import zlib
from array import array
from bisect import bisect_left

from knowledge.files import DATA_DIR

TYPE_CHECKING = False  # without importing typing
if TYPE_CHECKING:
    from collections.abc import Container

__all__ = ["COMMON_NAME", "ENGLISH_NAME", "everyday", "is_common", "is_word", "make", "misspelt"]

ENGLISH_NAME = "english.bin"
COMMON_NAME = "common.bin"
_ZIPF = 2.5
_COMMON_ZIPF = 4.5
_SHORTEST = 4  # shorter words are never spell-corrected (knowledge/match.py)
_COMMON_SHORTEST = 3  # "run", "job": everyday words, though too short to correct
_TOP = 200_000  # wordfreq's list is cut here; far below _ZIPF long before
_COMMON_PATH = DATA_DIR / COMMON_NAME  # one path: the cache key of its codes


def _code(word: str) -> int:
    return zlib.crc32(word.encode("utf-8"))


@functools.cache
def _codes(path=DATA_DIR / ENGLISH_NAME) -> array:
    codes = array("I")
    try:
        codes.frombytes(path.read_bytes())
    except (OSError, ValueError):  # no list: every unknown word may be corrected, as before
        return array("I")
    if sys.byteorder == "big":
        codes.byteswap()
    return codes


def _holds(codes: array, word: str) -> bool:
    code = _code(word)
    i = bisect_left(codes, code)
    return i < len(codes) and codes[i] == code


def is_word(word: str) -> bool:
    """Whether `word` (lowercase) is an everyday English word."""
    return _holds(_codes(), word)


def is_common(word: str) -> bool:
    """Whether `word` (lowercase) is among the most common English words ("care", "whole")."""
    return _holds(_codes(_COMMON_PATH), word)


def everyday(word: str) -> bool:
    """Whether `word` is everyday English: a listed word of four letters or more, or a common shorter
    one ("bet", "pay"), which `is_word` leaves out."""
    return is_word(word) or is_common(word)


_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_SHORTEST_TYPO = 6  # shorter words are a letter away from too many words ("rust": "just", "bust")


def misspelt(word: str, known: Container[str] = ()) -> bool:
    """Whether `word` (lowercase, no word itself) is one slip from a most common English word or a
    word of `known`: a letter dropped, added, swapped with the next or mistyped ("diffrence",
    "responsibilites"). Names the documents never use are rarely so near ("llmops", "zoomcamp")."""
    if len(word) < _SHORTEST_TYPO or not word.isascii() or not word.isalpha():
        return False
    heads_tails = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    dropped = (a + b[1:] for a, b in heads_tails if b)
    swapped = (a + b[1] + b[0] + b[2:] for a, b in heads_tails if len(b) > 1 and b[0] != b[1])
    mistyped = (a + c + b[1:] for a, b in heads_tails if b for c in _LETTERS if c != b[0])
    added = (a + c + b for a, b in heads_tails for c in _LETTERS)
    common = _codes(_COMMON_PATH)
    for candidate in itertools.chain(dropped, swapped, mistyped, added):
        if candidate in known or _holds(common, candidate):
            return True
    return False


def make(zipf: float = _ZIPF, shortest: int = _SHORTEST) -> bytes:
    """A list's bytes, from wordfreq (the `words` extra)."""
    from wordfreq import top_n_list, zipf_frequency

    words = {
        w
        for w in top_n_list("en", _TOP)
        if w.isascii() and w.isalpha() and len(w) >= shortest and zipf_frequency(w, "en") >= zipf
    }
    codes = array("I", sorted({_code(w) for w in words}))
    if sys.byteorder == "big":
        codes.byteswap()
    return codes.tobytes()


def main() -> None:
    """`python -m knowledge.english`: write data/english.bin and data/common.bin."""
    for name, zipf, shortest in (
        (ENGLISH_NAME, _ZIPF, _SHORTEST),
        (COMMON_NAME, _COMMON_ZIPF, _COMMON_SHORTEST),
    ):
        data = make(zipf, shortest)
        (DATA_DIR / name).write_bytes(data)
        print(f"wrote {len(data) // 4} words to {DATA_DIR / name}")


if __name__ == "__main__":
    main()
