"""The ops endpoints: GET /healthz (liveness), /readyz (readiness), /metrics (Prometheus).

`serve` mounts them beside POST /slack/events; in Socket Mode (and `tips run`) they listen on
$PORT by themselves (`listen`). /metrics answers only `Authorization: Bearer $METRICS_TOKEN`
(401 otherwise) and is off (404) without a token.
"""

from __future__ import annotations

import hmac
import json
import logging
import threading
from collections.abc import Callable, Iterable, Mapping
from http import HTTPStatus
from socketserver import ThreadingMixIn
from typing import Any
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from bot.ops import metrics

__all__ = ["HEALTH_PATH", "METRICS_PATH", "READY_PATH", "Ops", "answer", "listen"]

HEALTH_PATH, READY_PATH, METRICS_PATH = "/healthz", "/readyz", "/metrics"
_log = logging.getLogger("rolebot.http")


def answer(
    start_response: Callable[..., Any],
    status: int,
    body: Mapping[str, Any] | str | bytes = "",
    content_type: str | None = None,
    headers: tuple[tuple[str, str], ...] = (),
) -> Iterable[bytes]:
    """A whole response: JSON for a mapping, text for a str, as given for bytes."""
    if isinstance(body, bytes):
        data, kind = body, content_type or "application/octet-stream"
    elif isinstance(body, str):
        data, kind = body.encode(), content_type or "text/plain; charset=utf-8"
    else:
        data, kind = json.dumps(body).encode(), "application/json"
    start_response(
        f"{status} {HTTPStatus(status).phrase}",
        [("Content-Type", kind), ("Content-Length", str(len(data))), *headers],
    )
    return [data]


class Ops:
    """The three ops endpoints as a WSGI callable that answers None for any other path.

    `ready()` says why the process cannot serve (one line), or None when it can.
    """

    def __init__(
        self,
        health: Mapping[str, Any] | None = None,
        ready: Callable[[], str | None] = lambda: None,
        metrics_token: str | None = None,
    ) -> None:
        self.health = {"ok": True, **(health or {})}
        self.ready = ready
        self._token = f"Bearer {metrics_token}".encode() if metrics_token else None

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes] | None:
        path, method = environ.get("PATH_INFO", ""), environ.get("REQUEST_METHOD", "GET")
        if method not in ("GET", "HEAD") or path not in (HEALTH_PATH, READY_PATH, METRICS_PATH):
            return None
        if path == HEALTH_PATH:
            return answer(start_response, 200, self.health)
        if path == READY_PATH:
            why = self.ready()
            if why is None:
                return answer(start_response, 200, "ready\n")
            return answer(start_response, 503, f"not ready: {why}\n")
        if self._token is None:
            return answer(start_response, 404, {"error": "not found"})
        given = environ.get("HTTP_AUTHORIZATION", "").encode("utf-8", "replace")
        if not hmac.compare_digest(given, self._token):
            return answer(
                start_response, 401, {"error": "unauthorized"}, headers=(("WWW-Authenticate", "Bearer"),)
            )
        return answer(start_response, 200, metrics.exposition(), metrics.CONTENT_TYPE)

    def wsgi(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        """Only the ops endpoints (404 for anything else)."""
        found = self(environ, start_response)
        return found if found is not None else answer(start_response, 404, {"error": "not found"})


class _Threaded(ThreadingMixIn, WSGIServer):
    daemon_threads = True


class _Quiet(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # scrapes are not worth a line each
        pass


def listen(ops: Ops, port: int, host: str = "0.0.0.0") -> WSGIServer:
    """Serve the ops endpoints on port in a daemon thread (Socket Mode, `tips run`)."""
    server = make_server(host, port, ops.wsgi, server_class=_Threaded, handler_class=_Quiet)
    threading.Thread(target=server.serve_forever, name="rolebot-ops", daemon=True).start()
    _log.info("ops endpoints (/healthz, /readyz, /metrics) on port %d", port)
    return server
