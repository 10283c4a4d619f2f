"""Phrases of whole words, found in a run of words by set lookups: nothing to compile, so a
kind of question's hundreds of phrases cost no start-up time (bench/start_bench.py)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

__all__ = ["Phrases"]


class Phrases:
    """A set of phrases; `in_words` says whether one is a whole run of the words given."""

    def __init__(self, phrases: Iterable[str]) -> None:
        self._all = frozenset(" ".join(p.split()) for p in phrases if p.strip())
        lengths: dict[str, set[int]] = {}
        for phrase in self._all:
            words = phrase.split(" ")
            lengths.setdefault(words[0], set()).add(len(words))
        self._starts = {w: tuple(sorted(n)) for w, n in lengths.items()}

    def in_words(self, words: Sequence[str]) -> bool:
        """Whether one phrase is words[i:j] for some i < j."""
        starts, size = self._starts, len(words)
        for i, word in enumerate(words):
            for n in starts.get(word, ()):
                if i + n > size:
                    break
                if n == 1 or " ".join(words[i : i + n]) in self._all:
                    return True
        return False

    def __len__(self) -> int:
        return len(self._all)
