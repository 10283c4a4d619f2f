"""knowledge.phrases: a phrase is found only as a whole run of words."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from knowledge.phrases import Phrases

PHRASES = ["get promoted", "how do i get promoted", "next step", "learn", "stay current with"]
WORDS = ["get", "promoted", "how", "do", "i", "next", "step", "learn", "learning", "stay", "current", "with"]


def _as_pattern(phrases: list[str]) -> re.Pattern[str]:
    """The regular expression the set replaced: each phrase between whitespace or the ends."""
    alternatives = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?<!\S)(?:{alternatives})(?!\S)")


def test_whole_runs_of_words_only():
    found = Phrases(PHRASES)
    assert found.in_words(("how", "to", "get", "promoted", "?"))
    assert found.in_words(("learn",))
    assert not found.in_words(("learning", "fast"))  # a word, not its stem
    assert not found.in_words(("get", "a", "promoted"))  # the words apart
    assert not found.in_words(("stay", "current"))  # the phrase cut short
    assert not found.in_words(())
    assert not Phrases([]).in_words(("learn",))


@given(st.lists(st.sampled_from(WORDS), max_size=10))
def test_finds_what_the_pattern_found(words):
    assert Phrases(PHRASES).in_words(words) == (_as_pattern(PHRASES).search(" ".join(words)) is not None)
