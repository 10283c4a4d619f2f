"""gevent for `serve` in HTTP mode: every socket cooperative, so a slow client costs a greenlet.

gunicorn's gthread worker gives each connection a thread from the first byte on and reads
the headers with no timeout: 2 x 16 trickling connections held every thread and stalled
the server. Its gevent worker serves each connection in a greenlet (1,000 per worker).
The patch must come first in the process, before the app, its executor, locks and HTTP
pools exist (they would otherwise be real threads and locks under greenlets): `bot.cli`
calls `patch()` before it imports `serve`, and `serve` picks the gevent worker only when
the process was patched (embedded or in tests, it keeps gthread).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping

__all__ = ["patch", "patched", "wanted"]


def wanted(command: str | None, env: Mapping[str, str] | None = None) -> bool:
    """`serve` in HTTP mode (no SLACK_APP_TOKEN: Socket Mode keeps its threads)."""
    env = os.environ if env is None else env
    return command == "serve" and not env.get("SLACK_APP_TOKEN", "").strip()


def patch() -> None:
    """Monkey-patch the standard library for gevent (idempotent)."""
    from gevent import monkey

    monkey.patch_all()


def patched() -> bool:
    """Whether this process runs on gevent's patched sockets and threads."""
    monkey = sys.modules.get("gevent.monkey")
    return monkey is not None and monkey.is_module_patched("socket") and monkey.is_module_patched("threading")
