"""Which events are answered, and what the middleware does with the others."""

from __future__ import annotations

import logging
from unittest.mock import Mock

import pytest

from bot.dedupe import SeenEvents
from bot.middleware import drop_duplicates, drop_unanswerable, is_answerable

DM = {"type": "message", "channel_type": "im", "user": "U1", "text": "hi", "ts": "1.0"}


class TestIsAnswerable:
    def test_a_persons_dm_is_answered(self):
        """A plain DM from a person is answered."""
        assert is_answerable(DM, "U0BOT")

    @pytest.mark.parametrize("change", [
        {"bot_id": "B1"}, {"subtype": "bot_message"}, {"user": "U0BOT"},
        {"subtype": "message_changed"}, {"subtype": "message_deleted"},
        {"channel_type": "channel"}, {"user": None},
    ])
    def test_bots_edits_deletions_and_channels_are_not(self, change):
        """Bot, own, edited, deleted, channel and user-less messages are not answered."""
        assert not is_answerable({**DM, **change}, "U0BOT")

    def test_a_mention_by_a_bot_is_not_answered(self):
        """An app_mention carrying a bot_id is not answered."""
        assert not is_answerable({"type": "app_mention", "user": "U2", "bot_id": "B2"}, "U0BOT")

    def test_other_events_pass(self):
        """app_home_opened and other events are not this filter's business."""
        assert is_answerable({"type": "app_home_opened", "user": "U1"}, "U0BOT")


class TestDropUnanswerable:
    def test_acknowledges_without_calling_next(self):
        """A bot message gets a bare 200 and no listener."""
        nxt = Mock()
        resp = drop_unanswerable({"event": {**DM, "bot_id": "B1"}}, Mock(bot_user_id="U0BOT"), nxt)
        assert resp.status == 200 and not nxt.called

    def test_passes_the_rest_on(self):
        """A person's DM goes on to the listeners."""
        nxt = Mock(return_value=None)
        drop_unanswerable({"event": DM}, Mock(bot_user_id="U0BOT"), nxt)
        assert nxt.called


class TestDropDuplicates:
    def test_second_delivery_stops_here(self):
        """The second delivery of one event_id gets a bare 200 and no listener."""
        middleware = drop_duplicates(SeenEvents())
        body = {"type": "event_callback", "event_id": "Ev1", "event": DM}
        first, second = Mock(return_value=None), Mock()
        middleware(body, logging.getLogger("t"), first)
        resp = middleware(body, logging.getLogger("t"), second)
        assert first.called and not second.called and resp.status == 200

    def test_commands_and_actions_always_pass(self):
        """Bodies without event_id (commands, actions) are never dropped."""
        middleware = drop_duplicates(SeenEvents())
        calls = Mock(return_value=None)
        for _ in range(2):
            middleware({"command": "/role"}, logging.getLogger("t"), calls)
        assert calls.call_count == 2
