"""The Bolt app: client, middleware, listeners and error handler, wired once."""

from __future__ import annotations

import contextvars
import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from slack_bolt import App
from slack_sdk import WebClient

import handlers
from bot.config import Settings
from bot.ops import logs, metrics
from bot.slack import delivery, listeners
from bot.slack.dedupe import Seen, SeenEvents
from bot.slack.envelope import REVOCATION
from bot.slack.middleware import Gate
from bot.slack.services import LocalMemory, Memory, Services, TipsService, Votes
from bot.store import Database
from bot.webapi import make_client
from handlers import Reply, Turn

__all__ = ["RequestExecutor", "create_app"]


def _run_counted(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    try:
        return fn(*args, **kwargs)
    finally:
        metrics.request_done(logs.current())


class RequestExecutor(ThreadPoolExecutor):
    """Bolt's listener threads: each listener runs in its request's context (the log lines
    name the request) and the request is counted, answered or failed, when it is done."""

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future:
        return super().submit(contextvars.copy_context().run, _run_counted, fn, *args, **kwargs)


def _without_context(ask: Callable[[str, Any], Reply]) -> Callable[..., tuple[Reply, Turn]]:
    def converse(text: str, kb: Any, turns: list[Turn]) -> tuple[Reply, Turn]:
        reply = ask(text, kb)
        return reply, Turn(reply.intent, reply.roles, reply.topic)

    return converse


def _nothing_to_delete(event: dict, logger: logging.Logger) -> None:
    logger.info("%s: single-workspace mode keeps no installation; nothing deleted", event.get("type"))


def create_app(
    settings: Settings,
    kb: Any,
    *,
    tips: TipsService | None = None,
    client: WebClient | None = None,
    ask: Callable[[str, Any], Reply] = handlers.ask,
    seen: Seen | None = None,
    memory: Memory | None = None,
    votes: Votes | None = None,
    logger: logging.Logger | None = None,
    db: Database | None = None,
) -> App:
    """A Bolt App answering from `kb`.

    Single-workspace mode (SLACK_BOT_TOKEN) calls auth.test (raises BoltError on a rejected
    token). Multi-workspace mode (SLACK_CLIENT_ID) adds bolt's OAuth flow with its installations
    in `db` (default: DATABASE_URL) and bolt's token revocation listeners, which delete an
    uninstalled team's installation and data.
    `seen` remembers answered event ids and `memory` conversations (default: in this process
    only; `serve` passes the database-backed ones its workers and replicas share); `votes`
    records answers and feedback (default: none, and no feedback buttons).
    """
    if logger is None:
        logger = logging.getLogger("rolebot")
        # Bolt formats a debug line per middleware per request unless its logger's own
        # level is above DEBUG (it reads logger.level, not the effective level).
        logger.setLevel(logging.INFO)
    client = client if client is not None else delivery.guard_resends(make_client(settings))
    options: dict[str, Any] = {}
    if settings.multi_workspace:
        from bot.slack import oauth  # bolt's OAuth and slack_sdk's stores: only in this mode

        flow = oauth.oauth_flow(settings, db or Database(settings.database_url), client, logger)
        options = {"oauth_flow": flow, "before_authorize": oauth.KnownTeam(flow.settings.authorize)}
    app = App(
        client=client,
        signing_secret=settings.signing_secret or "",
        logger=logger,
        listener_executor=RequestExecutor(max_workers=32, thread_name_prefix="rolebot"),
        **options,
    )
    if settings.multi_workspace:
        app.enable_token_revocation_listeners()
    else:  # acknowledged: with a single bot token there is no installation to delete
        for kind in REVOCATION:
            app.event(kind)(_nothing_to_delete)
    app.use(Gate(seen if seen is not None else SeenEvents()))
    # an `ask` of one's own (tests, embedding) answers conversations too, without their context
    converse = handlers.converse if ask is handlers.ask else _without_context(ask)
    services = Services(
        kb=kb,
        ask=ask,
        tips=tips,
        converse=converse,
        memory=memory or LocalMemory(),
        votes=votes,
        multi=settings.multi_workspace,
    )
    listeners.register(app, services)
    return app
