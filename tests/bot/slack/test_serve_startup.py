"""`serve` refuses to start on bad settings, a rejected token or a broken knowledge base."""

from __future__ import annotations

import argparse
import logging
import subprocess
import sys

import pytest

from bot.slack import serve
from knowledge.load import KnowledgeError
from tests.bot.conftest import ROOT, free_port, serve_env


def start(env: dict[str, str], timeout: float = 20) -> subprocess.CompletedProcess:
    """Run `python -m bot serve` expecting it to exit by itself."""
    return subprocess.run(
        [sys.executable, "-m", "bot", "serve", "--port", "1"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def assert_one_line_naming(result: subprocess.CompletedProcess, name: str) -> None:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("rolebot: ") and name in last


class TestStartupRefusals:
    def test_missing_bot_token_is_one_line(self, fake_slack, tmp_path):
        """Without SLACK_BOT_TOKEN, serve exits non-zero with one line naming it."""
        env = serve_env(fake_slack.api_url, tmp_path)
        del env["SLACK_BOT_TOKEN"]
        result = start(env)
        assert_one_line_naming(result, "SLACK_BOT_TOKEN")
        assert len(result.stderr.strip().splitlines()) == 1
        assert fake_slack.calls == []

    def test_malformed_signing_secret_is_one_line(self, fake_slack, tmp_path):
        """A malformed SLACK_SIGNING_SECRET is named, its value is not printed."""
        result = start(serve_env(fake_slack.api_url, tmp_path, SLACK_SIGNING_SECRET="x y!"))
        assert_one_line_naming(result, "SLACK_SIGNING_SECRET")
        assert "x y!" not in result.stderr

    def test_rejected_token_is_one_line(self, fake_slack, tmp_path):
        """When auth.test says invalid_auth, serve names SLACK_BOT_TOKEN and exits."""
        fake_slack.error("auth.test", "invalid_auth")
        result = start(serve_env(fake_slack.api_url, tmp_path))
        assert_one_line_naming(result, "SLACK_BOT_TOKEN")
        assert [c.method for c in fake_slack.calls] == ["auth.test"]

    def test_socket_mode_uses_the_app_token(self, fake_slack, tmp_path):
        """With SLACK_APP_TOKEN, serve opens a Socket Mode connection with it (no HTTP)."""
        fake_slack.error("apps.connections.open", "invalid_auth")
        env = serve_env(fake_slack.api_url, tmp_path, SLACK_APP_TOKEN="xapp-1-A0APP-123-abc")
        del env["SLACK_SIGNING_SECRET"]
        result = start(env)
        assert_one_line_naming(result, "SLACK_APP_TOKEN")
        (call,) = fake_slack.calls_to("apps.connections.open")
        assert call.headers["authorization"] == "Bearer xapp-1-A0APP-123-abc"
        assert "xapp-1-A0APP-123-abc" not in result.stderr

    def test_malformed_app_token_is_one_line(self, fake_slack, tmp_path):
        """A SLACK_APP_TOKEN that is not xapp-... is named before anything starts."""
        result = start(serve_env(fake_slack.api_url, tmp_path, SLACK_APP_TOKEN="xoxb-oops"))
        assert_one_line_naming(result, "SLACK_APP_TOKEN")
        assert fake_slack.calls == []


@pytest.fixture
def keep_logging():
    """serve.run installs its own root handler: put the test runner's back afterwards."""
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    yield
    root.handlers[:] = handlers
    root.setLevel(level)


@pytest.mark.usefixtures("keep_logging")
class TestRunRefusals:
    def _args(self, port=None):
        return argparse.Namespace(port=port)

    def _env(self, fake_slack, tmp_path):
        return {
            "SLACK_BOT_TOKEN": "xoxb-1-2-abc",
            "SLACK_SIGNING_SECRET": "a" * 32,
            "SLACK_API_URL": fake_slack.api_url,
            "DATABASE_URL": f"sqlite:///{tmp_path / 'rolebot.db'}",
        }

    def test_broken_knowledge_base_refuses_to_start(self, fake_slack, capsys, tmp_path):
        """A KnowledgeError is one line on stderr and exit status 2, before any Slack call."""

        def broken():
            raise KnowledgeError("knowledge/data/x.yaml: field title: missing")

        assert serve.run(self._args(), env=self._env(fake_slack, tmp_path), load_kb=broken) == 2
        err = capsys.readouterr().err.strip()
        assert err == (
            "rolebot: knowledge base: knowledge/data/x.yaml: field title: missing; refusing to start"
        )
        assert fake_slack.calls == []

    @pytest.mark.parametrize("port", [0, 70000])
    def test_out_of_range_port_is_refused(self, fake_slack, capsys, tmp_path, port):
        """--port outside 1-65535 is one line naming --port."""
        env = self._env(fake_slack, tmp_path)
        assert serve.run(self._args(port), env=env, load_kb=dict) == 2
        assert "--port" in capsys.readouterr().err

    def test_unreachable_web_api_is_one_line(self, capsys, tmp_path):
        """When SLACK_API_URL does not answer, serve says so in one line."""
        env = {
            "SLACK_BOT_TOKEN": "xoxb-1-2-abc",
            "SLACK_SIGNING_SECRET": "a" * 32,
            "SLACK_API_URL": "http://127.0.0.1:9/api/",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'rolebot.db'}",
        }
        assert serve.run(self._args(), env=env, load_kb=dict) == 2
        assert "cannot reach Slack's Web API" in capsys.readouterr().err


@pytest.mark.usefixtures("keep_logging")
class TestTipsWiring:
    @pytest.mark.parametrize(
        "url",
        [
            "mysql://rolebot:s3cret@127.0.0.1/y",
            "postgres://rolebot:s3cret@127.0.0.1:{port}/rolebot",
            "sqlite://",
        ],
    )
    def test_a_bad_or_unreachable_database_url_refuses_to_start(self, fake_slack, capsys, url):
        """A malformed or unreachable DATABASE_URL is one line naming it (never its password), exit 2."""
        env = {
            "SLACK_BOT_TOKEN": "xoxb-1-2-abc",
            "SLACK_SIGNING_SECRET": "a" * 32,
            "SLACK_API_URL": fake_slack.api_url,
            "DATABASE_URL": url.format(port=free_port()),
        }
        assert serve.run(argparse.Namespace(port=None), env=env, load_kb=dict) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and err.startswith("rolebot: ") and "DATABASE_URL" in err
        assert "s3cret" not in err and "Traceback" not in err
        assert fake_slack.calls == []

    def test_the_service_is_opened_once_per_process(self):
        """PerProcessTips opens the real service on first use, then reuses it."""
        opened = []

        class Service:
            def slash(self, text, channel_id, user_id):
                return text

            def subscriptions(self):
                return []

        def open_service():
            opened.append(1)
            return Service()

        tips = serve.PerProcessTips(open_service)
        assert opened == []
        assert tips.slash("on", "C1", "U1") == "on" and tips.subscriptions() == []
        assert opened == [1]


class TestWorkerCount:
    def test_web_concurrency_sets_the_number_of_workers(self):
        """WEB_CONCURRENCY=3 means three worker processes."""
        assert serve.worker_count({"WEB_CONCURRENCY": "3"}) == 3

    @pytest.mark.parametrize("value", ["", "0", "lots", "1000"])
    def test_otherwise_one_per_cpu_up_to_eight(self, value):
        """Without a usable WEB_CONCURRENCY, one worker per usable CPU, 1 to 8."""
        assert 1 <= serve.worker_count({"WEB_CONCURRENCY": value}) <= 8


class TestWorker:
    def test_http_serve_wants_gevent_and_socket_mode_does_not(self):
        """`serve` patches for gevent in HTTP mode only; other commands never do."""
        from bot.slack import green

        assert green.wanted("serve", {})
        assert not green.wanted("serve", {"SLACK_APP_TOKEN": "xapp-1-A-1-x"})
        assert not green.wanted("ask", {})

    def test_the_worker_follows_the_patch(self):
        """gunicorn runs the gevent worker in a patched process, gthread otherwise."""
        assert serve.gunicorn_options(3000, green=True)["worker_class"] == "gevent"
        assert serve.gunicorn_options(3000)["worker_class"] == "gthread"

    def test_the_test_process_is_not_patched(self):
        """Running serve in process (tests, embedding) never patches it behind one's back."""
        from bot.slack import green

        assert not green.patched()
