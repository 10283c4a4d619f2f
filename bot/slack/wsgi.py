"""The WSGI app `serve` runs: POST /slack/events (guarded, then Bolt) and GET /healthz."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any
from urllib.parse import parse_qs

from slack_bolt import App
from slack_bolt.adapter.wsgi import SlackRequestHandler

__all__ = ["EVENTS_PATH", "HEALTH_PATH", "MAX_BODY", "make_wsgi"]

EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/healthz"
MAX_BODY = 1_000_000  # Slack's payloads are a few KB; refuse anything absurd before reading it
_TIMESTAMP = re.compile(r"^[0-9]{1,15}$")

Wsgi = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


def _answer(start_response: Callable[..., Any], status: str, body: Mapping[str, Any]) -> Iterable[bytes]:
    data = json.dumps(body).encode()
    start_response(status, [("Content-Type", "application/json"), ("Content-Length", str(len(data)))])
    return [data]


def _refusal(environ: dict[str, Any]) -> tuple[str, dict[str, str]] | None:
    """Why a POST to /slack/events is refused before Bolt sees it (None: let Bolt verify it)."""
    length = environ.get("CONTENT_LENGTH") or "0"
    if not length.isascii() or not length.isdigit():
        return "400 Bad Request", {"error": "bad content length"}
    if int(length) > MAX_BODY:
        return "413 Content Too Large", {"error": "request too large"}
    # Bolt verifies the signature and the age of the timestamp itself (401), but answers a
    # non-numeric X-Slack-Request-Timestamp with a 500: refuse missing or malformed ones here.
    if _TIMESTAMP.match(environ.get("HTTP_X_SLACK_REQUEST_TIMESTAMP", "")):
        return None
    body = environ["wsgi.input"].read(int(length)) if "wsgi.input" in environ else b""
    environ["wsgi.input"] = io.BytesIO(body)  # Bolt reads it again
    if parse_qs(body.decode("utf-8", "replace")).get("ssl_check") == ["1"]:
        return None  # Slack's certificate check: Bolt answers it with a bare 200
    return "401 Unauthorized", {"error": "invalid request"}


def make_wsgi(app: App, health: Mapping[str, Any] | None = None) -> Wsgi:
    """The WSGI callable: health check, request guard, then Bolt's SlackRequestHandler."""
    slack = SlackRequestHandler(app, path=EVENTS_PATH)
    status = {"ok": True, **(health or {})}

    def application(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        path, method = environ.get("PATH_INFO", ""), environ.get("REQUEST_METHOD", "GET")
        if path == HEALTH_PATH and method in ("GET", "HEAD"):
            return _answer(start_response, "200 OK", status)
        if path == EVENTS_PATH and method == "POST":
            refusal = _refusal(environ)
            if refusal is not None:
                return _answer(start_response, *refusal)
            return slack(environ, start_response)
        return _answer(start_response, "404 Not Found", {"error": "not found"})

    return application
