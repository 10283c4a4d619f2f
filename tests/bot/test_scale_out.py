"""End to end on one PostgreSQL: two `serve` replicas and two `tips run` workers, fake Slack.

A burst of duplicate event deliveries spread over both replicas is answered once per event id;
every due tip is posted exactly once; a worker killed while its post is in flight loses and
duplicates nothing (the other worker takes the claim over once its lease ends, finds the
message in the channel's history and records it).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import psycopg
import pytest

from tests.bot.conftest import ROOT, Server, free_port, serve_env, stop
from tests.bot.slack.signing import dm, event, mention, post, signed_headers
from tests.fake_slack import FakeSlack

CHANNELS = [f"C0TIP{n}" for n in range(6)]
TIPS_CONFIG = "worker: {lease: 2, first_retry: 1}\nchannels:\n" + "".join(
    f"  - {{channel: {c}, time: '00:00', weekdays: daily}}\n" for c in CHANNELS
)


@pytest.fixture
def cluster(postgres, tmp_path):
    """The fake Slack, a PostgreSQL database, and a way to start processes that share them."""
    fake = FakeSlack().start()
    url = postgres.fresh_url()
    procs: list[subprocess.Popen] = []

    def start(args: list[str], name: str, **extra: str) -> subprocess.Popen:
        env = serve_env(fake.api_url, tmp_path, DATABASE_URL=url, WEB_CONCURRENCY="1", **extra)
        log = (tmp_path / f"{name}.log").open("wb")
        proc = subprocess.Popen(
            [sys.executable, "-m", "bot", *args], cwd=ROOT, env=env, stdout=log, stderr=log
        )
        procs.append(proc)
        return proc

    yield fake, url, start, tmp_path
    for proc in procs:
        stop(proc)
    fake.stop()


def _logs(tmp_path: Path) -> str:
    return "\n".join(f"--- {p.name}\n{p.read_text()}" for p in sorted(tmp_path.glob("*.log")))


def _two_replicas(fake, start, tmp_path: Path) -> list[Server]:
    """Two `serve` replicas on the cluster's database, healthy."""
    servers = []
    for name in ("web1", "web2"):
        port = free_port()
        servers.append(
            Server(fake, port, tmp_path / f"{name}.log", start(["serve", "--port", str(port)], name))
        )
    for server in servers:
        server.wait_healthy(timeout=30)
    return servers


class TestScaleOut:
    def test_replicas_and_workers_on_one_postgres_answer_and_post_exactly_once(self, cluster):
        """Duplicates over two replicas are answered once; six tips post once, despite a killed worker."""
        fake, url, start, tmp_path = cluster
        servers = _two_replicas(fake, start, tmp_path)

        # a burst: 8 event ids, each delivered 4 times (2 of them as retries) across both replicas
        def deliver(n: int, copy: int) -> None:
            body = event(dm(f"mlops salary {n}", "1700000000.000100", channel=f"D0BURST{n}"), f"EvBurst{n}")
            retry = {"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"} if copy % 2 else {}
            headers = {**signed_headers(body, content_type="application/json"), **retry}
            assert post(servers[copy % 2].events_url, body, headers).status == 200

        threads = [threading.Thread(target=deliver, args=(n, c)) for n in range(8) for c in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        fake.wait_for("chat.postMessage", count=8, timeout=20)
        time.sleep(0.5)
        answered = Counter(c.body["channel"] for c in fake.calls_to("chat.postMessage"))
        assert answered == {f"D0BURST{n}": 1 for n in range(8)}, _logs(tmp_path)
        fake.reset()

        # tips: the first post hangs in flight; the worker sending it is killed mid-post
        config = tmp_path / "tips.yaml"
        config.write_text(TIPS_CONFIG)
        fake.script("chat.postMessage", delay=60)
        workers = [start(["tips", "run"], f"worker{n}", ROLEBOT_TIPS_CONFIG=str(config)) for n in (1, 2)]
        (first,) = fake.wait_for("chat.postMessage", timeout=30)
        with psycopg.connect(url) as conn:
            (owner,) = conn.execute(
                "SELECT owner FROM tip_log WHERE channel = %s AND state = 'claimed'", (first.body["channel"],)
            ).fetchone()
        victim = next(w for w in workers if f":{w.pid}:" in owner)
        os.kill(victim.pid, signal.SIGKILL)
        victim.wait(timeout=10)

        deadline = time.monotonic() + 40
        while time.monotonic() < deadline:
            with psycopg.connect(url) as conn:
                sent = conn.execute("SELECT count(*) FROM tip_log WHERE state = 'sent'").fetchone()[0]
            if sent == len(CHANNELS):
                break
            time.sleep(0.3)
        posts = Counter(c.body["channel"] for c in fake.calls_to("chat.postMessage"))
        assert posts == dict.fromkeys(CHANNELS, 1), _logs(tmp_path)
        with psycopg.connect(url) as conn:
            rows = conn.execute("SELECT channel, state, ts FROM tip_log ORDER BY channel").fetchall()
        assert [(c, s) for c, s, _ in rows] == [(c, "sent") for c in sorted(CHANNELS)], _logs(tmp_path)
        recovered = next(ts for c, _, ts in rows if c == first.body["channel"])
        assert recovered == first.ts  # found in the history, not posted again
        assert "Traceback" not in _logs(tmp_path)

    def test_follow_ups_at_once_on_two_replicas_all_land(self, cluster):
        """Six threads, each with two follow-ups sent at the same moment to different replicas:
        every thread then holds all three turns (a row per turn; replacing the list lost one)."""
        fake, url, start, tmp_path = cluster
        servers = _two_replicas(fake, start, tmp_path)

        def send(server, inner, event_id):
            body = event(inner, event_id)
            assert (
                post(server.events_url, body, signed_headers(body, content_type="application/json")).status
                == 200
            )

        threads = [f"80{n}.1" for n in range(6)]
        for n, ts in enumerate(threads):
            send(servers[0], mention("<@U0BOT> how much do ml platform engineers make?", ts), f"EvT{n}")
        fake.wait_for("chat.postMessage", count=len(threads), timeout=20)
        racers = [
            threading.Thread(
                target=send,
                args=(servers[k], mention(text, f"{ts[:-1]}{k + 2}", thread_ts=ts), f"EvT{n}f{k}"),
            )
            for n, ts in enumerate(threads)
            for k, text in enumerate(("<@U0BOT> and in seattle?", "<@U0BOT> and what do they need to know?"))
        ]
        for t in racers:
            t.start()
        for t in racers:
            t.join()
        fake.wait_for("chat.postMessage", count=3 * len(threads), timeout=20)
        with psycopg.connect(url) as conn:
            kept = dict(
                conn.execute("SELECT thread, count(*) FROM conversation_turns GROUP BY thread").fetchall()
            )
        assert kept == dict.fromkeys(threads, 3), _logs(tmp_path)
        print(f"\nturns: {sum(kept.values())} of {3 * len(threads)} kept across two replicas")
