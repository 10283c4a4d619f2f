"""The one error handler: the user gets a short apology, the log gets the details."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from slack_bolt import App
from slack_sdk.errors import SlackClientError

from bot.slack.services import Services

__all__ = ["APOLOGY", "describe", "on_error", "register"]

APOLOGY = "Sorry, something went wrong on my side while answering that. Please try again in a moment."


def _object(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _id(value: Any) -> Any:
    return value if isinstance(value, str) else _object(value).get("id")


def describe(body: Any) -> str:
    """Where a failing request came from, without tokens or user text (any body: never raises)."""
    body = _object(body)
    event = _object(body.get("event"))
    actions = body.get("actions")
    action = _object(actions[0] if isinstance(actions, list) and actions else None)
    parts = {
        "type": body.get("type") or ("slash_command" if body.get("command") else None),
        "command": body.get("command"),
        "event": event.get("type"),
        "event_id": body.get("event_id"),
        "action": action.get("action_id"),
        "team": body.get("team_id") or _id(body.get("team")),
        "channel": body.get("channel_id") or event.get("channel") or _id(body.get("channel")),
        "user": body.get("user_id") or event.get("user") or _id(body.get("user")),
    }
    return " ".join(f"{k}={v}" for k, v in parts.items() if v and isinstance(v, str | int))


def _apologise(body: Mapping[str, Any], respond: Callable[..., Any] | None, client: Any) -> None:
    if getattr(respond, "response_url", None):  # Bolt injects respond even without a URL
        respond(text=APOLOGY, response_type="ephemeral", replace_original=False)
        return
    event = body.get("event") or {}
    if event.get("type") in ("app_mention", "message") and event.get("channel"):
        thread = event.get("thread_ts") or (event.get("ts") if event["type"] == "app_mention" else None)
        client.chat_postMessage(channel=event["channel"], thread_ts=thread, text=APOLOGY)


def on_error(error, body, respond, client, logger):
    """Log the failure with its traceback; tell the user, if there is one to tell."""
    logger.error(
        "rolebot failed on %s: %s", describe(body), error, exc_info=(type(error), error, error.__traceback__)
    )
    try:
        _apologise(body, respond, client)
    except (SlackClientError, OSError) as exc:
        logger.warning("could not deliver the apology: %s", exc)


def register(app: App, services: Services) -> None:
    """Install on_error as the app's error handler."""
    app.error(on_error)
