"""Slack event ids already answered, shared by every process on the database (see bot.slack.dedupe).

`first_time(id)` is one `INSERT ... ON CONFLICT DO UPDATE ... WHERE seen_at < cutoff`: atomic
on both databases, so one replica wins each id. While the database is unreachable the answer
comes from this process's own memory (fail open): a question is answered rather than dropped,
and a duplicate is possible only when two replicas get the same id during the outage. The
database is tried again after `retry` seconds, not on every event, so an outage never makes
Slack's requests wait on a dead connection one after the other.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable

from sqlalchemy import bindparam, delete

from bot.store.db import Database, StoreError
from bot.store.schema import slack_events

__all__ = ["TTL", "SharedSeenEvents"]

TTL = 600.0


class SharedSeenEvents:
    """Event ids in the database (shared by replicas), with this process's memory as a fallback."""

    def __init__(
        self,
        db: Database,
        ttl: float = TTL,
        *,
        prune_every: int = 500,
        retry: float = 5.0,
        memory: int = 10_000,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.db = db
        self._ttl, self._prune_every, self._retry, self._size = ttl, prune_every, retry, memory
        self._clock = clock
        self._lock = threading.Lock()
        self._memory: OrderedDict[str, float] = OrderedDict()
        self._offline: set[str] = set()  # ids let through while the database was unreachable
        self._claims = 0
        self._skip_until = 0.0
        # built once: a statement per event costs more than the database round trip
        insert = db.insert(slack_events).values(event_id=bindparam("id"), seen_at=bindparam("now"))
        self._claim = insert.on_conflict_do_update(
            index_elements=["event_id"],
            set_={"seen_at": bindparam("now")},
            where=slack_events.c.seen_at < bindparam("cutoff"),
        ).returning(slack_events.c.event_id)  # a row back: inserted, or an expired one renewed

    def _remember(self, event_id: str, now: float, *, offline: bool) -> bool:
        """Note the id in this process; True if it was not there (within the TTL)."""
        with self._lock:
            while self._memory:
                oldest, at = next(iter(self._memory.items()))
                if now - at < self._ttl and len(self._memory) < self._size:
                    break
                del self._memory[oldest]
                self._offline.discard(oldest)
            fresh = event_id not in self._memory
            self._memory[event_id] = now
            if fresh and offline:
                self._offline.add(event_id)
            return fresh

    def first_time(self, event_id: str) -> bool:
        """True for the first delivery of an id anywhere (within the TTL), else False."""
        now = self._clock()
        if now < self._skip_until:
            return self._remember(event_id, now, offline=True)
        cutoff = now - self._ttl
        try:
            with self.db.begin() as conn:
                fresh = (
                    conn.execute(self._claim, {"id": event_id, "now": now, "cutoff": cutoff}).first()
                    is not None
                )
                self._claims += 1
                if self._claims % self._prune_every == 0:
                    conn.execute(delete(slack_events).where(slack_events.c.seen_at < cutoff))
        except StoreError:
            self._skip_until = now + self._retry
            return self._remember(event_id, now, offline=True)
        self._remember(event_id, now, offline=False)
        return fresh and event_id not in self._offline  # not if answered here during an outage

    def check(self) -> None:
        """Reach the table now (a bad database fails at start), then close: nothing crosses a fork."""
        with self.db.begin(read=True) as conn:
            conn.execute(slack_events.select().limit(1)).all()
        self.db.close()
