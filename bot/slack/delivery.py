"""Did an answer reach Slack although the call that sent it failed? Asked before apologising.

A Web API call that times out, loses its connection or gets a 5xx may still have posted: the
apology would then sit under the answer it apologises for. Mentions and DMs are answered
with message metadata naming the message they answer, so the error handler can look for
the answer (conversations.replies / .history) and apologise only when it is not there.
A response_url cannot be read back: after such a failure nothing more is sent there.
"""

from __future__ import annotations

import http.client
import json
import socket
from collections.abc import Mapping
from typing import Any
from urllib.error import URLError

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.http_retry.builtin_handlers import ConnectionErrorRetryHandler
from slack_sdk.http_retry.request import HttpRequest

__all__ = [
    "EVENT_TYPE",
    "LookBeforeResend",
    "answer_posted",
    "guard_resends",
    "metadata",
    "outcome_unknown",
    "reply_thread",
]

EVENT_TYPE = "rolebot_answer"
_NEVER_SENT = (ConnectionRefusedError, socket.gaierror)
_MAYBE_SENT = (TimeoutError, ConnectionError, http.client.HTTPException)


def metadata(event: Mapping[str, Any]) -> dict[str, Any] | None:
    """The metadata an answer to event is posted with (None when the event has no ts)."""
    ts = event.get("ts")
    return {"event_type": EVENT_TYPE, "event_payload": {"reply_to": ts}} if ts else None


def reply_thread(event: Mapping[str, Any]) -> str | None:
    """The thread an answer to event goes to: a mention's own thread, a DM's thread if any."""
    if event.get("type") == "app_mention":
        return event.get("thread_ts") or event.get("ts")
    return event.get("thread_ts")


def outcome_unknown(error: BaseException) -> bool:
    """Whether the failed call may have reached Slack (timeout, dropped connection, 5xx)."""
    while error.__cause__ is not None:  # respond() wraps its transport errors
        error = error.__cause__
    if isinstance(error, SlackApiError):
        return getattr(error.response, "status_code", 200) >= 500
    if isinstance(error, URLError):
        return not isinstance(error.reason, _NEVER_SENT)
    return isinstance(error, _MAYBE_SENT) and not isinstance(error, _NEVER_SENT)


def answer_posted(client: WebClient, event: Mapping[str, Any]) -> bool | None:
    """Whether rolebot's answer to event is in its channel; None when that cannot be told."""
    channel, ts, thread = event.get("channel"), event.get("ts"), reply_thread(event)
    if not channel or not ts:
        return None
    try:
        if thread:
            resp = client.conversations_replies(
                channel=channel, ts=thread, oldest=ts, include_all_metadata=True, limit=100
            )
        else:
            resp = client.conversations_history(
                channel=channel, oldest=ts, include_all_metadata=True, limit=100
            )
    except (SlackClientError, OSError):
        return None
    for message in resp.get("messages") or []:
        meta = message.get("metadata") or {}
        if meta.get("event_type") == EVENT_TYPE and (meta.get("event_payload") or {}).get("reply_to") == ts:
            return True
    return False


def _posted_answer(request: HttpRequest) -> dict[str, Any] | None:
    """The event a chat.postMessage request answers (from its rolebot_answer metadata), else None."""
    try:
        body = request.body_params or json.loads(request.data or b"{}")
    except (ValueError, UnicodeDecodeError):
        return None
    meta = body.get("metadata") if isinstance(body, dict) else None
    if isinstance(meta, str):
        try:
            meta = json.loads(meta)
        except ValueError:
            return None
    if not isinstance(meta, dict) or meta.get("event_type") != EVENT_TYPE:
        return None
    reply_to = (meta.get("event_payload") or {}).get("reply_to")
    if not reply_to or not body.get("channel"):
        return None
    return {"type": "message", "channel": body["channel"], "ts": reply_to, "thread_ts": body.get("thread_ts")}


class LookBeforeResend(ConnectionErrorRetryHandler):
    """slack_sdk's one retry after a dropped connection, but never a blind chat.postMessage.

    A post whose connection dropped may have reached Slack: an answer (marked with
    rolebot_answer metadata) is sent again only when it is not in its thread or DM
    (`answer_posted`); any other message is not sent again. Other methods retry as before.
    """

    def __init__(self, max_retry_count: int = 1) -> None:
        super().__init__(max_retry_count=max_retry_count)
        self.client: WebClient | None = None  # set by guard_resends: the client that looks

    def _can_retry(self, *, state, request, response=None, error=None) -> bool:  # type: ignore[override]
        if not super()._can_retry(state=state, request=request, response=response, error=error):
            return False
        if not request.url.endswith("/chat.postMessage"):
            return True
        event = _posted_answer(request)
        return event is not None and self.client is not None and answer_posted(self.client, event) is False


def guard_resends(client: WebClient) -> WebClient:
    """Replace the client's blind connection-error retry with LookBeforeResend (in place)."""
    handler = LookBeforeResend()
    handler.client = client
    client.retry_handlers = [
        handler if isinstance(h, ConnectionErrorRetryHandler) else h for h in client.retry_handlers
    ]
    return client
