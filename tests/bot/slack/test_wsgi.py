"""The WSGI layer in process: health check, request guard, Bolt behind it."""

from __future__ import annotations

import io
import json
import logging
import time
from urllib.parse import quote

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


def call(app, method, path, body: str | bytes = "", headers=None, length=True):
    data = body if isinstance(body, bytes) else body.encode()
    environ = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
        "SERVER_PROTOCOL": "HTTP/1.1",
        "wsgi.input": io.BytesIO(data),
        "CONTENT_LENGTH": str(len(data)) if length else "",
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
        assert answer.body["text"] == "Answer to /role salary"

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


FORM, JSON = "application/x-www-form-urlencoded", "application/json"
EVENT = {"type": "event_callback", "event_id": "Ev9", "team_id": "T0TEAM"}
# Bodies Slack never sends: (name, body, content type). Each crashed Bolt (500 and a traceback).
HOSTILE = [
    ("binary", b"\x00\x01\xff\xfe\x80payload", FORM),
    ("invalid utf-8 json", b'{"type": "event_callback", "x": "\xff"}', JSON),
    ("payload not json", "payload=%7Bnot+json", FORM),
    ("payload a list", "payload=" + quote("[1, 2]"), FORM),
    ("payload a string", "payload=" + quote('"type"'), FORM),
    ("payload null", "payload=null", FORM),
    ("json list", "[1, 2]", JSON),
    ("json null", "null", JSON),
    ("json string", '"type"', JSON),
    ("form as json", slash("salary", "http://127.0.0.1:9/r"), JSON),
    ("json as form", json.dumps({"type": "block_actions"}), FORM),
    ("event a string", json.dumps({**EVENT, "event": "type"}), JSON),
    ("event a list", json.dumps({**EVENT, "event": ["type"]}), JSON),
    ("event without type", json.dumps({**EVENT, "event": {"user": "U1"}}), JSON),
    ("user a number", json.dumps({**EVENT, "event": {"type": "app_mention", "user": 5}}), JSON),
    ("text a list", json.dumps({**EVENT, "event": {"type": "app_mention", "text": ["hi"]}}), JSON),
    ("authorizations a string", json.dumps({**EVENT, "authorizations": "x", "event": {"type": "x"}}), JSON),
    ("actions a string", json.dumps({"type": "block_actions", "actions": "rolebot:x"}), JSON),
    ("action not an object", json.dumps({"type": "block_actions", "actions": ["rolebot:x"]}), JSON),
    ("response_url a number", "payload=" + quote(json.dumps({"type": "x", "response_url": 1})), FORM),
    ("no type", json.dumps({"event": {"type": "app_mention"}}), JSON),
    ("deep nesting", "[" * 200_000, JSON),
    ("bad form", "a&&=b=c", FORM),
    ("no content type", json.dumps(EVENT), ""),
    ("text/plain", json.dumps(EVENT), "text/plain"),
]


def refusals(caplog) -> list:
    return [r for r in caplog.records if r.levelno >= logging.WARNING]


class TestGuard:
    @pytest.mark.parametrize("name,body,content_type", HOSTILE, ids=[h[0] for h in HOSTILE])
    def test_forged_hostile_bodies_are_401_in_one_line(self, wsgi, caplog, name, body, content_type):
        """A body with a forged signature is 401 and one log line, whatever it holds."""
        headers = signed_headers(body, secret="not-the-secret", content_type=content_type)
        assert call(wsgi, "POST", "/slack/events", body, headers)[0] == 401
        (line,) = refusals(caplog)
        assert "401" in line.getMessage() and line.exc_info is None

    @pytest.mark.parametrize("name,body,content_type", HOSTILE, ids=[h[0] for h in HOSTILE])
    def test_signed_hostile_bodies_are_4xx_in_one_line(
        self, wsgi, fake_slack, caplog, name, body, content_type
    ):
        """A correctly signed body that is not what Slack sends is 400 (415 for its type) in one line."""
        status, _ = call(wsgi, "POST", "/slack/events", body, signed_headers(body, content_type=content_type))
        assert status == (415 if content_type in ("", "text/plain") else 400)
        (line,) = refusals(caplog)
        assert str(status) in line.getMessage() and line.exc_info is None
        assert [c.method for c in fake_slack.calls] == ["auth.test"]

    def test_unsigned_requests_are_401_in_one_line(self, wsgi, caplog):
        """No signature headers at all: 401 and one line saying so."""
        assert call(wsgi, "POST", "/slack/events", "{}", {"Content-Type": JSON})[0] == 401
        (line,) = refusals(caplog)
        assert "unsigned" in line.getMessage()

    @pytest.mark.parametrize(
        "body",
        [
            {**EVENT, "event": {"type": "member_joined_channel", "user": "U1", "channel": "C1"}},
            {**EVENT, "event": {"type": "tokens_revoked", "tokens": {"bot": ["U0BOT"]}}},
            {"type": "view_submission", "view": {"id": "V1", "callback_id": "x"}},
            {"type": "workflow_step_edit", "callback_id": "x"},  # Bolt: KeyError 'workflow_step'
            {"type": "interactive_message", "callback_id": "x"},  # Bolt: KeyError 'actions'
            {"type": "block_actions", "actions": [{"action_id": "other-app", "value": "x"}]},
            {"type": "block_actions", "actions": []},
            {"type": "app_rate_limited", "minute_rate_limited": 1},
        ],
    )
    def test_bodies_without_a_listener_are_acknowledged_and_ignored(self, wsgi, fake_slack, caplog, body):
        """What Slack may send but rolebot does not answer is 200 with nothing done and no warning."""
        text = json.dumps(body)
        assert call(wsgi, "POST", "/slack/events", text, signed_headers(text, content_type=JSON)) == (200, "")
        assert refusals(caplog) == []
        assert [c.method for c in fake_slack.calls] == ["auth.test"]

    def test_other_slash_commands_are_ignored(self, wsgi, fake_slack):
        """A slash command that is not /role is acknowledged and ignored."""
        body = slash("x", fake_slack.response_url("other")).replace("%2Frole", "%2Fhello")
        assert call(wsgi, "POST", "/slack/events", body, signed_headers(body))[0] == 200
        time.sleep(0.1)
        assert fake_slack.calls_to("/response/other") == []

    def test_a_command_mentioning_payload_is_answered(self, wsgi, fake_slack):
        """`/role payload` is answered (Bolt's own parser reads it as an empty body)."""
        body = slash("what payload does mlops carry", fake_slack.response_url("p"))
        assert call(wsgi, "POST", "/slack/events", body, signed_headers(body))[0] == 200
        (answer,) = fake_slack.wait_for("/response/p")
        assert answer.body["text"] == "Answer to /role what payload does mlops carry"

    def test_url_verification_answers_the_challenge(self, wsgi):
        """Slack's url_verification handshake gets its challenge back."""
        text = json.dumps({"type": "url_verification", "token": "t", "challenge": "abc123"})
        status, body = call(wsgi, "POST", "/slack/events", text, signed_headers(text, content_type=JSON))
        assert status == 200 and json.loads(body) == {"challenge": "abc123"}

    def test_chunked_bodies_without_a_length_are_read(self, wsgi, fake_slack):
        """A body sent without Content-Length (chunked) is read up to MAX_BODY and answered."""
        body = slash("salary", fake_slack.response_url("c"))
        environ_headers = signed_headers(body)
        status, _ = call(wsgi, "POST", "/slack/events", body, environ_headers, length=False)
        assert status == 200
        fake_slack.wait_for("/response/c")

    def test_a_crash_inside_bolt_is_one_line_and_never_500(self, wsgi, fake_slack, caplog, monkeypatch):
        """If Bolt itself raises, the request is acknowledged (200), logged in one line, no traceback."""
        from slack_bolt import App

        def broken(self, req):
            raise KeyError("actions")

        monkeypatch.setattr(App, "dispatch", broken)
        body = slash("salary", fake_slack.response_url("x"))
        status, text = call(wsgi, "POST", "/slack/events", body, signed_headers(body))
        assert status == 200 and json.loads(text)["response_type"] == "ephemeral"
        (line,) = refusals(caplog)
        assert "KeyError" in line.getMessage() and line.exc_info is None
