"""Everyday English words: a spelling fix never turns a real word into a role or topic word
("dead" is not "demand", "france" is not "face", "taxes" is not "takes").

`data/english.bin` holds the CRC-32 of every ASCII word of four letters or more that wordfreq
gives a Zipf frequency of 2.5 or more in English (about 47,000 words; the typos people make of
our words score below 2.2: "salery" 0, "carrer" 2.0, "recomend" 2.1), sorted, as little-endian
32-bit unsigned integers (185 KB). A typo that collides with one of them is left as typed: about
one in 90,000.

It is not made from the seeds, so `python -m knowledge build` leaves it alone; remake it with
`python -m knowledge.english` (needs the `words` extra: wordfreq, pinned, so the file is stable).
"""

from __future__ import annotations

import functools
import sys
import zlib
from array import array
from bisect import bisect_left

from knowledge.files import DATA_DIR

__all__ = ["ENGLISH_NAME", "is_word", "make"]

ENGLISH_NAME = "english.bin"
_ZIPF = 2.5
_SHORTEST = 4  # shorter words are never spell-corrected (knowledge/match.py)
_TOP = 200_000  # wordfreq's list is cut here; far below _ZIPF long before


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


def is_word(word: str) -> bool:
    """Whether `word` (lowercase) is an everyday English word."""
    codes = _codes()
    code = _code(word)
    i = bisect_left(codes, code)
    return i < len(codes) and codes[i] == code


def make() -> bytes:
    """The list's bytes, from wordfreq (the `words` extra)."""
    from wordfreq import top_n_list, zipf_frequency

    words = {
        w
        for w in top_n_list("en", _TOP)
        if w.isascii() and w.isalpha() and len(w) >= _SHORTEST and zipf_frequency(w, "en") >= _ZIPF
    }
    codes = array("I", sorted({_code(w) for w in words}))
    if sys.byteorder == "big":
        codes.byteswap()
    return codes.tobytes()


def main() -> None:
    """`python -m knowledge.english`: write data/english.bin."""
    data = make()
    (DATA_DIR / ENGLISH_NAME).write_bytes(data)
    print(f"wrote {len(data) // 4} words to {DATA_DIR / ENGLISH_NAME}")


if __name__ == "__main__":
    main()
