"""Posting one tip: exactly once, with Slack's faults handled and claims recovered safely."""

from __future__ import annotations

import socket
import time
from datetime import date, timedelta

import pytest
from slack_sdk import WebClient

from bot.tips.poster import EVENT_TYPE
from tests.bot.tips import fixtures as fx
from tests.bot.tips.fixtures import poster_for, rotation
from tests.fake_clock import FakeClock, utc

fake_slack, _module_fake_slack = fx.fake_slack, fx._module_fake_slack  # one server per module

DAY = date(2026, 11, 23)
LEASE = timedelta(minutes=10)


@pytest.fixture
def clock():
    return FakeClock(utc(2026, 11, 23, 9))


@pytest.fixture
def poster(fake_slack, tmp_path, clock):
    p = poster_for(fake_slack, tmp_path / "t.db", clock)
    yield p
    p.store.close()


def history_with(day: date, ts: str = "1700000000.000100") -> dict:
    return {
        "ok": True,
        "has_more": False,
        "messages": [
            {"type": "message", "text": "something else", "ts": "1700000000.000050"},
            {
                "type": "message",
                "ts": ts,
                "metadata": {
                    "event_type": EVENT_TYPE,
                    "event_payload": {"channel": "C1", "day": day.isoformat()},
                },
            },
        ],
    }


class TestPost:
    def test_posts_the_days_tip_with_blocks_and_a_marker(self, poster, fake_slack):
        """chat.postMessage gets the tip's text, blocks and the rolebot_tip metadata."""
        outcome = poster.post("C1", DAY)
        assert outcome.status == "posted" and outcome.ts
        (call,) = fake_slack.calls_to("chat.postMessage")
        tip = rotation().nth("C1", 0)
        assert call.body["channel"] == "C1" and call.body["text"] == tip.text
        assert call.body["blocks"][-1]["elements"][0]["action_id"] == "rolebot:tip"
        assert call.body["metadata"]["event_type"] == EVENT_TYPE
        assert call.body["metadata"]["event_payload"]["day"] == "2026-11-23"
        assert poster.store.posted("C1", DAY) == outcome.ts

    def test_second_post_is_already_done(self, poster, fake_slack):
        """Posting the same channel and day again sends nothing."""
        first = poster.post("C1", DAY)
        again = poster.post("C1", DAY)
        assert again.status == "already" and again.ts == first.ts and again.ok
        assert len(fake_slack.calls_to("chat.postMessage")) == 1

    def test_rate_limit_is_waited_out(self, poster, fake_slack):
        """A 429 with Retry-After: 1 is waited out and the tip is posted once."""
        fake_slack.rate_limit("chat.postMessage", retry_after=1)
        started = time.monotonic()
        assert poster.post("C1", DAY).status == "posted"
        assert time.monotonic() - started >= 0.9
        assert len(fake_slack.calls_to("chat.postMessage")) == 2

    def test_rate_limit_that_persists_leaves_the_tip_due(self, fake_slack, tmp_path, clock):
        """When Slack still says 429 after the retries, the claim is released: still due."""
        poster = poster_for(fake_slack, tmp_path / "t.db", clock, retries=False)
        fake_slack.rate_limit("chat.postMessage", retry_after=0)
        outcome = poster.post("C1", DAY)
        assert outcome.status == "failed" and outcome.retry and "ratelimited" in outcome.reason
        assert poster.post("C1", DAY).status == "posted"
        assert not fake_slack.calls_to("conversations.history")  # released: nothing to check

    def test_channel_not_found_pauses_the_channel(self, poster, fake_slack):
        """channel_not_found fails without retry and flags the channel."""
        fake_slack.error("chat.postMessage", "channel_not_found")
        outcome = poster.post("C1", DAY)
        assert outcome.status == "failed" and not outcome.retry
        assert "channel_not_found" in outcome.line()
        assert poster.store.flags() == {"C1": "channel_not_found"}
        assert poster.store.posted("C1", DAY) is None

    def test_outage_then_recovery_posts_once(self, fake_slack, tmp_path, clock):
        """Slack unreachable: the tip stays due; after recovery it is checked for, then posted."""
        poster = poster_for(fake_slack, tmp_path / "t.db", clock, retries=False)
        fake_slack.down()
        outcome = poster.post("C1", DAY)
        assert outcome.status == "failed" and outcome.retry and "unreachable" in outcome.reason
        fake_slack.down(False)
        clock.advance(60)
        assert poster.post("C1", DAY).status == "posted"
        assert len(fake_slack.calls_to("conversations.history")) == 1
        assert len(fake_slack.calls_to("chat.postMessage")) == 1

    def test_connection_refused_is_certainly_unsent(self, fake_slack, tmp_path, clock):
        """Nothing listening: the claim is released, so the next try posts without looking."""
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        closed = WebClient(token="xoxb-test", base_url=f"http://127.0.0.1:{port}/api/")
        poster = poster_for(fake_slack, tmp_path / "t.db", clock)
        poster.client = closed
        outcome = poster.post("C1", DAY)
        assert outcome.retry and "ConnectionRefusedError" in outcome.reason
        assert poster.store.claim("C1", DAY, "k", "B", clock.now(), LEASE).status == "new"

    def test_server_error_is_an_unknown_outcome(self, poster, fake_slack):
        """A 5xx may have posted, so the next attempt looks before posting."""
        fake_slack.script("chat.postMessage", status=500, body={"ok": False, "error": "fatal"}, times=2)
        assert poster.post("C1", DAY).retry
        fake_slack.script("conversations.history", body=history_with(DAY, "111.222"))
        outcome = poster.post("C1", DAY)
        assert (outcome.status, outcome.ts) == ("already", "111.222")
        assert poster.store.posted("C1", DAY) == "111.222"


class TestTipsClient:
    def test_waits_out_429_but_never_resends_after_a_dropped_connection(self, fake_slack):
        """tips_client keeps the rate-limit retry and drops the blind connection retry."""
        client = fx.client_for(fake_slack)
        kinds = {type(h).__name__ for h in client.retry_handlers}
        assert "RateLimitErrorRetryHandler" in kinds
        assert "ConnectionErrorRetryHandler" not in kinds


class TestRotation:
    def test_each_post_takes_the_next_tip_whatever_the_calendar(self, poster, fake_slack):
        """Posts on a Friday, the Monday after and a week later are the channel's tips 0, 1 and 2."""
        for day in (date(2026, 11, 20), date(2026, 11, 23), date(2026, 11, 30)):
            assert poster.post("C1", day).status == "posted"
        texts = [c.body["text"] for c in fake_slack.calls_to("chat.postMessage")]
        assert texts == [rotation().nth("C1", n).text for n in range(3)]


class TestClaimRecovery:
    def test_a_live_claim_of_another_process_is_left_alone(self, fake_slack, tmp_path, clock):
        """While another owner's lease runs, nothing is sent."""
        a = poster_for(fake_slack, tmp_path / "t.db", clock, owner="A")
        tip = rotation().nth("C1", 0)
        a.store.claim("C1", DAY, tip.key, "dead", clock.now(), timedelta(minutes=5))
        assert a.post("C1", DAY).status == "busy"
        assert not fake_slack.calls_to("chat.postMessage")

    def test_a_dead_claim_whose_message_exists_is_not_posted_again(self, poster, fake_slack, clock):
        """An expired claim is taken over; the marker in history proves it was posted."""
        poster.store.claim("C1", DAY, "k", "dead", clock.now(), timedelta(minutes=5))
        clock.advance(6 * 60)
        fake_slack.script("conversations.history", body=history_with(DAY))
        outcome = poster.post("C1", DAY)
        assert outcome.status == "already" and outcome.ts == "1700000000.000100"
        assert not fake_slack.calls_to("chat.postMessage")

    def test_a_dead_claim_without_a_message_is_posted(self, poster, fake_slack, clock):
        """An expired claim with no marker in history (another day's only) is posted now."""
        poster.store.claim("C1", DAY, "k", "dead", clock.now(), timedelta(minutes=5))
        clock.advance(6 * 60)
        fake_slack.script("conversations.history", body=history_with(DAY - timedelta(days=1)))
        assert poster.post("C1", DAY).status == "posted"
        assert len(fake_slack.calls_to("chat.postMessage")) == 1

    def test_unreadable_history_means_no_post(self, poster, fake_slack, clock):
        """If history cannot be read (missing_scope), the tip is not posted: no duplicate."""
        poster.store.claim("C1", DAY, "k", "dead", clock.now(), timedelta(minutes=5))
        clock.advance(6 * 60)
        fake_slack.error("conversations.history", "missing_scope")
        outcome = poster.post("C1", DAY)
        assert outcome.status == "failed" and "duplicate" in outcome.reason
        assert not fake_slack.calls_to("chat.postMessage")
