"""Requests signed exactly as Slack signs them, and small HTTP helpers for tests and bench."""

from __future__ import annotations

import hashlib
import hmac
import http.client
import json
import time
from typing import Any
from urllib.parse import urlencode, urlsplit

from slack_sdk.signature import SignatureVerifier

__all__ = ["SECRET", "Answer", "action", "event", "post", "signed_headers", "slash"]

SECRET = "8f742231b10e8888abcd99yyyzzz85a5"  # a test signing secret (not a real one)


class Answer:
    """An HTTP answer: status, body text, elapsed seconds."""

    def __init__(self, status: int, text: str, elapsed: float) -> None:
        self.status, self.text, self.elapsed = status, text, elapsed

    def json(self) -> Any:
        return json.loads(self.text)


def signed_headers(
    body: str | bytes,
    *,
    secret: str = SECRET,
    timestamp: int | str | None = None,
    content_type: str = "application/x-www-form-urlencoded",
) -> dict[str, str]:
    """Headers Slack sends: X-Slack-Request-Timestamp and a v0 signature of "v0:{ts}:{body}"."""
    ts = str(int(time.time()) if timestamp is None else timestamp)
    if isinstance(body, bytes):  # any bytes, as Slack signs them (the SDK signs UTF-8 text only)
        digest = hmac.new(secret.encode(), f"v0:{ts}:".encode() + body, hashlib.sha256).hexdigest()
        signature = f"v0={digest}"
    else:
        signature = SignatureVerifier(secret).generate_signature(timestamp=ts, body=body)
    return {"Content-Type": content_type, "X-Slack-Request-Timestamp": ts, "X-Slack-Signature": signature}


def slash(
    text: str, response_url: str, *, user: str = "U0ASKER", channel: str = "C0GENERAL", team: str = "T0TEAM"
) -> str:
    """A form-encoded `/role` slash command body."""
    return urlencode(
        {
            "token": "legacy-verification-token",
            "team_id": team,
            "team_domain": "t",
            "channel_id": channel,
            "channel_name": "general",
            "user_id": user,
            "user_name": "asker",
            "command": "/role",
            "text": text,
            "api_app_id": "A0APP",
            "is_enterprise_install": "false",
            "response_url": response_url,
            "trigger_id": "1.2.3",
        }
    )


def event(inner: dict[str, Any], event_id: str = "Ev0001", *, team: str = "T0TEAM", **extra: Any) -> str:
    """An event_callback JSON body wrapping one event (from `team`)."""
    return json.dumps(
        {
            "token": "legacy-verification-token",
            "team_id": team,
            "api_app_id": "A0APP",
            "event": inner,
            "type": "event_callback",
            "event_id": event_id,
            "event_time": int(time.time()),
            "authorizations": [{"team_id": team, "user_id": "U0BOT", "is_bot": True}],
            **extra,
        }
    )


def action(
    action_id: str,
    value: str,
    response_url: str | None,
    *,
    ephemeral: bool = True,
    view: bool = False,
    user: str = "U0ASKER",
) -> str:
    """A form-encoded block_actions body (payload=JSON) for one button click."""
    container = (
        {"type": "view", "view_id": "V0HOME"}
        if view
        else {
            "type": "message",
            "message_ts": "1.000001",
            "channel_id": "C0GENERAL",
            "is_ephemeral": ephemeral,
        }
    )
    payload: dict[str, Any] = {
        "type": "block_actions",
        "team": {"id": "T0TEAM", "domain": "t"},
        "user": {"id": user, "username": "asker", "team_id": "T0TEAM"},
        "api_app_id": "A0APP",
        "token": "legacy-verification-token",
        "container": container,
        "trigger_id": "1.2.3",
        "channel": {"id": "C0GENERAL", "name": "general"},
        "actions": [
            {
                "type": "button",
                "action_id": action_id,
                "block_id": "b1",
                "value": value,
                "text": {"type": "plain_text", "text": "x"},
                "action_ts": "1.000002",
            }
        ],
    }
    if view:
        payload["view"] = {"id": "V0HOME", "type": "home", "blocks": []}
    if response_url is not None:
        payload["response_url"] = response_url
    return urlencode({"payload": json.dumps(payload)})


def post(url: str, body: str | bytes, headers: dict[str, str], timeout: float = 10.0) -> Answer:
    """POST body to url; the status, text and elapsed time of the answer."""
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    start = time.perf_counter()
    try:
        data = body if isinstance(body, bytes) else body.encode()
        conn.request("POST", parts.path, body=data, headers=headers)
        resp = conn.getresponse()
        return Answer(resp.status, resp.read().decode(), time.perf_counter() - start)
    finally:
        conn.close()


def mention(text: str, ts: str = "1700000000.000100", **extra) -> dict:
    return {
        "type": "app_mention",
        "user": "U0ASKER",
        "text": text,
        "ts": ts,
        "channel": "C0GENERAL",
        "event_ts": ts,
        **extra,
    }


def dm(text: str, ts: str = "1700000000.000200", **extra) -> dict:
    return {
        "type": "message",
        "channel_type": "im",
        "user": "U0ASKER",
        "text": text,
        "ts": ts,
        "channel": "D0DM",
        "event_ts": ts,
        **extra,
    }
