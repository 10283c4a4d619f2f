"""The WSGI layer in process: health check, request guard, Bolt behind it."""

from __future__ import annotations

import io
import json
import time

import pytest
from slack_sdk import WebClient

from bot.config import Settings
from bot.slack.app import create_app
from bot.slack.wsgi import MAX_BODY, make_wsgi
from tests.bot.conftest import fake_ask
from tests.bot.slack.signing import SECRET, signed_headers, slash


@pytest.fixture
def wsgi(fake_slack, kb):
    settings = Settings(bot_token="xoxb-1-2", signing_secret=SECRET, api_url=fake_slack.api_url)
    client = WebClient(token="xoxb-1-2", base_url=fake_slack.api_url)
    return make_wsgi(create_app(settings, kb, client=client, ask=fake_ask), {"roles": 2})


def call(app, method, path, body="", headers=None):
    environ = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
        "SERVER_PROTOCOL": "HTTP/1.1",
        "wsgi.input": io.BytesIO(body.encode()),
        "CONTENT_LENGTH": str(len(body)),
        "QUERY_STRING": "",
    }
    for key, value in (headers or {}).items():
        name = key.upper().replace("-", "_")
        environ[name if name == "CONTENT_TYPE" else f"HTTP_{name}"] = value
    seen = {}

    def start_response(status, headers):
        seen["status"] = int(status.split()[0])

    data = b"".join(app(environ, start_response))
    return seen["status"], data.decode()


class TestWsgi:
    def test_health(self, wsgi):
        """GET /healthz is 200 with the given details."""
        status, body = call(wsgi, "GET", "/healthz")
        assert status == 200 and json.loads(body) == {"ok": True, "roles": 2}

    def test_signed_command_reaches_bolt(self, wsgi, fake_slack):
        """A correctly signed /role is acked with 200 and answered via response_url."""
        body = slash("salary", fake_slack.response_url("w"))
        assert call(wsgi, "POST", "/slack/events", body, signed_headers(body))[0] == 200
        (answer,) = fake_slack.wait_for("/response/w")
        assert answer.body["text"] == "Answer to salary"

    @pytest.mark.parametrize("timestamp", ["", "abc", "12.5", "-1", "١٢٣"])
    def test_bad_timestamps_are_401(self, wsgi, timestamp):
        """Missing or non-numeric timestamps are refused with 401 before Bolt."""
        body = "a=b"
        headers = {**signed_headers(body), "X-Slack-Request-Timestamp": timestamp}
        assert call(wsgi, "POST", "/slack/events", body, headers)[0] == 401

    def test_slacks_ssl_check_is_answered_without_a_timestamp(self, wsgi, fake_slack):
        """Slack's ssl_check POST gets Bolt's bare 200 and triggers nothing."""
        body = "ssl_check=1&token=legacy"
        assert (
            call(wsgi, "POST", "/slack/events", body, {"Content-Type": "application/x-www-form-urlencoded"})[
                0
            ]
            == 200
        )
        assert [c.method for c in fake_slack.calls] == ["auth.test"]

    def test_stale_signature_is_401(self, wsgi):
        """Bolt refuses a well-formed but six-minute-old request with 401."""
        body = "a=b"
        assert (
            call(wsgi, "POST", "/slack/events", body, signed_headers(body, timestamp=int(time.time()) - 360))[
                0
            ]
            == 401
        )

    def test_oversized_bodies_are_refused(self, wsgi):
        """A Content-Length beyond MAX_BODY is 413 without reading the body."""
        big = "x" * (MAX_BODY + 1)
        assert call(wsgi, "POST", "/slack/events", big, signed_headers(big))[0] == 413

    def test_other_paths_are_404(self, wsgi):
        """Nothing else is served."""
        assert call(wsgi, "GET", "/slack/events")[0] == 404
