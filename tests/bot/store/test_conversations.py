"""Conversation context per thread: the last few turns, forgotten when idle."""

from __future__ import annotations

from datetime import timedelta

from bot.store import ContextKey, Conversations
from tests.bot.store.conftest import race
from tests.fake_clock import utc

NOW = utc(2026, 11, 23, 9)
KEY = ContextKey("T1", "C1", "1700000000.000100")
IDLE = timedelta(minutes=30)


def turn(n: int) -> dict:
    return {"text": f"question {n} – ünïcode", "intent": "answer", "roles": ["mlops-engineer"], "topic": None}


class TestConversations:
    def test_turns_round_trip_per_thread(self, db):
        """Added turns load back equal, in order, for that thread only; an unknown thread has none."""
        conv = Conversations(db)
        conv.add_turn(KEY, turn(1), NOW)
        conv.add_turn(KEY, turn(2), NOW)
        assert conv.load_context(KEY, NOW, IDLE) == [turn(1), turn(2)]
        assert conv.load_context(KEY._replace(thread="other"), NOW, IDLE) == []
        assert conv.load_context(KEY._replace(team="T2"), NOW, IDLE) == []

    def test_only_the_last_turns_are_read(self, db):
        """load_context gives the last `keep` turns, oldest first."""
        conv = Conversations(db)
        for n in range(10):
            conv.add_turn(KEY, turn(n), NOW)
        assert conv.load_context(KEY, NOW, IDLE, keep=3) == [turn(7), turn(8), turn(9)]

    def test_an_idle_context_reads_as_empty(self, db):
        """After max_idle without a turn, the thread starts afresh."""
        conv = Conversations(db)
        conv.add_turn(KEY, turn(1), NOW)
        assert conv.load_context(KEY, NOW + IDLE, IDLE) == [turn(1)]
        assert conv.load_context(KEY, NOW + IDLE + timedelta(seconds=1), IDLE) == []

    def test_turns_older_than_a_day_are_pruned(self, db):
        """prune deletes turns over a day old, and adding prunes now and then by itself."""
        conv = Conversations(db, prune_every=3)
        conv.add_turn(KEY, turn(1), NOW)
        conv.add_turn(KEY._replace(thread="fresh"), turn(2), NOW + timedelta(hours=23))
        assert conv.prune(NOW + timedelta(hours=23)) == 0
        assert conv.prune(NOW + timedelta(days=1, seconds=1)) == 1
        conv.add_turn(KEY, turn(3), NOW + timedelta(days=3))  # every third add prunes: "fresh" goes
        assert conv.load_context(KEY._replace(thread="fresh"), NOW + timedelta(hours=23), IDLE * 100) == []
        assert conv.load_context(KEY, NOW + timedelta(days=3), IDLE) == [turn(3)]

    def test_turns_added_at_once_all_land(self, db):
        """Six follow-ups of one thread written at once (as racing workers do) are all kept."""
        conv = Conversations(db)
        race(lambda n: conv.add_turn(KEY, turn(n), NOW), range(6))
        assert sorted(t["text"] for t in conv.load_context(KEY, NOW, IDLE)) == [
            turn(n)["text"] for n in range(6)
        ]
