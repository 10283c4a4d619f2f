"""End to end: conversations, the assistant view and feedback, across two `serve` processes.

Two servers (two replicas) share one database and the fake Web API; turns of one thread are sent
to alternating servers, so a follow-up is only understood if its context lives in the database.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.bot.conftest import ROOT, Server, free_port, serve_env, stop
from tests.bot.slack import signing
from tests.bot.slack.signing import action, event, post, signed_headers
from tests.fake_slack import FakeSlack

JSON = "application/json"


@pytest.fixture(scope="module")
def pair(tmp_path_factory):
    """Two `serve` processes on one SQLite database, with one fake Web API."""
    fake = FakeSlack().start()
    tmp = tmp_path_factory.mktemp("pair")
    servers, logs = [], []
    try:
        for name in ("a", "b"):
            port, log = free_port(), tmp / f"serve-{name}.log"
            logs.append(log.open("wb"))
            proc = subprocess.Popen(
                [sys.executable, "-m", "bot", "serve", "--port", str(port)],
                cwd=ROOT,
                env=serve_env(fake.api_url, tmp, WEB_CONCURRENCY="1"),
                stdout=logs[-1],
                stderr=subprocess.STDOUT,
            )
            servers.append(Server(fake, port, log, proc))
        for srv in servers:
            srv.wait_healthy()
        yield servers, tmp
    finally:
        for srv in servers:
            stop(srv.proc)
        for log in logs:
            log.close()
        fake.stop()


def send(srv: Server, body: str, content_type: str = JSON):
    answer = post(srv.events_url, body, signed_headers(body, content_type=content_type))
    assert answer.status == 200, answer.text
    return answer


def said(fake: FakeSlack, count: int) -> list[dict]:
    """The bodies of the first `count` chat.postMessage calls."""
    return [c.body for c in fake.wait_for("chat.postMessage", count=count, timeout=10)]


def mention(text: str, ts: str, thread: str | None = None) -> dict:
    return signing.mention(text, ts, channel="C0CONV", **({"thread_ts": thread} if thread else {}))


class TestThreads:
    def test_a_follow_up_in_a_thread_is_understood_by_another_replica(self, pair):
        """Turn 1 on server A, turn 2 (same thread) on server B: the city is added to platform pay."""
        (a, b), _ = pair
        a.fake.reset()
        send(a, event(mention("<@U0BOT> how much do ml platform engineers make?", "100.1"), "EvC1"))
        said(a.fake, 1)
        send(b, event(mention("<@U0BOT> and in seattle?", "100.2", thread="100.1"), "EvC2"))
        first, second = said(a.fake, 2)
        assert second["thread_ts"] == "100.1" and "$173,517 per year" in second["text"][:600]

    def test_a_dm_is_one_conversation(self, pair):
        """In a DM, 'what about platform engineers?' keeps the topic of the last message."""
        (a, b), _ = pair
        a.fake.reset()
        dm = {"type": "message", "channel_type": "im", "user": "U0ASKER", "channel": "D0CONV"}
        send(b, event({**dm, "text": "what skills does an mlops engineer need?", "ts": "200.1"}, "EvD1"))
        said(a.fake, 1)
        send(a, event({**dm, "text": "what about platform engineers?", "ts": "200.2"}, "EvD2"))
        _, second = said(a.fake, 2)
        assert "AI/ML Platform Engineer · Requirements" in second["text"]


class TestAssistant:
    THREAD = {"channel_id": "D0ASSIST", "thread_ts": "300.0", "user_id": "U0ASKER"}

    def message(self, text: str, ts: str) -> dict:
        return {
            "type": "message",
            "channel_type": "im",
            "channel": "D0ASSIST",
            "user": "U0ASKER",
            "text": text,
            "ts": ts,
            "thread_ts": "300.0",
        }

    def test_a_new_thread_is_greeted_with_prompts_from_the_knowledge_base(self, pair):
        """assistant_thread_started: a greeting in the thread and four suggested prompts."""
        (a, _), _ = pair
        a.fake.reset()
        started = {"type": "assistant_thread_started", "assistant_thread": self.THREAD, "event_ts": "300.0"}
        send(a, event(started, "EvA0"))
        (greeting,) = said(a.fake, 1)
        (prompts,) = a.fake.wait_for("assistant.threads.setSuggestedPrompts")
        assert greeting["thread_ts"] == "300.0" and "five AI/ML engineering roles" in greeting["text"]
        listed = prompts.body["prompts"]
        listed = json.loads(listed) if isinstance(listed, str) else listed
        assert len(listed) == 4 and all(p["message"] for p in listed)

    def test_messages_are_answered_with_status_title_and_context(self, pair):
        """Status while answering, the first question as title; the follow-up goes to the other server."""
        (a, b), _ = pair
        a.fake.reset()
        send(a, event(self.message("what do mlops engineers earn?", "300.1"), "EvA1"))
        (first,) = said(a.fake, 1)
        (status,) = a.fake.wait_for("assistant.threads.setStatus")
        (title,) = a.fake.wait_for("assistant.threads.setTitle")
        assert title.body["title"] == "what do mlops engineers earn?" and status.body["thread_ts"] == "300.0"
        send(b, event(self.message("for seniors?", "300.2"), "EvA2"))
        _, second = said(a.fake, 2)
        assert second["thread_ts"] == "300.0" and "$200,000 - $220,000" in second["text"][:600]
        assert len(a.fake.calls_to("assistant.threads.setTitle")) == 1  # only the first question


class TestFeedback:
    def test_votes_are_recorded_once_and_reported(self, pair):
        """Helpful / Not helpful: thanked privately, counted once per person, in `report --json`."""
        (a, b), tmp = pair
        a.fake.reset()
        send(
            a, event(mention("<@U0BOT> does anyone sponsor h1b visas for mlops engineers?", "400.1"), "EvF1")
        )
        (reply,) = said(a.fake, 1)
        votes = reply["blocks"][-1]["elements"]
        down = next(e for e in votes if e["action_id"] == "rolebot:vote:down")
        form = "application/x-www-form-urlencoded"
        for srv, name in ((b, "v1"), (a, "v2")):  # the same person twice, on both replicas
            send(
                srv,
                action(down["action_id"], down["value"], a.fake.response_url(name), ephemeral=False),
                form,
            )
        first, again = (a.fake.wait_for(f"/response/{n}")[0].body for n in ("v1", "v2"))
        assert first["response_type"] == "ephemeral" and first["replace_original"] is False
        texts = sorted(b["text"] for b in (first, again))  # whichever replica wrote first
        assert texts == ["Thanks for the feedback!", "You already told me about this answer. Thanks!"]
        send(b, action(down["action_id"], "forged-id", a.fake.response_url("v3"), ephemeral=False), form)
        assert "no longer" in a.fake.wait_for("/response/v3")[0].body["text"]
        assert not a.fake.calls_to("chat.update")  # the public answer never changes

        env = serve_env(a.fake.api_url, tmp)
        done = subprocess.run(
            [sys.executable, "-m", "bot", "report", "--json"],
            env=env,
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        assert done.returncode == 0, done.stderr
        report = json.loads(done.stdout)
        missed = [m["question"] for m in report["not_covered"]]
        assert any("h1b" in q for q in missed) and report["not_helpful"] == 1
        assert report["voted_down"][0]["intent"] == "unknown"
