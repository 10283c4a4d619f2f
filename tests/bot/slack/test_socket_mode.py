"""Socket Mode end to end: the real `serve` with SLACK_APP_TOKEN against a local Socket Mode server."""

from __future__ import annotations

import json
import subprocess
import sys
from urllib.parse import parse_qs

import pytest

from tests.bot.conftest import ROOT, free_port, serve_env, stop
from tests.bot.ops.test_metrics import get, sample
from tests.bot.slack.signing import action, event, slash
from tests.fake_slack import FakeSlack
from tests.fake_socket_mode import FakeSocketMode

APP_TOKEN = "xapp-1-A0APP-123-abcdef"
ACK_WITHIN = 3.0  # Slack's deadline for an envelope's acknowledgement


class SocketServe:
    """A `serve` process in Socket Mode, its fake Web API, Socket Mode server and log."""

    def __init__(
        self, fake: FakeSlack, socket: FakeSocketMode, proc: subprocess.Popen, log, port: int
    ) -> None:
        self.fake, self.socket, self.proc, self.log = fake, socket, proc, log
        self.url = f"http://127.0.0.1:{port}"  # the ops endpoints ($PORT)

    def envelope(self, kind: str, payload, **options):
        """Push one envelope and wait for its ack."""
        return self.socket.wait_ack(self.socket.send(kind, payload, **options), timeout=ACK_WITHIN + 2)


@pytest.fixture(scope="module")
def sm(tmp_path_factory):
    """One `serve` in Socket Mode for the module."""
    fake = FakeSlack().start()
    socket = FakeSocketMode().start()
    fake.always("apps.connections.open", {"ok": True, "url": socket.url})
    tmp = tmp_path_factory.mktemp("socket")
    port = free_port()
    env = serve_env(fake.api_url, tmp, SLACK_APP_TOKEN=APP_TOKEN, PORT=str(port), METRICS_TOKEN="sm-token")
    del env["SLACK_SIGNING_SECRET"]
    log = tmp / "serve.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "bot", "serve"], cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT
        )
    try:
        socket.wait_connected(1, timeout=20)
        yield SocketServe(fake, socket, proc, log, port)
    finally:
        stop(proc)
        socket.stop()
        fake.stop()


def events_api(inner: dict, event_id: str) -> dict:
    return json.loads(event(inner, event_id))


def mention(text: str, ts: str) -> dict:
    return {"type": "app_mention", "user": "U0ASKER", "text": text, "ts": ts, "channel": "C0GENERAL"}


class TestSocketMode:
    def test_connects_with_the_app_token(self, sm):
        """serve asks apps.connections.open with the app token, then holds the socket open."""
        (call, *_) = sm.fake.calls_to("apps.connections.open")
        assert call.headers["authorization"] == f"Bearer {APP_TOKEN}"
        assert sm.proc.poll() is None

    def test_a_mention_is_acked_and_answered_in_its_thread(self, sm):
        """An app_mention envelope is acked within 3 s and answered in the mention's thread."""
        ack = sm.envelope("events_api", events_api(mention("<@U0BOT> mlops salary", "1700.000100"), "EvS1"))
        assert ack.delay < ACK_WITHIN
        (post,) = sm.fake.wait_for("chat.postMessage")
        assert post.body["channel"] == "C0GENERAL" and post.body["thread_ts"] == "1700.000100"
        assert "MLOps" in json.dumps(post.body)

    def test_a_role_command_is_acked_and_answered_to_the_asker(self, sm):
        """A /role envelope is acked within 3 s; the answer goes to its response_url, ephemeral."""
        command = {k: v[0] for k, v in parse_qs(slash("mlops salary", sm.fake.response_url("sm1"))).items()}
        ack = sm.envelope("slash_commands", command, accepts_response_payload=True)
        assert ack.delay < ACK_WITHIN
        (answer,) = sm.fake.wait_for("/response/sm1")
        assert answer.body["response_type"] == "ephemeral" and "MLOps" in json.dumps(answer.body)

    def test_a_button_click_is_acked_and_answered(self, sm):
        """A click on an answer's topic button is acked and answered in place."""
        payload = json.loads(
            parse_qs(action("rolebot:topic:1", "mlops overview", sm.fake.response_url("sm2")))["payload"][0]
        )
        ack = sm.envelope("interactive", payload)
        assert ack.delay < ACK_WITHIN
        (answer,) = sm.fake.wait_for("/response/sm2")
        assert answer.body.get("replace_original") is True

    @pytest.mark.parametrize(
        "kind,payload",
        [
            ("events_api", {"type": "event_callback", "event": "type"}),
            ("events_api", events_api({"type": "member_joined_channel", "user": "U1"}, "EvS2")),
            ("interactive", {"type": "interactive_message", "callback_id": "x"}),
            ("interactive", {"type": "workflow_step_edit", "callback_id": "x"}),
            ("slash_commands", {"command": "/other", "text": "x"}),
            ("events_api", ["not", "an", "object"]),
            ("interactive", None),
            ("slash_commands", 42),
        ],
    )
    def test_what_rolebot_does_not_answer_is_acked_and_ignored(self, sm, kind, payload):
        """Odd or foreign envelopes are acked (Slack would redeliver them) and change nothing."""
        assert sm.envelope(kind, payload).delay < ACK_WITHIN
        assert sm.proc.poll() is None

    def test_a_dropped_socket_reconnects(self, sm):
        """When the connection drops, serve opens a new one and keeps answering on it."""
        before = len(sm.socket.connections)
        opened = len(sm.fake.calls_to("apps.connections.open"))
        sm.socket.drop()
        sm.socket.wait_connected(before + 1, timeout=15)
        assert len(sm.fake.calls_to("apps.connections.open")) > opened
        command = {k: v[0] for k, v in parse_qs(slash("list", sm.fake.response_url("sm3"))).items()}
        assert sm.envelope("slash_commands", command).delay < ACK_WITHIN
        sm.fake.wait_for("/response/sm3")

    def test_the_ops_endpoints_listen_on_port(self, sm):
        """With $PORT set, Socket Mode serves /healthz, /readyz and /metrics (token required) there."""
        assert get(f"{sm.url}/healthz")[0] == 200
        assert get(f"{sm.url}/readyz") == (200, "ready\n")
        assert get(f"{sm.url}/metrics")[0] == 401
        status, text = get(f"{sm.url}/metrics", "sm-token")
        assert (
            status == 200 and sample(text, "rolebot_requests_total", kind="mention", outcome="answered") >= 1
        )

    def test_the_log_has_no_traceback(self, sm):
        """Everything above left no traceback and no error in the log."""
        log = sm.log.read_text()
        assert "Traceback" not in log and " ERROR " not in log


class TestRefusedAppToken:
    def test_a_refused_app_token_is_one_line_and_exit_2(self, fake_slack, tmp_path):
        """apps.connections.open saying invalid_auth: exactly one line on stderr, exit status 2."""
        fake_slack.error("apps.connections.open", "invalid_auth")
        env = serve_env(fake_slack.api_url, tmp_path, SLACK_APP_TOKEN=APP_TOKEN)
        del env["SLACK_SIGNING_SECRET"]
        result = subprocess.run(
            [sys.executable, "-m", "bot", "serve"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=30,
        )
        assert result.returncode == 2
        assert result.stderr.strip().splitlines() == [
            "rolebot: SLACK_APP_TOKEN was rejected by Slack (invalid_auth)"
        ]
        assert APP_TOKEN not in result.stdout + result.stderr
