"""Logging: one stderr handler, one line per record (plain text or JSON), never a token.

`LOG_FORMAT=json` makes each line one JSON object: time, level, event id, team, kind (of the
Slack request being handled, from `current()`), logger and message (a traceback, when there
is one, rides along in "exc" on the same line). slack_sdk's own line about a failed Web API
call is dropped: rolebot logs that failure once itself.
"""

from __future__ import annotations

import contextvars
import json
import logging
import re
import sys
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime

__all__ = [
    "JsonLines",
    "Redact",
    "Request",
    "current",
    "end_request",
    "quiet_sdk",
    "redact",
    "setup_logging",
    "start_request",
]

_SECRET_FIELDS = r"(?:token|refresh_token|client_secret|signing_secret|code)"
_SECRETS = [
    (re.compile(r"\bx(?:ox[a-z]|app)-[A-Za-z0-9-]+"), "[redacted]"),
    (re.compile(rf"(\b{_SECRET_FIELDS}=)[^&\s,)]+"), r"\1[redacted]"),
    (re.compile(rf"""(["']{_SECRET_FIELDS}["']\s*:\s*["'])[^"']*"""), r"\1[redacted]"),
    (re.compile(r"(\bwith code: )\S+"), r"\1[redacted]"),  # bolt's oauth.v2.access failure line
    (re.compile(r"(\bBasic )[A-Za-z0-9+/=]+"), r"\1[redacted]"),  # client id:secret
]
_SDK_LOGGERS = ("slack_sdk", "slack_bolt")  # their DEBUG lines carry tokens and request bodies
_NOISE = "`token` will be unused"  # Bolt reads SLACK_BOT_TOKEN itself; we pass the client
_SDK_ECHO = "Failed to send a request to Slack API server"  # a failure rolebot logs itself
_PLAIN = "%(asctime)s %(levelname)s %(name)s: %(message)s"


@dataclass
class Request:
    """The Slack request being handled: what a log line says it is about, and its timing."""

    kind: str
    event_id: str | None = None
    team: str | None = None
    started: float = field(default_factory=time.perf_counter)
    failed: bool = False
    counted: bool = False


_current: contextvars.ContextVar[Request | None] = contextvars.ContextVar("rolebot_request", default=None)


def start_request(kind: str, event_id: str | None = None, team: str | None = None) -> Request:
    """Mark the rest of this context (thread, greenlet, listener run) as handling one request."""
    request = Request(
        kind, event_id if isinstance(event_id, str) else None, team if isinstance(team, str) else None
    )
    _current.set(request)
    return request


def end_request() -> None:
    """This context handles no request any more (a reused thread must not keep the last one)."""
    _current.set(None)


def current() -> Request | None:
    """The request this context handles, if any."""
    return _current.get()


def redact(text: str) -> str:
    """Text with Slack tokens and `token` fields replaced by [redacted]."""
    for pattern, repl in _SECRETS:
        text = pattern.sub(repl, text)
    return text


class Redact(logging.Formatter):
    """A formatter passing each whole line (traceback included) through `redact`."""

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


class JsonLines(logging.Formatter):
    """One JSON object per record: time, level, event_id, team, kind, logger, message [, exc]."""

    def format(self, record: logging.LogRecord) -> str:
        request = current()
        line = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "event_id": request.event_id if request else None,
            "team": request.team if request else None,
            "kind": request.kind if request else None,
            "logger": record.name,
            "message": redact(record.getMessage()),
        }
        if record.exc_info:
            line["exc"] = redact(self.formatException(record.exc_info))
        return json.dumps(line, ensure_ascii=False)


def _not_noise(record: logging.LogRecord) -> bool:
    message = record.getMessage()
    if _NOISE in message:
        return False
    return not (record.name.startswith("slack_sdk") and message.startswith(_SDK_ECHO))


def quiet_sdk() -> None:
    """slack_sdk and bolt never log below INFO, whatever the root level."""
    for name in _SDK_LOGGERS:
        logger = logging.getLogger(name)
        if logger.getEffectiveLevel() < logging.INFO:
            logger.setLevel(logging.INFO)


def setup_logging(level: int = logging.INFO, fmt: str = "text") -> None:
    """Root logging to stderr, redacted, as plain lines or (fmt "json") JSON objects; slack_sdk
    and bolt at INFO or above."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonLines() if fmt == "json" else Redact(_PLAIN))
    handler.addFilter(_not_noise)
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    quiet_sdk()
