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

from slack_bolt.adapter.socket_mode.internals import run_bolt_app, send_response
from slack_bolt.adapter.socket_mode.websocket_client import SocketModeHandler
from slack_sdk.socket_mode.client import BaseSocketModeClient
from slack_sdk.socket_mode.request import SocketModeRequest
from slack_sdk.socket_mode.response import SocketModeResponse

from bot.slack import envelope

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

    def handle(self, client: BaseSocketModeClient, req: SocketModeRequest) -> None:  # type: ignore[override]
        start = time.time()
        try:
            kind = envelope.route(req.payload)
        except envelope.Refused as exc:
            _log.warning("refused envelope %s (%s): %s", req.envelope_id, req.type, exc.reason)
            return self._ack(client, req)
        if kind is None:
            _log.info("ignored envelope %s: rolebot does not answer %s", req.envelope_id, req.type)
            return self._ack(client, req)
        try:
            response = run_bolt_app(self.app, req)
        except Exception as exc:  # last resort: Bolt's error handler itself failed
            _log.error(
                "unanswerable envelope %s (%s): %s: %s", req.envelope_id, req.type, type(exc).__name__, exc
            )
            return self._ack(client, req)
        if response.status == 200:
            send_response(client, req, response, start)
        else:
            _log.info("envelope %s: Bolt answered %s; acknowledged", req.envelope_id, response.status)
            self._ack(client, req)

    @staticmethod
    def _ack(client: BaseSocketModeClient, req: SocketModeRequest) -> None:
        client.send_socket_mode_response(SocketModeResponse(envelope_id=req.envelope_id))
