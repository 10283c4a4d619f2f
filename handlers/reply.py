"""The reply every handler returns: what the bot says, as text and Block Kit."""

from __future__ import annotations

from knowledge.models import Record

TYPE_CHECKING = False  # without importing typing
if TYPE_CHECKING:
    from typing import Any

__all__ = ["INTENTS", "Reply"]

INTENTS = ("answer", "compare", "clarify", "list", "help", "unknown")


class Reply(Record):
    """What the bot says: intent, the roles/topic it is about, mrkdwn text and blocks.

    `query` is a canonical query that reproduces this reply through `handlers.ask`
    (buttons carry it as their value); `focus` lists the focus words understood; `full`
    names the whole sections the reply leads into (`ask --full`, "Show the whole section").
    Built with positional or keyword arguments; `blocks` left out is a new empty list.
    """

    intent: str
    text: str
    blocks: list[dict[str, Any]]
    roles: tuple[str, ...] = ()
    topic: str | None = None
    query: str = ""
    focus: tuple[str, ...] = ()
    full: tuple[str, ...] = ()  # queries of the whole sections behind the reply (the button, --full)
    uncovered: tuple[str, ...] = ()  # what was asked that the documents do not cover

    def __init__(
        self,
        intent: str,
        text: str,
        blocks: list[dict[str, Any]] | None = None,
        roles: tuple[str, ...] = (),
        topic: str | None = None,
        query: str = "",
        focus: tuple[str, ...] = (),
        full: tuple[str, ...] = (),
        uncovered: tuple[str, ...] = (),
    ) -> None:
        self.__dict__.update(
            intent=intent,
            text=text,
            blocks=[] if blocks is None else blocks,
            roles=roles,
            topic=topic,
            query=query,
            focus=focus,
            full=full,
            uncovered=uncovered,
        )

    def to_json(self) -> dict[str, Any]:
        """The `ask --json` object of ../shared/CONTRACTS.md (plus extra fields)."""
        return {
            "intent": self.intent,
            "roles": list(self.roles),
            "topic": self.topic,
            "text": self.text,
            "blocks": self.blocks,
            "query": self.query,
            "focus": list(self.focus),
            "full": list(self.full),
            "uncovered": list(self.uncovered),
        }
