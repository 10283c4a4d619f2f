"""The SQLite store: subscriptions, flags, and claims that make each tip post exactly once."""

from __future__ import annotations

import multiprocessing
import sqlite3
import threading
from datetime import date, timedelta

import pytest

from bot.config import ConfigError
from bot.store import SqliteStore, open_store, sqlite_path
from bot.tips.schedule import Subscription
from tests.fake_clock import utc

DAY = date(2026, 11, 23)
NOW = utc(2026, 11, 23, 9)
LEASE = timedelta(minutes=5)


@pytest.fixture
def store(tmp_path):
    s = SqliteStore(tmp_path / "t.db")
    yield s
    s.close()


def _claim_in_process(path: str, owner: str, start, results) -> None:
    s = SqliteStore(path)
    start.wait()
    results.put((owner, s.claim("C1", DAY, "k", owner, NOW, LEASE).status))
    s.close()


class TestUrls:
    def test_sqlite_urls(self):
        """sqlite:///relative and sqlite:////absolute give file paths."""
        assert sqlite_path("sqlite:///rolebot.db") == "rolebot.db"
        assert sqlite_path("sqlite:////var/data/r.db") == "/var/data/r.db"

    def test_other_databases_are_a_config_error(self):
        """An unsupported URL is a one-line ConfigError naming DATABASE_URL."""
        with pytest.raises(ConfigError, match="DATABASE_URL"):
            open_store("postgres://db/rolebot")


class TestSqliteStore:
    def test_uses_wal_and_a_busy_timeout(self, store, tmp_path):
        """The file is in WAL mode and waits on locks instead of failing."""
        db = sqlite3.connect(tmp_path / "t.db")
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store._db.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000

    def test_subscriptions_round_trip(self, store):
        """A saved subscription reads back equal, marked as set from Slack."""
        sub = Subscription("C1", "07:45", "Asia/Tokyo", (0, 3), since=NOW, source="slack", updated_by="U1")
        store.save_subscription(sub, NOW)
        assert store.subscription("C1") == sub
        assert store.subscriptions() == [sub]
        assert store.subscription("C2") is None

    def test_flags_set_and_clear(self, store):
        """A flag pauses a channel until cleared."""
        store.set_flag("C1", "channel_not_found", NOW)
        assert store.flags() == {"C1": "channel_not_found"}
        store.set_flag("C1", None, NOW)
        assert store.flags() == {}

    def test_first_claim_is_new_and_a_second_is_busy(self, store):
        """Only one live claim per channel and day."""
        assert store.claim("C1", DAY, "k", "a", NOW, LEASE).status == "new"
        assert store.claim("C1", DAY, "k", "b", NOW, LEASE).status == "busy"
        assert store.claim("C2", DAY, "k", "b", NOW, LEASE).status == "new"
        assert store.claim("C1", DAY + timedelta(days=1), "k", "b", NOW, LEASE).status == "new"

    def test_sent_is_final(self, store):
        """After mark_sent every claim answers sent with the ts."""
        store.claim("C1", DAY, "k", "a", NOW, LEASE)
        store.mark_sent("C1", DAY, "123.456", NOW)
        claim = store.claim("C1", DAY, "k", "b", NOW + timedelta(days=3), LEASE)
        assert (claim.status, claim.ts) == ("sent", "123.456")
        assert store.posted("C1", DAY) == "123.456"

    def test_expired_lease_is_recovered(self, store):
        """A claim whose lease ran out is handed over as recovered, with its first time."""
        store.claim("C1", DAY, "k", "a", NOW, LEASE)
        later = NOW + LEASE + timedelta(seconds=1)
        claim = store.claim("C1", DAY, "k", "b", later, LEASE)
        assert claim.status == "recovered" and claim.first_claimed == NOW
        assert store.claim("C1", DAY, "k", "c", later, LEASE).status == "busy"

    def test_release_drops_the_claim(self, store):
        """A released claim leaves the tip due and claimable as new."""
        store.claim("C1", DAY, "k", "a", NOW, LEASE)
        store.release("C1", DAY, "someone-else")
        assert store.claim("C1", DAY, "k", "b", NOW, LEASE).status == "busy"
        store.release("C1", DAY, "a")
        assert store.claim("C1", DAY, "k", "b", NOW, LEASE).status == "new"
        assert store.posted("C1", DAY) is None

    def test_expire_keeps_the_claim_for_checking(self, store):
        """An expired claim is recovered (checked first), never claimed as new."""
        store.claim("C1", DAY, "k", "a", NOW, LEASE)
        store.expire("C1", DAY, "a")
        assert store.claim("C1", DAY, "k", "b", NOW, LEASE).status == "recovered"

    def test_threads_racing_get_one_claim(self, tmp_path):
        """Eight threads with their own connections: exactly one wins the claim."""
        path = tmp_path / "race.db"
        stores = [SqliteStore(path) for _ in range(8)]
        start, results = threading.Barrier(8), []

        def go(i):
            start.wait()
            results.append(stores[i].claim("C1", DAY, "k", f"o{i}", NOW, LEASE).status)

        threads = [threading.Thread(target=go, args=(i,)) for i in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert sorted(results) == ["busy"] * 7 + ["new"]

    def test_processes_racing_get_one_claim(self, tmp_path):
        """Three processes on one database file: exactly one wins the claim."""
        path = str(tmp_path / "race.db")
        SqliteStore(path).close()
        ctx = multiprocessing.get_context("spawn")
        start, results = ctx.Event(), ctx.Queue()
        procs = [
            ctx.Process(target=_claim_in_process, args=(path, f"p{i}", start, results)) for i in range(3)
        ]
        for p in procs:
            p.start()
        start.set()
        got = sorted(results.get(timeout=20)[1] for _ in procs)
        for p in procs:
            p.join(timeout=20)
        assert got == ["busy", "busy", "new"]
