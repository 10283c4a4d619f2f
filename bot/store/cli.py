"""`db upgrade`: apply the schema migrations to DATABASE_URL; faults are one line, exit 2."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from typing import Any, TextIO

from bot.config import ConfigError, Settings
from bot.store.db import Database, StoreError
from bot.store.migrate import head, upgrade

__all__ = ["run"]


def run(
    args: Any, *, env: Mapping[str, str] | None = None, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Run one `db` subcommand (only `upgrade`)."""
    out, err = out or sys.stdout, err or sys.stderr
    try:
        db = Database(Settings.from_env(os.environ if env is None else env).database_url)
        try:
            revision = upgrade(db)
        finally:
            db.close()
    except (ConfigError, StoreError) as exc:
        print(f"rolebot db: {exc}", file=err)
        return 2
    state = "(latest)" if revision == head() else f"(this release knows {head()})"
    print(f"database {db.name}: schema at revision {revision} {state}", file=out)
    return 0
