"""Small Block Kit pieces every reply uses: context lines, button rows, topic and section buttons."""

from __future__ import annotations

from handlers.engine import Engine
from handlers.render import button

TYPE_CHECKING = False  # without importing typing
if TYPE_CHECKING:
    from typing import Any

__all__ = ["FULL_ACTION", "actions", "context", "full_button", "topic_buttons"]

FULL_ACTION = "rolebot:full"
_ROW = 25  # Slack's limit of elements in one actions block


def context(text: str) -> dict[str, Any]:
    """A context block of one mrkdwn line."""
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": text}]}


def actions(buttons: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Buttons in rows of at most 25."""
    return [{"type": "actions", "elements": buttons[i : i + _ROW]} for i in range(0, len(buttons), _ROW)]


def topic_buttons(engine: Engine, role_id: str, current: str | None) -> list[dict[str, Any]]:
    """One button per other topic of the role."""
    return [
        button(t.title, f"rolebot:topic:{t.id}", f"{role_id} {t.id}")
        for t in engine.kb.topics.values()
        if t.id != current
    ]


def full_button(query: str, text: str = "Show the whole section") -> dict[str, Any]:
    """A button that shows the whole section `query` names ("mlops-engineer salary") in place."""
    return button(text, f"{FULL_ACTION}:{query}", query, primary=text.startswith("Show"))
