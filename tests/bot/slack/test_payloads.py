"""Every real request body in ../shared/slack-payloads, signed and replayed against a real `serve`."""

from __future__ import annotations

import json
import time
from pathlib import Path
from urllib.parse import urlencode

import pytest

from tests.bot.conftest import ROOT
from tests.bot.slack.signing import post, signed_headers, slash

PAYLOADS = ROOT.parent / "shared" / "slack-payloads"
FILES = sorted(PAYLOADS.glob("*.json"))
CONTENT_TYPES = {"json": "application/json", "form": "application/x-www-form-urlencoded"}


def as_sent(path: Path, event_id: str | None = None) -> tuple[str, str]:
    """The body of one stored request as Slack posts it, and its content type."""
    stored = json.loads(path.read_text())
    body = stored["body"]
    if event_id and isinstance(body, dict) and "event_id" in body:
        body = {**body, "event_id": event_id}
    if isinstance(body, str):
        text = body
    elif stored["kind"] == "json":
        text = json.dumps(body)
    else:
        text = urlencode(body)
    return text, CONTENT_TYPES[stored["kind"]]


def replay(live, path: Path, event_id: str | None = None):
    text, content_type = as_sent(path, event_id)
    return post(live.events_url, text, signed_headers(text, content_type=content_type), timeout=10)


@pytest.mark.skipif(not FILES, reason="../shared/slack-payloads is not beside the repository")
class TestRealPayloads:
    def test_there_are_the_stored_bodies(self):
        """The corpus is there: 133 bodies of every kind Slack sends."""
        assert len(FILES) == 133

    def test_every_body_as_is_is_2xx_or_4xx_without_a_traceback(self, live):
        """Each body replayed as-is gets 2xx or 4xx; the log has no traceback and no error."""
        start = live.log.stat().st_size
        statuses = {path.name: replay(live, path).status for path in FILES}
        # the same bodies again with fresh event ids: past the dedupe, into the listeners
        statuses |= {
            f"{p.name} (fresh id)": replay(live, p, f"EvReplay{i}").status for i, p in enumerate(FILES)
        }
        bad = {name: status for name, status in statuses.items() if not 200 <= status < 500}
        assert bad == {}
        assert sum(200 <= s < 300 for s in statuses.values()) > len(statuses) * 0.9
        answer = post(live.events_url, body := slash("mlops salary", live.fake.response_url("after")), {})
        assert answer.status == 401  # unsigned, still refused
        assert post(live.events_url, body, signed_headers(body)).status == 200
        live.fake.wait_for("/response/after")  # and still serving
        time.sleep(0.3)  # listeners still running finish their log lines
        log = live.log.read_bytes()[start:].decode("utf-8", "replace")
        assert "Traceback" not in log
        assert " ERROR " not in log
        assert live.proc.poll() is None

    def test_mentions_among_them_are_answered_in_their_thread(self, live):
        """The stored app_mention bodies from people get an answer in the mention's thread."""
        mentions = [p for p in FILES if p.name.startswith("event_callback.app_mention")]
        for i, path in enumerate(mentions):
            assert replay(live, path, f"EvMention{i}").status == 200
        live.fake.wait_for("chat.postMessage")
        time.sleep(0.3)
        posted = live.fake.calls_to("chat.postMessage")
        assert 0 < len(posted) <= len(mentions)
        events = [json.loads(as_sent(p)[0])["event"] for p in mentions]
        threads = {e.get("thread_ts") or e.get("ts") for e in events}
        assert all(call.body["channel"] for call in posted)
        assert {call.body.get("thread_ts") for call in posted} <= threads  # no ts: no thread
