"""The gate before every listener: ack at once, drop duplicates and events never answered."""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from typing import Any

from slack_bolt import BoltRequest, BoltResponse
from slack_bolt.middleware import Middleware

from bot.ops import logs, metrics
from bot.slack.dedupe import Seen
from bot.slack.respond import Connections, PooledRespond
from bot.webapi import counting

__all__ = ["ANSWERED_SUBTYPES", "Gate", "is_answerable"]

ANSWERED_SUBTYPES = (None, "file_share", "thread_broadcast")
_log = logging.getLogger("rolebot.gate")


def is_answerable(event: Mapping[str, Any], own_user_id: str | None) -> bool:
    """Whether a message or mention comes from a person (not a bot, edit or deletion)."""
    if event.get("type") not in ("message", "app_mention"):
        return True
    if event.get("bot_id") or event.get("bot_profile"):
        return False
    if event.get("subtype") not in ANSWERED_SUBTYPES or not event.get("user") or not event.get("channel"):
        return False
    if own_user_id is not None and event.get("user") == own_user_id:
        return False
    return event.get("type") == "app_mention" or event.get("channel_type") == "im"


class Gate(Middleware):
    """Global middleware, after Bolt's signature check and before any listener.

    - A repeated event_id (Slack's retry, X-Slack-Retry-Num, or a double delivery) and an
      event rolebot never answers (bots, itself, edits, deletions) get a bare 200.
    - Commands and clicks are acknowledged here, in the request thread: Bolt looks for an
      ack() made on a listener thread only every 10 ms, one made here is seen at once.
      Listeners still call ack() first (a second ack() changes nothing).
    - Their respond() is bot.slack.respond's, which keeps connections to response_url hosts open.

    A Middleware subclass rather than a function: Bolt then skips its per-call argument
    injection, which is a measurable share of the time spent per request.
    """

    def __init__(self, seen: Seen, connections: Connections | None = None) -> None:
        self.seen = seen
        self.connections = connections if connections is not None else Connections()

    def process(
        self, *, req: BoltRequest, resp: BoltResponse, next: Callable[[], BoltResponse]
    ) -> BoltResponse | None:
        body = req.body
        if body.get("type") == "event_callback":
            event_id, event = body.get("event_id"), body.get("event")
            if event_id and not self.seen.first_time(event_id):
                _log.info("event %s already answered: delivery ignored", event_id)
                metrics.dedupe_hit()
                metrics.request_done(logs.current(), "duplicate")
                return BoltResponse(status=200, body="")
            if isinstance(event, dict) and not is_answerable(event, req.context.bot_user_id):
                metrics.request_done(logs.current(), "ignored")
                return BoltResponse(status=200, body="")
        elif body.get("command") or body.get("type") == "block_actions":
            req.context.ack()
        counting(req.context.client)
        if req.context.response_url:
            req.context["respond"] = PooledRespond(req.context.response_url, self.connections)
        return next()
