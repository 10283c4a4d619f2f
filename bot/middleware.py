"""Global Bolt middleware: drop duplicate deliveries and events rolebot never answers."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from slack_bolt import BoltResponse

from bot.dedupe import SeenEvents

__all__ = ["ANSWERED_SUBTYPES", "drop_duplicates", "drop_unanswerable", "is_answerable"]

ANSWERED_SUBTYPES = (None, "file_share", "thread_broadcast")


def is_answerable(event: Mapping[str, Any], own_user_id: str | None) -> bool:
    """Whether a message or mention comes from a person (not a bot, edit or deletion)."""
    if event.get("type") not in ("message", "app_mention"):
        return True
    if event.get("bot_id") or event.get("bot_profile"):
        return False
    if event.get("subtype") not in ANSWERED_SUBTYPES or not event.get("user"):
        return False
    if own_user_id is not None and event.get("user") == own_user_id:
        return False
    return event.get("type") == "app_mention" or event.get("channel_type") == "im"


def _done() -> BoltResponse:
    return BoltResponse(status=200, body="")


def drop_duplicates(seen: SeenEvents) -> Callable[..., Any]:
    """Middleware answering a repeated event_id (a retry or a double delivery) with a bare 200."""

    def drop_duplicate_events(body, logger, next):
        event_id = body.get("event_id")
        if body.get("type") == "event_callback" and event_id and not seen.first_time(event_id):
            logger.info("event %s already answered: delivery ignored", event_id)
            return _done()
        return next()

    return drop_duplicate_events


def drop_unanswerable(body, context, next):
    """Middleware acknowledging, without answering, bot messages, edits and deletions."""
    event = body.get("event")
    if isinstance(event, dict) and not is_answerable(event, context.bot_user_id):
        return _done()
    return next()
