"""Services: conversations remembered per thread, forgotten when idle, never lost to a DB fault."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.slack.services import IDLE, Key, LocalMemory, Services, StoredMemory
from bot.store import Conversations, Database, StoreError, upgrade
from knowledge.load import load
from tests.bot.slack.test_dedupe import Clock

KEY = Key("T0TEAM", "C0GEN", "1.0")


class TestLocalMemory:
    def test_turns_are_kept_per_thread_and_forgotten_after_a_day_idle(self):
        """Saved turns come back for their thread only, until a day passes."""
        clock = Clock()
        memory = LocalMemory(clock=clock)
        memory.save(KEY, [{"intent": "answer"}])
        assert memory.load(KEY) == [{"intent": "answer"}] and memory.load(KEY._replace(thread="2.0")) == []
        clock.now += IDLE.total_seconds() + 1
        assert memory.load(KEY) == []

    def test_a_bounded_number_of_threads(self):
        """The oldest conversation goes first when the bound is reached."""
        memory = LocalMemory(size=2)
        for thread in ("1", "2", "3"):
            memory.save(KEY._replace(thread=thread), [{"intent": "answer"}])
        assert memory.load(KEY._replace(thread="1")) == [] and memory.load(KEY._replace(thread="3"))


class Broken:
    """A conversations store whose database is down."""

    def load_context(self, *args, **kwargs):
        raise StoreError("database is down")

    def save_context(self, *args, **kwargs):
        raise StoreError("database is down")


class TestStoredMemory:
    def test_an_expired_thread_starts_afresh(self, tmp_path):
        """A thread idle more than a day answers like a first message."""
        db = Database(f"sqlite:///{tmp_path / 'c.db'}")
        upgrade(db)
        when = [datetime(2026, 11, 1, tzinfo=UTC)]
        memory = StoredMemory(Conversations(db), clock=lambda: when[0])
        services = Services(kb=load(), memory=memory)
        services.answer_in("how much do ml platform engineers make?", KEY)
        assert services.answer_in("and in seattle?", KEY)[0].roles == ("ml-platform-engineer",)
        when[0] += timedelta(days=1, minutes=1)
        reply, first = services.answer_in("and in seattle?", KEY)
        assert first and reply.intent == "clarify"  # no context: which role?
        db.close()

    def test_a_database_outage_answers_without_context_and_logs_once(self, caplog):
        """Down: answered as a first message; one warning, however many messages."""
        services = Services(kb=load(), memory=StoredMemory(Broken()))
        for _ in range(3):
            reply, first = services.answer_in("/role mlops salary", KEY)
            assert first and reply.intent == "answer"
        assert sum("database unavailable" in r.message for r in caplog.records) == 1


@pytest.mark.parametrize("intent", ["help", "list", "clarify"])
def test_only_answers_are_recorded_for_feedback(intent):
    """Help, the list and clarify questions carry no vote buttons."""
    from handlers import Reply

    class Votes:
        def record_answers(self, rows):
            raise AssertionError("recorded")

    services = Services(kb=None, votes=Votes())
    assert services.record(Reply(intent, "x"), "q") is None
    services.log.flush()  # nothing waits


class TestAnswerLog:
    def test_answers_are_written_in_batches_and_kept_through_an_outage(self, tmp_path):
        """Rows wait until flushed; a failed write keeps them for the next; then they are stored."""
        from bot.slack.services import AnswerLog
        from bot.store import Feedback

        db = Database(f"sqlite:///{tmp_path / 'f.db'}")
        upgrade(db)
        feedback = Feedback(db)
        calls = []

        class Flaky:
            def record_answers(self, rows):
                calls.append(len(rows))
                if len(calls) == 1:
                    raise StoreError("down")
                feedback.record_answers(rows)

        log = AnswerLog(Flaky(), interval=3600)
        now = datetime(2026, 11, 1, tzinfo=UTC)
        for n in range(3):
            row = {"id": f"a{n}", "question": "q", "intent": "unknown", "roles": ["mlops-engineer"]}
            log.add({**row, "topic": None, "covered": False, "created_at": now})
        with pytest.raises(StoreError):
            log.flush()
        log.flush()
        assert calls == [3, 3]
        assert feedback.report(now - timedelta(days=1)).answers == 3
        db.close()

    def test_a_vote_on_a_fresh_answer_finds_it(self, tmp_path):
        """The vote writes what waits first, so 'Helpful' a moment after the answer counts."""
        from bot.store import Feedback

        db = Database(f"sqlite:///{tmp_path / 'v.db'}")
        upgrade(db)
        services = Services(kb=load(), votes=Feedback(db))
        services.log.interval = 3600  # no writer in the way: only the vote flushes
        reply = services.answer("does anyone sponsor h1b visas for mlops engineers?")
        answer_id = services.record(reply, "does anyone sponsor h1b visas for mlops engineers?")
        assert services.vote(answer_id, "U1", "down") == "recorded"
        assert services.vote(answer_id, "U1", "up") == "duplicate"
        db.close()
