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
    found = Phrases({"grow": PHRASES})
    assert found.in_words(("how", "to", "get", "promoted", "?"), "grow")
    assert found.in_words(["learn"], "grow")
    assert not found.in_words(("learning", "fast"), "grow")  # a word, not its stem
    assert not found.in_words(("get", "a", "promoted"), "grow")  # the words apart
    assert not found.in_words(("stay", "current"), "grow")  # the phrase cut short
    assert not found.in_words((), "grow")
    assert not Phrases({"grow": []}).in_words(("learn",), "grow")


def test_each_label_has_its_own_phrases():
    found = Phrases({"grow": ["get promoted", "next step"], "learn": ["learn", "next step"]})
    assert found.labels_in(("what", "is", "the", "next", "step")) == {"grow", "learn"}
    assert found.labels_in(("get", "promoted", "and", "learn")) == {"grow", "learn"}
    assert found.labels_in(("learn", "fast")) == {"learn"}
    assert not found.in_words(("learn", "fast"), "grow")
    assert not found.in_words(("learn",), "unknown kind")


PATTERN = _as_pattern(PHRASES)
SPLIT = Phrases({"first": PHRASES[:2], "rest": PHRASES[2:]})


@given(st.lists(st.sampled_from(WORDS), max_size=10))
def test_finds_what_the_pattern_found(words):
    said = PATTERN.search(" ".join(words)) is not None
    assert Phrases({"all": PHRASES}).in_words(words, "all") == said
    assert bool(SPLIT.labels_in(tuple(words))) == said
