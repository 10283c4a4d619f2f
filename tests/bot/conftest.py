"""Fixtures of the bot tests: a small knowledge base, a fake `ask`, a running `serve`."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from bot.slack.present import escape
from handlers import Reply, Turn
from knowledge.models import KnowledgeBase, Role, Section, Topic
from tests.bot.slack.signing import SECRET
from tests.fake_slack import FakeSlack

ROOT = Path(__file__).resolve().parents[2]
BOT_TOKEN = "xoxb-1234-5678-testtokenvalue"


def tiny_kb() -> KnowledgeBase:
    """Two roles, two topics: enough for the Home tab and the listeners."""
    topics = {t: Topic(id=t, heading=t.title(), title=t.title()) for t in ("overview", "salary")}
    roles = {
        r: Role(
            id=r,
            title=title,
            source=f"{r}.txt",
            sections=tuple(Section(topic=t, heading=t.title()) for t in topics),
        )
        for r, title in (
            ("mlops-engineer", "MLOps Engineer"),
            ("ml-platform-engineer", "AI/ML Platform Engineer"),
        )
    }
    return KnowledgeBase(roles=roles, topics=topics)


def fake_ask(text: str, kb) -> Reply:
    """A stand-in for handlers.ask: echoes the (escaped) query with one topic button."""
    query = " ".join(text.split())
    said = f"Answer to {escape(query)}"
    return Reply(
        intent="answer",
        text=said,
        roles=("mlops-engineer",),
        topic="salary",
        query=query,
        blocks=[
            {"type": "section", "text": {"type": "mrkdwn", "text": said}},
            {
                "type": "actions",
                "elements": [
                    {
                        "type": "button",
                        "action_id": "rolebot:topic:1",
                        "value": "mlops overview",
                        "text": {"type": "plain_text", "text": "Overview"},
                    }
                ],
            },
        ],
    )


def fake_converse(text: str, kb, turns) -> tuple[Reply, Turn]:
    """A stand-in for handlers.converse: fake_ask's reply, telling how many turns came before."""
    return fake_ask(f"{text} after {len(turns)}", kb), Turn("answer", ("mlops-engineer",))


@pytest.fixture
def kb() -> KnowledgeBase:
    """A tiny knowledge base."""
    return tiny_kb()


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve_env(api_url: str, tmp: Path, **extra: str) -> dict[str, str]:
    """The environment of a `serve` subprocess talking to the fake Web API."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("SLACK_", "PORT", "DATABASE_URL", "GUNICORN", "WEB_CONCURRENCY"))
    }
    env.update(
        {
            "SLACK_BOT_TOKEN": BOT_TOKEN,
            "SLACK_SIGNING_SECRET": SECRET,
            "SLACK_API_URL": api_url,
            "DATABASE_URL": f"sqlite:///{tmp / 'rolebot.db'}",
            "PYTHONUNBUFFERED": "1",
            **extra,
        }
    )
    return env


class Server:
    """A running `python -m bot serve` and the fake Web API it talks to."""

    def __init__(self, fake: FakeSlack, port: int, log: Path, proc: subprocess.Popen) -> None:
        self.fake, self.port, self.log, self.proc = fake, port, log, proc
        self.url = f"http://127.0.0.1:{port}"
        self.events_url = f"{self.url}/slack/events"
        self.startup_calls: list[str] = []

    def wait_healthy(self, timeout: float = 20.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise AssertionError(f"serve exited {self.proc.returncode}: {self.log.read_text()}")
            try:
                with urllib.request.urlopen(f"{self.url}/healthz", timeout=1) as resp:
                    if resp.status == 200:
                        return
            except OSError:
                time.sleep(0.05)
        raise AssertionError(f"serve did not become healthy: {self.log.read_text()}")


def stop(proc: subprocess.Popen) -> None:
    """End a subprocess: SIGTERM, then SIGKILL after 10 s."""
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def start_serve(fake: FakeSlack, tmp: Path, name: str = "serve", **extra: str) -> Server:
    """A healthy `python -m bot serve` subprocess on a free port (its log: tmp/name.log)."""
    port = free_port()
    log = tmp / f"{name}.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "bot", "serve", "--port", str(port)],
            cwd=ROOT,
            env=serve_env(fake.api_url, tmp, **extra),
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    srv = Server(fake, port, log, proc)
    try:
        srv.wait_healthy()
    except BaseException:
        stop(proc)
        raise
    srv.startup_calls = [c.method for c in fake.calls]
    return srv


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """One `serve` subprocess per test module, on a free port, with a fake Web API."""
    with serving(tmp_path_factory.mktemp("serve")) as srv:  # two workers: duplicates may reach either
        yield srv


@contextlib.contextmanager
def serving(tmp: Path, **env: str):
    """`serve` with two workers and a fake Web API, stopped after."""
    fake = FakeSlack().start()
    try:
        srv = start_serve(fake, tmp, WEB_CONCURRENCY="2", **env)
        try:
            yield srv
        finally:
            stop(srv.proc)
    finally:
        fake.stop()


@pytest.fixture
def live(server):
    """The running server with the fake's record and scripts cleared."""
    server.fake.reset()
    return server
