"""/metrics and /readyz of a real `serve` with two workers, and the metrics module itself."""

from __future__ import annotations

import json
import re
import time
import urllib.error
import urllib.request

import pytest

from tests.bot.conftest import serving, start_serve, stop
from tests.bot.slack.signing import action, event, mention, post, signed_headers, slash
from tests.fake_slack import FakeSlack

TOKEN = "scrape-me-0123456789"
JSON = "application/json"
FORM = "application/x-www-form-urlencoded"


def get(url: str, token: str | None = None) -> tuple[int, str]:
    """GET url (with a bearer token): status and body, errors included."""
    request = urllib.request.Request(url, headers={"Authorization": f"Bearer {token}"} if token else {})
    try:
        with urllib.request.urlopen(request, timeout=10) as resp:
            return resp.status, resp.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


def sample(text: str, name: str, **labels: str) -> float:
    """The value of one sample in a Prometheus text exposition (0 when absent)."""
    for line in text.splitlines():
        if line.startswith("#") or not line.startswith(name):
            continue
        head, _, value = line.rpartition(" ")
        found = dict(re.findall(r'(\w+)="([^"]*)"', head))
        if head.split("{")[0] == name and found == labels:
            return float(value)
    return 0.0


@pytest.fixture(scope="module")
def metered(tmp_path_factory):
    """`serve` with two workers and METRICS_TOKEN set."""
    with serving(tmp_path_factory.mktemp("metered"), METRICS_TOKEN=TOKEN) as srv:
        yield srv


def scrape_until(srv, ready, timeout: float = 10.0) -> str:
    """Scrape /metrics until ready(text) holds (a request is counted just after its answer)."""
    deadline = time.monotonic() + timeout
    while True:
        text = get(f"{srv.url}/metrics", TOKEN)[1]
        if ready(text) or time.monotonic() > deadline:
            return text
        time.sleep(0.05)


def send(srv, body: str, content_type: str = FORM):
    return post(srv.events_url, body, signed_headers(body, content_type=content_type))


class TestMetricsEndpoint:
    def test_without_the_token_it_is_401(self, metered):
        """No Authorization header, or a wrong token: 401, and nothing about the counts."""
        assert get(f"{metered.url}/metrics")[0] == 401
        status, body = get(f"{metered.url}/metrics", "wrong")
        assert status == 401 and "rolebot_" not in body

    def test_every_scrape_counts_every_worker(self, metered):
        """Commands answered by either worker are all counted, whichever worker is scraped."""
        metered.fake.reset()
        n = 12
        for i in range(n):
            assert send(metered, slash("mlops salary", metered.fake.response_url(f"m{i}"))).status == 200
        for i in range(n):
            metered.fake.wait_for(f"/response/m{i}", timeout=10)
        scrape_until(
            metered, lambda t: sample(t, "rolebot_requests_total", kind="command", outcome="answered") >= n
        )
        scrapes = []
        for _ in range(6):  # keep-alive off: each scrape may reach either worker
            status, text = get(f"{metered.url}/metrics", TOKEN)
            assert status == 200
            scrapes.append(text)
        counts = {sample(t, "rolebot_requests_total", kind="command", outcome="answered") for t in scrapes}
        assert len(counts) == 1 and counts.pop() >= n
        text = scrapes[-1]
        assert sample(text, "rolebot_replies_total", intent="answer") >= n
        assert sample(text, "rolebot_request_seconds_count") >= n
        assert "# TYPE rolebot_request_seconds histogram" in text

    def test_kinds_duplicates_and_not_covered_are_counted(self, metered):
        """A mention, its duplicate delivery, a click and a question not covered each show up."""
        before = get(f"{metered.url}/metrics", TOKEN)[1]
        body = event(mention("<@U0BOT> does anyone sponsor h1b visas for mlops?"), "EvMetrics1")
        assert send(metered, body, JSON).status == 200
        metered.fake.wait_for("chat.postMessage", timeout=10)
        assert send(metered, body, JSON).status == 200
        click = action("rolebot:topic:1", "mlops overview", metered.fake.response_url("click"))
        assert send(metered, click).status == 200
        metered.fake.wait_for("/response/click", timeout=10)
        after = scrape_until(
            metered,
            lambda t: (
                sample(t, "rolebot_requests_total", kind="action", outcome="answered")
                > sample(before, "rolebot_requests_total", kind="action", outcome="answered")
            ),
        )

        def grew(name, **labels):
            return sample(after, name, **labels) - sample(before, name, **labels)

        assert grew("rolebot_requests_total", kind="mention", outcome="answered") == 1
        assert grew("rolebot_requests_total", kind="mention", outcome="duplicate") == 1
        assert grew("rolebot_dedupe_hits_total") == 1
        assert grew("rolebot_requests_total", kind="action", outcome="answered") == 1
        assert grew("rolebot_not_covered_total") >= 1

    def test_web_api_errors_are_counted_by_method(self, metered):
        """A chat.postMessage Slack refuses shows under its method."""
        metered.fake.reset()
        before = sample(
            get(f"{metered.url}/metrics", TOKEN)[1], "rolebot_webapi_errors_total", method="chat.postMessage"
        )
        metered.fake.error("chat.postMessage", "channel_not_found")
        assert (
            send(
                metered, event(mention("<@U0BOT> mlops salary", ts="1700000001.000100"), "EvMetrics2"), JSON
            ).status
            == 200
        )
        metered.fake.wait_for("chat.postMessage", count=2, timeout=10)  # the answer, then the apology
        text = scrape_until(
            metered, lambda t: sample(t, "rolebot_webapi_errors_total", method="chat.postMessage") > before
        )
        assert sample(text, "rolebot_webapi_errors_total", method="chat.postMessage") == before + 1


class TestReadiness:
    def test_ready_when_the_database_answers(self, metered):
        """/readyz is 200 with the knowledge base loaded and the database reachable."""
        assert get(f"{metered.url}/readyz") == (200, "ready\n")

    def test_healthz_stays_liveness(self, metered):
        """/healthz answers JSON ok."""
        status, body = get(f"{metered.url}/healthz")
        assert status == 200 and json.loads(body)["ok"] is True


class TestMetricsOff:
    def test_without_metrics_token_it_is_404(self, live):
        """METRICS_TOKEN unset: /metrics does not exist, token or not."""
        assert get(f"{live.url}/metrics")[0] == 404
        assert get(f"{live.url}/metrics", "anything")[0] == 404


class TestJsonLogs:
    def test_every_line_is_one_json_object(self, tmp_path):
        """LOG_FORMAT=json: gunicorn's lines and rolebot's are JSON; a failure names its event."""
        fake = FakeSlack().start()
        try:
            srv = start_serve(fake, tmp_path, WEB_CONCURRENCY="1", LOG_FORMAT="json")
            try:
                fake.error("chat.postMessage", "channel_not_found")
                body = event(mention("<@U0BOT> mlops salary", ts="1700000002.000100"), "EvJson1")
                assert send(srv, body, JSON).status == 200
                fake.wait_for("chat.postMessage", count=2, timeout=10)  # the answer, then the apology
            finally:
                stop(srv.proc)
            lines = [json.loads(line) for line in srv.log.read_text().splitlines()]
        finally:
            fake.stop()
        failed = [r for r in lines if r["level"] == "ERROR" and "channel_not_found" in r["message"]]
        assert len(failed) == 1
        assert (failed[0]["event_id"], failed[0]["team"], failed[0]["kind"]) == (
            "EvJson1",
            "T0TEAM",
            "mention",
        )
        assert any("Booting worker" in r["message"] for r in lines)


class TestMultiprocessDirectory:
    def test_serve_makes_and_removes_its_own(self, tmp_path):
        """serve keeps the workers' counts in a directory of its own, gone when it stops."""
        fake = FakeSlack().start()
        try:
            srv = start_serve(fake, tmp_path, WEB_CONCURRENCY="2", TMPDIR=str(tmp_path))
            try:
                (made,) = tmp_path.glob("rolebot-metrics-*")
                assert made.is_dir()
            finally:
                stop(srv.proc)
        finally:
            fake.stop()
        assert not list(tmp_path.glob("rolebot-metrics-*"))
