"""The store notices a failed or replaced connection, says so once, and reconnects.

The two SQLite faults found from outside: a process that opened its database while the file was
read-only kept that read-only connection forever; and one whose file was deleted and restored
kept writing to the deleted file (WAL mode, silently).
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import pwd
import shutil
import sqlite3
import tempfile
from datetime import date, timedelta
from pathlib import Path

import psycopg
import pytest

from bot.store import Database, StoreError, TipStore, upgrade
from tests.fake_clock import utc

DAY = date(2026, 11, 23)
NOW = utc(2026, 11, 23, 9)
LEASE = timedelta(minutes=5)


def _backup(path: Path, to: Path) -> None:
    src, dst = sqlite3.connect(path), sqlite3.connect(to)
    src.backup(dst)
    src.close()
    dst.close()


def _remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


@pytest.fixture
def sqlite_db(tmp_path):
    db = Database(f"sqlite:///{tmp_path / 'r.db'}")
    upgrade(db)
    yield db
    db.close()


class TestReplacedSqliteFile:
    def test_a_file_deleted_and_restored_is_written_not_the_deleted_one(self, sqlite_db, tmp_path, caplog):
        """After the file is deleted and restored from a backup, writes land in the restored file."""
        store = TipStore(sqlite_db)
        assert store.claim("C1", DAY, "k", "a", NOW, LEASE).status == "new"  # a pooled connection is open
        _backup(sqlite_db.file, tmp_path / "backup.db")
        _remove(sqlite_db.file)
        shutil.copy(tmp_path / "backup.db", sqlite_db.file)
        with caplog.at_level(logging.WARNING, logger="rolebot.store"):
            store.mark_sent("C1", DAY, "1.2", NOW)
            store.mark_sent("C1", DAY, "1.2", NOW)
        other = TipStore(Database(f"sqlite:///{sqlite_db.file}"))
        assert other.posted("C1", DAY) == "1.2"
        assert other.claim("C1", DAY, "k", "b", NOW, LEASE).status == "sent"
        assert caplog.text.count("was replaced") == 1
        other.close()

    def test_a_deleted_file_is_an_error_until_it_is_back(self, sqlite_db, tmp_path):
        """With the file gone, the store fails (never writes a fresh empty database), then recovers."""
        store = TipStore(sqlite_db)
        store.claim("C1", DAY, "k", "a", NOW, LEASE)
        _backup(sqlite_db.file, tmp_path / "backup.db")
        _remove(sqlite_db.file)
        with pytest.raises(StoreError, match="DATABASE_URL"):
            store.claim("C1", DAY, "k", "b", NOW, LEASE)
        assert not sqlite_db.file.exists()
        shutil.copy(tmp_path / "backup.db", sqlite_db.file)
        assert store.claim("C1", DAY, "k", "b", NOW, LEASE).status == "busy"


def _readonly_child(url: str, uid: int, gid: int, conn) -> None:
    """As an unprivileged user: claim on a read-only file, then again once it is writable."""
    if os.geteuid() == 0:
        os.setgid(gid)
        os.setuid(uid)
    store = TipStore(Database(url))
    try:
        store.claim("C1", DAY, "k", "a", NOW, LEASE)
        conn.send("claimed while read-only")
    except StoreError as exc:
        conn.send(f"failed: {exc}")
    conn.recv()  # the parent made the file writable
    try:
        conn.send(store.claim("C1", DAY, "k", "a", NOW, LEASE).status)
    except StoreError as exc:
        conn.send(f"failed again: {exc}")


class TestReadOnlySqliteFile:
    def test_a_store_opened_read_only_writes_once_the_file_is_writable(self):
        """A process that met its database read-only claims the tip once the file is writable again."""
        user = pwd.getpwnam("postgres") if os.geteuid() == 0 else pwd.getpwuid(os.getuid())
        folder = Path(tempfile.mkdtemp(prefix="rolebot-ro-"))
        try:
            path = folder / "r.db"
            db = Database(f"sqlite:///{path}")
            upgrade(db)
            db.close()
            for p in (folder, *folder.iterdir()):
                os.chown(p, user.pw_uid, user.pw_gid)
            path.chmod(0o444)
            parent, child = multiprocessing.get_context("fork").Pipe()
            proc = multiprocessing.get_context("fork").Process(
                target=_readonly_child, args=(f"sqlite:///{path}", user.pw_uid, user.pw_gid, child)
            )
            proc.start()
            first = parent.recv() if parent.poll(30) else "no answer"
            path.chmod(0o644)
            parent.send("writable")
            second = parent.recv() if parent.poll(30) else "no answer"
            proc.join(10)
            assert first.startswith("failed:") and "readonly" in first
            assert second == "new"
        finally:
            shutil.rmtree(folder, ignore_errors=True)


class TestDroppedPostgresConnections:
    def test_connections_killed_by_the_server_are_replaced(self, postgres):
        """After the server drops every connection (a restart, a failover), the next call just works."""
        url = postgres.fresh_url()
        db = Database(url)
        upgrade(db)
        store = TipStore(db)
        assert store.claim("C1", DAY, "k", "a", NOW, LEASE).status == "new"
        with psycopg.connect(url, autocommit=True) as admin:
            admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
        store.mark_sent("C1", DAY, "1.2", NOW)
        assert store.posted("C1", DAY) == "1.2"
        db.close()
