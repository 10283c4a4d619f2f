"""Feedback: answers recorded, one vote per person and answer, and the report's figures."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from bot.store import Database, Feedback
from bot.store.schema import votes
from tests.bot.store.conftest import race
from tests.fake_clock import utc

NOW = utc(2026, 11, 23, 9)


def answer(fb: Feedback, answer_id: str, at=NOW, **kw) -> None:
    fields = {
        "question": "salary of mlops?",
        "intent": "answer",
        "roles": ["mlops-engineer"],
        "topic": "salary",
    }
    fields["covered"] = True
    fields.update(kw)
    fb.record_answer(answer_id, at, **fields)


class TestVotes:
    def test_one_vote_per_person_and_answer(self, db):
        """A first vote is recorded, a second by the same person is a duplicate, others count."""
        fb = Feedback(db)
        answer(fb, "A1")
        assert fb.record_vote("A1", "U1", "down", NOW) == "recorded"
        assert fb.record_vote("A1", "U1", "up", NOW) == "duplicate"
        assert fb.record_vote("A1", "U2", "up", NOW) == "recorded"
        assert fb.record_vote("nope", "U1", "up", NOW) == "unknown_answer"

    def test_no_user_id_is_kept(self, db):
        """Votes keep a hash of the user id, never the id itself."""
        fb = Feedback(db)
        answer(fb, "A1")
        fb.record_vote("A1", "U0SECRETUSER", "up", NOW)
        with db.begin(read=True) as conn:
            (voter,) = conn.execute(select(votes.c.voter)).scalars().all()
        assert "U0SECRETUSER" not in voter and len(voter) == 64

    def test_a_bad_vote_is_refused(self, db):
        """Only 'up' and 'down' are votes."""
        fb = Feedback(db)
        answer(fb, "A1")
        with pytest.raises(ValueError):
            fb.record_vote("A1", "U1", "meh", NOW)

    def test_racing_double_clicks_count_once(self, db, database_url):
        """Six replicas recording the same person's vote at once: one recorded, five duplicates."""
        answer(Feedback(db), "A1")
        fbs = [Feedback(Database(database_url)) for _ in range(6)]
        got = race(lambda fb: fb.record_vote("A1", "U1", "up", NOW), fbs)
        for f in fbs:
            f.db.close()
        assert sorted(got) == ["duplicate"] * 5 + ["recorded"]


class TestReport:
    def test_counts_misses_and_answers_voted_down(self, db):
        """The report counts by intent, role and topic, lists misses and answers voted down."""
        fb = Feedback(db)
        answer(fb, "A1")
        answer(fb, "A2", question="what is a quant?", intent="unknown", roles=[], topic=None, covered=False)
        answer(fb, "A3", roles=["mlops-engineer", "ai-ml-engineer"], intent="compare", topic="career")
        answer(fb, "OLD", at=NOW - timedelta(days=10))
        fb.record_vote("A1", "U1", "down", NOW)
        fb.record_vote("A1", "U2", "down", NOW)
        fb.record_vote("A3", "U1", "up", NOW)
        report = fb.report(NOW - timedelta(days=7))
        assert report.answers == 3 and (report.up, report.down) == (1, 2)
        assert report.by_intent == {"answer": 1, "unknown": 1, "compare": 1}
        assert report.by_role == {"mlops-engineer": 2, "ai-ml-engineer": 1}
        assert report.by_topic == {"salary": 1, "career": 1}
        assert [a.question for a in report.not_covered] == ["what is a quant?"]
        assert [(a.question, a.down) for a in report.voted_down] == [("salary of mlops?", 2)]

    def test_old_feedback_is_pruned_after_90_days(self, db):
        """Answers (and their votes) older than 90 days go; newer ones stay."""
        fb = Feedback(db)
        answer(fb, "OLD", at=NOW - timedelta(days=91))
        fb.record_vote("OLD", "U1", "up", NOW - timedelta(days=91))
        answer(fb, "NEW", at=NOW - timedelta(days=89))
        assert fb.prune(NOW) == 1
        assert fb.record_vote("OLD", "U2", "up", NOW) == "unknown_answer"
        assert fb.report(NOW - timedelta(days=365)).answers == 1
        with db.begin(read=True) as conn:
            assert conn.execute(select(votes)).all() == []

    def test_recording_an_answer_twice_keeps_the_first(self, db):
        """record_answer is idempotent per answer id."""
        fb = Feedback(db)
        answer(fb, "A1")
        answer(fb, "A1", question="changed")
        assert [a.question for a in fb.report(NOW - timedelta(days=1)).not_covered] == []
        assert fb.report(NOW - timedelta(days=1)).answers == 1
