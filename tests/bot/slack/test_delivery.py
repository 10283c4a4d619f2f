"""After a Web API failure, apologise only when the answer did not go through."""

from __future__ import annotations

import json
import time
from unittest.mock import Mock
from urllib.error import URLError

import pytest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.request import HttpRequest
from slack_sdk.http_retry.state import RetryState
from slack_sdk.web import SlackResponse

from bot.config import Settings
from bot.slack import delivery
from bot.slack.app import create_app
from bot.slack.listeners import errors
from bot.slack.listeners.errors import APOLOGY
from bot.slack.wsgi import make_wsgi
from tests.bot.conftest import fake_ask, tiny_kb
from tests.bot.slack.signing import SECRET, event, signed_headers
from tests.bot.slack.test_wsgi import call
from tests.fake_slack import FakeSlack

TIMEOUT = 0.3  # the Web API client's timeout in these tests (10 s in serve)


@pytest.fixture
def slack():
    """A fake Web API that remembers what was posted (conversations.* list it)."""
    fake = FakeSlack(history=True).start()
    yield fake
    fake.stop()


@pytest.fixture
def wsgi(slack):
    settings = Settings(bot_token="xoxb-1-2", signing_secret=SECRET, api_url=slack.api_url)
    client = WebClient(token="xoxb-1-2", base_url=slack.api_url, timeout=TIMEOUT)
    return make_wsgi(create_app(settings, tiny_kb(), client=client, ask=fake_ask))


def mention(wsgi, ts: str = "1700000000.000100", event_id: str = "EvD1") -> None:
    inner = {"type": "app_mention", "user": "U0ASKER", "text": "<@U0BOT> salary", "ts": ts, "channel": "C0G"}
    body = event(inner, event_id)
    assert (
        call(wsgi, "POST", "/slack/events", body, signed_headers(body, content_type="application/json"))[0]
        == 200
    )


def settled(slack: FakeSlack, method: str, count: int, wait: float = 1.0) -> list:
    """The calls of method once `count` arrived and `wait` more seconds brought no other."""
    slack.wait_for(method, count, timeout=5)
    time.sleep(wait)
    return slack.calls_to(method)


def texts(calls) -> list[str]:
    return [c.body.get("text") for c in calls]


class TestApologyAfterATimeout:
    def test_no_apology_when_the_timed_out_answer_was_posted(self, slack, wsgi, caplog):
        """chat.postMessage times out but Slack posted it: the thread gets the answer and no apology."""
        slack.script("chat.postMessage", delay=TIMEOUT * 3)
        mention(wsgi)
        posts = settled(slack, "chat.postMessage", 1, wait=TIMEOUT * 4)
        assert texts(posts) == ["Answer to &lt;@U0BOT&gt; salary"]  # the answer, and only it
        (check,) = slack.calls_to("conversations.replies")
        assert check.body["ts"] == "1700000000.000100"
        assert any("no apology: the answer went through" in r.getMessage() for r in caplog.records)
        assert not any(r.exc_info for r in caplog.records)  # an outage is one line, not a traceback

    def test_apology_when_the_failed_answer_is_not_there(self, slack, wsgi):
        """A 503 from chat.postMessage that did not post: the apology goes to the mention's thread."""
        slack.script("chat.postMessage", status=503, body={"ok": False, "error": "service_unavailable"})
        mention(wsgi, event_id="EvD2")
        posts = settled(slack, "chat.postMessage", 2, wait=0.3)
        assert texts(posts)[1] == APOLOGY
        assert posts[1].body["thread_ts"] == "1700000000.000100"
        assert len(slack.calls_to("conversations.replies")) == 1

    def test_no_apology_when_it_cannot_be_told(self, slack, wsgi):
        """The history cannot be read (missing scope): no apology that might sit under an answer."""
        slack.script("chat.postMessage", delay=TIMEOUT * 3)
        slack.error("conversations.replies", "missing_scope")
        mention(wsgi, event_id="EvD3")
        posts = settled(slack, "chat.postMessage", 1, wait=TIMEOUT * 4)
        assert APOLOGY not in texts(posts)

    def test_a_response_url_that_timed_out_gets_no_apology(self):
        """respond() timed out: nothing more goes to that response_url (the answer may be there)."""
        respond, logger = Mock(response_url="http://127.0.0.1:9/r"), Mock()
        error = ConnectionError("response_url: TimeoutError")
        error.__cause__ = TimeoutError()
        errors.on_error(error, {"command": "/role"}, respond, Mock(), logger)
        respond.assert_not_called()
        assert logger.error.call_args.kwargs["exc_info"] is None  # an outage: one line

    def test_a_bug_still_gets_an_apology_with_its_traceback(self):
        """A failure that is not a transport one apologises at once and logs the traceback."""
        respond, logger = Mock(response_url="http://127.0.0.1:9/r"), Mock()
        errors.on_error(KeyError("ts"), {"command": "/role"}, respond, Mock(), logger)
        assert respond.call_args.kwargs["text"] == APOLOGY
        assert logger.error.call_args.kwargs["exc_info"][0] is KeyError


class TestOutcome:
    @pytest.mark.parametrize(
        "error,unknown",
        [
            (TimeoutError("read timed out"), True),
            (ConnectionResetError(), True),
            (ConnectionRefusedError(), False),
            (URLError(ConnectionRefusedError()), False),
            (URLError(TimeoutError()), True),
            (ValueError("a bug"), False),
            (KeyError("ts"), False),
        ],
    )
    def test_transport_failures(self, error, unknown):
        """A timeout or reset may have posted; a refused connection or a bug did not."""
        assert delivery.outcome_unknown(error) is unknown

    def test_a_wrapped_cause_decides(self):
        """respond()'s ConnectionError is judged by its cause."""
        try:
            raise ConnectionError("response_url: ConnectionRefusedError") from ConnectionRefusedError()
        except ConnectionError as exc:
            assert delivery.outcome_unknown(exc) is False

    @pytest.mark.parametrize("status,unknown", [(503, True), (200, False), (429, False)])
    def test_slack_errors(self, status, unknown):
        """A 5xx may have posted; Slack's ok:false answer did not."""
        response = SlackResponse(
            client=None,
            http_verb="POST",
            api_url="u",
            req_args={},
            data={"ok": False},
            headers={},
            status_code=status,
        )
        assert delivery.outcome_unknown(SlackApiError("x", response)) is unknown

    def test_answers_carry_the_message_they_answer(self):
        """An answer's metadata names the ts of the message it answers."""
        assert delivery.metadata({"ts": "1.5"}) == {
            "event_type": "rolebot_answer",
            "event_payload": {"reply_to": "1.5"},
        }
        assert delivery.metadata({}) is None

    def test_a_posted_answer_is_found_by_its_metadata(self):
        """answer_posted looks in the reply thread for the answer's metadata."""
        client = Mock()
        client.conversations_replies.return_value = {
            "messages": [{"ts": "2.0", "metadata": delivery.metadata({"ts": "1.0"})}]
        }
        assert delivery.answer_posted(client, {"type": "app_mention", "channel": "C", "ts": "1.0"}) is True
        assert delivery.answer_posted(client, {"type": "app_mention", "channel": "C", "ts": "9.0"}) is False
        assert json.dumps(client.conversations_replies.call_args.kwargs["include_all_metadata"]) == "true"


class TestNoDoublePosts:
    """serve's client: after a dropped connection an answer is looked for, never resent blindly."""

    @pytest.fixture
    def served(self, slack):
        settings = Settings(bot_token="xoxb-1-2", signing_secret=SECRET, api_url=slack.api_url)
        return make_wsgi(create_app(settings, tiny_kb(), ask=fake_ask))  # serve's own client

    def test_an_answer_posted_before_the_reset_is_not_posted_again(self, slack, served):
        """The post went through, the connection dropped: found by its metadata, not resent, no apology."""
        slack.script("chat.postMessage", reset=True)
        mention(served, ts="1700000000.000300", event_id="EvR1")
        posts = settled(slack, "chat.postMessage", 1)
        assert len(posts) == 1 and len(slack.posted) == 1
        assert slack.calls_to("conversations.replies")  # looked before deciding

    def test_an_answer_lost_with_the_connection_is_sent_once_more(self, slack, served):
        """The connection dropped before anything was posted: not in the thread, so sent again, once."""
        slack.script("chat.postMessage", drop=True)
        mention(served, ts="1700000000.000400", event_id="EvR2")
        posts = settled(slack, "chat.postMessage", 2)
        assert len(posts) == 2 and len(slack.posted) == 1  # the attempt lost, then the answer
        assert APOLOGY not in texts(posts) and slack.calls_to("conversations.replies")

    def test_a_message_without_the_marker_is_never_resent(self):
        """Only answers carry rolebot_answer metadata; any other post is not resent after a reset."""
        handler = delivery.LookBeforeResend()
        handler.client = Mock()
        request = HttpRequest(
            method="POST",
            url="https://slack.example/api/chat.postMessage",
            headers={},
            data=json.dumps({"channel": "C1", "text": "hi"}).encode(),
        )
        assert not handler.can_retry(state=RetryState(), request=request, error=ConnectionResetError())
        handler.client.conversations_replies.assert_not_called()
