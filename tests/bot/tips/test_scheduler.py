"""The scheduler: due tips posted on time in every timezone, caught up, raced, and faults."""

from __future__ import annotations

import logging
import threading
from datetime import date, timedelta

import pytest

from bot.tips.schedule import Subscription, TipsConfig
from bot.tips.scheduler import Scheduler
from bot.tips.service import TipsService
from tests.bot.tips import fixtures as fx
from tests.bot.tips.fixtures import poster_for
from tests.fake_clock import FakeClock, utc

fake_slack, _module_fake_slack = fx.fake_slack, fx._module_fake_slack  # one server per module
EVERY_DAY = tuple(range(7))


def config(*subs: Subscription) -> TipsConfig:
    return TipsConfig(channels=subs)


def sub(channel="C1", time="09:00", tz="UTC", days=EVERY_DAY) -> Subscription:
    return Subscription(channel, time, tz, days)


def scheduler(fake, path, clock, cfg, owner="A", retries=True, **kw) -> Scheduler:
    poster = poster_for(fake, path, clock, owner=owner, retries=retries)
    return Scheduler(TipsService(poster.store, cfg, clock), poster, clock, **kw)


def simulate(sched: Scheduler, clock: FakeClock, until) -> list[int]:
    """Run the real loop with a wait that moves the fake clock; return the delays asked for."""
    delays = []

    def wait(seconds: float) -> bool:
        delays.append(seconds)
        clock.advance(seconds)
        return clock.now() >= until

    sched.run(wait)
    return delays


def posted_days(fake) -> list[tuple[str, str]]:
    return [
        (c.body["channel"], c.body["metadata"]["event_payload"]["day"])
        for c in fake.calls_to("chat.postMessage")
    ]


class TestTiming:
    def test_nothing_before_the_slot_then_the_tip_at_the_slot(self, fake_slack, tmp_path):
        """At 08:59:30 nothing is posted and it sleeps 30 s; at 09:00 the tip goes out."""
        clock = FakeClock(utc(2026, 11, 23, 8, 59, 30))
        sched = scheduler(fake_slack, tmp_path / "t.db", clock, config(sub()))
        assert sched.tick() == 30
        assert not fake_slack.calls_to("chat.postMessage")
        clock.advance(30)
        sched.tick()
        assert posted_days(fake_slack) == [("C1", "2026-11-23")]

    def test_sleep_is_bounded(self, fake_slack, tmp_path):
        """Far from any slot the scheduler still wakes within 60 s to notice changes."""
        clock = FakeClock(utc(2026, 11, 23, 10))
        sched = scheduler(fake_slack, tmp_path / "t.db", clock, config(sub(time="23:00")))
        assert sched.tick() == 60
        empty = scheduler(fake_slack, tmp_path / "u.db", clock, config())
        assert empty.tick() == 60

    def test_weekdays_only(self, fake_slack, tmp_path):
        """A Mon–Fri channel gets five tips in a week, none at the weekend."""
        clock = FakeClock(utc(2026, 11, 23))  # a Monday
        sched = scheduler(
            fake_slack, tmp_path / "t.db", clock, config(sub(days=(0, 1, 2, 3, 4))), max_sleep=86400
        )
        simulate(sched, clock, utc(2026, 11, 30))
        assert [d for _, d in posted_days(fake_slack)] == [f"2026-11-{d}" for d in (23, 24, 25, 26, 27)]

    @pytest.mark.parametrize(
        ("tz", "expected"),
        [
            ("America/New_York", [utc(2026, 3, 7, 14), utc(2026, 3, 8, 13), utc(2026, 3, 9, 13)]),
            ("America/New_York", [utc(2026, 10, 31, 13), utc(2026, 11, 1, 14), utc(2026, 11, 2, 14)]),
            ("Europe/London", [utc(2026, 3, 28, 9), utc(2026, 3, 29, 8), utc(2026, 3, 30, 8)]),
            ("Pacific/Auckland", [utc(2026, 4, 3, 20), utc(2026, 4, 4, 21), utc(2026, 4, 5, 21)]),
        ],
    )
    def test_posts_at_local_nine_across_dst(self, fake_slack, tmp_path, tz, expected):
        """Across a DST change tips go out at 09:00 local: the UTC instant moves by an hour."""
        clock = FakeClock(expected[0] - timedelta(hours=2))
        sched = scheduler(fake_slack, tmp_path / "t.db", clock, config(sub(tz=tz)), max_sleep=6 * 3600)
        times = []
        poster = sched.poster
        original = poster.post

        def spy(channel, day):
            times.append(clock.now())
            return original(channel, day)

        poster.post = spy
        simulate(sched, clock, expected[-1] + timedelta(hours=1))
        assert times == expected
        assert len(fake_slack.calls_to("chat.postMessage")) == 3


class TestCatchUp:
    def test_restart_after_the_slot_posts_todays_tip_once(self, fake_slack, tmp_path):
        """A scheduler started at 14:00 posts the 09:00 tip; a restart does not post it again."""
        clock = FakeClock(utc(2026, 11, 23, 14))
        path = tmp_path / "t.db"
        scheduler(fake_slack, path, clock, config(sub()), owner="first").tick()
        assert posted_days(fake_slack) == [("C1", "2026-11-23")]
        clock.advance(60)
        scheduler(fake_slack, path, clock, config(sub()), owner="second").tick()
        assert len(fake_slack.calls_to("chat.postMessage")) == 1

    def test_a_day_missed_entirely_is_not_posted_later(self, fake_slack, tmp_path):
        """Down all of Monday, up on Tuesday at 08:00: Monday's tip is not sent."""
        clock = FakeClock(utc(2026, 11, 24, 8))
        scheduler(fake_slack, tmp_path / "t.db", clock, config(sub())).tick()
        assert not fake_slack.calls_to("chat.postMessage")

    def test_a_restart_mid_post_recovers_without_a_duplicate(self, fake_slack, tmp_path):
        """A process that died after claiming (and posting) leaves a claim the next one checks."""
        clock = FakeClock(utc(2026, 11, 23, 9))
        path = tmp_path / "t.db"
        dead = fx.store_at(path)
        dead.claim("C1", date(2026, 11, 23), "k", "dead", clock.now(), timedelta(minutes=5))
        clock.advance(10 * 60)
        fake_slack.script(
            "conversations.history",
            body={
                "ok": True,
                "messages": [
                    {
                        "ts": "5.5",
                        "metadata": {"event_type": "rolebot_tip", "event_payload": {"day": "2026-11-23"}},
                    }
                ],
            },
        )
        sched = scheduler(fake_slack, path, clock, config(sub()))
        sched.tick()
        assert not fake_slack.calls_to("chat.postMessage")
        assert sched.service.store.posted("C1", date(2026, 11, 23)) == "5.5"


class TestRace:
    def test_two_schedulers_on_one_database_post_each_tip_once(self, fake_slack, tmp_path):
        """Two schedulers ticking at the same moment post each channel's tip exactly once."""
        clock = FakeClock(utc(2026, 11, 23, 9))
        cfg = config(*(sub(f"C{i}") for i in range(4)))
        a = scheduler(fake_slack, tmp_path / "t.db", clock, cfg, owner="A")
        b = scheduler(fake_slack, tmp_path / "t.db", clock, cfg, owner="B")
        start = threading.Barrier(2)

        def go(s):
            start.wait()
            s.tick()

        threads = [threading.Thread(target=go, args=(s,)) for s in (a, b)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert sorted(posted_days(fake_slack)) == [(f"C{i}", "2026-11-23") for i in range(4)]


class TestFaults:
    def test_outage_then_recovery(self, fake_slack, tmp_path, caplog):
        """Slack down at the slot: one log line, a retry after 30 s, then exactly one post."""
        clock = FakeClock(utc(2026, 11, 23, 9))
        sched = scheduler(fake_slack, tmp_path / "t.db", clock, config(sub()), retries=False)
        fake_slack.down()
        with caplog.at_level(logging.WARNING, logger="rolebot.tips"):
            assert sched.tick() == 30
        assert any("unreachable" in r.getMessage() and "\n" not in r.getMessage() for r in caplog.records)
        fake_slack.down(False)
        clock.advance(10)
        sched.tick()
        assert not fake_slack.calls_to("chat.postMessage")  # still backing off
        clock.advance(20)
        sched.tick()
        assert posted_days(fake_slack) == [("C1", "2026-11-23")]

    def test_channel_not_found_pauses_that_channel_and_others_go_on(self, fake_slack, tmp_path):
        """C1 is gone: it is flagged and skipped afterwards; C2 still gets its tip."""
        clock = FakeClock(utc(2026, 11, 23, 9))
        sched = scheduler(fake_slack, tmp_path / "t.db", clock, config(sub("C1"), sub("C2")))
        fake_slack.error("chat.postMessage", "channel_not_found")
        sched.tick()
        assert ("C2", "2026-11-23") in posted_days(fake_slack)
        assert sched.service.subscription("C1").flag == "channel_not_found"
        clock.advance(86400)
        sched.tick()
        assert [c for c, _ in posted_days(fake_slack)] == ["C1", "C2", "C2"]  # C1: one try

    def test_rate_limited_post_waits_and_posts(self, fake_slack, tmp_path):
        """A 429 is waited out inside the pass and the tip goes out once."""
        clock = FakeClock(utc(2026, 11, 23, 9))
        sched = scheduler(fake_slack, tmp_path / "t.db", clock, config(sub()))
        fake_slack.rate_limit("chat.postMessage", retry_after=0)
        sched.tick()
        assert len(fake_slack.calls_to("chat.postMessage")) == 2  # the 429, then the post
        assert sched.service.store.posted("C1", date(2026, 11, 23))
        clock.advance(60)
        sched.tick()
        assert len(fake_slack.calls_to("chat.postMessage")) == 2

    def test_a_failing_pass_is_said_once_and_retried_sooner_and_sooner(self, fake_slack, tmp_path, caplog):
        """Failing passes (the database is down) are one log line, retried after 2, 4, 8, then every 8 s."""
        clock = FakeClock(utc(2026, 11, 23, 9))
        sched = scheduler(fake_slack, tmp_path / "t.db", clock, config(sub()))
        calls = []
        tick = sched.tick

        def broken():
            calls.append(1)
            if len(calls) <= 6:
                raise RuntimeError("database is locked")
            return tick()

        sched.tick = broken
        with caplog.at_level(logging.INFO, logger="rolebot.tips"):
            delays = simulate(sched, clock, clock.now() + timedelta(seconds=150))
        assert delays[:6] == [2, 4, 8, 8, 8, 8]
        assert caplog.text.count("database is locked") == 1
        assert "works again after 6 failed attempt(s)" in caplog.text
        assert posted_days(fake_slack) == [("C1", "2026-11-23")]


class TestSubscriptionChanges:
    def test_turning_tips_off_is_noticed(self, fake_slack, tmp_path):
        """After `/role tips off` the scheduler posts nothing in that channel."""
        clock = FakeClock(utc(2026, 11, 23, 8))
        sched = scheduler(fake_slack, tmp_path / "t.db", clock, config(sub()))
        sched.service.slash("off", "C1", "U1")
        clock.advance(3600)
        sched.tick()
        assert not fake_slack.calls_to("chat.postMessage")

    def test_turning_tips_on_is_noticed(self, fake_slack, tmp_path):
        """`/role tips on 09:30` at 09:00 gives a tip at 09:30 that day."""
        clock = FakeClock(utc(2026, 11, 23, 9))
        sched = scheduler(fake_slack, tmp_path / "t.db", clock, config())
        sched.service.slash("on 09:30 UTC", "C7", "U1")
        assert sched.tick() == 60
        clock.advance(30 * 60)
        sched.tick()
        assert posted_days(fake_slack) == [("C7", "2026-11-23")]
