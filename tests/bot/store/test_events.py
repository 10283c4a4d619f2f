"""Seen Slack event ids are shared by every process on one database, within the TTL."""

import multiprocessing

from sqlalchemy import select

from bot.store import Database, SharedSeenEvents
from bot.store.schema import slack_events
from tests.bot.slack.test_dedupe import Clock
from tests.bot.store.conftest import race


def _race(url: str, event_id: str, start, out) -> None:
    seen = SharedSeenEvents(Database(url))
    start.wait()
    out.put(seen.first_time(event_id))


class TestSharedSeenEvents:
    def test_first_delivery_passes_and_repeats_do_not(self, db):
        """first_time is True once per id."""
        seen = SharedSeenEvents(db)
        assert [seen.first_time("Ev1"), seen.first_time("Ev1"), seen.first_time("Ev2")] == [True, False, True]

    def test_is_shared_by_everyone_on_the_same_database(self, db, database_url):
        """A second instance (another replica) sees the first one's ids."""
        assert SharedSeenEvents(db).first_time("Ev1") is True
        assert SharedSeenEvents(Database(database_url)).first_time("Ev1") is False

    def test_processes_racing_on_one_id_get_one_true(self, db, database_url):
        """Four processes claiming one event id at once: exactly one wins."""
        ctx = multiprocessing.get_context("fork")
        start, out = ctx.Event(), ctx.Queue()
        procs = [ctx.Process(target=_race, args=(database_url, "EvRace", start, out)) for _ in range(4)]
        for proc in procs:
            proc.start()
        start.set()
        results = sorted(out.get(timeout=30) for _ in procs)
        for proc in procs:
            proc.join()
        assert results == [False, False, False, True]

    def test_threads_racing_on_many_ids_get_one_true_each(self, db, database_url):
        """Eight replicas (threads, own pools) racing over 20 ids: each id is first exactly once."""
        seens = [SharedSeenEvents(Database(database_url)) for _ in range(8)]
        wins = [
            i
            for won in race(lambda seen: [i for i in range(20) if seen.first_time(f"Ev{i}")], seens)
            for i in won
        ]
        for s in seens:
            s.db.close()
        assert sorted(wins) == list(range(20))

    def test_threads_of_two_replicas_racing_get_one_true_per_id(self, db, database_url):
        """Two replicas, each with several request threads delivering the same ids: one True per id."""
        replicas = [SharedSeenEvents(db), SharedSeenEvents(Database(database_url))]
        deliveries = [(r, i) for i in range(8) for r in replicas for _ in range(2)]
        firsts = race(lambda d: d[1] if d[0].first_time(f"Ev{d[1]}") else None, deliveries)
        wins = [i for i in firsts if i is not None]
        replicas[1].db.close()
        assert sorted(wins) == list(range(8))

    def test_ids_are_forgotten_after_the_ttl(self, db):
        """After ttl seconds an id counts as new again, and old rows are pruned."""
        clock = Clock()
        seen = SharedSeenEvents(db, ttl=10, prune_every=3, clock=clock)
        seen.first_time("Ev1")
        clock.now = 11
        assert seen.first_time("Ev1") is True
        clock.now = 30
        seen.first_time("Ev2")
        with db.begin(read=True) as conn:
            assert conn.execute(select(slack_events.c.event_id)).scalars().all() == ["Ev2"]

    def test_an_unreachable_database_fails_open_in_this_process(self, tmp_path, caplog):
        """With the database gone, events are still answered, once per process, and it is retried later."""
        clock = Clock()
        db = Database(f"sqlite:///{tmp_path / 'gone.db'}")  # never created: mode=rw cannot open it
        seen = SharedSeenEvents(db, retry=5, clock=clock)
        assert [seen.first_time("Ev1"), seen.first_time("Ev1"), seen.first_time("Ev2")] == [True, False, True]
        assert seen._skip_until == 5  # not retried on every event
        from bot.store import upgrade

        upgrade(db)
        clock.now = 6
        assert seen.first_time("Ev1") is False  # answered during the outage: still a repeat
        assert seen.first_time("Ev3") is True
        other = SharedSeenEvents(Database(db.url.render_as_string(False)), clock=clock)
        assert other.first_time("Ev3") is False
