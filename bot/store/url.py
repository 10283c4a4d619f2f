"""DATABASE_URL -> a SQLAlchemy URL: `sqlite:///PATH` or `postgresql://` / `postgres://` (psycopg 3)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from bot.config import ConfigError

__all__ = ["describe", "sqlalchemy_url", "sqlite_file"]

_HELP = "DATABASE_URL must look like sqlite:///PATH or postgresql://USER:PASSWORD@HOST:PORT/NAME"


def _parse(text: str) -> URL:
    text = text.strip()
    if text.startswith("postgres://"):  # what Heroku-style platforms hand out
        text = "postgresql://" + text[len("postgres://") :]
    try:
        url = make_url(text)
    except (ArgumentError, ValueError):
        raise ConfigError(_HELP) from None
    return url


def sqlalchemy_url(text: str) -> URL:
    """The URL with its driver (pysqlite, psycopg); ConfigError (naming no secret) when malformed."""
    url = _parse(text)
    backend, _, driver = url.drivername.partition("+")
    if backend == "sqlite" and driver in ("", "pysqlite"):
        if url.host or url.username or url.password or url.port:
            raise ConfigError(_HELP + " (sqlite:// takes a path, not a host)")
        if not url.database or url.database == ":memory:" or url.database.startswith("file:"):
            raise ConfigError(_HELP + " (a SQLite file path is missing)")
        return url.set(drivername="sqlite+pysqlite", query={})
    if backend == "postgresql" and driver in ("", "psycopg"):
        if not url.host and "host" not in url.query:
            raise ConfigError(_HELP + " (the PostgreSQL host is missing)")
        if not url.database:
            raise ConfigError(_HELP + " (the database name is missing)")
        return url.set(drivername="postgresql+psycopg")
    raise ConfigError(_HELP + f" ({url.drivername}:// is not supported)")


def sqlite_file(url: URL) -> Path | None:
    """The absolute path of a SQLite URL's file, None for PostgreSQL."""
    return Path(url.database).resolve() if url.get_backend_name() == "sqlite" and url.database else None


def sqlite_uri(path: Path, *, create: bool) -> URL:
    """A URI filename URL: mode=rw never creates a file (a deleted database stays an error)."""
    mode = "rwc" if create else "rw"
    return URL.create(
        "sqlite+pysqlite", database=f"file:{quote(str(path))}", query={"uri": "true", "mode": mode}
    )


def describe(url: URL) -> str:
    """The URL as it can be logged: the password hidden."""
    return url.render_as_string(hide_password=True).replace("+psycopg", "").replace("+pysqlite", "")
