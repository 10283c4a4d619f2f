"""The one connection story: DATABASE_URL -> a SQLite file, opened the same way by every table."""

from __future__ import annotations

import sqlite3

from bot.config import ConfigError

__all__ = ["connect", "sqlite_path"]


def sqlite_path(url: str) -> str:
    """`sqlite:///rel.db` -> 'rel.db', `sqlite:////abs.db` -> '/abs.db'; ConfigError otherwise."""
    prefix = "sqlite:///"
    if not url.startswith(prefix) or len(url) == len(prefix):
        raise ConfigError("DATABASE_URL must look like sqlite:///path (only SQLite is supported)")
    return url[len(prefix) :]


def connect(path: str, busy_timeout: float = 30.0) -> sqlite3.Connection:
    """A connection in autocommit mode, WAL journal, waiting up to busy_timeout on locks."""
    db = sqlite3.connect(path, timeout=busy_timeout, isolation_level=None, check_same_thread=False)
    db.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = NORMAL")
    return db
