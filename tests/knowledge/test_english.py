"""Everyday English words are never spell-corrected into role or topic words."""

from __future__ import annotations

from array import array

import pytest

from knowledge.english import ENGLISH_NAME, is_common, is_word, misspelt
from knowledge.files import DATA_DIR
from knowledge.load import load_aliases, load_words
from knowledge.match import Matcher


@pytest.fixture(scope="module")
def matcher(kb):
    return Matcher(load_aliases(), load_words(kb))


def test_the_list_is_sorted_codes_of_tens_of_thousands_of_words():
    codes = array("I")
    codes.frombytes((DATA_DIR / ENGLISH_NAME).read_bytes())
    assert 40_000 < len(codes) < 60_000
    assert all(a < b for a, b in zip(codes, codes[1:], strict=False))


@pytest.mark.parametrize("word", ["dead", "france", "taxes", "plain", "rounds", "lowdown", "munich"])
def test_everyday_words_are_words(word):
    assert is_word(word)


@pytest.mark.parametrize("word", ["salery", "mlpos", "platfrom", "carrer", "recomend", "senoirs"])
def test_typos_of_our_words_are_not(word):
    assert not is_word(word)


@pytest.mark.parametrize(
    ("typed", "read"),
    [("dead", "dead"), ("france", "france"), ("taxes", "taxes"), ("plain", "plain"), ("zurich", "zurich"),
     ("salery", "salary"), ("platfrom", "platform"), ("mops", "mlops"), ("senor", "senior"),
     ("internal", "internal")],
)  # fmt: skip
def test_the_matcher_fixes_typos_only(matcher, typed, read):
    assert matcher.correct(typed) == read


@pytest.mark.parametrize(
    ("word", "common"),
    [("run", True), ("job", True), ("care", True), ("sql", False), ("aws", False), ("gpu", False),
     ("kubernetes", False)],
)  # fmt: skip
def test_common_words_include_short_ones_but_no_acronym(word, common):
    assert is_common(word) is common


@pytest.mark.parametrize("typed", ["diffrence", "diference", "differnece", "differencee", "diffwrence"])
def test_a_slip_of_a_common_word_is_misspelt(typed):
    """One letter dropped, swapped, added or mistyped from a most common word."""
    assert misspelt(typed)


def test_a_slip_of_a_known_word_is_misspelt_and_names_are_not():
    """A slip of a word of `known` (the documents' words) is one; names no slip away are not, nor
    short words (too many neighbours) nor the word itself."""
    assert misspelt("responsibilites", {"responsibilities"}) and not misspelt("responsibilites")
    for name in ("llmops", "zoomcamp", "kubeflow", "langchain", "huggingface", "hadoop"):
        assert not misspelt(name, {"hadoop", "kubeflow"}), name
    assert not misspelt("rsut", {"rust"})  # four letters: too short to tell
