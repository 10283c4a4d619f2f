"""A handlers.Reply -> Slack message payloads, kept within Slack's limits and ping-free."""

from __future__ import annotations

import json
import re
from typing import Any

from handlers import Reply
from handlers.render import MAX_BLOCKS, escape, section_blocks  # the one escape: & < >
from handlers.render import MAX_SECTION_TEXT as MAX_SECTION
from handlers.replies import fit

__all__ = [
    "MAX_BLOCKS",
    "MAX_FALLBACK",
    "MAX_SECTION",
    "SHARE_ACTION",
    "VOTE_ACTION",
    "defuse",
    "escape",
    "ephemeral",
    "message",
    "replacement",
    "share_block",
    "shared",
    "strip_buttons",
    "vote_block",
]

SHARE_ACTION = "rolebot:share"
VOTE_ACTION = "rolebot:vote"  # rolebot:vote:up / rolebot:vote:down, value: the answer's id
MAX_FALLBACK = 3000  # characters of the notification text sent alongside blocks
MAX_VALUE = 2000  # characters per button value
_PING = re.compile(r"<(?=[!@])")
_TEXT_KEYS = {"text", "fields", "elements", "alt_text", "title", "label", "placeholder"}
_USER_ID = re.compile(r"^[UW][A-Z0-9]{2,}$")


def defuse(value: Any) -> Any:
    """Turn any `<!channel>`/`<!here>`/`<@U…>` left in texts of a payload into inert text."""
    if not isinstance(value, str):
        flat = json.dumps(value)  # one fast pass in C; the walk below only when needed
        if "<!" not in flat and "<@" not in flat:
            return value
    return _defuse(value)


def _defuse(value: Any) -> Any:
    if isinstance(value, str):
        return _PING.sub("&lt;", value)
    if isinstance(value, list):
        return [_defuse(v) for v in value]
    if isinstance(value, dict):
        return {
            k: (_defuse(v) if k in _TEXT_KEYS or isinstance(v, dict | list) else v) for k, v in value.items()
        }
    return value


def _cut(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    head = text[: limit - 1]
    space = head.rfind(" ", limit // 2)
    head = head[:space] if space > 0 else head
    amp = head.rfind("&")  # never end inside an entity such as &amp;
    if amp > len(head) - 6 and ";" not in head[amp:]:
        head = head[:amp]
    return head + "…"


def _fit(reply: Reply, room: int) -> tuple[str, list[dict[str, Any]]]:
    """Notification text and blocks of a reply, leaving `room` free blocks."""
    blocks = (
        list(reply.blocks)
        if reply.blocks
        else (section_blocks(reply.text) if len(reply.text) > MAX_SECTION else [])
    )
    # Merged to fit; the slice only acts if merging cannot (no reply comes close: 19 at most).
    blocks = defuse(fit(blocks, MAX_BLOCKS - room)[: MAX_BLOCKS - room])
    return defuse(_cut(reply.text, MAX_FALLBACK if blocks else 40_000)), blocks


def share_block(query: str) -> dict[str, Any]:
    """The actions block with the "Share in channel" button."""
    return {
        "type": "actions",
        "elements": [
            {
                "type": "button",
                "action_id": SHARE_ACTION,
                "value": query,
                "text": {"type": "plain_text", "text": "Share in channel"},
            }
        ],
    }


def vote_block(answer_id: str) -> dict[str, Any]:
    """The two small feedback buttons under an answer; their value is the answer's id."""
    return {
        "type": "actions",
        "block_id": "rolebot:feedback",
        "elements": [
            {
                "type": "button",
                "action_id": f"{VOTE_ACTION}:{vote}",
                "value": answer_id,
                "text": {"type": "plain_text", "text": label, "emoji": True},
            }
            for vote, label in (("up", ":thumbsup: Helpful"), ("down", ":thumbsdown: Not helpful"))
        ],
    }


def _with_votes(text: str, blocks: list[dict[str, Any]], answer_id: str | None) -> list[dict[str, Any]]:
    if not answer_id:
        return blocks
    if not blocks:
        blocks = [{"type": "section", "text": {"type": "mrkdwn", "text": text}}]
    return [*blocks, vote_block(answer_id)]


def message(reply: Reply, answer_id: str | None = None) -> dict[str, Any]:
    """The text and blocks of a reply posted as a message (mention, DM, assistant thread)."""
    text, blocks = _fit(reply, 1 if answer_id else 0)
    blocks = _with_votes(text, blocks, answer_id)
    return {"text": text, "blocks": blocks} if blocks else {"text": text}


def ephemeral(reply: Reply, asked: str = "", answer_id: str | None = None) -> dict[str, Any]:
    """The response_url payload of a reply only the asker sees, with a Share button.

    The button carries reply.query, or the `asked` text when the reply has no query; with an
    `answer_id`, the feedback buttons follow.
    """
    text, blocks = _fit(reply, 2 if answer_id else 1)
    query = (reply.query or asked).strip()
    if query and len(query) <= MAX_VALUE:
        if not blocks:
            blocks = [{"type": "section", "text": {"type": "mrkdwn", "text": text}}]
        blocks = [*blocks, share_block(query)]
    blocks = _with_votes(text, blocks, answer_id)
    payload: dict[str, Any] = {"text": text, "response_type": "ephemeral"}
    if blocks:
        payload["blocks"] = blocks
    return payload


def replacement(reply: Reply, asked: str = "", *, is_ephemeral: bool) -> dict[str, Any]:
    """The response_url payload replacing a message after a button click."""
    payload = ephemeral(reply, asked) if is_ephemeral else message(reply)
    return {**payload, "replace_original": True}


def strip_buttons(blocks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Blocks without rolebot's buttons (a shared message must not change under everyone)."""
    kept = []
    for block in blocks:
        block = dict(block)
        accessory = block.get("accessory") or {}
        if str(accessory.get("action_id", "")).startswith("rolebot:"):
            del block["accessory"]
        if block.get("type") == "actions":
            elements = [
                e for e in block.get("elements", []) if not str(e.get("action_id", "")).startswith("rolebot:")
            ]
            if not elements:
                continue
            block["elements"] = elements
        kept.append(block)
    return kept


def shared(reply: Reply, user_id: str) -> dict[str, Any]:
    """The response_url payload that posts a reply for everyone in the channel."""
    text, blocks = _fit(reply, 1)
    blocks = strip_buttons(blocks)
    who = f"<@{user_id}>" if _USER_ID.match(user_id or "") else "someone"
    if not blocks:
        blocks = [{"type": "section", "text": {"type": "mrkdwn", "text": text}}]
    blocks.append(
        {"type": "context", "elements": [{"type": "mrkdwn", "text": f"Shared by {who} from /role"}]}
    )
    return {"text": text, "blocks": blocks, "response_type": "in_channel", "replace_original": False}
