"""Schema migrations: Alembic scripts shipped in the package, applied once, adopting old files."""

from __future__ import annotations

import fnmatch
import sqlite3
import subprocess
import sys
import tomllib
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import inspect

from bot.store import Database, TipStore, upgrade
from bot.store.migrate import MIGRATIONS, current, head
from tests.bot.store.conftest import race
from tests.fake_clock import utc

ROOT = Path(__file__).resolve().parents[3]
TABLES = {
    "tip_subscriptions",
    "tip_flags",
    "tip_log",
    "slack_events",
    "conversation_turns",
    "answers",
    "votes",
}

# What the store wrote before it had migrations (rolebot.db files in use today).
OLD_SCHEMA = """
CREATE TABLE tip_subscriptions (channel TEXT PRIMARY KEY, time TEXT NOT NULL, timezone TEXT NOT NULL,
    weekdays TEXT NOT NULL, enabled INTEGER NOT NULL, since TEXT NOT NULL, updated_by TEXT,
    updated_at TEXT NOT NULL);
CREATE TABLE tip_flags (channel TEXT PRIMARY KEY, reason TEXT NOT NULL, at TEXT NOT NULL);
CREATE TABLE tip_log (channel TEXT NOT NULL, day TEXT NOT NULL, tip_key TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('claimed', 'sent')), owner TEXT NOT NULL,
    lease_until TEXT NOT NULL, first_claimed TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 1,
    ts TEXT, sent_at TEXT, PRIMARY KEY (channel, day));
CREATE TABLE slack_events (event_id TEXT PRIMARY KEY, seen_at REAL NOT NULL);
INSERT INTO tip_subscriptions VALUES ('C1', '07:45', 'Asia/Tokyo', 'mon,thu', 1,
    '2026-11-01T08:00:00.000000Z', 'U1', '2026-11-01T08:00:00.000000Z');
INSERT INTO tip_log VALUES ('C1', '2026-11-23', 'k', 'sent', 'old', '2026-11-23T09:10:00.000000Z',
    '2026-11-23T09:00:00.000000Z', 1, '123.456', '2026-11-23T09:00:01.000000Z');
"""


class TestUpgrade:
    def test_creates_every_table_at_head(self, database_url):
        """An empty database gets every table and the newest revision; again is a no-op."""
        db = Database(database_url)
        assert upgrade(db) == head() and current(db) == head()
        with db.begin(read=True) as conn:
            assert TABLES <= set(inspect(conn).get_table_names())
        assert upgrade(db) == head()
        db.close()

    def test_concurrent_upgrades_apply_once(self, database_url):
        """Four processes starting at once (replicas and workers) all end at head, without errors."""
        dbs = [Database(database_url) for _ in range(4)]

        def go(db):
            try:
                upgrade(db)
            except Exception as exc:  # collected: the assertion below shows them
                return exc
            return None

        errors = [e for e in race(go, dbs) if e is not None]
        assert errors == [] and current(dbs[0]) == head()

    def test_a_database_from_before_migrations_is_adopted(self, tmp_path):
        """An existing rolebot.db keeps its rows: the tip posted stays posted, the subscription reads back."""
        path = tmp_path / "old.db"
        sqlite3.connect(path).executescript(OLD_SCHEMA)
        db = Database(f"sqlite:///{path}")
        assert upgrade(db) == head()
        store = TipStore(db)
        assert store.posted("C1", date(2026, 11, 23)) == "123.456"
        sub = store.subscription("C1")
        assert (sub.time, sub.weekdays, sub.since) == ("07:45", (0, 3), utc(2026, 11, 1, 8))
        db.close()

    def test_db_upgrade_command(self, tmp_path):
        """`python -m bot db upgrade` migrates DATABASE_URL and says the revision; a bad URL is exit 2."""
        env = {"PATH": "/usr/bin:/bin", "DATABASE_URL": f"sqlite:///{tmp_path / 'r.db'}"}
        run = [sys.executable, "-m", "bot", "db", "upgrade"]
        ok = subprocess.run(run, cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
        assert ok.returncode == 0 and f"revision {head()}" in ok.stdout, ok.stderr
        bad = subprocess.run(
            run,
            cwd=ROOT,
            env=env | {"DATABASE_URL": "oracle://a:pw@h/x"},
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert bad.returncode == 2 and bad.stderr.count("\n") == 1 and "DATABASE_URL" in bad.stderr
        assert "pw" not in bad.stderr


class TestPackaging:
    def test_migration_scripts_are_package_data(self):
        """Every file under bot/store/migrations ships in the wheel (pyproject package-data)."""
        globs = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]
        files = [p for p in MIGRATIONS.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
        rels = [p.relative_to(MIGRATIONS.parent).as_posix() for p in files]
        assert len(rels) >= 4
        assert [r for r in rels if not any(fnmatch.fnmatch(r, g) for g in globs["bot.store"])] == []


class TestTurnsMigration:
    def test_a_threads_saved_turns_become_a_row_each(self, database_url):
        """0003 copies each thread's turns out of `conversations` (a row per turn, in order) and drops it."""
        import json

        from alembic import command
        from sqlalchemy import text

        from bot.store import Conversations
        from bot.store.conversations import ContextKey
        from bot.store.migrate import _config

        db = Database(database_url)
        with db.migrating() as conn:
            command.upgrade(_config(conn), "0002")
        turns = [{"intent": "answer", "roles": ["mlops-engineer"], "topic": t} for t in ("salary", "career")]
        with db.begin() as conn:
            conn.execute(
                text("INSERT INTO conversations VALUES (:team, :channel, :thread, :turns, :at)"),
                {
                    "team": "T1",
                    "channel": "C1",
                    "thread": "1.0",
                    "turns": json.dumps(turns),
                    "at": "2026-11-23T09:00:00.000000Z" if db.dialect == "sqlite" else utc(2026, 11, 23, 9),
                },
            )
        assert upgrade(db) == head()
        with db.begin(read=True) as conn:
            assert "conversations" not in set(inspect(conn).get_table_names())
        found = Conversations(db).load_context(
            ContextKey("T1", "C1", "1.0"), utc(2026, 11, 23, 9), timedelta(hours=1)
        )
        assert found == turns
        db.close()
