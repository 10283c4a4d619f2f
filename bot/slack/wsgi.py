"""The WSGI app `serve` runs: POST /slack/events (guarded, then Bolt), the ops endpoints
(GET /healthz, /readyz, /metrics: bot.ops.http) and, in multi-workspace mode, bolt's
GET /slack/install and GET /slack/oauth_redirect.

The guard, in order: the signature on the raw bytes (401), a strict decoding of the body
(400/415, bot.slack.envelope), then Bolt only for what rolebot answers; anything else signed
is acknowledged with 200 and ignored. Each refusal is one log line, never a traceback, and
nothing that reaches Bolt is answered 500 (Slack would deliver it three more times).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import re
import time
from collections.abc import Callable, Iterable, Mapping
from http import HTTPStatus
from typing import Any
from urllib.parse import parse_qs

from slack_bolt import App, BoltRequest, BoltResponse
from slack_sdk.signature import SignatureVerifier

from bot.ops import logs, metrics
from bot.ops.http import HEALTH_PATH, Ops
from bot.slack import envelope
from bot.slack.listeners.errors import APOLOGY
from bot.slack.pages import OAUTH_DOWN

__all__ = ["EVENTS_PATH", "HEALTH_PATH", "MAX_BODY", "make_wsgi"]

EVENTS_PATH = "/slack/events"
MAX_BODY = 1_000_000  # Slack's payloads are a few KB; refuse anything absurd before reading it
_TIMESTAMP = re.compile(r"^[0-9]{1,15}$")
_log = logging.getLogger("rolebot.http")

Wsgi = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


def _answer(
    start_response: Callable[..., Any], status: int, body: Mapping[str, Any] | str = ""
) -> Iterable[bytes]:
    data = (json.dumps(body) if not isinstance(body, str) else body).encode()
    kind = "application/json" if not isinstance(body, str) else "text/plain; charset=utf-8"
    start_response(
        f"{status} {HTTPStatus(status).phrase}", [("Content-Type", kind), ("Content-Length", str(len(data)))]
    )
    return [data]


def kind_of(body: Mapping[str, Any], route: str) -> str:
    """The metrics kind of a request the guard lets through: command, mention, dm, action,
    assistant, home or other."""
    if route in ("command", "action"):
        return route
    event = body.get("event") if isinstance(body.get("event"), dict) else {}
    kind = event.get("type")
    if kind == "app_mention":
        return "mention"
    if kind == "message":
        return "assistant" if event.get("thread_ts") and event.get("channel_type") == "im" else "dm"
    if kind in ("assistant_thread_started", "assistant_thread_context_changed"):
        return "assistant"
    return "home" if kind == "app_home_opened" else "other"


def _team(body: Mapping[str, Any]) -> str | None:
    team = body.get("team_id") or body.get("team")
    return team.get("id") if isinstance(team, dict) else team


class Verifier:
    """Slack's v0 signature over the raw bytes, at most five minutes old."""

    def __init__(self, secret: str) -> None:
        self._secret = secret
        self._sdk = SignatureVerifier(secret)

    def valid(self, raw: bytes, timestamp: str, signature: str) -> bool:
        """Whether raw was signed with the secret at timestamp (a fresh one)."""
        if not _TIMESTAMP.match(timestamp) or not signature.isascii():
            return False
        try:
            return self._sdk.is_valid(raw.decode("utf-8"), timestamp, signature)
        except UnicodeDecodeError:  # the SDK hashes text; Slack signs bytes: check these by hand
            if abs(time.time() - int(timestamp)) > 300:
                return False
            base = b"v0:" + timestamp.encode() + b":" + raw
            digest = hmac.new(self._secret.encode(), base, hashlib.sha256).hexdigest()
            return hmac.compare_digest(f"v0={digest}", signature)


def _read(environ: dict[str, Any]) -> bytes:
    length = environ.get("CONTENT_LENGTH") or ""
    if length and (not length.isascii() or not length.isdigit()):
        raise envelope.Refused(400, "bad content length")
    size = int(length) if length else MAX_BODY + 1  # chunked: read at most one byte too many
    if size > MAX_BODY and length:
        raise envelope.Refused(413, "request too large")
    body = environ["wsgi.input"].read(size) if "wsgi.input" in environ else b""
    if len(body) > MAX_BODY:
        raise envelope.Refused(413, "request too large")
    return body


def _is_ssl_check(raw: bytes, content_type: str) -> bool:
    """Slack's certificate check: a bare form with ssl_check=1 (answered 200, triggers nothing)."""
    if not content_type.startswith(envelope.FORM) or len(raw) > 1000:
        return False
    return parse_qs(raw.decode("utf-8", "replace")).get("ssl_check") == ["1"]


def _headers(environ: Mapping[str, Any]) -> dict[str, str]:
    headers = {k[5:].replace("_", "-").lower(): v for k, v in environ.items() if k.startswith("HTTP_")}
    if environ.get("CONTENT_TYPE"):
        headers["content-type"] = environ["CONTENT_TYPE"]
    return headers


def _describe(body: Mapping[str, Any]) -> str:
    event = body.get("event") if isinstance(body.get("event"), dict) else {}
    parts = (body.get("type") or "command", body.get("command"), event.get("type"), event.get("subtype"))
    return " ".join(str(p) for p in parts if p)


def _where(error: BaseException) -> str:
    frame = error.__traceback__
    while frame is not None and frame.tb_next is not None:
        frame = frame.tb_next
    if frame is None:
        return ""
    code = frame.tb_frame.f_code
    return f" at {code.co_filename.rsplit('/', 2)[-1]}:{frame.tb_lineno} in {code.co_name}"


def dispatch(app: App, body: dict[str, Any], text: str, headers: dict[str, str]) -> BoltResponse:
    """Bolt's answer to a body the guard let through; never raises (a crash is one log line, 200)."""
    try:
        # Built from the parsed body: Bolt's own parser reads any form containing the word
        # "payload" (e.g. `/role payload`) as an empty body. It is still the HTTP request it
        # was, so Bolt verifies raw_body's signature again.
        request = BoltRequest(body=body, headers=headers, mode="socket_mode")
        request.mode, request.raw_body = "http", text
        return app.dispatch(request)
    except Exception as exc:  # last resort: Bolt's error handler itself failed
        what, error = _describe(body), type(exc).__name__
        _log.error("unanswerable request (%s): %s: %s%s", what, error, exc, _where(exc))
        if body.get("command"):  # the asker sees why nothing came back
            return BoltResponse(status=200, body={"response_type": "ephemeral", "text": APOLOGY})
        return BoltResponse(status=200, body="")


def _oauth(app: App, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
    """bolt's install page or redirect; a fault (the database) is a plain 503 page and one log line."""
    flow = app.oauth_flow
    request = BoltRequest(body="", query=environ.get("QUERY_STRING", ""), headers=_headers(environ))
    try:
        if environ.get("PATH_INFO") == flow.install_path:
            resp = flow.handle_installation(request)
        else:
            resp = flow.handle_callback(request)
    except Exception as exc:  # noqa: BLE001 (one line, never a traceback for a person)
        first = (str(exc).splitlines() or [""])[0][:200]  # a database error's next lines hold its parameters
        _log.error("installation page failed: %s: %s%s", type(exc).__name__, first, _where(exc))
        resp = BoltResponse(
            status=503,
            body=OAUTH_DOWN,
            headers={"Content-Type": "text/html; charset=utf-8"},
        )
    return _bolt_answer(resp, start_response)


def _bolt_answer(resp: BoltResponse, start_response: Callable[..., Any]) -> Iterable[bytes]:
    data = resp.body.encode() if isinstance(resp.body, str) else bytes(resp.body or b"")
    out = [(k, v) for k, values in resp.headers.items() for v in values if k.lower() != "content-length"]
    status = f"{resp.status} {HTTPStatus(resp.status).phrase}"
    start_response(status, [*out, ("Content-Length", str(len(data)))])
    return [data]


def make_wsgi(
    app: App,
    health: Mapping[str, Any] | None = None,
    *,
    signing_secret: str | None = None,
    ops: Ops | None = None,
) -> Wsgi:
    """The WSGI callable: the ops endpoints, the request guard, then Bolt (default secret: the
    app's; default ops: /healthz with `health`, always ready, no /metrics)."""
    verifier = Verifier(signing_secret if signing_secret is not None else app._signing_secret)
    ops = ops if ops is not None else Ops(health)
    flow = app.oauth_flow
    oauth_paths = (flow.install_path, flow.redirect_uri_path) if flow is not None else ()

    def events(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        peer = environ.get("REMOTE_ADDR", "?")
        content_type = environ.get("CONTENT_TYPE", "")
        try:
            raw = _read(environ)
        except envelope.Refused as exc:
            _log.warning("refused %d from %s: %s", exc.status, peer, exc.reason)
            metrics.count_request("other", "refused")
            return _answer(start_response, exc.status, {"error": exc.reason})
        headers = _headers(environ)
        timestamp = headers.get("x-slack-request-timestamp", "")
        if not verifier.valid(raw, timestamp, headers.get("x-slack-signature", "")):
            if _is_ssl_check(raw, content_type):
                return _answer(start_response, 200)
            why = "unsigned" if "x-slack-signature" not in headers else "bad or stale signature"
            _log.warning("refused 401 from %s: %s", peer, why)
            metrics.count_request("other", "refused")
            return _answer(start_response, 401, {"error": "invalid request"})
        try:
            body = envelope.decode(raw, content_type)
            if "ssl_check" in body and "command" not in body:
                return _answer(start_response, 200)
            kind = envelope.route(body)
        except envelope.Refused as exc:
            _log.warning("refused %d (signed) from %s: %s", exc.status, peer, exc.reason)
            metrics.count_request("other", "refused")
            return _answer(start_response, exc.status, {"error": exc.reason})
        if kind is None:
            _log.info("ignored: rolebot does not answer %s", _describe(body))
            metrics.count_request("other", "ignored")
            return _answer(start_response, 200)
        request = logs.start_request(kind_of(body, kind), body.get("event_id"), _team(body))
        try:
            resp = dispatch(app, body, raw.decode("utf-8"), headers)
        finally:
            logs.end_request()
        if resp.status != 200:  # no listener ran (e.g. one Bolt found no match for)
            metrics.request_done(request, "unanswered")
        return _bolt_answer(resp, start_response)

    def application(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        path, method = environ.get("PATH_INFO", ""), environ.get("REQUEST_METHOD", "GET")
        if path == EVENTS_PATH and method == "POST":
            return events(environ, start_response)
        if path in oauth_paths and method in ("GET", "HEAD"):
            return _oauth(app, environ, start_response)
        return ops.wsgi(environ, start_response)

    return application
