"""Slack's assistant view (the split view with suggested prompts), through Bolt's Assistant.

A new assistant thread is greeted with a few suggested prompts from the knowledge base; each
message in it is answered by the same engine as mentions and DMs, with the thread's earlier
turns as context. While answering, the thread shows a status; its title is the first question.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from slack_bolt import App, Assistant
from slack_sdk.errors import SlackApiError

from bot.slack import delivery
from bot.slack.listeners.events import answer
from bot.slack.services import Services
from handlers.prompts import suggested_prompts

__all__ = ["GREETING", "register", "thread_started", "user_message"]

log = logging.getLogger("rolebot")
GREETING = (
    "Hi! I answer questions about five AI/ML engineering roles: what they do, what they pay, "
    "what they need and where they're heading. Ask me anything, or pick a prompt below."
)
_TITLE = 80  # characters of the first question kept as the thread's title
_STATUS = "is looking through the role documents..."


def _quietly(call: Callable[[], object], what: str) -> None:
    """A cosmetic assistant call (status, title, prompts): a refusal is logged, never fatal."""
    try:
        call()
    except SlackApiError as exc:
        log.info("assistant: %s not set (%s)", what, exc.response.get("error"))


def thread_started(services: Services) -> Callable[..., None]:
    """Greet the new thread and offer prompts drawn from the knowledge base."""

    def on_thread_started(say, set_suggested_prompts):
        say(GREETING)
        day = int(time.time() // 86_400)
        prompts = suggested_prompts(services.kb, day)
        _quietly(lambda: set_suggested_prompts(prompts=prompts, title="Try asking:"), "prompts")

    return on_thread_started


def user_message(services: Services) -> Callable[..., None]:
    """Answer a message in the thread, with the thread's earlier turns as context."""

    def on_user_message(body, payload, say, set_status, set_title, context=None):
        _quietly(lambda: set_status(_STATUS), "status")
        thread = payload.get("thread_ts") or payload.get("ts", "")
        message, first = answer(services, context, body, payload, thread)
        if first:
            text = " ".join(str(payload.get("text", "")).split())
            _quietly(lambda: set_title(text[:_TITLE] or "rolebot"), "title")
        say(**message, metadata=delivery.metadata(payload))  # found again before any resend

    return on_user_message


def register(app: App, services: Services) -> None:
    """The Assistant middleware with rolebot's listeners (Slack's own channel context is not used)."""
    assistant = Assistant(logger=log)
    assistant.thread_started(thread_started(services))
    assistant.thread_context_changed(lambda: None)  # rolebot does not use the viewed channel
    assistant.user_message(user_message(services))
    app.use(assistant)
