"""Socket Mode: each envelope goes through the HTTP guard's checks, and every one is acknowledged.

Bolt's own handler acknowledges an envelope only when Bolt answers 200: anything it cannot
match or that crashes it is left unacknowledged, and Slack delivers it again. Here a body
rolebot does not answer, or one not shaped as Slack sends it, is acknowledged and logged
in one line (bot.slack.envelope), and a crash is one line, never a traceback.

The connection is slack_sdk's websocket-client one, not its dependency-free builtin client:
the builtin one does not notice a dropped connection (its receive loop spins on the closed
socket, a whole core, until pings go stale 40 s later); websocket-client reconnects at once.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from slack_bolt.adapter.socket_mode.internals import run_bolt_app, send_response
from slack_bolt.adapter.socket_mode.websocket_client import SocketModeHandler
from slack_sdk.socket_mode.client import BaseSocketModeClient
from slack_sdk.socket_mode.request import SocketModeRequest
from slack_sdk.socket_mode.response import SocketModeResponse

from bot.ops import logs, metrics
from bot.slack import envelope
from bot.slack.wsgi import kind_of

__all__ = ["GuardedSocketModeHandler", "socket_logger"]

_log = logging.getLogger("rolebot.socket")
_ECHOED = ("Failed to retrieve WSS URL",)  # slack_sdk logs it, then raises to serve, which says it
_DROPPED = ("WebSocketConnectionClosedException", "Connection to remote host was lost")


def _quieter(record: logging.LogRecord) -> bool:
    """Drop what serve reports itself; a dropped connection (reconnected at once) is a warning."""
    message = record.getMessage()
    if message.startswith(_ECHOED):
        return False
    if record.levelno > logging.WARNING and any(d in message for d in _DROPPED):
        record.levelno, record.levelname = logging.WARNING, "WARNING"
    return True


def _silent(record: logging.LogRecord) -> bool:
    return False


def socket_logger() -> logging.Logger:
    """The Socket Mode client's logger, one line per event (websocket-client's own are muted:
    slack_sdk reports the same errors through its on_error)."""
    muted = logging.getLogger("websocket")  # its level is reset by slack_sdk: filter instead
    if _silent not in muted.filters:
        muted.addFilter(_silent)
    logger = logging.getLogger("rolebot.socket.client")
    if _quieter not in logger.filters:
        logger.addFilter(_quieter)
    return logger


class GuardedSocketModeHandler(SocketModeHandler):
    """Bolt's SocketModeHandler behind bot.slack.envelope's checks."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        listeners = self.client.run_message_listeners

        def guarded(message: dict, raw_message: str) -> None:
            # slack_sdk builds a request from any envelope and logs a traceback when its
            # payload is not an object: acknowledge those here, in one line, instead
            payload = message.get("payload") if isinstance(message, dict) else None
            if isinstance(message, dict) and "payload" in message and not isinstance(payload, dict | str):
                envelope_id = message.get("envelope_id")
                _log.warning(
                    "refused envelope %s (%s): payload is not an object", envelope_id, message.get("type")
                )
                metrics.count_request("other", "refused")
                if isinstance(envelope_id, str):
                    self.client.send_socket_mode_response(SocketModeResponse(envelope_id=envelope_id))
                return
            listeners(message, raw_message)

        self.client.run_message_listeners = guarded  # type: ignore[method-assign]

    def handle(self, client: BaseSocketModeClient, req: SocketModeRequest) -> None:  # type: ignore[override]
        start = time.time()
        try:
            kind = envelope.route(req.payload)
        except envelope.Refused as exc:
            _log.warning("refused envelope %s (%s): %s", req.envelope_id, req.type, exc.reason)
            metrics.count_request("other", "refused")
            return self._ack(client, req)
        if kind is None:
            _log.info("ignored envelope %s: rolebot does not answer %s", req.envelope_id, req.type)
            metrics.count_request("other", "ignored")
            return self._ack(client, req)
        body = req.payload
        team = body.get("team_id") or body.get("team")
        request = logs.start_request(
            kind_of(body, kind), body.get("event_id"), team.get("id") if isinstance(team, dict) else team
        )
        try:
            response = run_bolt_app(self.app, req)
        except Exception as exc:  # last resort: Bolt's error handler itself failed
            _log.error(
                "unanswerable envelope %s (%s): %s: %s", req.envelope_id, req.type, type(exc).__name__, exc
            )
            metrics.request_done(request, "failed")
            return self._ack(client, req)
        finally:
            logs.end_request()
        if response.status == 200:
            send_response(client, req, response, start)
        else:
            _log.info("envelope %s: Bolt answered %s; acknowledged", req.envelope_id, response.status)
            metrics.request_done(request, "unanswered")
            self._ack(client, req)

    @staticmethod
    def _ack(client: BaseSocketModeClient, req: SocketModeRequest) -> None:
        client.send_socket_mode_response(SocketModeResponse(envelope_id=req.envelope_id))
