"""What the listeners need: the knowledge base, the answer function, the tips service."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

import handlers
from handlers import Reply

__all__ = ["Services", "TipsService"]


class TipsService(Protocol):
    """The tips service `/role tips ...` is routed to (see bot.slack.listeners.commands)."""

    def slash(self, text: str, channel_id: str, user_id: str) -> str:
        """Answer `/role tips TEXT` as mrkdwn."""

    def subscriptions(self) -> list[dict[str, Any]]:
        """Every tip subscription of the workspace (channel, time, timezone, weekdays, enabled)."""


@dataclass(frozen=True)
class Services:
    """The knowledge base, `handlers.ask` (replaceable in tests) and the optional tips service."""

    kb: Any
    ask: Callable[[str, Any], Reply] = handlers.ask
    tips: TipsService | None = None

    def answer(self, text: str) -> Reply:
        """The reply to one query."""
        return self.ask(text, self.kb)
