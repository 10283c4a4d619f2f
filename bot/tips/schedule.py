"""When tips are due: subscriptions, the defaults file (bot/tips/config.yaml) and slot times.

A subscription posts at a local wall-clock time (IANA timezone, via zoneinfo) on some weekdays.
The tip for a day belongs to the channel's *local* date. On a DST change the slot follows the
wall clock (09:00 stays 09:00); a time that does not exist that day (spring forward) posts at
the same UTC instant as before the jump (02:30 -> 03:30), and a time that happens twice (fall
back) posts at the first occurrence only.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

import yaml

from bot.store.records import DAY_NAMES, WORK_DAYS, Subscription

__all__ = [
    "CONFIG_PATH",
    "DAY_NAMES",
    "Defaults",
    "ScheduleError",
    "Subscription",
    "TipsConfig",
    "Worker",
    "format_weekdays",
    "load_config",
    "config_path",
    "local_day",
    "next_due",
    "next_slot",
    "parse_time",
    "parse_weekdays",
    "parse_zone",
    "slot",
]

CONFIG_PATH = Path(__file__).resolve().parent / "config.yaml"
CONFIG_ENV = "ROLEBOT_TIPS_CONFIG"
_TIME = re.compile(r"^(\d{1,2}):(\d{2})$")
_ALL_DAYS = tuple(range(7))


class ScheduleError(ValueError):
    """A bad time, timezone, weekday list or config file: the message says which and why."""


def parse_time(text: str) -> time:
    """'HH:MM' (24-hour) -> time; ScheduleError otherwise."""
    m = _TIME.match(text.strip())
    if not m or int(m[1]) > 23 or int(m[2]) > 59:
        raise ScheduleError(f"{text!r} is not a time of day; use 24-hour HH:MM, e.g. 09:30")
    return time(int(m[1]), int(m[2]))


@cache
def _zones_by_lower() -> dict[str, str]:
    return {name.lower(): name for name in available_timezones()}


def parse_zone(text: str) -> str:
    """An IANA timezone name (any case) -> its canonical spelling; ScheduleError otherwise."""
    name = text.strip()
    if name.upper() in ("UTC", "GMT", "Z"):
        return "UTC"
    canonical = _zones_by_lower().get(name.lower())
    if canonical is None:
        raise ScheduleError(
            f"{name!r} is not a timezone I know; use an IANA name like Europe/London or America/New_York"
        )
    try:
        ZoneInfo(canonical)
    except (ZoneInfoNotFoundError, ValueError):
        raise ScheduleError(f"{name!r} is not a usable timezone") from None
    return canonical


def parse_weekdays(value: str | Iterable[str]) -> tuple[int, ...]:
    """'daily', 'weekdays', 'weekends' or 'mon,wed,fri' (or a list of names) -> day numbers."""
    if isinstance(value, str):
        word = value.strip().lower()
        if word in ("daily", "every-day", "everyday", "all"):
            return _ALL_DAYS
        if word in ("weekdays", "workdays", "mon-fri"):
            return WORK_DAYS
        if word in ("weekends", "sat-sun"):
            return (5, 6)
        names = [n for n in re.split(r"[,\s]+", word) if n]
    else:
        names = [str(n).strip().lower() for n in value]
    days = set()
    for name in names:
        if name[:3] not in DAY_NAMES or (len(name) > 3 and not _is_day_name(name)):
            raise ScheduleError(
                f"{name!r} is not a weekday; use mon, tue, wed, thu, fri, sat, sun, 'weekdays' or 'daily'"
            )
        days.add(DAY_NAMES.index(name[:3]))
    if not days:
        raise ScheduleError("no weekdays given")
    return tuple(sorted(days))


def _is_day_name(name: str) -> bool:
    full = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
    return any(f.startswith(name) for f in full)


def format_weekdays(days: Iterable[int]) -> str:
    """Day numbers -> 'daily', 'Mon–Fri' or 'Mon, Wed, Fri'."""
    days = tuple(sorted(days))
    if days == _ALL_DAYS:
        return "daily"
    if days == WORK_DAYS:
        return "Mon–Fri"
    return ", ".join(DAY_NAMES[d].capitalize() for d in days)


@dataclass(frozen=True)
class Defaults:
    """The time, timezone and weekdays used when a channel does not say."""

    time: str = "09:00"
    timezone: str = "UTC"
    weekdays: tuple[int, ...] = WORK_DAYS


@dataclass(frozen=True)
class Worker:
    """How `tips run` holds claims and retries: a dead worker's claim is taken over after `lease`."""

    lease: timedelta = timedelta(minutes=10)
    first_retry: timedelta = timedelta(seconds=30)


@dataclass(frozen=True)
class TipsConfig:
    """The defaults file: defaults, channels that get tips without a slash command, worker timing."""

    defaults: Defaults = field(default_factory=Defaults)
    channels: tuple[Subscription, ...] = ()
    worker: Worker = field(default_factory=Worker)


def _entry(where: str, data: Mapping[str, Any], base: Defaults) -> dict[str, Any]:
    try:
        when = data.get("time", base.time)
        zone = data.get("timezone", base.timezone)
        days = data.get("weekdays", base.weekdays)
        return {
            "time": parse_time(str(when)).strftime("%H:%M"),
            "timezone": parse_zone(str(zone)),
            "weekdays": days if isinstance(days, tuple) else parse_weekdays(days),
        }
    except ScheduleError as exc:
        raise ScheduleError(f"{where}: {exc}") from None


def load_config(path: Path = CONFIG_PATH) -> TipsConfig:
    """Read and check the defaults file; ScheduleError (one line) on any fault."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except OSError as exc:
        raise ScheduleError(f"{path}: cannot read ({exc.strerror or exc})") from None
    except yaml.YAMLError as exc:
        raise ScheduleError(f"{path}: invalid YAML ({exc.__class__.__name__})") from None
    if not isinstance(data, dict):
        raise ScheduleError(f"{path}: expected a mapping with 'defaults' and 'channels'")
    raw_defaults = data.get("defaults") or {}
    if not isinstance(raw_defaults, dict):
        raise ScheduleError(f"{path}: 'defaults' must be a mapping")
    defaults = Defaults(**_entry(f"{path}: defaults", raw_defaults, Defaults()))
    channels = []
    for i, entry in enumerate(data.get("channels") or []):
        if not isinstance(entry, dict) or not str(entry.get("channel", "")).strip():
            raise ScheduleError(f"{path}: channels.{i}: expected a mapping with 'channel'")
        unknown = set(entry) - {"channel", "time", "timezone", "weekdays", "enabled"}
        if unknown:
            raise ScheduleError(f"{path}: channels.{i}: unknown key {sorted(unknown)[0]!r}")
        channels.append(
            Subscription(
                channel=str(entry["channel"]).strip(),
                enabled=bool(entry.get("enabled", True)),
                source="config",
                **_entry(f"{path}: channels.{i}", entry, defaults),
            )
        )
    return TipsConfig(defaults=defaults, channels=tuple(channels), worker=_worker(path, data.get("worker")))


def _worker(path: Path, raw: Any) -> Worker:
    if raw is None:
        return Worker()
    if not isinstance(raw, dict) or set(raw) - {"lease", "first_retry"}:
        raise ScheduleError(f"{path}: 'worker' takes only 'lease' and 'first_retry' (seconds)")
    found = {}
    for key, value in raw.items():
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value <= 86400:
            raise ScheduleError(f"{path}: worker.{key} must be a number of seconds (up to 86400)")
        found[key] = timedelta(seconds=value)
    return Worker(**found)


def local_day(sub: Subscription, now: datetime) -> date:
    """The channel's local date at the instant `now`."""
    return now.astimezone(ZoneInfo(sub.timezone)).date()


def slot(sub: Subscription, day: date) -> datetime:
    """The UTC instant of the channel's tip on its local date `day` (whether or not it posts)."""
    local = datetime.combine(day, parse_time(sub.time), tzinfo=ZoneInfo(sub.timezone))
    return local.astimezone(UTC)


def next_slot(sub: Subscription, after: date) -> tuple[date, datetime]:
    """The first posting day strictly after local date `after`, with its UTC instant."""
    day = after + timedelta(days=1)
    while day.weekday() not in sub.weekdays:
        day += timedelta(days=1)
    return day, slot(sub, day)


def next_due(sub: Subscription, now: datetime, is_posted: Callable[[date], bool]) -> tuple[date, datetime]:
    """The channel's next tip not yet posted: (local day, UTC instant); past instants are due."""
    # Today's tip counts if today is a posting day, its slot is not before the subscription was
    # turned on, and it was not posted: so a slot missed while the scheduler was down is caught
    # up later the same (local) day, but never on a later day.
    today = local_day(sub, now)
    if today.weekday() in sub.weekdays:
        at = slot(sub, today)
        if at >= sub.since and not is_posted(today):
            return today, at
    return next_slot(sub, today)


def config_path(env: Mapping[str, str]) -> Path:
    """The defaults file: $ROLEBOT_TIPS_CONFIG if set, else the packaged bot/tips/config.yaml."""
    value = env.get(CONFIG_ENV, "").strip()
    return Path(value) if value else CONFIG_PATH
