"""Store fixtures: a migrated database, SQLite and PostgreSQL in turn (see tests/conftest.py)."""

from __future__ import annotations

import pytest

from bot.store import Database, upgrade


@pytest.fixture
def db(database_url):
    """A migrated Database on each kind of server."""
    database = Database(database_url)
    upgrade(database)
    yield database
    database.close()
