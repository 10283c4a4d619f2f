"""`tips run`: post every due tip, catch up today's missed one, sleep until the next is due.

The loop asks the service for subscriptions on every pass, so `/role tips on|off` is noticed
within `max_sleep` seconds. Sleeping goes through an injected `wait(seconds) -> stop?` (the
real one is `threading.Event.wait`, set by SIGTERM), and the time through an injected Clock.
A tip that could not be posted stays due and is retried with a growing delay (30 s doubling,
at most 15 min) until the channel's local day ends. A pass that fails as a whole (the database
is down) is said once and retried after 2, 4, 8 seconds, then every `max_outage_sleep` (8 s),
so a tip that fell due during an outage is posted within seconds of the database's return.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from bot.clock import Clock
from bot.tips.poster import Outcome, TipPoster
from bot.tips.schedule import Subscription, local_day, next_due
from bot.tips.service import TipsService

__all__ = ["Scheduler"]

log = logging.getLogger("rolebot.tips")


@dataclass
class _Backoff:
    until: datetime
    failures: int


class Scheduler:
    """Decides which tips are due and hands them to a TipPoster."""

    def __init__(
        self,
        service: TipsService,
        poster: TipPoster,
        clock: Clock,
        *,
        max_sleep: float = 60.0,
        min_sleep: float = 1.0,
        first_retry: timedelta = timedelta(seconds=30),
        max_retry: timedelta = timedelta(minutes=15),
        max_outage_sleep: float = 8.0,
    ) -> None:
        self.service = service
        self.poster = poster
        self.clock = clock
        self.max_sleep = max_sleep
        self.min_sleep = min_sleep
        self.first_retry = first_retry
        self.max_retry = max_retry
        self.max_outage_sleep = max_outage_sleep
        self._backoff: dict[tuple[str, date], _Backoff] = {}

    def _posted(self, channel: str) -> Callable[[date], bool]:
        return lambda day: self.service.store.posted(channel, day) is not None

    def _next(self, sub: Subscription, now: datetime) -> tuple[date, datetime]:
        day, at = next_due(sub, now, self._posted(sub.channel))
        wait = self._backoff.get((sub.channel, day))
        return day, max(at, wait.until) if wait else at

    def due(self, now: datetime) -> list[tuple[Subscription, date]]:
        """The (subscription, local day) pairs whose tip should be posted now."""
        found = []
        for sub in self.service.effective():
            if sub.active:
                day, at = self._next(sub, now)
                if at <= now:
                    found.append((sub, day))
        return found

    def active(self) -> int:
        """How many channels get tips."""
        return sum(s.active for s in self.service.effective())

    def tick(self) -> float:
        """Post every due tip; return how long to sleep before the next pass."""
        for sub, day in self.due(self.clock.now()):
            self._record(self.poster.post(sub.channel, day))
        now = self.clock.now()
        self._forget(now)
        soonest = now + timedelta(seconds=self.max_sleep)
        for sub in self.service.effective():
            if sub.active:
                soonest = min(soonest, self._next(sub, now)[1])
        return min(self.max_sleep, max(self.min_sleep, (soonest - now).total_seconds()))

    def run(self, wait: Callable[[float], bool]) -> None:
        """Loop until wait(seconds) returns True (stop was requested)."""
        failures, started = 0, False
        while True:
            try:
                if not started:
                    log.info("tips scheduler started: %d channel(s) subscribed", self.active())
                    started = True
                delay = self.tick()
            except Exception as exc:  # the one place a pass may fail (e.g. the database is down)
                failures += 1
                if failures == 1:  # said once per outage; retried sooner than max_sleep
                    log.error("tips pass failed: %s: %s; retrying", exc.__class__.__name__, exc)
                delay = min(self.max_sleep, self.max_outage_sleep, self.min_sleep * 2**failures)
            else:
                if failures:
                    log.warning("tips pass works again after %d failed attempt(s)", failures)
                failures = 0
            if wait(delay):
                break
        log.info("tips scheduler stopped")

    def _record(self, outcome: Outcome) -> None:
        key = (outcome.channel, outcome.day)
        if outcome.ok or not outcome.retry:
            self._backoff.pop(key, None)
            (log.info if outcome.ok else log.warning)(outcome.line())
            return
        failures = self._backoff[key].failures + 1 if key in self._backoff else 1
        delay = min(self.max_retry, self.first_retry * 2 ** (failures - 1))
        self._backoff[key] = _Backoff(self.clock.now() + delay, failures)
        log.warning(outcome.line())

    def _forget(self, now: datetime) -> None:
        """Drop retry state for days that are over (bounded memory)."""
        subs = {s.channel: s for s in self.service.effective()}
        for channel, day in list(self._backoff):
            sub = subs.get(channel)
            if sub is None or day < local_day(sub, now):
                del self._backoff[channel, day]
