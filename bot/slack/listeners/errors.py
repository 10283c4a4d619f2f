"""The one error handler: the user gets a short apology, the log gets the details."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from slack_bolt import App
from slack_sdk.errors import SlackClientError

from bot.ops import logs
from bot.slack import delivery
from bot.slack.services import Services
from bot.store import StoreError

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


def _apologise(
    error: BaseException,
    body: Mapping[str, Any],
    respond: Callable[..., Any] | None,
    client: Any,
    logger: Any,
) -> None:
    unknown = delivery.outcome_unknown(error)  # the answer may have gone through
    if getattr(respond, "response_url", None):  # Bolt injects respond even without a URL
        if unknown:  # a response_url cannot be read back: no apology under a delivered answer
            logger.warning("no apology: the answer may have reached response_url")
            return
        respond(text=APOLOGY, response_type="ephemeral", replace_original=False)
        return
    event = _object(body.get("event"))
    if event.get("type") in ("app_mention", "message") and event.get("channel"):
        if unknown:
            posted = delivery.answer_posted(client, event)
            if posted is not False:
                logger.warning(
                    "no apology: the answer %s", "went through" if posted else "may have gone through"
                )
                return
        client.chat_postMessage(
            channel=event["channel"], thread_ts=delivery.reply_thread(event), text=APOLOGY
        )


def on_error(error, body, respond, client, logger):
    """Log the failure (a bug with its traceback, an outage in one line); tell the user, if
    there is one to tell and the answer did not reach them after all."""
    request = logs.current()
    if request is not None:
        request.failed = True
    outage = isinstance(error, SlackClientError | OSError | StoreError)
    trace = None if outage else (type(error), error, error.__traceback__)
    logger.error("rolebot failed on %s: %s: %s", describe(body), type(error).__name__, error, exc_info=trace)
    try:
        _apologise(error, _object(body), respond, client, logger)
    except (SlackClientError, OSError) as exc:
        logger.warning("could not deliver the apology: %s", exc)


def register(app: App, services: Services) -> None:
    """Install on_error as the app's error handler."""
    app.error(on_error)
