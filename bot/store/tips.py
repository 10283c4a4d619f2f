"""Where tip state lives: subscriptions, paused channels and the log of claimed/posted tips.

`Store` is the interface; `SqliteStore` implements it with the standard library (WAL mode,
busy timeout, `BEGIN IMMEDIATE` around every read-modify-write), so several processes can
share one database file. Times are passed in (UTC datetimes): the store never reads a clock.

Exactly once: a (channel, day) tip is *claimed* before it is sent (primary key on channel and
day, so only one claim can exist) and marked *sent* with its message ts afterwards. A claim
carries its owner and a lease expiry; `claim()` answers:

- `new`: nobody had claimed it; post it.
- `sent`: it was posted already (ts given); do nothing.
- `busy`: another owner holds a live lease; leave it alone.
- `recovered`: an earlier claim's lease expired (its process died, or its send had an unknown
  outcome). The caller now owns it but must first look in the channel for the message
  (see bot.tips.poster) before posting, because the earlier attempt may have posted.
"""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Protocol

from bot.store.db import connect
from bot.store.records import DAY_NAMES, Subscription

__all__ = ["Claim", "SqliteStore", "Store"]


@dataclass(frozen=True)
class Claim:
    """The answer to a claim: status is new, sent, busy or recovered."""

    status: str
    ts: str | None = None
    first_claimed: datetime | None = None


class Store(Protocol):
    """What the tips feature needs from a database."""

    def subscription(self, channel: str) -> Subscription | None:
        """The channel's subscription set from Slack, if any (flag included)."""
        ...

    def subscriptions(self) -> list[Subscription]:
        """Every subscription set from Slack, by channel."""
        ...

    def save_subscription(self, sub: Subscription, now: datetime) -> None:
        """Insert or replace a channel's subscription."""
        ...

    def flags(self) -> dict[str, str]:
        """Channels paused by a delivery fault -> the reason."""
        ...

    def set_flag(self, channel: str, reason: str | None, now: datetime) -> None:
        """Pause a channel with a reason, or clear its pause (reason None)."""
        ...

    def claim(
        self, channel: str, day: date, tip_key: str, owner: str, now: datetime, lease: timedelta
    ) -> Claim:
        """Claim the (channel, day) tip for owner until now + lease."""
        ...

    def mark_sent(self, channel: str, day: date, ts: str, now: datetime) -> None:
        """Record the (channel, day) tip as posted with its message ts."""
        ...

    def release(self, channel: str, day: date, owner: str) -> None:
        """Drop owner's claim: the tip was certainly not posted and stays due."""
        ...

    def expire(self, channel: str, day: date, owner: str) -> None:
        """End owner's lease now, keeping the claim: the send's outcome is unknown."""
        ...

    def posted(self, channel: str, day: date) -> str | None:
        """The ts of the (channel, day) tip if it was posted, else None."""
        ...

    def close(self) -> None:
        """Release the connection."""
        ...


_SCHEMA = """
CREATE TABLE IF NOT EXISTS tip_subscriptions (
    channel TEXT PRIMARY KEY,
    time TEXT NOT NULL,
    timezone TEXT NOT NULL,
    weekdays TEXT NOT NULL,
    enabled INTEGER NOT NULL,
    since TEXT NOT NULL,
    updated_by TEXT,
    updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS tip_flags (
    channel TEXT PRIMARY KEY,
    reason TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS tip_log (
    channel TEXT NOT NULL,
    day TEXT NOT NULL,
    tip_key TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('claimed', 'sent')),
    owner TEXT NOT NULL,
    lease_until TEXT NOT NULL,
    first_claimed TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 1,
    ts TEXT,
    sent_at TEXT,
    PRIMARY KEY (channel, day)
);
"""


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _parse(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)


class SqliteStore:
    """`Store` on one SQLite file; safe to share between threads and processes."""

    def __init__(self, path: str | Path, *, busy_timeout: float = 30.0) -> None:
        self.path = str(path)
        self._lock = threading.RLock()
        self._db = connect(self.path, busy_timeout)
        with self._lock:
            self._db.executescript(_SCHEMA)

    def close(self) -> None:
        """Release the connection."""
        with self._lock:
            self._db.close()

    def _tx(self):
        return _Immediate(self._db, self._lock)

    # subscriptions ---------------------------------------------------------------------
    def _sub(self, row: tuple, flags: dict[str, str]) -> Subscription:
        channel, when, zone, days, enabled, since, updated_by = row
        return Subscription(
            channel=channel,
            time=when,
            timezone=zone,
            weekdays=tuple(DAY_NAMES.index(d) for d in days.split(",") if d),
            enabled=bool(enabled),
            since=_parse(since),
            source="slack",
            flag=flags.get(channel),
            updated_by=updated_by,
        )

    _COLS = "channel, time, timezone, weekdays, enabled, since, updated_by"

    def subscription(self, channel: str) -> Subscription | None:
        """The channel's subscription set from Slack, if any (flag included)."""
        with self._lock:
            row = self._db.execute(
                f"SELECT {self._COLS} FROM tip_subscriptions WHERE channel = ?", (channel,)
            ).fetchone()
        return None if row is None else self._sub(row, self.flags())

    def subscriptions(self) -> list[Subscription]:
        """Every subscription set from Slack, by channel."""
        with self._lock:
            rows = self._db.execute(f"SELECT {self._COLS} FROM tip_subscriptions ORDER BY channel").fetchall()
        flags = self.flags()
        return [self._sub(row, flags) for row in rows]

    def save_subscription(self, sub: Subscription, now: datetime) -> None:
        """Insert or replace a channel's subscription."""
        days = ",".join(DAY_NAMES[d] for d in sub.weekdays)
        with self._tx() as db:
            db.execute(
                "INSERT OR REPLACE INTO tip_subscriptions VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    sub.channel,
                    sub.time,
                    sub.timezone,
                    days,
                    int(sub.enabled),
                    _iso(sub.since),
                    sub.updated_by,
                    _iso(now),
                ),
            )

    def flags(self) -> dict[str, str]:
        """Channels paused by a delivery fault -> the reason."""
        with self._lock:
            return dict(self._db.execute("SELECT channel, reason FROM tip_flags").fetchall())

    def set_flag(self, channel: str, reason: str | None, now: datetime) -> None:
        """Pause a channel with a reason, or clear its pause (reason None)."""
        with self._tx() as db:
            if reason is None:
                db.execute("DELETE FROM tip_flags WHERE channel = ?", (channel,))
            else:
                db.execute(
                    "INSERT OR REPLACE INTO tip_flags VALUES (?, ?, ?)",
                    (channel, reason, _iso(now)),
                )

    # the tip log -----------------------------------------------------------------------
    def claim(
        self, channel: str, day: date, tip_key: str, owner: str, now: datetime, lease: timedelta
    ) -> Claim:
        """Claim the (channel, day) tip for owner until now + lease (see the module doc)."""
        until = _iso(now + lease)
        with self._tx() as db:
            row = db.execute(
                "SELECT state, lease_until, ts, first_claimed FROM tip_log WHERE channel = ? AND day = ?",
                (channel, day.isoformat()),
            ).fetchone()
            if row is None:
                db.execute(
                    "INSERT INTO tip_log (channel, day, tip_key, state, owner, lease_until, "
                    "first_claimed) VALUES (?, ?, ?, 'claimed', ?, ?, ?)",
                    (channel, day.isoformat(), tip_key, owner, until, _iso(now)),
                )
                return Claim("new", first_claimed=now)
            state, lease_until, ts, first = row
            if state == "sent":
                return Claim("sent", ts=ts, first_claimed=_parse(first))
            if _parse(lease_until) > now:
                return Claim("busy", first_claimed=_parse(first))
            db.execute(
                "UPDATE tip_log SET owner = ?, lease_until = ?, attempts = attempts + 1 "
                "WHERE channel = ? AND day = ?",
                (owner, until, channel, day.isoformat()),
            )
            return Claim("recovered", first_claimed=_parse(first))

    def mark_sent(self, channel: str, day: date, ts: str, now: datetime) -> None:
        """Record the (channel, day) tip as posted with its message ts."""
        with self._tx() as db:
            db.execute(
                "UPDATE tip_log SET state = 'sent', ts = ?, sent_at = ? "
                "WHERE channel = ? AND day = ? AND state = 'claimed'",
                (ts, _iso(now), channel, day.isoformat()),
            )

    def release(self, channel: str, day: date, owner: str) -> None:
        """Drop owner's claim: the tip was certainly not posted and stays due."""
        with self._tx() as db:
            db.execute(
                "DELETE FROM tip_log WHERE channel = ? AND day = ? AND owner = ? AND state = 'claimed'",
                (channel, day.isoformat(), owner),
            )

    def expire(self, channel: str, day: date, owner: str) -> None:
        """End owner's lease now, keeping the claim: the send's outcome is unknown."""
        with self._tx() as db:
            db.execute(
                "UPDATE tip_log SET lease_until = ? WHERE channel = ? AND day = ? "
                "AND owner = ? AND state = 'claimed'",
                (_iso(datetime(1970, 1, 1, tzinfo=UTC)), channel, day.isoformat(), owner),
            )

    def posted(self, channel: str, day: date) -> str | None:
        """The ts of the (channel, day) tip if it was posted, else None."""
        with self._lock:
            row = self._db.execute(
                "SELECT ts FROM tip_log WHERE channel = ? AND day = ? AND state = 'sent'",
                (channel, day.isoformat()),
            ).fetchone()
        return None if row is None else row[0]


class _Immediate:
    """`with` block: one BEGIN IMMEDIATE transaction, committed on success, rolled back else."""

    def __init__(self, db: sqlite3.Connection, lock: threading.RLock) -> None:
        self._db, self._lock = db, lock

    def __enter__(self) -> sqlite3.Connection:
        self._lock.acquire()
        try:
            self._db.execute("BEGIN IMMEDIATE")
        except BaseException:
            self._lock.release()
            raise
        return self._db

    def __exit__(self, exc_type, exc, tb) -> None:
        try:
            self._db.execute("COMMIT" if exc_type is None else "ROLLBACK")
        finally:
            self._lock.release()
