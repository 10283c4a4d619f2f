"""`/role tips ...` and the list of subscriptions: the tips feature as the Slack app sees it.

`TipsService.slash(text, channel_id, user_id)` answers `/role tips [on [HH:MM] [timezone]
[days] | off | status | help]` run in a channel (text is what follows the word "tips");
`subscriptions()` lists every channel's schedule. Subscriptions from the defaults file
(bot/tips/config.yaml) and from Slack (the database) are merged; Slack's win.
A service is one team's (`for_team`); the defaults file's channels belong to single-workspace
mode's team, since a channel id means nothing without its team.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from bot.clock import Clock, SystemClock
from bot.config import Settings
from bot.store import SINGLE, Database, Store, Team, open_store
from bot.tips.schedule import (
    ScheduleError,
    Subscription,
    TipsConfig,
    config_path,
    format_weekdays,
    load_config,
    next_due,
    parse_time,
    parse_weekdays,
    parse_zone,
)

__all__ = ["USAGE", "TipsService"]

USAGE = (
    "*Daily tips* in this channel:\n"
    "• `/role tips on [HH:MM] [timezone] [days]`: turn them on, e.g. "
    "`/role tips on 09:30 Europe/London` or `/role tips on 08:00 America/New_York mon,wed,fri`\n"
    "• `/role tips off`: turn them off\n"
    "• `/role tips`: are they on, and when is the next one?"
)
_LOOKS_LIKE_TIME = re.compile(r"^\d{1,2}([:.h]\d{1,2})?(am|pm)?$", re.IGNORECASE)
_LOOKS_LIKE_DAYS = re.compile(
    r"^(daily|everyday|every-day|weekdays|workdays|weekends|mon-fri|sat-sun|"
    r"((mon|tue|wed|thu|fri|sat|sun)[a-z]*)(,((mon|tue|wed|thu|fri|sat|sun)[a-z]*))*)$",
    re.IGNORECASE,
)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class TipsService:
    """Subscriptions (defaults file + database) and the `/role tips` command."""

    def __init__(self, store: Store, config: TipsConfig, clock: Clock | None = None) -> None:
        self.store = store
        self.config = config
        self.clock = clock or SystemClock()

    def for_team(self, team: Team) -> TipsService:
        """The service of another team on the same database (without the defaults file's channels
        unless it is single-workspace mode's team)."""
        if team == getattr(self.store, "team", SINGLE):
            return self
        config = self.config if team == SINGLE else replace(self.config, channels=())
        return TipsService(self.store.for_team(team), config, self.clock)

    @classmethod
    def from_settings(
        cls,
        settings: Settings,
        env: Mapping[str, str] | None = None,
        clock: Clock | None = None,
        db: Database | None = None,
    ) -> TipsService:
        """The service on settings.database_url (or a Database already open on it, shared) and
        the defaults file ($ROLEBOT_TIPS_CONFIG)."""
        path = config_path(os.environ if env is None else env)
        return cls(open_store(db or settings.database_url), load_config(path), clock)

    # subscriptions ---------------------------------------------------------------------
    def effective(self) -> list[Subscription]:
        """Every channel's subscription: the defaults file's, overridden by Slack's, flagged."""
        flags = self.store.flags()
        subs = {s.channel: s for s in self.config.channels}
        subs.update({s.channel: s for s in self.store.subscriptions()})
        return [replace(s, flag=flags.get(c)) for c, s in sorted(subs.items())]

    def subscription(self, channel: str) -> Subscription | None:
        """One channel's effective subscription, if any."""
        return next((s for s in self.effective() if s.channel == channel), None)

    def subscriptions(self, team: Team | None = None) -> list[dict[str, Any]]:
        """channel, time, timezone, weekdays, enabled (+ source, flag) for every channel (of `team`)."""
        if team is not None:
            return self.for_team(team).subscriptions()
        return [s.to_json() for s in self.effective()]

    def next_post(self, sub: Subscription, now: datetime | None = None) -> datetime:
        """When the channel's next tip is due (in the past if it is due now)."""
        now = now or self.clock.now()
        return next_due(sub, now, lambda day: self.store.posted(sub.channel, day) is not None)[1]

    # the slash command -----------------------------------------------------------------
    def slash(self, text: str, channel_id: str, user_id: str, team: Team | None = None) -> str:
        """Answer `/role tips ...` run in channel_id (of `team`); returns mrkdwn, never raises on input."""
        if team is not None:
            return self.for_team(team).slash(text, channel_id, user_id)
        words = text.split()
        verb = words[0].lower() if words else "status"
        if verb in ("status", "next"):
            return self._status(channel_id) if len(words) <= 1 else self._unknown(text)
        if verb in ("on", "start", "enable", "subscribe"):
            return self._on(words[1:], channel_id, user_id)
        if verb in ("off", "stop", "disable", "unsubscribe"):
            return self._off(channel_id, user_id) if len(words) == 1 else self._unknown(text)
        if verb in ("help", "?"):
            return USAGE
        return self._unknown(text)

    def _unknown(self, text: str) -> str:
        return f"I don't know `tips {_escape(text.strip())}`.\n{USAGE}"

    def _on(self, args: list[str], channel: str, user: str) -> str:
        now = self.clock.now()
        current = self.subscription(channel)
        base = current or Subscription(
            channel,
            self.config.defaults.time,
            self.config.defaults.timezone,
            self.config.defaults.weekdays,
        )
        when, zone, days = base.time, base.timezone, base.weekdays
        try:
            for arg in args:
                if _LOOKS_LIKE_TIME.match(arg) or ":" in arg:
                    when = parse_time(arg).strftime("%H:%M")
                elif _LOOKS_LIKE_DAYS.match(arg):
                    days = parse_weekdays(arg)
                else:
                    zone = parse_zone(arg)
        except ScheduleError as exc:
            return f":warning: {_escape(str(exc))}. Nothing changed.\n{USAGE}"
        was_on = current is not None and current.active
        sub = Subscription(
            channel=channel,
            time=when,
            timezone=zone,
            weekdays=days,
            enabled=True,
            since=base.since if was_on else now,
            source="slack",
            updated_by=user,
        )
        self.store.save_subscription(sub, now)
        self.store.set_flag(channel, None, now)
        return f"Daily tips are *on* in this channel: {self._describe(sub, now)}"

    def _off(self, channel: str, user: str) -> str:
        now = self.clock.now()
        current = self.subscription(channel)
        if current is None or not current.enabled:
            return "Daily tips are already *off* in this channel."
        self.store.save_subscription(
            replace(current, enabled=False, source="slack", updated_by=user, flag=None), now
        )
        return "Daily tips are now *off* in this channel. `/role tips on` brings them back."

    def _status(self, channel: str) -> str:
        sub = self.subscription(channel)
        if sub is None or not sub.enabled:
            return f"Daily tips are *off* in this channel.\n{USAGE}"
        now = self.clock.now()
        if sub.flag:
            return (
                f"Daily tips are *paused* in this channel: posting failed ({sub.flag}). "
                "Make sure I'm in the channel, then run `/role tips on` to resume."
            )
        return f"Daily tips are *on* in this channel: {self._describe(sub, now)}"

    def _describe(self, sub: Subscription, now: datetime) -> str:
        at = self.next_post(sub, now)
        local = at.astimezone(ZoneInfo(sub.timezone))
        when = "due now" if at <= now else local.strftime("%a %d %b %Y, %H:%M %Z")
        return f"{sub.time} {sub.timezone}, {format_weekdays(sub.weekdays)}. Next tip: {when}."
