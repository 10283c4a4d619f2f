"""Conversation context per thread: the last few turns, forgotten when idle."""

from __future__ import annotations

from datetime import timedelta

from bot.store import ContextKey, Conversations
from tests.fake_clock import utc

NOW = utc(2026, 11, 23, 9)
KEY = ContextKey("T1", "C1", "1700000000.000100")
IDLE = timedelta(minutes=30)


def turn(n: int) -> dict:
    return {"text": f"question {n} – ünïcode", "intent": "answer", "roles": ["mlops-engineer"], "topic": None}


class TestConversations:
    def test_turns_round_trip_per_thread(self, db):
        """Saved turns load back equal for that thread only; an unknown thread has none."""
        conv = Conversations(db)
        conv.save_context(KEY, [turn(1), turn(2)], NOW)
        assert conv.load_context(KEY, NOW, IDLE) == [turn(1), turn(2)]
        assert conv.load_context(KEY._replace(thread="other"), NOW, IDLE) == []
        assert conv.load_context(KEY._replace(team="T2"), NOW, IDLE) == []

    def test_only_the_last_turns_are_kept(self, db):
        """save_context keeps the last `keep` turns, replacing what was there."""
        conv = Conversations(db)
        conv.save_context(KEY, [turn(n) for n in range(10)], NOW, keep=3)
        assert conv.load_context(KEY, NOW, IDLE) == [turn(7), turn(8), turn(9)]
        conv.save_context(KEY, [turn(42)], NOW + timedelta(minutes=1), keep=3)
        assert conv.load_context(KEY, NOW, IDLE) == [turn(42)]

    def test_an_idle_context_reads_as_empty(self, db):
        """After max_idle without a save, the thread starts afresh."""
        conv = Conversations(db)
        conv.save_context(KEY, [turn(1)], NOW)
        assert conv.load_context(KEY, NOW + IDLE, IDLE) == [turn(1)]
        assert conv.load_context(KEY, NOW + IDLE + timedelta(seconds=1), IDLE) == []

    def test_contexts_idle_for_a_day_are_pruned(self, db):
        """prune deletes contexts idle over a day, and saving prunes now and then by itself."""
        conv = Conversations(db, prune_every=3)
        conv.save_context(KEY, [turn(1)], NOW)
        conv.save_context(KEY._replace(thread="fresh"), [turn(2)], NOW + timedelta(hours=23))
        assert conv.prune(NOW + timedelta(hours=23)) == 0
        assert conv.prune(NOW + timedelta(days=1, seconds=1)) == 1
        conv.save_context(KEY, [turn(3)], NOW + timedelta(days=3))  # every third save prunes: "fresh" goes
        assert conv.load_context(KEY._replace(thread="fresh"), NOW + timedelta(hours=23), IDLE * 100) == []
        assert conv.load_context(KEY, NOW + timedelta(days=3), IDLE) == [turn(3)]
