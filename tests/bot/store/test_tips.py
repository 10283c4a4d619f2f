"""The tip store on SQLite and PostgreSQL: subscriptions, flags, and claims that post each tip once."""

from __future__ import annotations

import multiprocessing
from datetime import date, timedelta

import pytest

from bot.store import Database, TipStore
from bot.tips.schedule import Subscription
from tests.bot.store.conftest import race
from tests.fake_clock import utc

DAY = date(2026, 11, 23)
NOW = utc(2026, 11, 23, 9)
LEASE = timedelta(minutes=5)


@pytest.fixture
def store(db):
    return TipStore(db)


def _claim_in_process(url: str, owner: str, start, results) -> None:
    s = TipStore(Database(url))
    start.wait()
    results.put((owner, s.claim("C1", DAY, "k", owner, NOW, LEASE).status))
    s.close()


class TestTipStore:
    def test_subscriptions_round_trip(self, store):
        """A saved subscription reads back equal, marked as set from Slack, and can be replaced."""
        sub = Subscription("C1", "07:45", "Asia/Tokyo", (0, 3), since=NOW, source="slack", updated_by="U1")
        store.save_subscription(sub, NOW)
        assert store.subscription("C1") == sub
        assert store.subscriptions() == [sub]
        assert store.subscription("C2") is None
        off = Subscription(
            "C1", "08:00", "UTC", (1,), enabled=False, since=NOW, source="slack", updated_by="U2"
        )
        store.save_subscription(off, NOW)
        assert store.subscriptions() == [off]

    def test_times_come_back_as_aware_utc(self, store):
        """A since given in another zone reads back as the same instant in UTC."""
        from zoneinfo import ZoneInfo

        tokyo = NOW.astimezone(ZoneInfo("Asia/Tokyo"))
        store.save_subscription(Subscription("C1", since=tokyo, source="slack"), NOW)
        since = store.subscription("C1").since
        assert since == NOW and since.utcoffset() == timedelta(0)

    def test_flags_set_and_clear(self, store):
        """A flag pauses a channel until cleared; setting it twice keeps the latest reason."""
        store.set_flag("C1", "channel_not_found", NOW)
        store.set_flag("C1", "is_archived", NOW)
        assert store.flags() == {"C1": "is_archived"}
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

    def test_threads_racing_get_one_claim(self, db):
        """Eight threads with their own connections: exactly one wins each claim."""
        stores = [TipStore(Database(str(db.url.render_as_string(hide_password=False)))) for _ in range(8)]
        results = race(
            lambda i: [(n, stores[i].claim(f"C{n}", DAY, "k", f"o{i}", NOW, LEASE).status) for n in range(5)],
            range(8),
        )
        results = [pair for batch in results for pair in batch]
        for s in stores:
            s.close()
        for n in range(5):
            assert sorted(status for m, status in results if m == n) == ["busy"] * 7 + ["new"]

    def test_processes_racing_get_one_claim(self, database_url, db):
        """Three processes on one database: exactly one wins the claim."""
        ctx = multiprocessing.get_context("fork")
        start, results = ctx.Event(), ctx.Queue()
        procs = [
            ctx.Process(target=_claim_in_process, args=(database_url, f"p{i}", start, results))
            for i in range(3)
        ]
        for p in procs:
            p.start()
        start.set()
        got = sorted(results.get(timeout=30)[1] for _ in procs)
        for p in procs:
            p.join(timeout=20)
        assert got == ["busy", "busy", "new"]

    def test_recovery_races_hand_over_once(self, db):
        """When a lease has run out, four racing takers get one 'recovered' and the rest 'busy'."""
        TipStore(db).claim("C1", DAY, "k", "dead", NOW, LEASE)
        later = NOW + LEASE * 2
        url = db.url.render_as_string(hide_password=False)
        stores = [TipStore(Database(url)) for _ in range(4)]
        results = race(lambda i: stores[i].claim("C1", DAY, "k", f"o{i}", later, LEASE).status, range(4))
        for s in stores:
            s.close()
        assert sorted(results) == ["busy"] * 3 + ["recovered"]
