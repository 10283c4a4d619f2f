"""Everything rolebot keeps: tip state (tips) and seen Slack event ids (events), one database."""

from __future__ import annotations

from bot.store.db import connect, sqlite_path
from bot.store.events import SqliteSeenEvents
from bot.store.tips import Claim, SqliteStore, Store

__all__ = ["Claim", "SqliteSeenEvents", "SqliteStore", "Store", "connect", "open_store", "sqlite_path"]


def open_store(url: str) -> Store:
    """The tip store for a DATABASE_URL."""
    return SqliteStore(sqlite_path(url))
