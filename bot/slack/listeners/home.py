"""The App Home tab: published on app_home_opened and after a browse button."""

from __future__ import annotations

from collections.abc import Callable

from slack_bolt import App
from slack_sdk import WebClient

from bot.slack import present
from bot.slack.home import home_view
from bot.slack.services import Services
from bot.store import SINGLE, Team
from handlers import Reply

__all__ = ["home_opened", "publish_home", "register"]


def publish_home(
    client: WebClient, services: Services, user_id: str, answer: Reply | None = None, team: Team = SINGLE
) -> None:
    """views.publish the Home tab for one user of a team, with a browsed answer on top if given."""
    subscriptions = services.subscriptions(team)
    blocks = None
    if answer is not None:
        payload = present.message(answer)
        blocks = payload.get("blocks") or [
            {"type": "section", "text": {"type": "mrkdwn", "text": payload["text"]}}
        ]
    client.views_publish(user_id=user_id, view=home_view(services.kb, subscriptions, blocks))


def home_opened(services: Services) -> Callable[..., None]:
    """app_home_opened on the Home tab: publish it."""

    def on_home_opened(event, client, context=None, body=None):
        if event.get("tab", "home") == "home" and event.get("user"):
            publish_home(client, services, event["user"], team=services.team(context, body))

    return on_home_opened


def register(app: App, services: Services) -> None:
    """Register the app_home_opened listener."""
    app.event("app_home_opened")(home_opened(services))
