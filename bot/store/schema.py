"""The tables of rolebot's one database, as SQLAlchemy Core sees them (created by migrations/)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)
from sqlalchemy.dialects import sqlite
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator, TypeEngine

__all__ = [
    "UtcDateTime",
    "answers",
    "conversation_turns",
    "metadata",
    "slack_bots",
    "slack_events",
    "tip_flags",
    "tip_log",
    "team_columns",
    "tip_subscriptions",
    "votes",
]

# SQLite keeps the text format the store has always written (sortable, so comparable in SQL).
_SQLITE_FORMAT = "%(year)04d-%(month)02d-%(day)02dT%(hour)02d:%(minute)02d:%(second)02d.%(microsecond)06dZ"
_SQLITE_REGEXP = r"(\d+)-(\d+)-(\d+)T(\d+):(\d+):(\d+)\.(\d+)Z"


class UtcDateTime(TypeDecorator):
    """An aware UTC datetime: timestamptz on PostgreSQL, ISO text ending in Z on SQLite."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        if dialect.name == "sqlite":
            return dialect.type_descriptor(
                sqlite.DATETIME(storage_format=_SQLITE_FORMAT, regexp=_SQLITE_REGEXP)
            )
        return dialect.type_descriptor(DateTime(timezone=True))

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("the store takes aware datetimes only")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def team_columns(*, key: bool) -> list[Column]:
    """Whose row it is (bot.store.records.Team): '' and '' in single-workspace mode."""
    return [
        Column("enterprise", String, primary_key=key, nullable=False, server_default=""),
        Column("team", String, primary_key=key, nullable=False, server_default=""),
    ]


metadata = MetaData()

tip_subscriptions = Table(
    "tip_subscriptions",
    metadata,
    *team_columns(key=True),
    Column("channel", String, primary_key=True),
    Column("time", String, nullable=False),
    Column("timezone", String, nullable=False),
    Column("weekdays", String, nullable=False),
    Column("enabled", Boolean, nullable=False),
    Column("since", UtcDateTime, nullable=False),
    Column("updated_by", String),
    Column("updated_at", UtcDateTime, nullable=False),
)

tip_flags = Table(
    "tip_flags",
    metadata,
    *team_columns(key=True),
    Column("channel", String, primary_key=True),
    Column("reason", String, nullable=False),
    Column("at", UtcDateTime, nullable=False),
)

tip_log = Table(
    "tip_log",
    metadata,
    *team_columns(key=True),
    Column("channel", String, primary_key=True),
    Column("day", Date, primary_key=True),
    Column("tip_key", String, nullable=False),
    Column("state", String, CheckConstraint("state IN ('claimed', 'sent')"), nullable=False),
    Column("owner", String, nullable=False),
    Column("lease_until", UtcDateTime, nullable=False),
    Column("first_claimed", UtcDateTime, nullable=False),
    Column("attempts", Integer, nullable=False, server_default="1"),
    Column("ts", String),
    Column("sent_at", UtcDateTime),
)

slack_events = Table(
    "slack_events",
    metadata,
    Column("event_id", String, primary_key=True),
    Column("seen_at", Float, nullable=False, index=True),  # epoch seconds
)

conversation_turns = Table(  # a row per turn: turns of one thread arriving at once all land
    "conversation_turns",
    metadata,
    Column("id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True),
    Column("team", String, nullable=False),
    Column("channel", String, nullable=False),
    Column("thread", String, nullable=False),
    Column("turn", JSON, nullable=False),
    Column("at", UtcDateTime, nullable=False, index=True),
    Column("enterprise", String, nullable=False, server_default=""),
    Index("ix_conversation_turns_thread", "team", "channel", "thread", "id"),
)

answers = Table(
    "answers",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("created_at", UtcDateTime, nullable=False, index=True),
    Column("question", Text, nullable=False),
    Column("intent", String(32), nullable=False),
    Column("roles", JSON, nullable=False),
    Column("topic", String(64)),
    Column("covered", Boolean, nullable=False),
    *team_columns(key=False),
)

votes = Table(
    "votes",
    metadata,
    Column("answer_id", String(64), ForeignKey("answers.id", ondelete="CASCADE"), primary_key=True),
    Column("voter", String(64), primary_key=True),  # sha256 of the Slack user id: no names kept
    Column("vote", String(8), CheckConstraint("vote IN ('up', 'down')"), nullable=False),
    Column("at", UtcDateTime, nullable=False, index=True),
    *team_columns(key=False),
)


# The columns rolebot reads of slack_sdk's own `slack_bots` table (migration 0004 creates it with
# slack_sdk's definition; bot.store.installs writes it). Not part of rolebot's `metadata`.
slack_bots = Table(
    "slack_bots",
    MetaData(),
    Column("id", Integer, primary_key=True),
    Column("client_id", String(32), nullable=False),
    Column("enterprise_id", String(32)),
    Column("team_id", String(32)),
    Column("is_enterprise_install", Boolean, nullable=False),
)
