"""What reaches rolebot from Slack, before Bolt sees it: decoded strictly, shape-checked, routed.

Bolt assumes every body is shaped as Slack sends it: it indexes `body["actions"][0]`,
`body["event"]["type"]` or `body["workflow_step"]` and calls `.get` on `user`, `team` or
`channel` while it builds a request, matches listeners and injects their arguments, whether
or not a listener will want the body. A body it cannot take is refused here (400), and a
body rolebot has no listener for is acknowledged and ignored here, so Bolt only ever sees
the commands, clicks and events rolebot answers, in the shape its listeners read.
Used by the HTTP guard (bot.slack.wsgi) and by Socket Mode (bot.slack.socketmode).
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import parse_qsl

__all__ = ["COMMAND", "EVENTS", "REVOCATION", "Refused", "decode", "route"]

COMMAND = "/role"
ACTION_PREFIX = "rolebot:"
EVENTS = frozenset(
    {
        "app_mention",
        "message",
        "app_home_opened",
        "assistant_thread_started",
        "assistant_thread_context_changed",
        *("app_uninstalled", "tokens_revoked"),  # multi-workspace mode: the team's data is deleted
    }
)
REVOCATION = ("app_uninstalled", "tokens_revoked")
JSON, FORM = "application/json", "application/x-www-form-urlencoded"
_NAMED = ("enterprise", "team", "user", "channel")  # a string id or an object with an id
_OBJECTS = ("message", "previous_message", "item", "assistant_thread", "function_data", "container", "view")
_LISTS = ("authorizations", "response_urls", "actions")  # lists of objects
_TEXTS = (
    *("type", "command", "text", "response_url", "team_id", "channel_id", "user_id"),
    *("ts", "thread_ts", "subtype", "channel_type", "tab"),
)


class Refused(Exception):
    """A body refused before Bolt: the HTTP status and a short reason for the log."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status, self.reason = status, reason


def _object(text: str, what: str) -> dict[str, Any]:
    try:
        value = json.loads(text)
    except (ValueError, RecursionError):  # RecursionError: absurdly deep nesting
        raise Refused(400, f"{what} is not JSON") from None
    if not isinstance(value, dict):
        raise Refused(400, f"{what} is JSON {type(value).__name__}, not an object")
    return value


def decode(raw: bytes, content_type: str | None) -> dict[str, Any]:
    """The body as Slack meant it: a JSON object, a slash command's form, or a `payload=` object."""
    kind = (content_type or "").split(";")[0].strip().lower()
    if kind not in (JSON, FORM):
        raise Refused(415, f"content type {kind or 'missing'}")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise Refused(400, "body is not UTF-8") from None
    if kind == JSON:
        return _object(text, "body")
    try:
        form = dict(parse_qsl(text, keep_blank_values=True, strict_parsing=True))
    except ValueError:
        raise Refused(400, "body is not a form") from None
    if "payload" in form:
        return _object(form["payload"], "payload")
    if "command" not in form and "ssl_check" not in form:
        raise Refused(400, "form is neither a command nor a payload")
    return form


def _problem(obj: dict[str, Any], where: str, depth: int = 0) -> str | None:
    """Why Bolt's request building (bolt.request.internals.build_context) would trip on obj."""
    for key in _NAMED:
        if obj.get(key) is not None and not isinstance(obj[key], str | dict):
            return f"{where}{key} is {type(obj[key]).__name__}"
    for key in _TEXTS:
        if obj.get(key) is not None and not isinstance(obj[key], str):
            return f"{where}{key} is {type(obj[key]).__name__}"
    for key in _LISTS:
        value = obj.get(key)
        if value is not None and not (isinstance(value, list) and all(isinstance(v, dict) for v in value)):
            return f"{where}{key} is not a list of objects"
    for key in ("event", *_OBJECTS):
        value = obj.get(key)
        if value is not None and not isinstance(value, dict):
            return f"{where}{key} is {type(value).__name__}"
        if value is not None and depth < 2:
            found = _problem(value, f"{where}{key}.", depth + 1)
            if found:
                return found
    for value in obj.get("authorizations") or []:
        found = _problem(value, f"{where}authorizations[].", 2)
        if found:
            return found
    return None


def route(body: dict[str, Any]) -> str | None:
    """The listener kind that takes body ("command", "action", "event", "url_verification"),
    None when rolebot has none (acknowledge and ignore); Refused(400) when it is not what
    Slack sends."""
    kind = body.get("type")
    if kind is None and "command" in body:
        kind = "slash_command"
    if not isinstance(kind, str) or not kind:
        raise Refused(400, "no type")
    problem = _problem(body, "")
    if problem:
        raise Refused(400, problem)
    if kind == "event_callback" and not (body.get("event") or {}).get("type"):
        raise Refused(400, "event_callback without an event type")
    if kind == "slash_command":
        return "command" if body["command"] == COMMAND else None
    if kind == "url_verification":
        return kind if isinstance(body.get("challenge"), str) else None
    if kind == "event_callback":
        return "event" if body["event"]["type"] in EVENTS else None
    if kind == "block_actions":
        actions = body.get("actions") or [{}]
        action_id = actions[0].get("action_id")
        if isinstance(action_id, str) and action_id.startswith(ACTION_PREFIX):
            value = actions[0].get("value")
            if value is not None and not isinstance(value, str):
                raise Refused(400, "action value is not a string")
            return "action"
    return None
