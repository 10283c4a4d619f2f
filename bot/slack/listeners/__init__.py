"""Every Bolt listener of rolebot, registered by kind."""

from __future__ import annotations

from slack_bolt import App

from bot.slack.listeners import actions, assistant, commands, errors, events, home
from bot.slack.services import Services

__all__ = ["register"]


def register(app: App, services: Services) -> None:
    """Register commands, actions, the assistant view, events, the Home tab and the error handler."""
    for kind in (commands, actions, assistant, events, home, errors):
        kind.register(app, services)
