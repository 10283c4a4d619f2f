"""A settable clock for tests: the time moves only when a test says so."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

__all__ = ["FakeClock", "utc"]


def utc(*args: int) -> datetime:
    """datetime(*args) in UTC."""
    return datetime(*args, tzinfo=UTC)


class FakeClock:
    """Clock whose now() is whatever the test set; thread-safe."""

    def __init__(self, start: datetime) -> None:
        self._now = start
        self._lock = threading.Lock()

    def now(self) -> datetime:
        """The time the test set."""
        with self._lock:
            return self._now

    def set(self, moment: datetime) -> None:
        """Jump to moment."""
        with self._lock:
            self._now = moment

    def advance(self, seconds: float) -> None:
        """Move the time forward."""
        with self._lock:
            self._now += timedelta(seconds=seconds)
