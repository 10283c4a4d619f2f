"""A throwaway PostgreSQL 15 server for the tests: initdb + pg_ctl in a temp dir on 127.0.0.1.

Run as the unprivileged `postgres` user when the tests run as root (PostgreSQL refuses root).
Each test gets a database of its own (`fresh_url`). When the binaries are missing the tests
that need them skip, except under CI=true, where that is a failure.
"""

from __future__ import annotations

import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import psycopg
import pytest

__all__ = ["BIN", "PostgresServer", "start_postgres"]

BIN = Path(os.environ.get("ROLEBOT_PG_BIN", "/usr/lib/postgresql/15/bin"))
USER = "rolebot"


def _as_owner(cmd: list[str], owner: str | None) -> list[str]:
    if owner is None:
        return cmd
    if shutil.which("runuser"):
        return ["runuser", "-u", owner, "--", *cmd]
    return ["setpriv", f"--reuid={owner}", f"--regid={owner}", "--init-groups", *cmd]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class PostgresServer:
    """One running server; `fresh_url()` creates an empty database and returns its URL."""

    def __init__(self, root: Path, port: int, owner: str | None, options: str = "") -> None:
        self.root, self.port, self.owner, self.options = root, port, owner, options
        self._names = itertools.count(1)

    def url(self, name: str = "postgres") -> str:
        return f"postgresql://{USER}@127.0.0.1:{self.port}/{name}"

    def fresh_url(self) -> str:
        name = f"t{os.getpid()}_{next(self._names)}"
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def halt(self) -> None:
        """Stop the server at once (`pg_ctl stop -m immediate`), keeping its data: an outage."""
        _pg_ctl(self, "-m", "immediate", "stop")

    def restart(self) -> None:
        """Start the halted server again on the same port, and wait until it accepts connections."""
        _pg_ctl(self, "-o", self.options, "-l", str(self.root / "log"), "-w", "start")

    def stop(self) -> None:
        subprocess.run(
            _as_owner(
                [str(BIN / "pg_ctl"), "-D", str(self.root / "data"), "-m", "immediate", "stop"], self.owner
            ),
            capture_output=True,
            timeout=60,
        )
        shutil.rmtree(self.root, ignore_errors=True)


def _pg_ctl(server: PostgresServer, *args: str) -> None:
    done = subprocess.run(
        _as_owner([str(BIN / "pg_ctl"), "-D", str(server.root / "data"), *args], server.owner),
        capture_output=True,
        text=True,
        timeout=60,
        cwd=server.root,
    )
    if done.returncode != 0:
        raise RuntimeError(f"pg_ctl {' '.join(args)} failed: {done.stderr}")


def start_postgres(*, durable: bool = False) -> PostgresServer:
    """initdb and start a server in a new temp dir; fail (CI) or skip when PostgreSQL is missing.

    durable: commits are on disk when acknowledged (synchronous_commit on), so a server stopped
    with `-m immediate` keeps them, as a production server does.
    """
    if not (BIN / "initdb").exists() or not (BIN / "pg_ctl").exists():
        message = f"PostgreSQL 15 binaries not found in {BIN} (install postgresql-15)"
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(message)
        pytest.skip(message)
    owner = None
    root = Path(tempfile.mkdtemp(prefix="rolebot-pg-"))
    if os.geteuid() == 0:
        owner = "postgres"
        entry = pwd.getpwnam(owner)
        os.chown(root, entry.pw_uid, entry.pw_gid)
    data, port = root / "data", _free_port()
    run = dict(capture_output=True, text=True, timeout=120, cwd=root)
    init = subprocess.run(
        _as_owner(
            [str(BIN / "initdb"), "-D", str(data), "-U", USER, "-A", "trust", "-E", "UTF8", "--no-sync"],
            owner,
        ),
        **run,
    )
    if init.returncode != 0:
        raise RuntimeError(f"initdb failed: {init.stderr}")
    options = (
        f"-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={root} "
        "-c fsync=off -c full_page_writes=off -c max_connections=200"
        + ("" if durable else " -c synchronous_commit=off")
    )
    start = subprocess.run(
        _as_owner(
            [str(BIN / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(root / "log"), "-w", "start"],
            owner,
        ),
        **run,
    )
    if start.returncode != 0:
        log = (root / "log").read_text() if (root / "log").exists() else ""
        raise RuntimeError(f"pg_ctl start failed: {start.stderr} {log}")
    return PostgresServer(root, port, owner, options)
