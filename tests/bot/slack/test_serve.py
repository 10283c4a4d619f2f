"""End to end: the real `python -m bot serve` against the fake Web API, signed like Slack."""

from __future__ import annotations

import json
import time
import urllib.request
from urllib.parse import parse_qs

import handlers
from bot.slack import present
from knowledge.load import load
from tests.bot.conftest import BOT_TOKEN
from tests.bot.slack.signing import SECRET, action, dm, event, mention, post, signed_headers, slash

JSON = "application/json"


def send(live, body: str, *, content_type: str = "application/x-www-form-urlencoded", **headers: str):
    """POST a correctly signed body to /slack/events."""
    return post(live.events_url, body, {**signed_headers(body, content_type=content_type), **headers})


def send_event(live, inner: dict, event_id: str, **headers: str):
    """POST a signed event_callback."""
    return send(live, event(inner, event_id), content_type=JSON, **headers)


HOME_OPENED = {
    "type": "app_home_opened",
    "user": "U0ASKER",
    "channel": "D0DM",
    "tab": "home",
    "event_ts": "1.0",
}


def everything_said(body: dict) -> str:
    """The text and every block of one message payload, as one string."""
    return json.dumps([body.get("text", ""), body.get("blocks", [])])


def expected_share_value(text: str) -> str:
    reply = handlers.ask(text, load())
    return (reply.query or text).strip()


class TestStartup:
    def test_health_check_answers_json(self, live):
        """GET /healthz answers 200 with a JSON body saying ok."""
        with urllib.request.urlopen(f"{live.url}/healthz", timeout=5) as resp:
            assert resp.status == 200
            assert resp.headers["Content-Type"] == JSON
            assert json.loads(resp.read())["ok"] is True

    def test_token_is_verified_with_auth_test_at_start(self, live):
        """Bolt calls auth.test on the fake Web API before serving."""
        assert "auth.test" in live.startup_calls

    def test_unknown_paths_are_not_found(self, live):
        """Only /slack/events and /healthz exist."""
        assert post(f"{live.url}/other", "x", {"X-Slack-Request-Timestamp": "1"}).status == 404


class TestSlashCommand:
    def test_answers_only_the_asker_with_a_share_button(self, live):
        """/role is acked at once and answered ephemerally with "Share in channel"."""
        answer = send(live, slash("mlops salary", live.fake.response_url("r1")))
        assert answer.status == 200 and answer.elapsed < 1.0
        (call,) = live.fake.wait_for("/response/r1")
        assert call.body["response_type"] == "ephemeral"
        buttons = [e for b in call.body["blocks"] if b["type"] == "actions" for e in b["elements"]]
        (share,) = [e for e in buttons if e["action_id"] == "rolebot:share"]
        assert share["value"] == expected_share_value("mlops salary")
        assert [e["action_id"] for e in buttons[-2:]] == ["rolebot:vote:up", "rolebot:vote:down"]

    def test_tips_go_to_the_tips_service_and_show_on_the_home_tab(self, live):
        """/role tips on ... subscribes the channel; App Home then lists it."""
        send(live, slash("tips on 09:30 Europe/London", live.fake.response_url("tips")))
        (call,) = live.fake.wait_for("/response/tips")
        assert call.body["response_type"] == "ephemeral"
        assert "*on*" in call.body["text"]
        send_event(live, HOME_OPENED, "EvHomeTips")
        (home,) = live.fake.wait_for("views.publish")
        assert "<#C0GENERAL> at 09:30 Europe/London" in json.dumps(home.body["view"])

    def test_four_kilobytes_of_text_are_answered_within_limits_in_time(self, live):
        """4 KB of text gets an answer within Slack's limits in under 3 seconds."""
        text = ("what does an mlops engineer earn <!channel> & why " * 100)[:4096]
        start = time.monotonic()
        send(live, slash(text, live.fake.response_url("big")))
        (call,) = live.fake.wait_for("/response/big", timeout=3.0)
        assert time.monotonic() - start < 3.0
        blocks = call.body.get("blocks", [])
        assert len(blocks) <= 50 and len(call.body["text"]) <= 40_000
        for block in blocks:
            assert len((block.get("text") or {}).get("text", "")) <= 3000
            for element in block.get("elements", []):
                assert len(element.get("value", "")) <= 2000
        assert "<!channel>" not in everything_said(call.body)


class TestButtons:
    def test_share_posts_for_everyone_and_drops_the_private_copy(self, live):
        """rolebot:share posts in_channel through response_url, then deletes the original."""
        send(live, action("rolebot:share", "mlops salary", live.fake.response_url("s")))
        posted, deleted = live.fake.wait_for("/response/s", count=2)
        assert posted.body["response_type"] == "in_channel"
        assert posted.body["replace_original"] is False
        assert "rolebot:" not in json.dumps(posted.body["blocks"])
        assert "<@U0ASKER>" in json.dumps(posted.body["blocks"])
        assert deleted.body["delete_original"] is True

    def test_topic_button_replaces_the_message(self, live):
        """A topic button's value is asked and replaces the original message."""
        send(live, action("rolebot:topic:3", "mlops overview", live.fake.response_url("t")))
        (call,) = live.fake.wait_for("/response/t")
        assert call.body["replace_original"] is True
        expected = present.replacement(
            handlers.ask("mlops overview", load()), "mlops overview", is_ephemeral=True
        )
        assert call.body["text"] == expected["text"]
        assert call.body["response_type"] == "ephemeral"

    def test_a_natural_question_leads_and_the_whole_section_expands_in_place(self, live):
        """A question is answered in a few lines; "Show the whole section" then replaces it."""
        send(live, slash("how many yrs of experience do mlops jobs ask for", live.fake.response_url("q")))
        (short,) = live.fake.wait_for("/response/q")
        assert "3-6 years" in short.body["text"][:600] and len(short.body["text"]) < 1500
        button = next(
            e
            for b in short.body["blocks"]
            if b["type"] == "actions"
            for e in b["elements"]
            if e["action_id"].startswith("rolebot:full:")
        )
        send(live, action(button["action_id"], button["value"], live.fake.response_url("w")))
        (whole,) = live.fake.wait_for("/response/w")
        assert whole.body["replace_original"] is True and whole.body["response_type"] == "ephemeral"
        section = handlers.expand(
            handlers.ask("how many yrs of experience do mlops jobs ask for", load()), load()
        )
        assert whole.body["text"] == present.ephemeral(section)["text"] and len(whole.body["text"]) > 1500

    def test_clarify_choice_replaces_the_question_with_the_answer(self, live):
        """A clarify button answers its value in place of the question."""
        question = handlers.ask("salary", load())
        assert question.intent == "clarify"
        choice = next(
            e
            for b in question.blocks
            for e in b.get("elements", [])
            if str(e.get("action_id", "")).startswith("rolebot:clarify:")
        )
        send(live, action(choice["action_id"], choice["value"], live.fake.response_url("c")))
        (call,) = live.fake.wait_for("/response/c")
        assert call.body["replace_original"] is True
        assert (
            call.body["text"]
            == present.replacement(handlers.ask(choice["value"], load()), choice["value"], is_ephemeral=True)[
                "text"
            ]
        )

    def test_a_hostile_share_value_never_pings(self, live):
        """A forged Share value full of pings is posted for everyone without any."""
        send(
            live,
            action("rolebot:share", "<!channel> <!here> <@U0VICTIM> salary", live.fake.response_url("h")),
        )
        posted, _ = live.fake.wait_for("/response/h", count=2)
        said = everything_said(posted.body).replace("<@U0ASKER>", "")
        assert "<!" not in said and "<@" not in said

    def test_home_button_publishes_the_answer_on_the_home_tab(self, live):
        """A browse button in App Home publishes the Home tab with the answer on top."""
        send(live, action("rolebot:home:0:1", "mlops-engineer salary", None, view=True))
        (call,) = live.fake.wait_for("views.publish")
        assert call.body["user_id"] == "U0ASKER"
        assert call.body["view"]["type"] == "home"
        assert any(
            e.get("action_id") == "rolebot:home:back"
            for b in call.body["view"]["blocks"]
            for e in b.get("elements", [])
        )


class TestEvents:
    def test_mention_is_answered_in_its_thread(self, live):
        """An app_mention is answered with thread_ts = the mention's ts."""
        send_event(live, mention("<@U0BOT> mlops salary"), "EvMention1")
        (call,) = live.fake.wait_for("chat.postMessage")
        assert call.body["channel"] == "C0GENERAL"
        assert call.body["thread_ts"] == "1700000000.000100"

    def test_mention_inside_a_thread_stays_in_that_thread(self, live):
        """A mention in a thread is answered in that thread (event.thread_ts)."""
        send_event(
            live,
            mention("<@U0BOT> salary", ts="1700000000.000900", thread_ts="1700000000.000001"),
            "EvMention2",
        )
        (call,) = live.fake.wait_for("chat.postMessage")
        assert call.body["thread_ts"] == "1700000000.000001"

    def test_direct_message_is_answered_in_the_dm(self, live):
        """A message.im is answered in the same DM, not in a thread."""
        send_event(live, dm("platform requirements"), "EvDm1")
        (call,) = live.fake.wait_for("chat.postMessage")
        assert call.body["channel"] == "D0DM" and "thread_ts" not in call.body

    def test_bots_edits_and_deletions_are_never_answered(self, live):
        """Bot messages, the bot's own messages, edits and deletions get no answer."""
        ignored = [
            dm("hi", bot_id="B0OTHER"),
            dm("hi", subtype="bot_message", bot_id="B0OTHER"),
            dm("hi", user="U0BOT"),
            dm("hi", subtype="message_changed"),
            dm("hi", subtype="message_deleted"),
            mention("<@U0BOT> salary", bot_id="B0OTHER"),
        ]
        for n, inner in enumerate(ignored):
            assert send_event(live, inner, f"EvIgnored{n}").status == 200
        send_event(live, dm("sentinel", channel="D0SENTINEL"), "EvSentinel")
        live.fake.wait_for("chat.postMessage")
        time.sleep(0.2)
        assert [c.body["channel"] for c in live.fake.calls_to("chat.postMessage")] == ["D0SENTINEL"]

    def test_retries_and_duplicates_are_answered_once(self, live):
        """The same event_id delivered three times (two of them retries) is answered once."""
        inner = dm("mlops salary", channel="D0ONCE")
        for headers in ({}, {"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"}, {}):
            assert send_event(live, inner, "EvOnce", **headers).status == 200
        send_event(live, dm("sentinel", channel="D0SENTINEL"), "EvSentinel2")
        live.fake.wait_for("chat.postMessage", count=2)
        time.sleep(0.2)
        channels = sorted(c.body["channel"] for c in live.fake.calls_to("chat.postMessage"))
        assert channels == ["D0ONCE", "D0SENTINEL"]

    def test_a_retry_of_an_unseen_event_is_answered(self, live):
        """A retry whose first delivery never arrived is answered."""
        send_event(live, dm("salary", channel="D0RETRY"), "EvNew", **{"X-Slack-Retry-Num": "2"})
        (call,) = live.fake.wait_for("chat.postMessage")
        assert call.body["channel"] == "D0RETRY"

    def test_home_tab_is_published(self, live):
        """app_home_opened publishes the Home tab for that user."""
        send_event(live, HOME_OPENED, "EvHome")
        (call,) = live.fake.wait_for("views.publish")
        view = call.body["view"]
        assert call.body["user_id"] == "U0ASKER" and view["type"] == "home"
        assert "mlops-engineer salary" in {
            e.get("value") for b in view["blocks"] for e in b.get("elements", [])
        }

    def test_hostile_text_never_pings(self, live):
        """<!channel>, <!here> and user mentions in a question are never echoed live."""
        hostile = "<@U0BOT> <!channel> <!here> <!everyone> <@U0VICTIM> <!subteam^S1> salary"
        send_event(live, mention(hostile), "EvHostile")
        (call,) = live.fake.wait_for("chat.postMessage")
        said = everything_said(call.body)
        assert "<!" not in said and "<@" not in said

    def test_rate_limits_are_waited_out(self, live):
        """A 429 with Retry-After: 1 is retried after a second, and the answer gets through."""
        live.fake.rate_limit("chat.postMessage", retry_after=1)
        send_event(live, dm("salary", channel="D0LIMITED"), "EvLimited")
        first, second = live.fake.wait_for("chat.postMessage", count=2, timeout=8)
        assert second.body["channel"] == "D0LIMITED"
        assert second.at - first.at >= 0.9


class TestFailures:
    def test_a_failing_listener_apologises_and_the_server_keeps_running(self, live):
        """When posting the answer fails, the user gets an apology and the next event works."""
        live.fake.error("chat.postMessage", "internal_error")
        send_event(live, mention("<@U0BOT> salary", ts="1700000000.000500"), "EvFail")
        _, apology = live.fake.wait_for("chat.postMessage", count=2)
        assert "Sorry" in apology.body["text"]
        assert apology.body["thread_ts"] == "1700000000.000500"
        send_event(live, dm("salary", channel="D0AFTER"), "EvAfter")
        assert live.fake.wait_for("chat.postMessage", count=3)[-1].body["channel"] == "D0AFTER"
        assert "rolebot failed on" in live.log.read_text()


class TestSignatures:
    def _refused(self, live, body: str, headers: dict[str, str]) -> None:
        answer = post(live.events_url, body, headers)
        assert answer.status == 401
        time.sleep(0.2)
        assert live.fake.calls == []

    def test_forged_signature_is_refused(self, live):
        """A body signed with another secret gets 401 and no Web API call."""
        body = slash("salary", live.fake.response_url("x"))
        self._refused(live, body, signed_headers(body, secret="not-the-real-secret-000"))

    def test_old_timestamp_is_refused(self, live):
        """A correctly signed request older than five minutes gets 401."""
        body = slash("salary", live.fake.response_url("x"))
        self._refused(live, body, signed_headers(body, timestamp=int(time.time()) - 301))

    def test_missing_timestamp_is_refused(self, live):
        """A request without X-Slack-Request-Timestamp gets 401."""
        body = slash("salary", live.fake.response_url("x"))
        headers = signed_headers(body)
        del headers["X-Slack-Request-Timestamp"]
        self._refused(live, body, headers)

    def test_non_numeric_timestamp_is_refused(self, live):
        """A non-numeric X-Slack-Request-Timestamp gets 401, not Bolt's 500."""
        body = slash("salary", live.fake.response_url("x"))
        self._refused(live, body, signed_headers(body, timestamp="tomorrow"))

    def test_tokens_never_reach_the_log(self, live):
        """Neither the bot token, the secret nor a request's token field is ever logged."""
        body = slash("salary", live.fake.response_url("x"))
        post(live.events_url, body, signed_headers(body, timestamp=int(time.time()) - 999))
        time.sleep(0.2)
        log = live.log.read_text()
        assert BOT_TOKEN not in log and SECRET not in log
        assert "legacy-verification-token" not in log


def test_form_bodies_parse_like_slack():
    """The test helpers' slash body carries the command text unchanged."""
    assert parse_qs(slash("a & b", "http://x/r"))["text"] == ["a & b"]
