"""`serve`: check config and knowledge base, then run the Slack app (HTTP or Socket Mode)."""

from __future__ import annotations

import gc
import logging
import os
import sys
import threading
from collections.abc import Callable, Mapping
from typing import Any

from gunicorn.app.base import BaseApplication
from gunicorn.glogging import Logger as GunicornLogger
from slack_bolt.error import BoltError
from slack_sdk.errors import SlackApiError, SlackClientError

import handlers
from bot.config import ConfigError, Settings
from bot.ops import metrics
from bot.ops.http import Ops, listen
from bot.ops.logs import setup_logging
from bot.slack import green
from bot.slack.app import create_app
from bot.slack.services import StoredMemory
from bot.slack.wsgi import make_wsgi
from bot.store import Conversations, Database, Feedback, SharedSeenEvents, StoreError, upgrade
from knowledge.load import KnowledgeError, load

log = logging.getLogger("rolebot")

__all__ = [
    "GunicornServer",
    "PerProcessTips",
    "gunicorn_options",
    "readiness",
    "run",
    "tips_service",
    "worker_count",
]


class GunicornServer(BaseApplication):
    """gunicorn, run programmatically around one ready-made WSGI app."""

    def __init__(self, wsgi: Any, options: dict[str, Any]) -> None:
        self._wsgi = wsgi
        self._options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self._options.items():
            if key in self.cfg.settings:  # older gunicorns lack some settings
                self.cfg.set(key, value)

    def load(self) -> Any:
        return self._wsgi


class RootLogs(GunicornLogger):
    """gunicorn's own lines through the root handler (LOG_FORMAT=json: JSON like every other line)."""

    def setup(self, cfg: Any) -> None:
        super().setup(cfg)
        for log in (self.error_log, self.access_log):
            log.handlers[:] = []
            log.propagate = True


def worker_count(env: Mapping[str, str]) -> int:
    """$WEB_CONCURRENCY if it is a number from 1 to 64, else one per usable CPU (up to 8)."""
    value = env.get("WEB_CONCURRENCY", "").strip()
    if value.isdigit() and 0 < int(value) <= 64:
        return int(value)
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return min(cpus or 1, 8)


def gunicorn_options(
    port: int, workers: int = 1, *, green: bool = False, root_logs: bool = False
) -> dict[str, Any]:
    """`workers` processes sharing state through the database, each serving 1,000 connections
    in greenlets (green: the process was patched, see bot.slack.green), else 16 threads;
    root_logs: gunicorn logs through the root handler (LOG_FORMAT=json)."""
    return {
        **({"logger_class": RootLogs} if root_logs else {}),
        "bind": f"0.0.0.0:{port}",
        "workers": workers,
        "worker_class": "gevent" if green else "gthread",
        "worker_connections": 1000,
        "threads": 16,
        "timeout": 30,
        "graceful_timeout": 5,
        "keepalive": 5,
        "accesslog": None,
        "errorlog": "-",
        "loglevel": "info",
        "proc_name": "rolebot",
        "control_socket_disable": True,
        "child_exit": lambda server, worker: metrics.process_dead(worker.pid),
    }


UNAVAILABLE = (
    "Daily tips are unavailable for a moment (I can't reach my database). Please try again in a minute."
)


def readiness(kb: Any, db: Database) -> Callable[[], str | None]:
    """/readyz's check: the knowledge base is loaded and the database answers (2 s at most)."""

    def ready() -> str | None:
        if kb is None or not getattr(kb, "roles", None):
            return "the knowledge base is not loaded"
        try:
            db.ping(timeout=2)
        except StoreError as exc:
            return f"database unavailable: {exc}"
        return None

    return ready


class PerProcessTips:
    """The tips service, opened on first use in the process that uses it.

    `serve` builds the app before gunicorn forks its worker; an SQLite connection must not
    cross a fork, so the worker opens its own on its first `/role tips` or Home tab.
    """

    def __init__(self, open_service: Callable[[], Any]) -> None:
        self._open = open_service
        self._lock = threading.Lock()
        self._pid: int | None = None
        self._service: Any = None

    def _get(self) -> Any:
        with self._lock:
            if self._service is None or self._pid != os.getpid():
                self._service, self._pid = self._open(), os.getpid()
            return self._service

    def slash(self, text: str, channel_id: str, user_id: str, *team: Any) -> str:
        """Answer `/role tips TEXT` in a team's channel (see bot.tips.service.TipsService.slash);
        while the database is down, say so (the store logs the outage once)."""
        try:
            return self._get().slash(text, channel_id, user_id, *team)
        except StoreError:
            return UNAVAILABLE

    def subscriptions(self, *team: Any) -> list[dict[str, Any]] | str:
        """A team's tip subscriptions (see bot.tips.service.TipsService.subscriptions); while the
        database is down, a line saying so (the Home tab shows it)."""
        try:
            return self._get().subscriptions(*team)
        except StoreError:
            return UNAVAILABLE


def tips_service(
    settings: Settings, env: Mapping[str, str] | None = None, db: Database | None = None
) -> PerProcessTips:
    """The tips service behind `/role tips` and App Home; its settings are checked now. On `db`
    when given: one Database per process, so an outage is one line, not one per store."""
    from bot.tips.service import TipsService

    TipsService.from_settings(settings, env, db=db).store.close()  # fails now, not on first use
    return PerProcessTips(lambda: TipsService.from_settings(settings, env, db=db))


def _fail(message: str) -> int:
    print(f"rolebot: {message}", file=sys.stderr)
    return 2


def run(args: Any, *, env: Mapping[str, str] | None = None, load_kb: Callable[[], Any] = load) -> int:
    """Start the app; a bad setting, knowledge base or token is one line and exit status 2."""
    setup_logging()
    try:
        settings = Settings.from_env(env)
        setup_logging(fmt=settings.log_format)
        settings.require_tokens()
        if settings.multi_workspace and settings.bot_token:
            log.warning("SLACK_BOT_TOKEN is ignored: SLACK_CLIENT_ID is set (multi-workspace mode)")
        if settings.multi_workspace and settings.socket_mode:
            raise ConfigError("multi-workspace mode (SLACK_CLIENT_ID) runs over HTTP: unset SLACK_APP_TOKEN")
        if settings.socket_mode:
            app_token = settings.require_app_token()
        else:
            settings.require_signing_secret()
        if args.port is not None and not 0 < args.port < 65536:
            raise ConfigError("--port must be a port number (1-65535)")
    except ConfigError as exc:
        return _fail(str(exc))
    try:
        kb = load_kb()
    except KnowledgeError as exc:
        return _fail(f"knowledge base: {exc}; refusing to start")
    try:
        db = Database(settings.database_url)
        upgrade(db)  # before the workers fork; each opens its own connections
        tips = tips_service(settings, env, db)
        seen = SharedSeenEvents(db)
        seen.check()
        memory, votes = StoredMemory(Conversations(db)), Feedback(db)
    except (ConfigError, ValueError, OSError, StoreError) as exc:
        return _fail(str(exc) if str(exc).startswith("DATABASE_URL") else f"database: {exc}")
    try:
        app = create_app(settings, kb, tips=tips, seen=seen, memory=memory, votes=votes, db=db)
    except BoltError:
        return _fail("SLACK_BOT_TOKEN was rejected by Slack (auth.test failed)")
    except (SlackClientError, OSError) as exc:
        return _fail(f"cannot reach Slack's Web API at {settings.api_url} ({type(exc).__name__})")
    health = {"roles": len(kb.roles), "topics": len(kb.topics)}
    ops = Ops(health, readiness(kb, db), settings.metrics_token)
    if settings.socket_mode:
        from bot.slack.socketmode import GuardedSocketModeHandler, socket_logger

        if settings.port_set or args.port is not None:
            try:
                listen(ops, args.port if args.port is not None else settings.port)
            except OSError as exc:
                return _fail(f"cannot listen on port {args.port or settings.port}: {exc.strerror or exc}")
        try:
            GuardedSocketModeHandler(app, app_token, logger=socket_logger()).start()
        except SlackApiError as exc:
            return _fail(f"SLACK_APP_TOKEN was rejected by Slack ({exc.response.get('error')})")
        return 0
    port = args.port if args.port is not None else settings.port
    wsgi = make_wsgi(app, signing_secret=settings.signing_secret or "", ops=ops)
    workers = worker_count(os.environ if env is None else env)
    handlers.warm(kb)  # the matcher and section replies, built once before the fork, shared by workers
    metrics.multiprocess()  # every worker counts into one directory of this process's own
    gc.freeze()  # what is built so far stays out of the workers' collections: shared, not copied
    options = gunicorn_options(port, workers, green=green.patched(), root_logs=settings.log_format == "json")
    GunicornServer(wsgi, options).run()
    return 0
