"""`tips preview|post|run` (contract: ../shared/CONTRACTS.md); faults are one line on stderr."""

from __future__ import annotations

import json
import logging
import os
import signal
import sys
import threading
from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any, TextIO

from bot.ask import plain
from bot.clock import Clock, SystemClock
from bot.config import ConfigError, Settings
from bot.ops.http import Ops, listen
from bot.ops.logs import quiet_sdk, setup_logging
from bot.store import Database, StoreError, TipStore, upgrade
from bot.tips.schedule import ScheduleError, Subscription, config_path, load_config, local_day
from handlers.tips import Rotation, build_pool
from handlers.tips_data import load_spec
from knowledge.load import KnowledgeError, load
from knowledge.models import KnowledgeBase

__all__ = ["rotation", "run"]


def rotation(kb: KnowledgeBase | None = None) -> Rotation:
    """The tip rotation of the packaged knowledge base and tips.yaml."""
    spec = load_spec()
    return Rotation(build_pool(kb or load(), spec), spec.epoch)


def _day(text: str | None, default: date) -> date:
    if text is None:
        return default
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ConfigError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def run(
    args: Any,
    *,
    kb: KnowledgeBase | None = None,
    clock: Clock | None = None,
    env: Mapping[str, str] | None = None,
    out: TextIO | None = None,
    err: TextIO | None = None,
    client: Any = None,
    stop: threading.Event | None = None,
) -> int:
    """Run one `tips` subcommand; the keyword arguments are seams for tests."""
    out = out or sys.stdout
    err = err or sys.stderr
    clock = clock or SystemClock()
    env = os.environ if env is None else env
    try:
        rot = rotation(kb)
        if not len(rot):
            raise KnowledgeError("the knowledge base yields no tips")
        if args.tips_command == "preview":
            return _preview(args, rot, clock, out, env, err)
        settings = Settings.from_env(env)
        settings.require_tokens()
        if settings.multi_workspace and settings.bot_token:
            print(
                "rolebot tips: SLACK_BOT_TOKEN is ignored: SLACK_CLIENT_ID is set (multi-workspace mode)",
                file=err,
            )
        if getattr(args, "team", None) and not settings.multi_workspace:
            raise ConfigError("--team is for multi-workspace mode (SLACK_CLIENT_ID); one team here")
        _migrate(settings)
        from bot.tips.service import TipsService

        service = TipsService.from_settings(settings, env, clock)
        try:
            if settings.multi_workspace:
                return _teams(args, settings, service, rot, client, clock, out, err, stop)
            if client is None:
                from bot.tips.poster import tips_client

                client = tips_client(settings)
            if args.tips_command == "post":
                return _post(args, service, rot, client, clock, out, err)
            return _run(service, rot, client, clock, stop or threading.Event(), settings)
        finally:
            service.store.close()
    except (ConfigError, KnowledgeError, ScheduleError, _StartError) as exc:
        print(f"rolebot tips: {exc}", file=err)
        return 2
    except StoreError as exc:  # the database failed after start (tips run waits instead)
        print(f"rolebot tips: {exc}", file=err)
        return 1


class _StartError(Exception):
    """The database cannot be used at start."""


def _migrate(settings: Settings) -> None:
    """Bring the schema up to date before anything else (exit 2 when the database is unusable)."""
    try:
        upgrade(Database(settings.database_url))
    except StoreError as exc:
        raise _StartError(str(exc)) from None


def _channel(
    channel: str, start: date | None, env: Mapping[str, str], err: TextIO
) -> tuple[Subscription, int]:
    """The channel's schedule (defaults file, then the database) and how many tips it got before
    `start` (default: its local today); without a database, the defaults and none."""
    config = load_config(config_path(env))
    defaults = config.defaults
    sub = next((s for s in config.channels if s.channel == channel), None) or Subscription(
        channel, defaults.time, defaults.timezone, defaults.weekdays
    )
    try:
        db = Database(Settings.from_env(env).database_url)
    except ConfigError:
        return sub, 0
    if db.file is not None and not db.file.exists():  # nothing posted yet; never create a file
        return sub, 0
    store = TipStore(db)
    try:
        sub = store.subscription(channel) or sub
        day = start or local_day(sub, SystemClock().now())
        return sub, store.posts_before(channel, day)
    except StoreError as exc:
        print(f"rolebot tips: previewing from the channel's first tip: {exc}", file=err)
        return sub, 0
    finally:
        db.close()


def _preview(args: Any, rot: Rotation, clock: Clock, out: TextIO, env: Mapping[str, str], err: TextIO) -> int:
    """The tips of the posting days among --days days from --start, in the channel's schedule,
    continuing from what the channel was posted."""
    if args.days < 0:
        raise ConfigError("--days must be 0 or more")
    given = _day(args.start, clock.now().date()) if args.start else None
    sub, posted = _channel(args.channel, given, env, err)
    start = given or local_day(sub, clock.now())
    for n in range(args.days):
        day = start + timedelta(days=n)
        if day.weekday() not in sub.weekdays:
            continue
        tip = rot.nth(args.channel, posted)
        posted += 1
        if args.json:
            row = {
                "date": day.isoformat(),
                "channel": args.channel,
                "role": tip.role,
                "topic": tip.topic,
                "text": tip.text,
            }
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
        else:
            out.write(f"── {day.isoformat()} {day:%a} · {args.channel} · {tip.key}\n")
            out.write(plain(tip.text) + "\n\n")
        out.flush()
    return 0


def _post(args: Any, service: Any, rot: Rotation, client: Any, clock: Clock, out: TextIO, err: TextIO) -> int:
    from bot.tips.poster import TipPoster

    sub = service.subscription(args.channel) or Subscription(
        args.channel, timezone=service.config.defaults.timezone
    )
    day = _day(args.date, local_day(sub, clock.now()))
    poster = TipPoster(service.store, client, rot, clock, lease=service.config.worker.lease)
    outcome = poster.post(args.channel, day)
    if outcome.ok:
        print(outcome.line(), file=out)
        return 0
    print(f"rolebot tips: could not post to {args.channel} for {day.isoformat()}: {outcome.reason}", file=err)
    return 1


def _teams(
    args: Any,
    settings: Settings,
    service: Any,
    rot: Rotation,
    client: Any,
    clock: Clock,
    out: TextIO,
    err: TextIO,
    stop: threading.Event | None,
) -> int:
    """Multi-workspace mode: each team's tips with that team's token (`client`: one for all, tests)."""
    from slack_sdk.errors import SlackClientError

    from bot.store.installs import Installations
    from bot.tips.poster import TipPoster
    from bot.tips.teams import TeamsScheduler, team_client

    installations = Installations(service.store.db, settings.require_oauth()[0])

    def client_for(team: Any) -> Any:
        return client if client is not None else team_client(settings, installations, team)

    if args.tips_command == "run":

        def make_poster(team_service: Any) -> TipPoster:
            return TipPoster(team_service.store, None, rot, clock, lease=service.config.worker.lease)

        first_retry = service.config.worker.first_retry
        scheduler = TeamsScheduler(service, make_poster, clock, client_for, first_retry=first_retry)
        return _loop(scheduler, service, rot, settings, stop or threading.Event())
    if not args.team:
        raise ConfigError("--team is required in multi-workspace mode (the team of --channel)")
    team = installations.team_of(args.team)
    if team is None:
        raise ConfigError(f"team {args.team[:32]!r} has no installation")
    try:
        team_cl = client_for(team)
    except SlackClientError as exc:  # e.g. its token could not be rotated
        print(f"rolebot tips: could not get team {args.team[:32]}'s token: {type(exc).__name__}", file=err)
        return 1
    return _post(args, service.for_team(team), rot, team_cl, clock, out, err)


def _run(
    service: Any, rot: Rotation, client: Any, clock: Clock, stop: threading.Event, settings: Settings
) -> int:
    from bot.tips.poster import TipPoster
    from bot.tips.scheduler import Scheduler

    poster = TipPoster(service.store, client, rot, clock, lease=service.config.worker.lease)
    scheduler = Scheduler(service, poster, clock, first_retry=service.config.worker.first_retry)
    return _loop(scheduler, service, rot, settings, stop)


def _loop(scheduler: Any, service: Any, rot: Rotation, settings: Settings, stop: threading.Event) -> int:
    """Logging, the ops endpoints on $PORT (if set) and the signals, then the scheduler until stop."""
    if not logging.getLogger().handlers:  # embedded (tests): the host's logging stays
        setup_logging(fmt=settings.log_format)
    quiet_sdk()
    if settings.port_set:  # /healthz, /readyz and /metrics (tips posted and failed) on $PORT

        def ready() -> str | None:
            try:
                service.store.db.ping(timeout=2)
            except StoreError as exc:
                return f"database unavailable: {exc}"
            return None

        try:
            listen(Ops({"tips": len(rot)}, ready, settings.metrics_token), settings.port)
        except OSError as exc:
            raise _StartError(f"cannot listen on port {settings.port}: {exc.strerror or exc}") from None
    if threading.current_thread() is threading.main_thread():
        for sig in (signal.SIGTERM, signal.SIGINT):
            signal.signal(sig, lambda *_: stop.set())
    scheduler.run(stop.wait)
    return 0
