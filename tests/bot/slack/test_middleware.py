"""Which events are answered, and what the gate does with each request."""

from __future__ import annotations

from unittest.mock import Mock

import pytest
from slack_bolt import BoltRequest

from bot.slack.dedupe import SeenEvents
from bot.slack.middleware import Gate, is_answerable

DM = {"type": "message", "channel_type": "im", "channel": "D1", "user": "U1", "text": "hi", "ts": "1.0"}


def request(body: dict) -> BoltRequest:
    req = BoltRequest(body=body, mode="socket_mode")
    req.context["bot_user_id"] = "U0BOT"
    return req


def event(inner: dict, event_id: str = "Ev1") -> dict:
    return {"type": "event_callback", "event_id": event_id, "event": inner}


class TestIsAnswerable:
    def test_a_persons_dm_is_answered(self):
        """A plain DM from a person is answered."""
        assert is_answerable(DM, "U0BOT")

    @pytest.mark.parametrize(
        "change",
        [
            {"bot_id": "B1"},
            {"subtype": "bot_message"},
            {"user": "U0BOT"},
            {"subtype": "message_changed"},
            {"subtype": "message_deleted"},
            {"channel_type": "channel"},
            {"user": None},
            {"channel": None},
        ],
    )
    def test_bots_edits_deletions_and_channels_are_not(self, change):
        """Bot, own, edited, deleted, channel and user-less messages are not answered."""
        assert not is_answerable({**DM, **change}, "U0BOT")

    def test_a_mention_by_a_bot_is_not_answered(self):
        """An app_mention carrying a bot_id is not answered."""
        assert not is_answerable({"type": "app_mention", "user": "U2", "bot_id": "B2"}, "U0BOT")

    def test_other_events_pass(self):
        """app_home_opened and other events are not this filter's business."""
        assert is_answerable({"type": "app_home_opened", "user": "U1"}, "U0BOT")


class TestGate:
    def _run(self, gate: Gate, body: dict):
        nxt = Mock(return_value=None)
        req = request(body)
        return gate.process(req=req, resp=Mock(), next=nxt), nxt, req

    def test_bot_messages_get_a_bare_200(self):
        """A bot message is acknowledged and goes to no listener."""
        resp, nxt, _ = self._run(Gate(SeenEvents()), event({**DM, "bot_id": "B1"}))
        assert resp.status == 200 and not nxt.called

    def test_a_persons_dm_goes_on(self):
        """A person's DM goes on to the listeners."""
        _, nxt, _ = self._run(Gate(SeenEvents()), event(DM))
        assert nxt.called

    def test_second_delivery_stops_here(self):
        """The second delivery of one event_id gets a bare 200 and no listener."""
        gate = Gate(SeenEvents())
        _, first, _ = self._run(gate, event(DM))
        resp, second, _ = self._run(gate, event(DM))
        assert first.called and not second.called and resp.status == 200

    def test_commands_are_acknowledged_at_once_and_never_dropped(self):
        """A command is acked in the gate and always goes on, however often it comes."""
        gate = Gate(SeenEvents())
        for _ in range(2):
            _, nxt, req = self._run(gate, {"command": "/role", "text": "x"})
            assert nxt.called and req.context.ack.response.status == 200

    def test_clicks_are_acknowledged_at_once(self):
        """A block_actions click is acked in the gate."""
        _, nxt, req = self._run(Gate(SeenEvents()), {"type": "block_actions", "actions": []})
        assert nxt.called and req.context.ack.response is not None

    def test_events_are_left_to_bolts_auto_ack(self):
        """The gate does not ack events (Bolt acks them itself)."""
        _, _, req = self._run(Gate(SeenEvents()), event(DM))
        assert req.context.ack.response is None
