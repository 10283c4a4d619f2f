"""`/role ...`: ack at once, then answer only the asker (with a Share button)."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from slack_bolt import App

from bot.slack import present
from bot.slack.services import Services
from bot.store import Team

__all__ = ["NOT_CONFIGURED", "register", "role_command", "tips_text"]

NOT_CONFIGURED = (
    "Daily tips are not configured on this workspace yet, so `/role tips` "
    "can't do anything here. Ask whoever runs rolebot to turn them on."
)
_TIPS = re.compile(r"^\s*tips\b\s*(.*)$", re.IGNORECASE | re.DOTALL)


def tips_text(text: str) -> str | None:
    """What follows the word "tips" in `/role tips ...`, or None when it is a question."""
    match = _TIPS.match(text)
    return match.group(1).strip() if match else None


def _tips_reply(services: Services, text: str, command: Mapping[str, Any], team: Team) -> str:
    reply = services.tips_reply(text, command.get("channel_id", ""), command.get("user_id", ""), team)
    return NOT_CONFIGURED if reply is None else reply


def role_command(services: Services) -> Callable[..., None]:
    """The `/role` listener: tips go to the tips service, everything else to handlers.ask."""

    def on_role(ack, command, respond, context=None):
        ack()
        text = command.get("text") or ""
        team = services.team(context, command)
        tips = tips_text(text)
        if tips is not None:
            said = _tips_reply(services, tips, command, team)
            respond(text=present.defuse(said), response_type="ephemeral")
            return
        reply = services.answer(f"/role {text}")  # read as a command, as `ask "/role ..."` reads it
        respond(**present.ephemeral(reply, text, services.record(reply, text, team)))

    return on_role


def register(app: App, services: Services) -> None:
    """Register the `/role` command."""
    app.command("/role")(role_command(services))
