"""The one connection story: DATABASE_URL -> a pooled SQLAlchemy engine per process.

SQLite: WAL journal, a busy timeout, foreign keys on, and every write transaction opened with
BEGIN IMMEDIATE (the write lock up front, so read-modify-write is serial across processes).
Runtime connections open the file with mode=rw, so a deleted database is an error rather than a
new empty file. Before each checkout the file's (st_dev, st_ino) is compared with the
connection's: a file replaced or restored under a running process gets fresh connections
instead of the old file. Errors that mean the connection is no good (read-only, I/O, file gone)
invalidate the pool, so the next transaction reconnects (after giving -wal/-shm files left
read-only by a read-only spell the database file's mode again).

PostgreSQL (psycopg 3): pre-ping on checkout, so a restarted server or a dropped connection is
noticed and replaced; row locks (FOR UPDATE) where a read decides a write.

Every failure leaves as `StoreError` with one line; the first of an outage is logged once,
as is the recovery.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Table, create_engine, event
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DisconnectionError, SQLAlchemyError
from sqlalchemy.pool import NullPool

from bot.ops import metrics
from bot.store.url import describe, sqlalchemy_url, sqlite_file, sqlite_uri

__all__ = ["Database", "StoreError"]

log = logging.getLogger("rolebot.store")

# SQLite errors after which a connection is useless (unlike "database is locked": just wait).
_SQLITE_BROKEN = (
    "readonly database",
    "disk i/o error",
    "unable to open database file",
    "file is not a database",
    "database disk image is malformed",
    "no such table",
)


class StoreError(Exception):
    """The database failed (unreachable, read-only, gone...): one line, naming no password."""


def _first_line(exc: BaseException) -> str:
    inner = getattr(exc, "orig", None) or exc
    text = str(inner).strip().splitlines()
    return text[0] if text else inner.__class__.__name__


def _sidecars_follow(path: Path) -> None:
    """Give -wal/-shm the database file's mode again once it is writable.

    SQLite creates them with the file's mode of the moment, so a process that opened the
    database while it was read-only leaves read-only sidecars, and every later connection (in
    any process) stays read-only even after the file itself is made writable.
    """
    try:
        if not os.access(path, os.W_OK):
            return
        mode = path.stat().st_mode & 0o666
        for suffix in ("-wal", "-shm"):
            side = Path(f"{path}{suffix}")
            if side.exists() and side.stat().st_mode & 0o666 != mode:
                side.chmod(mode)
    except OSError:  # not ours to change: the error stays, and says so
        pass


def _seconds(value: Any, default: int) -> int:
    return int(value) if isinstance(value, str) and value.isdigit() else default


def _file_id(path: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino


class Database:
    """DATABASE_URL, opened lazily once per process (pools never cross a fork)."""

    def __init__(self, url: str, *, busy_timeout: float = 30.0, connect_timeout: int = 2) -> None:
        self.url = sqlalchemy_url(url)
        self.name = describe(self.url)
        self.dialect = self.url.get_backend_name()
        self.file = sqlite_file(self.url)
        self._busy_timeout = busy_timeout
        self._connect_timeout = connect_timeout
        self._lock = threading.Lock()
        self._engine: Engine | None = None
        self._pid: int | None = None
        self._down = False
        self._worked = False  # failures before the first success are the caller's to report

    # engines ---------------------------------------------------------------------------
    @property
    def engine(self) -> Engine:
        """This process's pooled engine."""
        with self._lock:
            if self._engine is None or self._pid != os.getpid():
                if self._engine is not None:  # inherited through fork: leave the parent's alone
                    self._engine.dispose(close=False)
                self._engine, self._pid = self._create(create=False), os.getpid()
            return self._engine

    def _create(self, *, create: bool, pooled: bool = True) -> Engine:
        options: dict[str, Any] = {} if pooled else {"poolclass": NullPool}
        if self.file is None:
            engine = create_engine(
                self.url,
                pool_pre_ping=True,
                pool_recycle=1800,
                # 2 s unless the URL says otherwise (?connect_timeout=N): an ack waits on it
                connect_args={
                    "connect_timeout": _seconds(self.url.query.get("connect_timeout"), self._connect_timeout),
                    "application_name": "rolebot",
                },
                **options,
            )
        else:
            engine = create_engine(
                sqlite_uri(self.file, create=create),
                connect_args={"timeout": self._busy_timeout, "check_same_thread": False},
                **options,
            )
            self._sqlite_hooks(engine)
        event.listen(engine, "handle_error", self._on_error)
        return engine

    def _sqlite_hooks(self, engine: Engine) -> None:
        path, busy = self.file, int(self._busy_timeout * 1000)

        @event.listens_for(engine, "connect")
        def _connect(dbapi: Any, record: Any) -> None:
            dbapi.isolation_level = None  # SQLAlchemy emits BEGIN itself (below)
            _sidecars_follow(path)  # before the first statement opens them
            for pragma in (f"busy_timeout = {busy}", "journal_mode = WAL", "synchronous = NORMAL"):
                dbapi.execute(f"PRAGMA {pragma}")
            dbapi.execute("PRAGMA foreign_keys = ON")
            record.info["file"] = _file_id(path)

        @event.listens_for(engine, "checkout")
        def _checkout(dbapi: Any, record: Any, proxy: Any) -> None:
            now = _file_id(path)
            if record.info.get("file") != now:
                self._say_down(
                    f"the file {path} was {'deleted' if now is None else 'replaced'}; reconnecting"
                )
                raise DisconnectionError("database file replaced")  # the pool reconnects

        @event.listens_for(engine, "begin")
        def _begin(conn: Connection) -> None:
            read = conn.get_execution_options().get("rolebot_read", False)
            conn.exec_driver_sql("BEGIN" if read else "BEGIN IMMEDIATE")

    def _on_error(self, ctx: Any) -> None:
        message = str(ctx.original_exception).lower()
        if self.dialect == "sqlite" and any(m in message for m in _SQLITE_BROKEN):
            ctx.is_disconnect = True  # drop the pool: the next transaction opens afresh

    # logging an outage once ------------------------------------------------------------
    def _say_down(self, why: str) -> None:
        if not self._down and self._worked:
            self._down = True
            log.warning("database %s: %s", self.name, why)

    def _say_up(self) -> None:
        self._worked = True
        if self._down:
            self._down = False
            log.warning("database %s: working again", self.name)

    # transactions ----------------------------------------------------------------------
    @contextmanager
    def begin(self, *, read: bool = False) -> Iterator[Connection]:
        """One transaction (BEGIN IMMEDIATE on SQLite unless read); StoreError on any DB fault."""
        try:
            with self.engine.connect() as conn:
                if read:
                    conn.execution_options(rolebot_read=True)
                with conn.begin():
                    yield conn
        except SQLAlchemyError as exc:
            metrics.db_error()
            self._say_down(f"{_first_line(exc)}; will reconnect")
            raise StoreError(f"DATABASE_URL {self.name}: {_first_line(exc)}") from exc
        self._say_up()

    def ping(self, timeout: int = 2) -> None:
        """Does the database answer within about `timeout` seconds? StoreError (one line) if not.

        Its own short-lived connection (never the pool's, never a hang): for /readyz.
        """
        if self.file is not None:
            if not self.file.exists():
                raise StoreError(f"DATABASE_URL {self.name}: the file does not exist")
            args: dict[str, Any] = {"timeout": timeout}
            url: Any = sqlite_uri(self.file, create=False)
        else:
            args = {"connect_timeout": max(2, timeout), "options": f"-c statement_timeout={timeout * 1000}"}
            url = self.url
        engine = create_engine(url, poolclass=NullPool, connect_args=args)
        try:
            with engine.connect() as conn:
                conn.exec_driver_sql("SELECT 1").scalar()
        except SQLAlchemyError as exc:
            raise StoreError(f"DATABASE_URL {self.name}: {_first_line(exc)}") from None
        finally:
            engine.dispose()

    @contextmanager
    def migrating(self) -> Iterator[Connection]:
        """A transaction for migrations: may create the SQLite file; one migrator at a time."""
        engine = self._create(create=True, pooled=False)
        try:
            with engine.begin() as conn:
                if self.dialect == "postgresql":
                    conn.exec_driver_sql("SELECT pg_advisory_xact_lock(7170601)")  # 'rolebot' migrations
                yield conn
        except SQLAlchemyError as exc:
            raise StoreError(f"DATABASE_URL {self.name}: {_first_line(exc)}") from exc
        finally:
            engine.dispose()

    def insert(self, table: Table) -> Any:
        """The dialect's INSERT, which has on_conflict_do_nothing/do_update."""
        return (postgresql.insert if self.dialect == "postgresql" else sqlite.insert)(table)

    def close(self) -> None:
        """Close this process's connections."""
        with self._lock:
            if self._engine is not None and self._pid == os.getpid():
                self._engine.dispose()
            self._engine = self._pid = None
