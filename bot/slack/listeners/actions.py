"""Buttons: Share in channel, Show the whole section, votes, topic and clarify choices, App Home."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Mapping
from typing import Any

from slack_bolt import App

from bot.slack import present
from bot.slack.home import BACK_ACTION
from bot.slack.listeners.home import publish_home
from bot.slack.services import Services
from handlers.blocks import FULL_ACTION

__all__ = [
    "ANSWER_ACTIONS",
    "FULL_ACTIONS",
    "THANKS",
    "TIP_ACTION",
    "VOTE_ACTIONS",
    "answer_button",
    "back_button",
    "full_button",
    "register",
    "share_button",
    "tip_button",
    "vote_button",
]

TIP_ACTION = "rolebot:tip"
FULL_ACTIONS = re.compile(rf"^{FULL_ACTION}:")
VOTE_ACTIONS = re.compile(rf"^{present.VOTE_ACTION}:(up|down)$")
ANSWER_ACTIONS = re.compile(r"^rolebot:(?!share$|home:back$|tip$|full:|vote:)")
THANKS = {
    "recorded": "Thanks for the feedback!",
    "duplicate": "You already told me about this answer. Thanks!",
    "unknown_answer": "I no longer have that answer on record (answers are kept for 90 days). Thanks anyway!",
    "unavailable": "I couldn't record that just now. Thanks anyway!",
}
_log = logging.getLogger("rolebot.actions")


def _user_id(body: Mapping[str, Any]) -> str:
    user = body.get("user") or {}
    return user if isinstance(user, str) else str(user.get("id") or "")


def _can_respond(respond: Any, action: Mapping[str, Any]) -> bool:
    """Bolt injects respond() even when the click came without a response_url (nowhere to answer)."""
    if getattr(respond, "response_url", None):
        return True
    _log.info("click on %s without a response_url: nothing to answer", action.get("action_id"))
    return False


def share_button(services: Services) -> Callable[..., None]:
    """ "Share in channel": post the reply for everyone, then drop the private copy."""

    def on_share(ack, action, body, respond):
        ack()
        if not _can_respond(respond, action):
            return
        reply = services.answer(action.get("value", ""))
        respond(**present.shared(reply, _user_id(body)))
        respond(delete_original=True)

    return on_share


def answer_button(services: Services) -> Callable[..., None]:
    """A button whose value is a query: replace the message (or the Home tab) with its reply."""

    def on_answer_button(ack, action, body, respond, client, context=None):
        ack()
        query = action.get("value", "")
        reply = services.answer(query)
        container = body.get("container") or {}
        if container.get("type") == "view":
            if _user_id(body):
                team = services.team(context, body)
                publish_home(client, services, _user_id(body), answer=reply, team=team)
            return
        if not _can_respond(respond, action):
            return
        respond(**present.replacement(reply, query, is_ephemeral=bool(container.get("is_ephemeral"))))

    return on_answer_button


def full_button(services: Services) -> Callable[..., None]:
    """ "Show the whole section": the section expands in place for the clicker, nobody else.

    A private answer is replaced by the whole section; under a public message (a mention's
    thread, a DM) the clicker gets the section privately and the message stays as it was.
    """

    def on_full(ack, action, body, respond):
        ack()
        if not _can_respond(respond, action):
            return
        query = action.get("value", "")
        reply = services.answer(query)
        container = body.get("container") or {}
        if container.get("is_ephemeral"):
            respond(**present.replacement(reply, query, is_ephemeral=True))
        else:
            respond(**present.ephemeral(reply, query), replace_original=False)

    return on_full


def vote_button(services: Services) -> Callable[..., None]:
    """ "Helpful" / "Not helpful": recorded once per person and answer; only the clicker is thanked.

    The message itself never changes, so a vote under a public answer is nobody else's business.
    """

    def on_vote(ack, action, body, respond, context=None):
        ack()
        found = VOTE_ACTIONS.match(str(action.get("action_id", "")))
        user, answer_id = _user_id(body), str(action.get("value", ""))[:64]
        team = services.team(context, body)
        result = services.vote(answer_id, user, found.group(1), team) if found and user else "unknown_answer"
        if _can_respond(respond, action):
            respond(text=THANKS[result], response_type="ephemeral", replace_original=False)

    return on_vote


def tip_button(services: Services) -> Callable[..., None]:
    """ "More on ..." under a daily tip: answer the clicker privately; the tip stays for everyone."""

    def on_tip(ack, action, respond):
        ack()
        if not _can_respond(respond, action):
            return
        query = action.get("value", "")
        respond(**present.ephemeral(services.answer(query), query), replace_original=False)

    return on_tip


def back_button(services: Services) -> Callable[..., None]:
    """ "Back to Home": the Home tab without the browsed answer."""

    def on_back(ack, body, client, context=None):
        ack()
        if _user_id(body):
            publish_home(client, services, _user_id(body), team=services.team(context, body))

    return on_back


def register(app: App, services: Services) -> None:
    """Register every rolebot: button."""
    app.action(present.SHARE_ACTION)(share_button(services))
    app.action(BACK_ACTION)(back_button(services))
    app.action(TIP_ACTION)(tip_button(services))
    app.action(FULL_ACTIONS)(full_button(services))
    app.action(VOTE_ACTIONS)(vote_button(services))
    app.action(ANSWER_ACTIONS)(answer_button(services))
