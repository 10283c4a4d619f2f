"""Schema migrations with Alembic, shipped in the package (migrations/); no alembic.ini needed."""

from __future__ import annotations

import logging
import time
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError

from bot.store.db import Database, StoreError

__all__ = ["MIGRATIONS", "current", "head", "upgrade"]

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
_ATTEMPTS = 6
logging.getLogger("alembic").setLevel(logging.WARNING)  # its INFO lines are not rolebot's to print


def _config(connection=None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS).replace("%", "%%"))
    cfg.attributes["connection"] = connection
    return cfg


def head() -> str:
    """The newest revision this package knows."""
    return ScriptDirectory.from_config(_config()).get_current_head() or ""


def current(db: Database) -> str | None:
    """The database's revision (None before the first migration)."""
    with db.begin(read=True) as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(db: Database) -> str:
    """Apply every pending migration in one transaction (serialised across processes); the revision.

    A database already at head is only read, so a worker can start while it is read-only.
    """
    for attempt in range(1, _ATTEMPTS + 1):
        try:
            if db.file is None or db.file.exists():
                now = current(db)
                if now == head():
                    db.close()
                    return now
            return _apply(db)
        except StoreError as exc:
            # SQLite: processes creating one new file at once can meet "database is locked" before
            # the busy timeout applies (switching the file to WAL); the next attempt finds it made
            if db.dialect != "sqlite" or "locked" not in str(exc) or attempt == _ATTEMPTS:
                raise
            time.sleep(0.1 * attempt)
    return ""  # not reached: the last attempt returns or raises


def _apply(db: Database) -> str:
    try:
        with db.migrating() as conn:
            command.upgrade(_config(conn), "head")
            return MigrationContext.configure(conn).get_current_revision() or ""
    except CommandError as exc:  # e.g. a revision newer than this release knows
        raise StoreError(f"DATABASE_URL {db.name}: {str(exc).splitlines()[0]}") from None
