"""Listener callbacks, called directly with mocks of ack, respond, say and client."""

from __future__ import annotations

import json
from unittest.mock import Mock

import pytest

from bot.slack.listeners import actions, commands, errors, events, home
from bot.slack.services import Services
from tests.bot.conftest import fake_ask, fake_converse


class Tips:
    """A tips service double recording its calls."""

    def __init__(self):
        self.calls = []

    def slash(self, text, channel_id, user_id):
        self.calls.append((text, channel_id, user_id))
        return f"tips: {text}"

    def subscriptions(self):
        return [
            {"channel": "C0TIPS", "time": "09:00", "timezone": "UTC", "weekdays": "Mon-Fri", "enabled": True}
        ]


class Votes:
    """A feedback store double: answers and votes in lists."""

    def __init__(self):
        self.answers, self.votes = {}, []

    def record_answers(self, rows):
        self.answers.update({row["id"]: row for row in rows})

    def record_vote(self, answer_id, user, vote, now):
        if answer_id not in self.answers:
            return "unknown_answer"
        if any(v[:2] == (answer_id, user) for v in self.votes):
            return "duplicate"
        self.votes.append((answer_id, user, vote))
        return "recorded"


@pytest.fixture
def services(kb):
    return Services(kb=kb, ask=fake_ask, converse=fake_converse, votes=Votes())


def command(text):
    return {"command": "/role", "text": text, "channel_id": "C0GEN", "user_id": "U0ASKER"}


class TestRoleCommand:
    def test_acks_before_answering(self, services):
        """ack() is called first, then respond() with an ephemeral answer; the text is read as the
        command it is, as `ask "/role mlops salary"` reads it."""
        order = Mock()
        commands.role_command(services)(ack=order.ack, command=command("mlops salary"), respond=order.respond)
        assert [c[0] for c in order.mock_calls] == ["ack", "respond"]
        payload = order.respond.call_args.kwargs
        assert payload["response_type"] == "ephemeral"
        assert payload["text"] == "Answer to /role mlops salary"

    def test_tips_go_to_the_tips_service(self, kb):
        """/role tips ... is answered by tips.slash with the rest, channel and user."""
        tips = Tips()
        respond = Mock()
        asked = Mock(side_effect=AssertionError("handlers.ask must not be called"))
        on_role = commands.role_command(Services(kb=kb, ask=asked, tips=tips))
        on_role(ack=Mock(), command=command("Tips subscribe 09:00"), respond=respond)
        assert tips.calls == [("subscribe 09:00", "C0GEN", "U0ASKER")]
        assert respond.call_args.kwargs == {"text": "tips: subscribe 09:00", "response_type": "ephemeral"}

    def test_tips_without_a_service_are_explained(self, services):
        """Without a tips service, /role tips says tips are not configured."""
        respond = Mock()
        commands.role_command(services)(ack=Mock(), command=command("tips"), respond=respond)
        assert respond.call_args.kwargs["text"] == commands.NOT_CONFIGURED

    @pytest.mark.parametrize(
        "text, rest", [("tips", ""), ("  TIPS  off ", "off"), ("tipsy salary", None), ("mlops tips", None)]
    )
    def test_only_a_leading_word_tips_is_routed(self, text, rest):
        """tips_text is the text after a leading "tips", else None."""
        assert commands.tips_text(text) == rest


class TestButtons:
    def test_share_posts_in_channel_then_deletes_the_private_copy(self, services):
        """Share answers the value in_channel, then deletes the ephemeral original."""
        respond = Mock()
        actions.share_button(services)(
            ack=Mock(), action={"value": "mlops salary"}, body={"user": {"id": "U0ASKER"}}, respond=respond
        )
        first, second = respond.call_args_list
        assert first.kwargs["response_type"] == "in_channel"
        assert first.kwargs["text"] == "Answer to mlops salary"
        assert second.kwargs == {"delete_original": True}

    def test_topic_button_replaces_the_original(self, services):
        """A topic button on an ephemeral message replaces it, still ephemeral."""
        respond = Mock()
        actions.answer_button(services)(
            ack=Mock(),
            action={"value": "mlops overview"},
            respond=respond,
            client=Mock(),
            body={"container": {"type": "message", "is_ephemeral": True}},
        )
        payload = respond.call_args.kwargs
        assert payload["replace_original"] is True and payload["response_type"] == "ephemeral"
        assert payload["text"] == "Answer to mlops overview"

    def test_button_in_app_home_republishes_the_tab(self, services):
        """A browse button in App Home publishes the tab with the answer, no respond()."""
        client, respond = Mock(), Mock()
        actions.answer_button(services)(
            ack=Mock(),
            action={"value": "mlops salary"},
            respond=respond,
            client=client,
            body={"container": {"type": "view"}, "user": {"id": "U0ASKER"}},
        )
        view = client.views_publish.call_args.kwargs["view"]
        assert client.views_publish.call_args.kwargs["user_id"] == "U0ASKER"
        assert "Answer to mlops salary" in json.dumps(view["blocks"][0])
        assert not respond.called

    def test_back_button_publishes_the_plain_home(self, services):
        """Back to Home publishes the tab without an answer."""
        client = Mock()
        actions.back_button(services)(ack=Mock(), body={"user": {"id": "U0ASKER"}}, client=client)
        view = client.views_publish.call_args.kwargs["view"]
        assert view["blocks"][0]["type"] == "header"

    def test_tip_button_answers_only_the_clicker(self, services):
        """'More on ...' under a public tip sends a private answer and keeps the tip."""
        respond = Mock()
        actions.tip_button(services)(
            ack=Mock(), action={"value": "mlops-engineer best-practices"}, respond=respond
        )
        payload = respond.call_args.kwargs
        assert payload["response_type"] == "ephemeral" and payload["replace_original"] is False
        assert payload["text"] == "Answer to mlops-engineer best-practices"

    def test_whole_section_replaces_a_private_answer(self, services):
        """'Show the whole section' under a private answer expands it in place, still private."""
        respond = Mock()
        actions.full_button(services)(
            ack=Mock(),
            action={"value": "mlops-engineer salary"},
            respond=respond,
            body={"container": {"type": "message", "is_ephemeral": True}},
        )
        payload = respond.call_args.kwargs
        assert payload["replace_original"] is True and payload["response_type"] == "ephemeral"
        assert payload["text"] == "Answer to mlops-engineer salary"

    def test_whole_section_under_a_public_answer_goes_to_the_clicker_only(self, services):
        """Under a thread reply everyone sees, the section goes privately to the clicker."""
        respond = Mock()
        actions.full_button(services)(
            ack=Mock(),
            action={"value": "mlops-engineer salary"},
            respond=respond,
            body={"container": {"type": "message", "is_ephemeral": False}},
        )
        payload = respond.call_args.kwargs
        assert payload["replace_original"] is False and payload["response_type"] == "ephemeral"

    def test_answer_actions_pattern_leaves_share_back_tip_and_full_alone(self):
        """Share, Back, tip and whole-section buttons have their own listeners; others are answers."""
        pattern = actions.ANSWER_ACTIONS
        assert pattern.match("rolebot:topic:3") and pattern.match("rolebot:clarify:1")
        assert not pattern.match("rolebot:share") and not pattern.match("rolebot:home:back")
        assert not pattern.match("rolebot:tip") and not pattern.match("rolebot:full:mlops-engineer salary")
        assert actions.FULL_ACTIONS.match("rolebot:full:mlops-engineer salary")


class TestEvents:
    BODY = {"team_id": "T0TEAM"}

    def test_mention_is_answered_in_its_thread(self, services):
        """say() gets thread_ts = the mention's ts."""
        say = Mock()
        events.mention(services)(body=self.BODY, event={"text": "<@U0BOT> salary", "ts": "5.0"}, say=say)
        assert say.call_args.kwargs["thread_ts"] == "5.0"

    def test_mention_in_a_thread_uses_the_thread(self, services):
        """say() gets the thread_ts of the mention's thread."""
        say = Mock()
        events.mention(services)(
            body=self.BODY, event={"text": "x", "ts": "5.0", "thread_ts": "4.0"}, say=say
        )
        assert say.call_args.kwargs["thread_ts"] == "4.0"

    def test_direct_message_is_answered_top_level(self, services):
        """A DM outside a thread is answered with thread_ts None."""
        say = Mock()
        events.direct_message(services)(body=self.BODY, event={"text": "salary", "ts": "5.0"}, say=say)
        assert say.call_args.kwargs["thread_ts"] is None
        assert say.call_args.kwargs["text"] == "Answer to salary after 0"

    def test_a_thread_is_one_conversation_and_another_thread_another(self, services):
        """Turns of one thread reach the next message there; other threads start afresh."""
        say = Mock()
        on_mention = events.mention(services)
        for ts, thread in (("5.0", None), ("6.0", "5.0"), ("7.0", None)):
            event = {"text": "q", "ts": ts, "channel": "C1", **({"thread_ts": thread} if thread else {})}
            on_mention(body=self.BODY, event=event, say=say)
        said = [c.kwargs["text"] for c in say.call_args_list]
        assert said == ["Answer to q after 0", "Answer to q after 1", "Answer to q after 0"]

    def test_answers_carry_the_feedback_buttons(self, services):
        """The answer is recorded and its id is the value of Helpful / Not helpful."""
        say = Mock()
        events.direct_message(services)(body=self.BODY, event={"text": "salary", "ts": "5.0"}, say=say)
        votes = say.call_args.kwargs["blocks"][-1]
        assert [e["action_id"] for e in votes["elements"]] == ["rolebot:vote:up", "rolebot:vote:down"]
        services.log.flush()
        assert votes["elements"][0]["value"] in services.votes.answers


class TestVotes:
    def click(self, services, answer_id, vote="up", user="U0ASKER"):
        respond = Mock()
        actions.vote_button(services)(
            ack=Mock(),
            action={"action_id": f"rolebot:vote:{vote}", "value": answer_id},
            body={"user": {"id": user}},
            respond=respond,
        )
        return respond.call_args.kwargs

    def test_a_vote_is_thanked_privately_and_recorded_once(self, services):
        """The clicker alone is thanked; the message stays; a second vote is not counted."""
        services.votes.record_answers([{"id": "a1", "question": "q"}])
        first = self.click(services, "a1", "down")
        again = self.click(services, "a1", "up")
        assert first["response_type"] == "ephemeral" and first["replace_original"] is False
        assert first["text"] == actions.THANKS["recorded"] and again["text"] == actions.THANKS["duplicate"]
        assert services.votes.votes == [("a1", "U0ASKER", "down")]

    def test_a_forged_or_expired_answer_id_is_answered_kindly(self, services):
        """An id that was never recorded (forged, or pruned after 90 days) gets a kind word."""
        assert self.click(services, "<!channel> forged")["text"] == actions.THANKS["unknown_answer"]
        assert services.votes.votes == []


class TestHomeOpened:
    def test_publishes_home_with_subscriptions(self, kb):
        """app_home_opened publishes the Home tab with the tips service's subscriptions."""
        client = Mock()
        home.home_opened(Services(kb=kb, ask=fake_ask, tips=Tips()))(
            event={"user": "U0ASKER", "tab": "home"}, client=client
        )
        assert "<#C0TIPS>" in json.dumps(client.views_publish.call_args.kwargs["view"])

    def test_messages_tab_is_left_alone(self, services):
        """Opening the Messages tab publishes nothing."""
        client = Mock()
        home.home_opened(services)(event={"user": "U0ASKER", "tab": "messages"}, client=client)
        assert not client.views_publish.called


class TestErrorHandler:
    def test_apologises_through_response_url(self):
        """With a response_url, the apology is an ephemeral respond()."""
        respond, client, logger = Mock(response_url="https://r"), Mock(), Mock()
        errors.on_error(ValueError("boom"), {"command": "/role"}, respond, client, logger)
        assert respond.call_args.kwargs["text"] == errors.APOLOGY
        assert logger.error.called and not client.chat_postMessage.called

    def test_apologises_in_the_mentions_thread(self):
        """For a mention, the apology is posted in the mention's thread."""
        client = Mock()
        body = {"event": {"type": "app_mention", "channel": "C1", "ts": "7.0", "user": "U1"}}
        errors.on_error(ValueError("boom"), body, Mock(response_url=None), client, Mock())
        assert client.chat_postMessage.call_args.kwargs == {
            "channel": "C1",
            "thread_ts": "7.0",
            "text": errors.APOLOGY,
        }

    def test_a_failing_apology_is_only_logged(self):
        """If the apology cannot be delivered either, the handler logs and returns."""
        client, logger = Mock(), Mock()
        client.chat_postMessage.side_effect = OSError("down")
        body = {"event": {"type": "message", "channel": "D1", "ts": "7.0", "user": "U1"}}
        errors.on_error(ValueError("boom"), body, Mock(response_url=None), client, logger)
        assert logger.warning.called

    def test_describe_names_the_request_without_text_or_tokens(self):
        """describe() gives type, ids and names, never the text or token fields."""
        body = {
            "token": "secret-ish",
            "command": "/role",
            "text": "hello",
            "team_id": "T1",
            "channel_id": "C1",
            "user_id": "U1",
        }
        said = errors.describe(body)
        assert said == "type=slash_command command=/role team=T1 channel=C1 user=U1"
