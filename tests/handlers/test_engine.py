"""Engine.keep: a bounded store of what depends on role and topic only."""

from __future__ import annotations

import handlers
from handlers.engine import _KEPT, Engine


def test_what_is_read_often_is_kept_even_after_a_flood(kb):
    """Many one-off keys (a hostile run of focus combinations) push out the least recently used;
    a table first needed after them is still kept, and the store never grows past its bound."""
    engine = Engine(kb)
    for i in range(2 * _KEPT):
        engine.keep(("once", str(i)), lambda i=i: i)
    made = []
    for _ in range(3):
        assert engine.keep(("table",), lambda: made.append(1) or "t") == "t"
    assert made == [1] and len(engine.kept) == _KEPT


def test_a_kept_reply_is_the_same_whatever_was_asked_before(kb):
    """A kept pay chart holds what its key decides, not what one question added to it: 'how much do
    both make in nyc' reads the same whether or not the plain comparison was made first."""
    engine = handlers.engine_for(kb)

    def last_reply() -> str:
        turns, reply = [], None
        for text in (
            "production ai engineer vs ai systems engineer, what's the difference?",
            "how much do both make in nyc",
        ):
            reply, turn = handlers.converse(text, kb, turns)
            turns.append(turn)
        return reply.text

    engine.kept.clear()
    alone = last_reply()
    engine.kept.clear()
    handlers.ask("compare production ai engineer and ai systems engineer salary in new york", kb)
    assert last_reply() == alone


def test_a_kept_chart_keeps_the_order_its_own_question_named(kb):
    """'who earns most: production ai, ml, ai systems, mlops or platform engineers?' names the five
    in an order, which the reply's roles keep; 'which role pays the most?' names none and ranks them:
    each is kept apart, so neither reads the other's."""
    engine = handlers.engine_for(kb)
    asked = (
        "who earns most: production ai engineers, ml engineers, ai systems engineers, mlops engineers "
        "or platform engineers?"
    )
    engine.kept.clear()
    alone = handlers.ask(asked, kb)
    engine.kept.clear()
    handlers.ask("which role pays the most?", kb)
    again = handlers.ask(asked, kb)
    assert (again.roles, again.text) == (alone.roles, alone.text)
