"""Answer each Slack event once: the event ids already seen, kept for ten minutes.

Where the state lives: in the database (DATABASE_URL), table `slack_events`. `serve` runs
one gunicorn worker process per CPU, and Slack's retries (X-Slack-Retry-Num) or a double
delivery of one event_id may reach any of them, so the set must be shared between processes;
SQLite's single-statement upsert makes "first time?" atomic across them, and the set then
also survives a restart. Slack retries within about five minutes, so ids are kept for ten.
`SeenEvents` is the in-memory equivalent for one process (tests, embedding).
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Protocol

__all__ = ["Seen", "SeenEvents", "SqliteSeenEvents"]

TTL = 600.0


class Seen(Protocol):
    """Remembers event ids: `first_time(id)` is True once per id within the TTL."""

    def first_time(self, event_id: str) -> bool:
        """True the first time an id is seen (within the TTL), False for every repeat."""


class SeenEvents:
    """In one process: remembers event ids for `ttl` seconds (at most `size` of them)."""

    def __init__(
        self, ttl: float = TTL, size: int = 10_000, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._ttl = ttl
        self._size = size
        self._clock = clock
        self._seen: OrderedDict[str, float] = OrderedDict()
        self._lock = threading.Lock()

    def first_time(self, event_id: str) -> bool:
        """True the first time an id is seen (within the TTL), False for every repeat."""
        now = self._clock()
        with self._lock:
            while self._seen:
                oldest, at = next(iter(self._seen.items()))
                if now - at < self._ttl and len(self._seen) < self._size:
                    break
                del self._seen[oldest]
            if event_id in self._seen:
                return False
            self._seen[event_id] = now
            return True

    def __len__(self) -> int:
        return len(self._seen)


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
            db = sqlite3.connect(self.path, timeout=10, isolation_level=None, check_same_thread=False)
            db.execute("PRAGMA busy_timeout = 10000")
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA synchronous = NORMAL")
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
