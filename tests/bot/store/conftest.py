"""Store fixtures: a migrated database, SQLite and PostgreSQL in turn (see tests/conftest.py)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from typing import Any

import pytest

from bot.store import Database, upgrade


@pytest.fixture
def db(database_url):
    """A migrated Database on each kind of server."""
    database = Database(database_url)
    upgrade(database)
    yield database
    database.close()


def race(fn: Callable[[Any], Any], items: Iterable[Any]) -> list[Any]:
    """fn(item) for every item, each in its own thread, all released at once; the results."""
    items = list(items)
    start, results = threading.Barrier(len(items)), []

    def go(item):
        start.wait()
        results.append(fn(item))

    threads = [threading.Thread(target=go, args=(item,)) for item in items]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results
