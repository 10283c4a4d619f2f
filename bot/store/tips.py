"""Where tip state lives: subscriptions, paused channels and the log of claimed/posted tips.

`Store` is the interface; `TipStore` implements it on `Database` (SQLite or PostgreSQL), so
any number of processes can share one database. A TipStore reads and writes one team's rows
(`TipStore(db, team)`, `for_team`): a channel id is unique only within its team. Times are
passed in (aware UTC datetimes): the store never reads a clock. A database fault raises `StoreError`.

Exactly once: a (channel, day) tip is *claimed* before it is sent (primary key on channel and
day, so only one claim can exist; `INSERT ... ON CONFLICT DO NOTHING`, then the row read
`FOR UPDATE`) and marked *sent* with its message ts afterwards. A claim carries its owner and
a lease expiry; `claim()` answers:

- `new`: nobody had claimed it; post it.
- `sent`: it was posted already (ts given); do nothing.
- `busy`: another owner holds a live lease; leave it alone.
- `recovered`: an earlier claim's lease expired (its process died, or its send had an unknown
  outcome). The caller now owns it but must first look in the channel for the message
  (see bot.tips.poster) before posting, because the earlier attempt may have posted.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Protocol

from sqlalchemy import and_, delete, func, select, update

from bot.store.db import Database
from bot.store.records import DAY_NAMES, SINGLE, Subscription, Team
from bot.store.schema import tip_flags, tip_log, tip_subscriptions

__all__ = ["Claim", "Store", "TipStore"]

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


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

    def posts_before(self, channel: str, day: date) -> int:
        """How many tips the channel got (or has claimed) for days before `day`: its rotation place."""
        ...

    def close(self) -> None:
        """Release the connection."""
        ...

    def for_team(self, team: Team) -> Store:
        """The same database, another team's rows."""
        ...


class TipStore:
    """`Store` on a Database for one team's rows; safe to share between threads and processes."""

    def __init__(self, db: Database, team: Team = SINGLE) -> None:
        self.db = db
        self.team = team
        self._key = {"enterprise": team.enterprise, "team": team.team}

    def for_team(self, team: Team) -> TipStore:
        """The same database, another team's rows."""
        return self if team == self.team else TipStore(self.db, team)

    def teams(self) -> list[Team]:
        """Every team with a subscription set from Slack (any team's rows)."""
        c = tip_subscriptions.c
        with self.db.begin(read=True) as conn:
            rows = conn.execute(select(c.enterprise, c.team).distinct().order_by(c.enterprise, c.team)).all()
        return [Team(r.enterprise, r.team) for r in rows]

    def _mine(self, table):
        return and_(table.c.enterprise == self.team.enterprise, table.c.team == self.team.team)

    def _row(self, channel: str, day: date):
        return and_(self._mine(tip_log), tip_log.c.channel == channel, tip_log.c.day == day)

    def close(self) -> None:
        """Release this process's connections."""
        self.db.close()

    # subscriptions ---------------------------------------------------------------------
    def _sub(self, row, flags: dict[str, str]) -> Subscription:
        return Subscription(
            channel=row.channel,
            time=row.time,
            timezone=row.timezone,
            weekdays=tuple(DAY_NAMES.index(d) for d in row.weekdays.split(",") if d),
            enabled=bool(row.enabled),
            since=row.since,
            source="slack",
            flag=flags.get(row.channel),
            updated_by=row.updated_by,
        )

    def subscription(self, channel: str) -> Subscription | None:
        """The channel's subscription set from Slack, if any (flag included)."""
        with self.db.begin(read=True) as conn:
            mine = self._mine(tip_subscriptions)
            row = conn.execute(
                select(tip_subscriptions).where(mine, tip_subscriptions.c.channel == channel)
            ).first()
            flags = self._flags(conn)
        return None if row is None else self._sub(row, flags)

    def subscriptions(self) -> list[Subscription]:
        """Every subscription set from Slack, by channel."""
        with self.db.begin(read=True) as conn:
            query = select(tip_subscriptions).where(self._mine(tip_subscriptions))
            rows = conn.execute(query.order_by(tip_subscriptions.c.channel)).all()
            flags = self._flags(conn)
        return [self._sub(row, flags) for row in rows]

    def save_subscription(self, sub: Subscription, now: datetime) -> None:
        """Insert or replace a channel's subscription."""
        values = {
            **self._key,
            "channel": sub.channel,
            "time": sub.time,
            "timezone": sub.timezone,
            "weekdays": ",".join(DAY_NAMES[d] for d in sub.weekdays),
            "enabled": sub.enabled,
            "since": sub.since,
            "updated_by": sub.updated_by,
            "updated_at": now,
        }
        stmt = self.db.insert(tip_subscriptions).values(values)
        stmt = stmt.on_conflict_do_update(index_elements=["enterprise", "team", "channel"], set_=values)
        with self.db.begin() as conn:
            conn.execute(stmt)

    def _flags(self, conn) -> dict[str, str]:
        query = select(tip_flags.c.channel, tip_flags.c.reason).where(self._mine(tip_flags))
        return {r.channel: r.reason for r in conn.execute(query)}

    def flags(self) -> dict[str, str]:
        """Channels paused by a delivery fault -> the reason."""
        with self.db.begin(read=True) as conn:
            return self._flags(conn)

    def set_flag(self, channel: str, reason: str | None, now: datetime) -> None:
        """Pause a channel with a reason, or clear its pause (reason None)."""
        with self.db.begin() as conn:
            if reason is None:
                conn.execute(delete(tip_flags).where(self._mine(tip_flags), tip_flags.c.channel == channel))
                return
            values = {**self._key, "channel": channel, "reason": reason, "at": now}
            stmt = self.db.insert(tip_flags).values(values)
            keys = ["enterprise", "team", "channel"]
            conn.execute(stmt.on_conflict_do_update(index_elements=keys, set_=values))

    # the tip log -----------------------------------------------------------------------
    def claim(
        self, channel: str, day: date, tip_key: str, owner: str, now: datetime, lease: timedelta
    ) -> Claim:
        """Claim the (channel, day) tip for owner until now + lease (see the module doc)."""
        new = self.db.insert(tip_log).values(
            **self._key,
            channel=channel,
            day=day,
            tip_key=tip_key,
            state="claimed",
            owner=owner,
            lease_until=now + lease,
            first_claimed=now,
        )
        current = select(tip_log.c.state, tip_log.c.lease_until, tip_log.c.ts, tip_log.c.first_claimed)
        with self.db.begin() as conn:
            while True:
                if conn.execute(new.on_conflict_do_nothing().returning(tip_log.c.day)).first() is not None:
                    return Claim("new", first_claimed=now)
                row = conn.execute(current.where(self._row(channel, day)).with_for_update()).first()
                if row is not None:  # else released in between: try again
                    break
            if row.state == "sent":
                return Claim("sent", ts=row.ts, first_claimed=row.first_claimed)
            if row.lease_until > now:
                return Claim("busy", first_claimed=row.first_claimed)
            conn.execute(
                update(tip_log)
                .where(self._row(channel, day))
                .values(owner=owner, lease_until=now + lease, attempts=tip_log.c.attempts + 1)
            )
            return Claim("recovered", first_claimed=row.first_claimed)

    def mark_sent(self, channel: str, day: date, ts: str, now: datetime) -> None:
        """Record the (channel, day) tip as posted with its message ts."""
        with self.db.begin() as conn:
            conn.execute(
                update(tip_log)
                .where(self._row(channel, day), tip_log.c.state == "claimed")
                .values(state="sent", ts=ts, sent_at=now)
            )

    def release(self, channel: str, day: date, owner: str) -> None:
        """Drop owner's claim: the tip was certainly not posted and stays due."""
        with self.db.begin() as conn:
            conn.execute(
                delete(tip_log).where(
                    self._row(channel, day), tip_log.c.owner == owner, tip_log.c.state == "claimed"
                )
            )

    def expire(self, channel: str, day: date, owner: str) -> None:
        """End owner's lease now, keeping the claim: the send's outcome is unknown."""
        with self.db.begin() as conn:
            conn.execute(
                update(tip_log)
                .where(self._row(channel, day), tip_log.c.owner == owner, tip_log.c.state == "claimed")
                .values(lease_until=_EPOCH)
            )

    def posted(self, channel: str, day: date) -> str | None:
        """The ts of the (channel, day) tip if it was posted, else None."""
        with self.db.begin(read=True) as conn:
            return conn.execute(
                select(tip_log.c.ts).where(self._row(channel, day), tip_log.c.state == "sent")
            ).scalar_one_or_none()

    def posts_before(self, channel: str, day: date) -> int:
        """How many tips the channel got (or has claimed) for days before `day`: its rotation place."""
        query = select(func.count()).where(
            self._mine(tip_log), tip_log.c.channel == channel, tip_log.c.day < day
        )
        with self.db.begin(read=True) as conn:
            return int(conn.execute(query).scalar_one())
