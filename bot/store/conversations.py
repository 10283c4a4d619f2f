"""Conversation context: the last few turns of each thread or DM, so a follow-up has context.

A thread is keyed by (team, channel, thread ts); a DM by its channel with the conversation's
thread (or the channel again). Turns are small JSON objects chosen by the caller (e.g.
{"text", "intent", "roles", "topic"}). A context idle longer than `max_idle` reads as empty,
and contexts idle for a day are pruned.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any, NamedTuple

from sqlalchemy import and_, delete, select

from bot.store.db import Database
from bot.store.schema import conversations

__all__ = ["ContextKey", "Conversations", "KEEP", "PRUNE_AFTER"]

KEEP = 6
PRUNE_AFTER = timedelta(days=1)


class ContextKey(NamedTuple):
    """Where a conversation happens: team, channel and thread ts."""

    team: str
    channel: str
    thread: str


def _where(key: ContextKey):
    c = conversations.c
    return and_(c.team == key.team, c.channel == key.channel, c.thread == key.thread)


class Conversations:
    """Recent turns per thread, in the database shared by every replica."""

    def __init__(self, db: Database, *, prune_every: int = 200) -> None:
        self.db = db
        self._prune_every = prune_every
        self._saves = 0

    def load_context(self, key: ContextKey, now: datetime, max_idle: timedelta) -> list[dict[str, Any]]:
        """The thread's saved turns, oldest first; [] if none or idle longer than max_idle."""
        c = conversations.c
        with self.db.begin(read=True) as conn:
            row = conn.execute(select(c.turns, c.updated_at).where(_where(key))).first()
        if row is None or now - row.updated_at > max_idle:
            return []
        return list(row.turns)

    def save_context(
        self, key: ContextKey, turns: list[dict[str, Any]], now: datetime, keep: int = KEEP
    ) -> None:
        """Replace the thread's turns with the last `keep` of `turns`."""
        values = {"team": key.team, "channel": key.channel, "thread": key.thread}
        kept = {"turns": list(turns)[-keep:] if keep > 0 else [], "updated_at": now}
        stmt = self.db.insert(conversations).values({**values, **kept})
        stmt = stmt.on_conflict_do_update(index_elements=list(values), set_=kept)
        self._saves += 1
        with self.db.begin() as conn:
            conn.execute(stmt)
            if self._saves % self._prune_every == 0:
                conn.execute(delete(conversations).where(conversations.c.updated_at < now - PRUNE_AFTER))

    def prune(self, now: datetime, idle: timedelta = PRUNE_AFTER) -> int:
        """Delete contexts idle for longer than `idle`; how many went."""
        with self.db.begin() as conn:
            return conn.execute(delete(conversations).where(conversations.c.updated_at < now - idle)).rowcount
