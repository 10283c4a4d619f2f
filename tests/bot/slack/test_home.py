"""The App Home view: roles and topics to browse, examples, tip subscriptions."""

from __future__ import annotations

import json

import handlers
from bot.slack.home import BACK_ACTION, EXAMPLES, MAX_VIEW_BLOCKS, home_view, subscription_line


def buttons(view):
    return [e for b in view["blocks"] for e in b.get("elements", []) if e.get("type") == "button"]


class TestHomeView:
    def test_every_role_and_topic_can_be_browsed(self, kb):
        """Each role has a button per topic whose value is "<role> <topic>"."""
        values = {b["value"] for b in buttons(home_view(kb, None))}
        assert {f"{r} {t}" for r in kb.roles for t in kb.topics} <= values

    def test_action_ids_are_unique_and_rolebots(self, kb):
        """Every button's action_id is unique in the view and starts with rolebot:."""
        ids = [b["action_id"] for b in buttons(home_view(kb, []))]
        assert len(ids) == len(set(ids)) and all(i.startswith("rolebot:") for i in ids)

    def test_shows_example_commands(self, kb):
        """The view lists /role examples."""
        assert "`/role mlops salary`" in json.dumps(home_view(kb, None))

    def test_every_example_gets_the_reply_it_promises(self):
        """Each example the Home tab tells people to type answers as it says (tips: in a channel)."""
        from knowledge.load import load

        kb = load()  # the packaged knowledge base: the examples name its roles
        promised = {"list": "list", "help": "help"}
        for example in EXAMPLES:
            words = example.removeprefix("@rolebot ").split()
            if words[-1] == "tips":
                continue  # a channel command, answered by the Slack app (tests/bot/slack/test_listeners.py)
            reply = handlers.ask(example.removeprefix("@rolebot "), kb)
            assert reply.intent == promised.get(words[-1], reply.intent)
            assert reply.intent in ("answer", "compare", "list", "help") and "couldn't tell" not in reply.text

    def test_says_when_tips_are_not_configured(self, kb):
        """Without a tips service the Tips section says they are not configured."""
        assert "not configured" in json.dumps(home_view(kb, None))

    def test_tips_that_cannot_be_listed_say_why(self, kb):
        """While the database is down the Tips section says so instead of listing channels."""
        assert "unavailable for a moment" in json.dumps(
            home_view(kb, "Daily tips are unavailable for a moment.")
        )

    def test_lists_tip_subscriptions(self, kb):
        """Each subscription is one line with channel, time, zone and days."""
        subs = [
            {
                "channel": "C0TIPS",
                "time": "09:00",
                "timezone": "Europe/Berlin",
                "weekdays": ["Mon", "Wed"],
                "enabled": False,
            }
        ]
        assert "<#C0TIPS> at 09:00 Europe/Berlin on Mon, Wed _(paused)_" in json.dumps(home_view(kb, subs))

    def test_an_answer_goes_on_top_with_a_back_button(self, kb):
        """A browsed answer comes first, followed by a Back button."""
        answer = [{"type": "section", "text": {"type": "mrkdwn", "text": "The answer"}}]
        view = home_view(kb, None, answer)
        assert view["blocks"][0] == answer[0]
        assert view["blocks"][1]["elements"][0]["action_id"] == BACK_ACTION

    def test_never_exceeds_the_view_block_limit(self, kb):
        """A 50-block answer plus the menu stays within 100 blocks."""
        answer = [{"type": "divider"}] * 50
        assert len(home_view(kb, None, answer)["blocks"]) <= MAX_VIEW_BLOCKS


class TestSubscriptionLine:
    def test_user_supplied_fields_are_escaped(self):
        """A channel or zone that is not an id cannot ping."""
        line = subscription_line({"channel": "<!channel>", "time": "<!here>", "timezone": "&"})
        assert "<!" not in line and "&amp;" in line

    def test_weekdays_as_text_are_kept(self):
        """A weekdays string is shown as it is."""
        assert subscription_line(
            {"channel": "C1X", "time": "8:00", "timezone": "UTC", "weekdays": "Mon-Fri"}
        ).endswith("on Mon-Fri")

    def test_a_full_week_reads_every_day(self):
        """Seven weekdays are shown as "every day"."""
        days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        assert subscription_line(
            {"channel": "C1X", "time": "8:00", "timezone": "UTC", "weekdays": days}
        ).endswith("on every day")

    def test_a_flagged_channel_shows_the_problem(self):
        """A subscription flagged by the tips service (e.g. not_in_channel) says so."""
        line = subscription_line(
            {"channel": "C1X", "time": "8:00", "timezone": "UTC", "flag": "not_in_channel"}
        )
        assert line.endswith(":warning: not_in_channel")
