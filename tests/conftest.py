"""Shared fixtures: the fake Slack Web API; hypothesis is derandomized under CI."""

from __future__ import annotations

import os

import pytest
from hypothesis import settings

from tests.fake_slack import FakeSlack

settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
settings.load_profile("ci" if os.environ.get("CI") else "default")


@pytest.fixture
def fake_slack():
    """A fake Slack Web API on 127.0.0.1 (port 0), stopped after the test."""
    fake = FakeSlack().start()
    yield fake
    fake.stop()
