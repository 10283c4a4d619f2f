"""Answer each Slack event once: the event ids already seen, kept for ten minutes.

Where the state lives: in the database (DATABASE_URL), table `slack_events` (bot.store.events). `serve` runs
one gunicorn worker process per CPU, and Slack's retries (X-Slack-Retry-Num) or a double
delivery of one event_id may reach any of them, so the set must be shared between processes;
SQLite's single-statement upsert makes "first time?" atomic across them, and the set then
also survives a restart. Slack retries within about five minutes, so ids are kept for ten.
`SeenEvents` here is the in-memory equivalent for one process (tests, embedding).
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Protocol

__all__ = ["TTL", "Seen", "SeenEvents"]

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
