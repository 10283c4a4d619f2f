"""Services: conversations remembered per thread, forgotten when idle, never lost to a DB fault."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from unittest.mock import Mock

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
        memory.add(KEY, {"intent": "answer"})
        assert memory.load(KEY) == [{"intent": "answer"}] and memory.load(KEY._replace(thread="2.0")) == []
        clock.now += IDLE.total_seconds() + 1
        assert memory.load(KEY) == []

    def test_a_bounded_number_of_threads(self):
        """The oldest conversation goes first when the bound is reached."""
        memory = LocalMemory(size=2)
        for thread in ("1", "2", "3"):
            memory.add(KEY._replace(thread=thread), {"intent": "answer"})
        assert memory.load(KEY._replace(thread="1")) == [] and memory.load(KEY._replace(thread="3"))


class Broken:
    """A conversations store whose database is down."""

    def load_context(self, *args, **kwargs):
        raise StoreError("database is down")

    def add_turn(self, *args, **kwargs):
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


class Switch:
    """Feedback whose database can be switched off."""

    def __init__(self, feedback) -> None:
        self.feedback, self.down = feedback, True

    def record_answers(self, rows):
        if self.down:
            raise StoreError("database is down")
        self.feedback.record_answers(rows)

    def record_vote(self, *args):
        if self.down:
            raise StoreError("database is down")
        return self.feedback.record_vote(*args)


class TestFeedbackThroughAnOutage:
    def test_a_vote_while_the_database_is_down_is_thanked_and_written_after(self, tmp_path, caplog):
        """Down: the voter is thanked as usual, answer and vote wait, and both are stored once it is back."""
        from bot.store import Feedback

        db = Database(f"sqlite:///{tmp_path / 'o.db'}")
        upgrade(db)
        feedback = Feedback(db)
        switch = Switch(feedback)
        services = Services(kb=load(), votes=switch)
        services.log.interval = 3600  # only the test flushes
        answers = [services.record(services.answer("/role mlops salary"), f"q{n}") for n in range(3)]
        assert [services.vote(a, f"U{n}", "up") for n, a in enumerate(answers)] == ["recorded"] * 3
        assert services.log.waiting() == (3, 3)
        switch.down = False
        services.log.flush()
        assert services.log.waiting() == (0, 0)
        report = feedback.report(datetime.now(UTC) - timedelta(days=1))
        assert (report.answers, report.up) == (3, 3)
        assert services.vote(answers[0], "U0", "up") == "duplicate"
        said = [r.message for r in caplog.records if r.levelno >= 30]
        assert len(said) == 1 and "wait" in said[0]
        db.close()

    def test_a_full_queue_counts_and_logs_what_it_drops(self, caplog):
        """Beyond the limit the oldest votes go: counted in rolebot_dropped_total and said once."""
        from bot.ops import metrics
        from bot.slack.services import AnswerLog
        from tests.bot.ops.test_metrics import sample

        before = sample(metrics.exposition().decode(), "rolebot_dropped_total", queue="votes")
        switch = Switch(Mock(record_vote=lambda *args: "recorded"))
        log = AnswerLog(switch, interval=3600, limit=2)
        for n in range(5):
            log.add_vote(f"a{n}", "U1", "up", datetime.now(UTC))
        assert log.waiting() == (0, 2)
        assert sample(metrics.exposition().decode(), "rolebot_dropped_total", queue="votes") == before + 3
        assert sum("dropped" in r.message for r in caplog.records) == 1
        switch.down = False
        log.flush()  # nothing left for the exit


class TestConcurrentTurns:
    def test_two_follow_ups_at_once_both_land(self, tmp_path):
        """Two messages of one thread answered at once: the thread then holds both turns."""
        from tests.bot.store.conftest import race

        db = Database(f"sqlite:///{tmp_path / 't.db'}")
        upgrade(db)
        services = Services(kb=load(), memory=StoredMemory(Conversations(db)))
        services.answer_in("how much do ml platform engineers make?", KEY)
        race(
            lambda text: services.answer_in(text, KEY), ["and in seattle?", "and what do they need to know?"]
        )
        assert len(services.memory.load(KEY)) == 3
        db.close()


class TestTeams:
    def test_single_workspace_mode_keeps_one_team(self):
        """Without multi-workspace mode every request is single-workspace mode's team ('', '')."""
        from bot.store import SINGLE

        services = Services(kb=None)
        assert services.team({"team_id": "T1", "enterprise_id": "E1"}, {"team_id": "T1"}) == SINGLE
        assert services.key({"team_id": "T1"}, {"team_id": "T1"}, "C1", "1.2") == ("T1", "C1", "1.2", "")

    def test_multi_workspace_mode_keys_by_team_and_org(self):
        """In multi-workspace mode the installation's org and workspace key the data."""
        from bot.store import Team

        services = Services(kb=None, multi=True)
        context = {"team_id": "T1", "enterprise_id": "E1"}
        assert services.team(context, {}) == Team("E1", "T1")
        assert services.team({"enterprise_id": "E1"}, {"team_id": "T7"}) == Team("E1", "T7")  # org-wide
        assert services.key(context, {}, "C1", "1.2") == ("T1", "C1", "1.2", "E1")
