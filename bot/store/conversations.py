"""Conversation context: the last few turns of each thread or DM, so a follow-up has context.

A thread is keyed by (team, channel, thread ts); a DM by its channel with the conversation's
thread (or the channel again). Each turn is a row of its own (table `conversation_turns`), a
small JSON object chosen by the caller (e.g. {"intent", "roles", "topic"}): two messages of
one thread answered at once, by any workers or replicas, both land. A thread whose last turn
is older than `max_idle` reads as empty; turns older than a day are pruned.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any, NamedTuple

from sqlalchemy import and_, bindparam, delete, select

from bot.store.db import Database
from bot.store.schema import conversation_turns

__all__ = ["ContextKey", "Conversations", "KEEP", "PRUNE_AFTER"]

KEEP = 6
PRUNE_AFTER = timedelta(days=1)
_T = conversation_turns.c


class ContextKey(NamedTuple):
    """Where a conversation happens: team, channel and thread ts (and the team's org, if any)."""

    team: str
    channel: str
    thread: str
    enterprise: str = ""


class Conversations:
    """Recent turns per thread, in the database shared by every replica."""

    def __init__(self, db: Database, *, prune_every: int = 200) -> None:
        self.db = db
        self._prune_every = prune_every
        self._adds = 0
        where = and_(
            _T.enterprise == bindparam("enterprise"),
            _T.team == bindparam("team"),
            _T.channel == bindparam("channel"),
            _T.thread == bindparam("thread"),
        )
        # built once: the newest turns first
        self._recent = select(_T.turn, _T.at).where(where).order_by(_T.id.desc()).limit(bindparam("keep"))

    def load_context(
        self, key: ContextKey, now: datetime, max_idle: timedelta, keep: int = KEEP
    ) -> list[dict[str, Any]]:
        """The thread's last `keep` turns, oldest first; [] if none or its last is older than max_idle."""
        with self.db.begin(read=True) as conn:
            rows = conn.execute(self._recent, {**key._asdict(), "keep": keep}).all()
        if not rows or now - rows[0].at > max_idle:
            return []
        return [row.turn for row in reversed(rows)]

    def add_turn(self, key: ContextKey, turn: dict[str, Any], now: datetime) -> None:
        """Add one turn to the thread (whatever other turns are being added meanwhile)."""
        self._adds += 1
        with self.db.begin() as conn:
            conn.execute(conversation_turns.insert().values(**key._asdict(), turn=turn, at=now))
            if self._adds % self._prune_every == 0:
                conn.execute(delete(conversation_turns).where(_T.at < now - PRUNE_AFTER))

    def prune(self, now: datetime, idle: timedelta = PRUNE_AFTER) -> int:
        """Delete turns older than `idle`; how many went."""
        with self.db.begin() as conn:
            return conn.execute(delete(conversation_turns).where(_T.at < now - idle)).rowcount
