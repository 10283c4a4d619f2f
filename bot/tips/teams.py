"""Tips in multi-workspace mode: each team's tips posted with that team's own bot token.

`team_client` finds a team's installation (rotating its token first when token rotation is on
and it is due, as bolt does for requests) and makes a tips client with its bot token.
`TeamsScheduler` runs one Scheduler per team that has subscriptions, each with its own poster
and client; a team that is uninstalled (its subscriptions deleted) is dropped on the next pass.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import timedelta

from slack_sdk import WebClient
from slack_sdk.errors import SlackClientError
from slack_sdk.oauth.token_rotation import TokenRotator

from bot.clock import Clock
from bot.config import Settings
from bot.store import Team
from bot.store.installs import Installations
from bot.tips.poster import TipPoster, tips_client
from bot.tips.scheduler import Scheduler
from bot.tips.service import TipsService
from bot.webapi import make_client

__all__ = ["TeamsScheduler", "team_client"]

log = logging.getLogger("rolebot.tips")
ROTATE = 120  # minutes before expiry a rotating token is refreshed (bolt's default)


def team_client(settings: Settings, installations: Installations, team: Team) -> WebClient | None:
    """A tips client with the team's bot token; None when the team has no installation."""
    found = installations.installation_for(team)
    if found is None or not found.bot_token:
        return None
    if found.bot_refresh_token or found.user_refresh_token:  # token rotation is on
        client_id, client_secret = settings.require_oauth()
        rotator = TokenRotator(client_id=client_id, client_secret=client_secret, client=make_client(settings))
        refreshed = rotator.perform_token_rotation(installation=found, minutes_before_expiration=ROTATE)
        if refreshed is not None:
            installations.save(refreshed)
            found = refreshed
    return tips_client(settings, token=found.bot_token)


class TeamsScheduler(Scheduler):
    """One Scheduler per team with subscriptions, each posting with its team's token."""

    def __init__(
        self,
        service: TipsService,
        make_poster: Callable[[TipsService], TipPoster],
        clock: Clock,
        client_for: Callable[[Team], WebClient | None],
        *,
        first_retry: timedelta = timedelta(seconds=30),
    ) -> None:
        super().__init__(service, make_poster(service), clock, first_retry=first_retry)
        self._make_poster, self._client_for = make_poster, client_for
        self._teams: dict[Team, Scheduler] = {}
        self._missing: set[Team] = set()

    def _scheduler(self, team: Team) -> Scheduler | None:
        try:
            client = self._client_for(team)
        except SlackClientError as exc:  # e.g. its token could not be rotated: the others go on
            log.warning(
                "tips of team %s skipped this pass: %s", team.team or team.enterprise, type(exc).__name__
            )
            return None
        if client is None:
            if team not in self._missing:
                log.warning("tips of team %s skipped: it has no installation", team.team or team.enterprise)
                self._missing.add(team)
            return None
        self._missing.discard(team)
        if team not in self._teams:
            service = self.service.for_team(team)
            poster = self._make_poster(service)
            self._teams[team] = Scheduler(service, poster, self.clock, first_retry=self.first_retry)
        scheduler = self._teams[team]
        scheduler.poster.client = client  # this pass's token (rotated, or revoked: then it fails)
        return scheduler

    def active(self) -> int:
        """How many channels of all teams get tips."""
        teams = self.service.store.teams()
        return sum(s.active for team in teams for s in self.service.for_team(team).effective())

    def tick(self) -> float:
        teams = self.service.store.teams()
        for gone in set(self._teams) - set(teams):  # uninstalled: its subscriptions were deleted
            del self._teams[gone]
        delays = []
        for team in teams:
            scheduler = self._scheduler(team)
            if scheduler is not None:
                delays.append(scheduler.tick())
        return min(delays, default=self.max_sleep)
