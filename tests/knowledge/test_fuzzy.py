"""knowledge.fuzzy: rapidfuzz's answers, from fewer scored choices and without its C++ libraries."""

from __future__ import annotations

import random
import string
import subprocess
import sys

import pytest
from rapidfuzz import fuzz, process

from knowledge import fuzzy
from knowledge.load import load_aliases
from knowledge.match import Matcher

from .conftest import ROOT


@pytest.fixture(scope="module")
def matcher():
    return Matcher(load_aliases())


def _words(matcher) -> list[str]:
    """Vocabulary words, every one-letter edit of some of them, and random words."""
    rnd = random.Random(5)
    words = set(matcher.fuzzy_vocab[::7])
    for w in list(words):
        for i in range(len(w)):
            words |= {w[:i] + w[i + 1 :], w[:i] + rnd.choice(string.ascii_lowercase) + w[i + 1 :]}
    words |= {
        "".join(rnd.choice("mlopsplatformengineer") for _ in range(rnd.randint(4, 11))) for _ in range(300)
    }
    return sorted(words)


class TestSameAsRapidfuzz:
    def test_best_is_extract_one_over_every_choice(self, matcher):
        """best() picks what rapidfuzz's extractOne picks from all the choices, ties included."""
        choices = fuzzy.Choices(matcher.fuzzy_vocab)
        for word in _words(matcher):
            for cutoff in (75, 80, 85):
                whole = process.extractOne(
                    word, matcher.fuzzy_vocab, scorer=fuzz.ratio, processor=None, score_cutoff=cutoff
                )
                assert fuzzy.best(word, choices, cutoff) == (whole and whole[0]), (word, cutoff)

    def test_top_is_extract_over_every_choice(self, matcher):
        """top() gives rapidfuzz's extract (WRatio) over all the choices, in its order."""
        phrases = list(matcher.role_phrases)
        choices = fuzzy.Choices(phrases)
        for word in _words(matcher)[::5]:
            whole = process.extract(
                word, phrases, scorer=fuzz.WRatio, processor=None, limit=3, score_cutoff=70
            )
            assert fuzzy.top(word, choices, 70, 3) == [(c, s) for c, s, _ in whole], word

    def test_words_of_several_tokens_are_scored_against_all(self):
        """The bound holds for one token: a phrase is scored against every choice."""
        choices = fuzzy.Choices(["ml ops", "platform engineer"])
        assert fuzzy.top("ops ml", choices, 70, 3)[0][0] == "ml ops"


def test_no_cpp_library_is_loaded():
    """Correcting a typo imports rapidfuzz's pure-Python implementation (no libstdc++)."""
    code = (
        "import sys; from knowledge.load import load_aliases; from knowledge.match import Matcher\n"
        "m = Matcher(load_aliases()); print(m.correct('platfrom'), m.suggest(['mlposs']))\n"
        "print(sorted(n for n in sys.modules if n.startswith('rapidfuzz') and 'cpp' in n))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert done.stdout.split("\n")[:2] == [
        "platform ['ai-ml-engineer', 'mlops-engineer']",
        "['rapidfuzz._feature_detector_cpp']",
    ]
