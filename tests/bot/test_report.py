"""`report` reads; it never creates or migrates a database."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import psycopg

from bot.store import Database, upgrade

ROOT = Path(__file__).resolve().parents[2]


def report(url: str) -> subprocess.CompletedProcess:
    env = {"PATH": "/usr/bin:/bin", "DATABASE_URL": url}
    run = [sys.executable, "-m", "bot", "report", "--json"]
    return subprocess.run(run, cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)


class TestReadOnly:
    def test_a_missing_sqlite_file_is_said_and_not_made(self, tmp_path):
        """A mistyped SQLite path: one line saying the database does not exist, exit 2, no file."""
        done = report(f"sqlite:///{tmp_path / 'typo.db'}")
        assert done.returncode == 2 and "does not exist" in done.stderr and done.stderr.count("\n") == 1
        assert not (tmp_path / "typo.db").exists()

    def test_a_missing_postgres_database_is_said_and_not_made(self, postgres):
        """A mistyped PostgreSQL database name: one line, exit 2, and it is still not there."""
        done = report(postgres.url("no_such_db"))
        assert done.returncode == 2 and "does not exist" in done.stderr and done.stderr.count("\n") == 1
        with psycopg.connect(postgres.url()) as conn:
            assert conn.execute("SELECT 1 FROM pg_database WHERE datname = 'no_such_db'").fetchone() is None

    def test_an_empty_database_is_not_migrated(self, postgres):
        """A database without rolebot's tables is named as such and left empty."""
        url = postgres.fresh_url()
        done = report(url)
        assert done.returncode == 2 and "no rolebot tables" in done.stderr
        with psycopg.connect(url) as conn:
            assert (
                conn.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'").fetchone()[0] == 0
            )

    def test_a_migrated_database_reports_zeros(self, database_url):
        """A fresh rolebot database reports zero answers."""
        db = Database(database_url)
        upgrade(db)
        db.close()
        done = report(database_url)
        assert done.returncode == 0, done.stderr
        assert '"answers": 0' in done.stdout
