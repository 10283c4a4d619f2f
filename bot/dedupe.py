"""Answer each Slack event once: a small, thread-safe TTL set of seen event ids.

Where the state lives: in this process. `serve` runs exactly one gunicorn worker process
with many threads (and Socket Mode runs one process), so every delivery of an event,
original or retry (X-Slack-Retry-Num), reaches this one set. Slack retries within about
five minutes, so ids are kept for ten. Running several worker processes would need a shared
store (the database) instead; a restart forgets the set, and a retry arriving after a
restart is then answered, which is the right call when the first attempt may have died too.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable

__all__ = ["SeenEvents"]


class SeenEvents:
    """Remembers event ids for `ttl` seconds (at most `size` of them)."""

    def __init__(self, ttl: float = 600.0, size: int = 10_000,
                 clock: Callable[[], float] = time.monotonic) -> None:
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
