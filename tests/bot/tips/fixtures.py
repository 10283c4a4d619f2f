"""Shared builders for the tips tests: a store, a client on the fake Slack, a rotation."""

from __future__ import annotations

from datetime import timedelta

import pytest
from slack_sdk import WebClient

from bot.config import Settings
from bot.store import Database, TipStore, upgrade
from bot.tips.poster import TipPoster, tips_client
from handlers.tips import Rotation, build_pool
from handlers.tips_data import load_spec
from tests.fake_slack import FakeSlack
from tests.tips_kb import make_kb

__all__ = ["client_for", "fake_slack", "poster_for", "rotation", "store_at"]

_SPEC = load_spec()
_ROTATION = Rotation(build_pool(make_kb(), _SPEC), _SPEC.epoch)


def store_at(path) -> TipStore:
    """A tip store on a migrated SQLite file at path (made if missing)."""
    db = Database(f"sqlite:///{path}")
    upgrade(db)
    return TipStore(db)


def rotation() -> Rotation:
    """The rotation of the hand-built knowledge base."""
    return _ROTATION


def client_for(fake, *, retries: bool = True) -> WebClient:
    """The client tips post with (tips_client) on the fake Slack; or one that never retries."""
    if not retries:  # for tests about our handling of a failure, not about slack_sdk's retries
        return WebClient(token="xoxb-test", base_url=fake.api_url, retry_handlers=[])
    return tips_client(Settings(bot_token="xoxb-test", api_url=fake.api_url))


def poster_for(
    fake, path, clock, owner="A", lease=timedelta(minutes=10), *, retries: bool = True
) -> TipPoster:
    """A TipPoster with its own store connection on path."""
    return TipPoster(
        store_at(path), client_for(fake, retries=retries), rotation(), clock, owner=owner, lease=lease
    )


@pytest.fixture(scope="module")
def _module_fake_slack():
    fake = FakeSlack().start()
    yield fake
    fake.stop()


@pytest.fixture
def fake_slack(_module_fake_slack):
    """The shared fake Slack, reset: one server per module keeps the tests fast."""
    _module_fake_slack.down(False)
    _module_fake_slack.reset()
    yield _module_fake_slack
    _module_fake_slack.down(False)
