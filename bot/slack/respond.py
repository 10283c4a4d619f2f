"""respond() over kept-alive connections: one per listener thread and response_url host.

Bolt's own respond() opens a new connection (and, in production, a new TLS session with
hooks.slack.com) for every call; under load that is most of the time spent per command.
This one has the same signature and payload, and keeps each thread's connection open.
"""

from __future__ import annotations

import http.client
import json
import ssl
import threading
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlsplit

from slack_bolt.context.respond import Respond
from slack_sdk.webhook import WebhookResponse

from bot.ops import metrics

__all__ = ["Connections", "PooledRespond", "message"]

_FIELDS = (
    "response_type",
    "replace_original",
    "delete_original",
    "unfurl_links",
    "unfurl_media",
    "thread_ts",
    "metadata",
)
_STALE = (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError)


def message(
    text: str = "",
    blocks: Sequence[dict] | None = None,
    attachments: Sequence[dict] | None = None,
    **fields: Any,
) -> dict[str, Any]:
    """The JSON body Bolt's respond() would send for these arguments."""
    body: dict[str, Any] = {"text": text}
    if blocks:
        body["blocks"] = [b if isinstance(b, dict) else b.to_dict() for b in blocks]
    if attachments:
        body["attachments"] = [a if isinstance(a, dict) else a.to_dict() for a in attachments]
    body.update((k, v) for k, v in fields.items() if k in _FIELDS and v is not None)
    return body


class Connections:
    """Kept-alive HTTP(S) connections, one per thread and (scheme, host, port)."""

    def __init__(self, timeout: float = 10.0) -> None:
        self._timeout = timeout
        self._local = threading.local()
        self._tls = ssl.create_default_context()

    def _connect(self, scheme: str, host: str, port: int | None) -> http.client.HTTPConnection:
        if scheme == "https":
            return http.client.HTTPSConnection(host, port, timeout=self._timeout, context=self._tls)
        return http.client.HTTPConnection(host, port, timeout=self._timeout)

    def post_json(self, url: str, body: dict[str, Any]) -> WebhookResponse:
        """POST body as JSON; a kept-alive connection the server dropped is retried once."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError("response_url must be an http(s) URL")
        key = (parts.scheme, parts.hostname, parts.port)
        pool: dict = self._local.__dict__.setdefault("pool", {})
        target = parts.path + (f"?{parts.query}" if parts.query else "")
        data = json.dumps(body).encode()
        headers = {"Content-Type": "application/json;charset=utf-8"}
        conn = pool.pop(key, None)
        reused = conn is not None
        while True:
            conn = conn or self._connect(*key)
            try:
                conn.request("POST", target or "/", body=data, headers=headers)
                resp = conn.getresponse()
                text = resp.read().decode("utf-8", "replace")
                break
            except _STALE:
                conn.close()
                if not reused:
                    raise
                conn, reused = None, False  # the server closed an idle connection: retry
            except (OSError, http.client.HTTPException) as exc:
                conn.close()
                metrics.webapi_error("response_url")
                raise ConnectionError(f"response_url: {type(exc).__name__}") from exc
        if resp.status >= 400:
            metrics.webapi_error("response_url")
        if resp.will_close:
            conn.close()
        else:
            pool[key] = conn
        return WebhookResponse(url=url, status_code=resp.status, body=text, headers=dict(resp.getheaders()))


class PooledRespond(Respond):
    """Bolt's respond(), sent over Connections."""

    def __init__(self, response_url: str, connections: Connections) -> None:
        super().__init__(response_url=response_url)
        self._connections = connections

    def __call__(
        self,
        text: str | dict = "",
        blocks: Sequence[dict] | None = None,
        attachments: Sequence[dict] | None = None,
        **fields: Any,
    ) -> WebhookResponse:
        body = message(**text) if isinstance(text, dict) else message(text, blocks, attachments, **fields)
        return self._connections.post_json(self.response_url, body)
