"""The answering values (Plan, Reply, Turn, Term, Hit) are frozen records that compare by value."""

from __future__ import annotations

import copy
import pickle

import pytest

import handlers
from handlers.evidence import Term
from handlers.followup import Turn
from handlers.reply import Reply
from handlers.understand import Plan, plan
from knowledge.match import Focus


class TestPlan:
    """A plan is the decision; what was read in the text does not take part in equality."""

    def test_same_decision_from_different_text_is_equal(self, engine):
        """'/role mlops salary' and 'mlops salary' decide the same, though their matches differ."""
        a, b = plan("/role mlops salary", engine), plan("mlops  salary?", engine)
        assert a.match != b.match and a == b and hash(a) == hash(b)

    def test_positional_and_keyword_build_alike(self):
        """Plan("answer", roles, topic, focus) is the keyword build, defaults filled in."""
        focus = Focus(levels=("Senior",))
        built = Plan("answer", ("mlops-engineer",), "salary", focus, mode="lead")
        keywords = Plan(intent="answer", roles=("mlops-engineer",), topic="salary", focus=focus, mode="lead")
        assert built == keywords
        assert built.terms == () and built.match is None and Plan("help").focus == Focus()

    def test_frozen(self):
        """A plan cannot be changed in place."""
        with pytest.raises(AttributeError, match="frozen"):
            Plan("help").intent = "answer"


class TestReply:
    """A reply is built positionally or by keyword, and each gets its own blocks list."""

    def test_blocks_default_to_a_new_list(self):
        """Two replies built without blocks do not share one list."""
        a, b = Reply("help", "x"), Reply("help", "x")
        assert a.blocks == [] and a.blocks is not b.blocks and a == b

    def test_positional_matches_keywords(self):
        """Reply(intent, text, blocks, roles, topic, ...) is the same reply built by keyword."""
        blocks = [{"type": "divider"}]
        assert Reply("answer", "t", blocks, ("r",), "salary", query="q") == Reply(
            intent="answer", text="t", blocks=blocks, roles=("r",), topic="salary", query="q"
        )

    def test_copy_pickle_and_model_copy(self, kb):
        """A real reply survives copy and pickle equal, and model_copy replaces one field."""
        reply = handlers.ask("/role mlops salary", kb)
        assert copy.deepcopy(reply) == reply and pickle.loads(pickle.dumps(reply)) == reply
        assert reply.model_copy(update={"text": "x"}).text == "x" and reply.text != "x"
        with pytest.raises(AttributeError, match="frozen"):
            reply.text = "x"


class TestSmallValues:
    """Turn, Term and Hit keep their positional builds and compare by value."""

    def test_turn_and_term(self):
        """Positional Turn and Term equal their keyword builds."""
        assert Turn("answer", ("mlops-engineer",), "salary") == Turn(
            intent="answer", roles=("mlops-engineer",), topic="salary"
        )
        forms = ("k8s", "kubernetes")
        assert Term("k8s", forms, 2.5) == Term(word="k8s", forms=forms, weight=2.5)
        assert hash(Term("a", ("a",), 1.0)) == hash(Term("a", ("a",), 1.0))

    def test_hits_compare_by_line_score_and_terms(self, engine):
        """A hit built again from its parts equals the one the index returned."""
        (hit, *_) = engine.evidence.index.search(["kubernetes"])
        assert type(hit)(hit.line, hit.score, hit.terms) == hit
        assert type(hit)(hit.line, hit.score + 1, hit.terms) != hit
