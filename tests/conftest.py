"""Shared fixtures: the fake Slack Web API; hypothesis is derandomized under CI."""

from __future__ import annotations

import os

import pytest
from hypothesis import settings

from tests.fake_slack import FakeSlack

settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
settings.load_profile("ci" if os.environ.get("CI") else "default")


@pytest.fixture
def fake_slack():
    """A fake Slack Web API on 127.0.0.1 (port 0), stopped after the test."""
    fake = FakeSlack().start()
    yield fake
    fake.stop()


@pytest.fixture(scope="session")
def postgres():
    """A throwaway PostgreSQL 15 server for the whole session (tests/postgres.py)."""
    from tests.postgres import start_postgres

    server = start_postgres()
    yield server
    server.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path):
    """An empty database: a SQLite file, then a PostgreSQL database (every test runs on both)."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'rolebot.db'}"
    return request.getfixturevalue("postgres").fresh_url()
