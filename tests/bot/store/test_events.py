"""Seen Slack event ids are shared by every process on one database, within the TTL."""

import multiprocessing
import sqlite3

from bot.store import SqliteSeenEvents
from tests.bot.slack.test_dedupe import Clock


def _race(path: str, event_id: str, out) -> None:
    out.put(SqliteSeenEvents(path).first_time(event_id))


class TestSqliteSeenEvents:
    def test_first_delivery_passes_and_repeats_do_not(self, tmp_path):
        """first_time is True once per id."""
        seen = SqliteSeenEvents(str(tmp_path / "db.sqlite"))
        assert [seen.first_time("Ev1"), seen.first_time("Ev1"), seen.first_time("Ev2")] == [True, False, True]

    def test_is_shared_by_everyone_on_the_same_file(self, tmp_path):
        """A second instance (another worker process) sees the first one's ids."""
        path = str(tmp_path / "db.sqlite")
        assert SqliteSeenEvents(path).first_time("Ev1") is True
        assert SqliteSeenEvents(path).first_time("Ev1") is False

    def test_processes_racing_on_one_id_get_one_true(self, tmp_path):
        """Four processes claiming one event id at once: exactly one wins."""
        ctx = multiprocessing.get_context("fork")
        path, out = str(tmp_path / "db.sqlite"), ctx.Queue()
        SqliteSeenEvents(path).check()
        procs = [ctx.Process(target=_race, args=(path, "EvRace", out)) for _ in range(4)]
        for proc in procs:
            proc.start()
        results = sorted(out.get(timeout=20) for _ in procs)
        for proc in procs:
            proc.join()
        assert results == [False, False, False, True]

    def test_ids_are_forgotten_after_the_ttl(self, tmp_path):
        """After ttl seconds an id counts as new again, and old rows are pruned."""
        clock = Clock()
        seen = SqliteSeenEvents(str(tmp_path / "db.sqlite"), ttl=10, prune_every=3, clock=clock)
        seen.first_time("Ev1")
        clock.now = 11
        assert seen.first_time("Ev1") is True
        clock.now = 30
        seen.first_time("Ev2")
        rows = sqlite3.connect(tmp_path / "db.sqlite").execute("SELECT event_id FROM slack_events").fetchall()
        assert rows == [("Ev2",)]
