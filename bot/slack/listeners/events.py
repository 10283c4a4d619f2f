"""Mentions (answered in the mention's thread) and direct messages (answered in the DM).

Bots, the bot itself, edits and deletions never reach these listeners: see bot.slack.middleware.
"""

from __future__ import annotations

from collections.abc import Callable

from slack_bolt import App

from bot.slack import delivery, present
from bot.slack.services import Services

__all__ = ["direct_message", "mention", "register"]


def mention(services: Services) -> Callable[..., None]:
    """`@rolebot ...` in a channel: answer in the thread of the mention."""

    def on_mention(event, say):
        reply = services.answer(event.get("text", ""))
        thread = event.get("thread_ts") or event.get("ts")
        say(**present.message(reply), thread_ts=thread, metadata=delivery.metadata(event))

    return on_mention


def direct_message(services: Services) -> Callable[..., None]:
    """A DM to rolebot: answer in the DM (in its thread, if it was written in one)."""

    def on_direct_message(event, say):
        reply = services.answer(event.get("text", ""))
        thread = event.get("thread_ts")
        say(**present.message(reply), thread_ts=thread, metadata=delivery.metadata(event))

    return on_direct_message


def register(app: App, services: Services) -> None:
    """Register the app_mention and message.im listeners."""
    app.event("app_mention")(mention(services))
    app.event("message")(direct_message(services))
