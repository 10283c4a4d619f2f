"""Mentions (answered in the mention's thread) and direct messages (answered in the DM).

Bots, the bot itself, edits and deletions never reach these listeners: see bot.slack.middleware.
"""

from __future__ import annotations

from collections.abc import Callable

from slack_bolt import App

from bot.slack import delivery, present
from bot.slack.services import Services

__all__ = ["answer", "direct_message", "mention", "register"]


def answer(services: Services, context: dict, body: dict, event: dict, thread: str) -> tuple[dict, bool]:
    """The message answering `event` in its conversation (team, channel, thread), and whether
    the event opened that conversation."""
    text = event.get("text", "")
    reply, first = services.answer_in(text, services.key(context, body, event.get("channel", ""), thread))
    return present.message(reply, services.record(reply, text, services.team(context, body))), first


def mention(services: Services) -> Callable[..., None]:
    """`@rolebot ...` in a channel: answer in the thread of the mention, with the thread's context."""

    def on_mention(body, event, say, context=None):
        thread = event.get("thread_ts") or event.get("ts") or ""
        message, _ = answer(services, context, body, event, thread)
        say(**message, thread_ts=thread or None, metadata=delivery.metadata(event))

    return on_mention


def direct_message(services: Services) -> Callable[..., None]:
    """A DM to rolebot: answer in the DM (in its thread, if it was written in one); the DM is one
    conversation, and each of its threads another."""

    def on_direct_message(body, event, say, context=None):
        thread = event.get("thread_ts")
        message, _ = answer(services, context, body, event, thread or "")
        say(**message, thread_ts=thread, metadata=delivery.metadata(event))

    return on_direct_message


def register(app: App, services: Services) -> None:
    """Register the app_mention and message.im listeners."""
    app.event("app_mention")(mention(services))
    app.event("message")(direct_message(services))
