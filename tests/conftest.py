"""Shared fixtures: the fake Slack Web API."""

from __future__ import annotations

import pytest

from tests.fake_slack import FakeSlack


@pytest.fixture
def fake_slack():
    """A fake Slack Web API on 127.0.0.1 (port 0), stopped after the test."""
    fake = FakeSlack().start()
    yield fake
    fake.stop()
