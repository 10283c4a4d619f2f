"""The App Home tab: what rolebot does, roles and topics to browse, examples, tip subscriptions."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from bot.slack.present import defuse, escape

__all__ = ["BACK_ACTION", "EXAMPLES", "MAX_VIEW_BLOCKS", "home_view", "subscription_line"]

BACK_ACTION = "rolebot:home:back"
MAX_VIEW_BLOCKS = 100
MAX_SUBSCRIPTIONS = 20
EXAMPLES = (
    "/role mlops salary",
    "/role ai systems engineer requirements",
    "/role compare mlops platform salary",
    "@rolebot what does an ML platform engineer do?",
    "/role list",
    "/role help",
    "/role tips",
)
_CHANNEL_ID = re.compile(r"^[CGD][A-Z0-9]{2,}$")


def _section(text: str) -> dict[str, Any]:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text}}


def _button(action_id: str, label: str, value: str) -> dict[str, Any]:
    return {
        "type": "button",
        "action_id": action_id,
        "value": value,
        "text": {"type": "plain_text", "text": label[:75]},
    }


def subscription_line(sub: Mapping[str, Any]) -> str:
    """One tip subscription as a line of mrkdwn (every field escaped)."""
    channel = str(sub.get("channel", "?"))
    where = f"<#{channel}>" if _CHANNEL_ID.match(channel) else escape(channel)
    days = sub.get("weekdays")
    if isinstance(days, Iterable) and not isinstance(days, str):
        days = list(days)
        days = "every day" if len(days) == 7 else ", ".join(str(d) for d in days)
    when = f"{sub.get('time', '?')} {sub.get('timezone', '')}"
    line = f"• {where} at {escape(when.strip())}"
    if days:
        line += f" on {escape(str(days))}"
    line = line.rstrip() + ("" if sub.get("enabled", True) else " _(paused)_")
    if sub.get("flag"):
        line += f" :warning: {escape(str(sub['flag']))}"
    return line


def _browse(kb: Any) -> list[dict[str, Any]]:
    blocks = [{"type": "header", "text": {"type": "plain_text", "text": "Browse the roles"}}]
    topics = list(kb.topics.values())
    for r, role in enumerate(kb.roles.values()):
        blocks.append(_section(f"*{escape(role.title)}*"))
        blocks.append(
            {
                "type": "actions",
                "elements": [
                    _button(f"rolebot:home:{r}:{t}", topic.title, f"{role.id} {topic.id}")
                    for t, topic in enumerate(topics[:25])
                ],
            }
        )
    blocks.append(_section("*Compare every role on one topic*"))
    blocks.append(
        {
            "type": "actions",
            "elements": [
                _button(f"rolebot:home:compare:{t}", topic.title, f"compare {topic.id}")
                for t, topic in enumerate(topics[:25])
            ],
        }
    )
    return blocks


def _tips(subscriptions: list[Mapping[str, Any]] | str | None) -> list[dict[str, Any]]:
    blocks: list[dict[str, Any]] = [{"type": "header", "text": {"type": "plain_text", "text": "Daily tips"}}]
    if subscriptions is None:
        return [*blocks, _section("Daily tips are not configured on this workspace.")]
    if isinstance(subscriptions, str):  # why they cannot be listed now
        return [*blocks, _section(subscriptions)]
    if not subscriptions:
        return [*blocks, _section("No channel gets daily tips yet. Try `/role tips` in a channel.")]
    lines = [subscription_line(s) for s in subscriptions[:MAX_SUBSCRIPTIONS]]
    more = len(subscriptions) - MAX_SUBSCRIPTIONS
    if more > 0:
        lines.append(f"…and {more} more.")
    return [*blocks, _section("\n".join(lines)[:3000])]


def home_view(
    kb: Any, subscriptions: list[Mapping[str, Any]] | str | None, answer: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    """The Home tab view; `answer` blocks (a browsed reply) go on top. `subscriptions`: the tip
    subscriptions, None when tips are not configured, or a line saying why they cannot be listed."""
    intro = [
        {"type": "header", "text": {"type": "plain_text", "text": "rolebot"}},
        _section(
            "Career answers about five AI/ML engineering roles: what they do, what they "
            "need, how they grow, what they pay. Ask with `/role`, mention me in a channel, "
            "or send me a direct message."
        ),
    ]
    examples = [
        {"type": "header", "text": {"type": "plain_text", "text": "Examples"}},
        _section("\n".join(f"`{e}`" for e in EXAMPLES)),
    ]
    top: list[dict[str, Any]] = []
    if answer:
        top = [
            *defuse(answer),
            {"type": "actions", "elements": [_button(BACK_ACTION, "Back to Home", "home")]},
            {"type": "divider"},
        ]
    rest = [
        *intro,
        {"type": "divider"},
        *_browse(kb),
        {"type": "divider"},
        *examples,
        {"type": "divider"},
        *_tips(subscriptions),
    ]
    blocks = top + rest
    if len(blocks) > MAX_VIEW_BLOCKS:
        blocks = top[:MAX_VIEW_BLOCKS]
    return {"type": "home", "blocks": blocks}
