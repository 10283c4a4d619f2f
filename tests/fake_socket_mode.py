"""A fake of Slack's Socket Mode server on 127.0.0.1: hello, envelopes, acknowledgements.

Slack's protocol, as slack_sdk's SocketModeClient speaks it: the app gets a wss URL from
`apps.connections.open` (point the fake Web API's answer at `url`), connects, and receives
`{"type": "hello"}`; then envelopes `{"envelope_id", "type", "payload",
"accepts_response_payload"}`, each acknowledged by the app with `{"envelope_id", "payload"?}`.
Tests push envelopes with `send`, wait for acks with `wait_ack`, and cut the socket with `drop`.
"""

from __future__ import annotations

import itertools
import json
import socket
import threading
import time
from dataclasses import dataclass
from typing import Any

from websockets.exceptions import ConnectionClosed
from websockets.sync.server import ServerConnection, serve

__all__ = ["Ack", "FakeSocketMode"]

HELLO = {
    "type": "hello",
    "num_connections": 1,
    "debug_info": {"host": "fake-socket-mode", "approximate_connection_time": 18060},
    "connection_info": {"app_id": "A0APP"},
}


@dataclass
class Ack:
    """One acknowledgement: its envelope, the seconds it took, and any response payload."""

    envelope_id: str
    delay: float
    payload: dict[str, Any] | None


class FakeSocketMode:
    """Start with `FakeSocketMode().start()`; `url` is what apps.connections.open returns."""

    def __init__(self) -> None:
        self.connections: list[ServerConnection] = []
        self.acks: dict[str, Ack] = {}
        self.other: list[Any] = []  # anything received that is not an ack
        self._sent: dict[str, float] = {}
        self._ids = itertools.count(1)
        self._cond = threading.Condition()
        self._server = serve(self._handle, "127.0.0.1", 0, compression=None, ping_interval=None)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def start(self) -> FakeSocketMode:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()

    @property
    def url(self) -> str:
        host, port = self._server.socket.getsockname()[:2]
        return f"ws://{host}:{port}/link/?ticket=fake"

    def _handle(self, ws: ServerConnection) -> None:
        with self._cond:
            self.connections.append(ws)
            self._cond.notify_all()
        ws.send(json.dumps(HELLO))
        try:
            for raw in ws:
                message = json.loads(raw)
                with self._cond:
                    envelope_id = message.get("envelope_id") if isinstance(message, dict) else None
                    if envelope_id in self._sent:
                        delay = time.monotonic() - self._sent[envelope_id]
                        self.acks[envelope_id] = Ack(envelope_id, delay, message.get("payload"))
                    else:
                        self.other.append(message)
                    self._cond.notify_all()
        except (ConnectionClosed, OSError, ValueError):
            pass

    def _wait(self, ready, timeout: float, what: str) -> Any:
        deadline = time.monotonic() + timeout
        with self._cond:
            while not (found := ready()):
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"socket mode: no {what} within {timeout} s")
                self._cond.wait(left)
            return found

    def wait_connected(self, count: int = 1, timeout: float = 10.0) -> ServerConnection:
        """Block until the app has opened `count` connections; the latest one."""
        return self._wait(
            lambda: len(self.connections) >= count and self.connections[-1], timeout, "connection"
        )

    def send(self, kind: str, payload: Any, *, accepts_response_payload: bool = False) -> str:
        """Push one envelope on the latest connection; its envelope_id."""
        envelope_id = f"env-{next(self._ids)}"
        message = {
            "envelope_id": envelope_id,
            "type": kind,
            "payload": payload,
            "accepts_response_payload": accepts_response_payload,
        }
        if kind == "events_api":
            message.update(retry_attempt=0, retry_reason="")
        with self._cond:
            self._sent[envelope_id] = time.monotonic()
            ws = self.connections[-1]
        ws.send(json.dumps(message))
        return envelope_id

    def wait_ack(self, envelope_id: str, timeout: float = 5.0) -> Ack:
        """Block until the app acknowledged envelope_id."""
        return self._wait(lambda: self.acks.get(envelope_id), timeout, f"ack of {envelope_id}")

    def drop(self) -> None:
        """Cut the latest connection without a closing handshake (a network drop)."""
        ws = self.connections[-1]
        try:
            ws.socket.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        ws.socket.close()
