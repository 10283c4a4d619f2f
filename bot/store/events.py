"""Slack event ids already answered, shared by every process on the database (see bot.slack.dedupe)."""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from collections.abc import Callable

from bot.store.db import connect

__all__ = ["TTL", "SqliteSeenEvents"]

TTL = 600.0

_SCHEMA = """
CREATE TABLE IF NOT EXISTS slack_events (
    event_id TEXT PRIMARY KEY,
    seen_at REAL NOT NULL
)
"""
_CLAIM = """
INSERT INTO slack_events (event_id, seen_at) VALUES (?, ?)
ON CONFLICT (event_id) DO UPDATE SET seen_at = excluded.seen_at
WHERE slack_events.seen_at < ?
"""


class SqliteSeenEvents:
    """Shared by every process on one SQLite file; each process opens its own connection."""

    def __init__(
        self, path: str, ttl: float = TTL, prune_every: int = 500, clock: Callable[[], float] = time.time
    ) -> None:
        self.path = path
        self._ttl = ttl
        self._prune_every = prune_every
        self._clock = clock
        self._lock = threading.Lock()
        self._db: sqlite3.Connection | None = None
        self._pid: int | None = None
        self._claims = 0

    def _connect(self) -> sqlite3.Connection:
        if self._db is None or self._pid != os.getpid():  # never use a connection across fork
            db = connect(self.path, busy_timeout=10)
            db.execute(_SCHEMA)
            self._db, self._pid = db, os.getpid()
        return self._db

    def check(self) -> None:
        """Create the table now (a bad path fails at start), then close: nothing crosses a fork."""
        with self._lock:
            self._connect().close()
            self._db = self._pid = None

    def first_time(self, event_id: str) -> bool:
        """True for the first delivery of an id anywhere (within the TTL), else False."""
        now = self._clock()
        with self._lock:
            db = self._connect()
            fresh = db.execute(_CLAIM, (event_id, now, now - self._ttl)).rowcount == 1
            self._claims += 1
            if self._claims % self._prune_every == 0:
                db.execute("DELETE FROM slack_events WHERE seen_at < ?", (now - self._ttl,))
            return fresh
