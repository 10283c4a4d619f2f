"""The records the store keeps, shared by the rooms that use them (tips, slack)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, NamedTuple

__all__ = ["DAY_NAMES", "SINGLE", "WORK_DAYS", "Subscription", "Team"]

DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
WORK_DAYS = tuple(range(5))


class Team(NamedTuple):
    """Whose data a row is: the Slack org (Enterprise Grid) and workspace ids.

    ('', '') in single-workspace mode (SLACK_BOT_TOKEN), so data kept before teams existed
    stays the deployment's own; in multi-workspace mode the ids of the installation's team.
    """

    enterprise: str = ""
    team: str = ""


SINGLE = Team()  # single-workspace mode's one team


@dataclass(frozen=True)
class Subscription:
    """One channel's tip schedule; `since` (UTC) is when it was last turned on."""

    channel: str
    time: str = "09:00"
    timezone: str = "UTC"
    weekdays: tuple[int, ...] = WORK_DAYS
    enabled: bool = True
    since: datetime = datetime(1970, 1, 1, tzinfo=UTC)
    source: str = "config"
    flag: str | None = None
    updated_by: str | None = None

    @property
    def active(self) -> bool:
        """Enabled and not paused by a delivery fault."""
        return self.enabled and self.flag is None

    def to_json(self) -> dict[str, Any]:
        """The dict `TipsService.subscriptions()` returns."""
        return {
            "channel": self.channel,
            "time": self.time,
            "timezone": self.timezone,
            "weekdays": [DAY_NAMES[d] for d in self.weekdays],
            "enabled": self.enabled,
            "source": self.source,
            "flag": self.flag,
        }
