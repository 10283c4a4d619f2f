"""Phrases of whole words, found in a run of words by set lookups: nothing to compile, so a
kind of question's hundreds of phrases cost no start-up time (bench/start_bench.py)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache

__all__ = ["Phrases", "starts"]


def starts(phrases: Iterable[str], longest: int | None = None) -> dict[str, tuple[int, ...]]:
    """first word -> the lengths in words (ascending, up to `longest`) of the phrases it starts."""
    lengths: dict[str, set[int]] = {}
    for phrase in phrases:
        words = phrase.split()
        if words:
            lengths.setdefault(words[0], set()).add(len(words))
    return {w: tuple(sorted(k for k in n if longest is None or k <= longest)) for w, n in lengths.items()}


class Phrases:
    """Phrases, each under one or more labels; `labels_in` says which labels' phrases are whole
    runs of the words given."""

    def __init__(self, labelled: Mapping[str, Iterable[str]]) -> None:
        by_phrase: dict[str, set[str]] = {}
        for label, phrases in labelled.items():
            for phrase in phrases:
                if phrase.strip():
                    by_phrase.setdefault(" ".join(phrase.split()), set()).add(label)
        self._labels = {p: frozenset(labels) for p, labels in by_phrase.items()}
        self._starts = starts(self._labels)
        # a question asks about several kinds in turn: its words are read once
        self.labels_in = lru_cache(maxsize=64)(self._labels_in)

    def _labels_in(self, words: tuple[str, ...]) -> frozenset[str]:
        """The labels of every phrase that is words[i:j] for some i < j."""
        starts, labels, size = self._starts, self._labels, len(words)
        found: set[str] = set()
        for i, word in enumerate(words):
            for n in starts.get(word, ()):
                if i + n > size:
                    break
                said = labels.get(word if n == 1 else " ".join(words[i : i + n]))
                if said:
                    found |= said
        return frozenset(found)

    def in_words(self, words: Sequence[str], label: str) -> bool:
        """Whether a phrase of `label` is a whole run of the words."""
        return label in self.labels_in(tuple(words))
