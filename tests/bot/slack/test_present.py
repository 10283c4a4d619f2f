"""Replies become Slack payloads within limits, with no live pings."""

from __future__ import annotations

import json

from bot.slack import present
from handlers import Reply


def reply(text="Hi", blocks=None, query="mlops salary") -> Reply:
    return Reply(intent="answer", text=text, blocks=blocks or [], query=query)


BUTTONS = [
    {
        "type": "section",
        "text": {"type": "mrkdwn", "text": "Answer"},
        "accessory": {
            "type": "button",
            "action_id": "rolebot:topic:0",
            "value": "x",
            "text": {"type": "plain_text", "text": "x"},
        },
    },
    {
        "type": "actions",
        "elements": [
            {
                "type": "button",
                "action_id": "rolebot:topic:1",
                "value": "y",
                "text": {"type": "plain_text", "text": "y"},
            }
        ],
    },
]


class TestEscape:
    def test_ampersand_first_then_angle_brackets(self):
        """& is escaped before < and >, so nothing is escaped twice."""
        assert present.escape("<!channel> & <@U1>") == "&lt;!channel&gt; &amp; &lt;@U1&gt;"


class TestDefuse:
    def test_pings_in_texts_become_inert(self):
        """<!here> and <@U…> anywhere in block texts lose their opening bracket."""
        blocks = [{"type": "section", "text": {"type": "mrkdwn", "text": "<!here> <@U1> <https://x|x>"}}]
        text = present.defuse(blocks)[0]["text"]["text"]
        assert text == "&lt;!here> &lt;@U1> <https://x|x>"

    def test_button_values_are_left_alone(self):
        """Values (queries) are data, not text shown to anyone."""
        block = {"type": "actions", "elements": [{"type": "button", "value": "<@U1>", "action_id": "a"}]}
        assert present.defuse(block)["elements"][0]["value"] == "<@U1>"


class TestEphemeral:
    def test_adds_a_share_button_carrying_the_query(self):
        """The last block is the Share button whose value is reply.query."""
        payload = present.ephemeral(reply(blocks=list(BUTTONS)))
        assert payload["response_type"] == "ephemeral"
        (button,) = payload["blocks"][-1]["elements"]
        assert (button["action_id"], button["value"]) == ("rolebot:share", "mlops salary")

    def test_falls_back_to_the_asked_text_without_a_query(self):
        """A reply without a query shares the text that was asked."""
        payload = present.ephemeral(reply(query=""), " mlops salary ")
        assert payload["blocks"][-1]["elements"][0]["value"] == "mlops salary"

    def test_no_share_button_for_an_oversized_query(self):
        """A query longer than a button value may be gets no Share button."""
        payload = present.ephemeral(reply(query="q" * 2001))
        assert "rolebot:share" not in json.dumps(payload)

    def test_keeps_within_fifty_blocks(self):
        """Fifty blocks plus the Share button still make at most fifty blocks."""
        many = [{"type": "divider"}] * 60
        assert len(present.ephemeral(reply(blocks=many))["blocks"]) == 50

    def test_long_plain_text_is_split_into_sections(self):
        """12 000 characters without blocks become sections of at most 3 000 characters."""
        payload = present.ephemeral(reply(text="word " * 2400))
        sections = [b for b in payload["blocks"] if b["type"] == "section"]
        assert len(sections) >= 4
        assert all(len(b["text"]["text"]) <= 3000 for b in sections)
        assert len(payload["text"]) <= 3000


class TestShared:
    def test_is_for_everyone_without_buttons(self):
        """A shared reply is in_channel, keeps its text and loses rolebot's buttons."""
        payload = present.shared(reply(blocks=list(BUTTONS)), "U0ASKER")
        assert payload["response_type"] == "in_channel" and payload["replace_original"] is False
        assert "rolebot:" not in json.dumps(payload["blocks"])
        assert payload["blocks"][0]["text"]["text"] == "Answer"
        assert "<@U0ASKER>" in payload["blocks"][-1]["elements"][0]["text"]

    def test_a_strange_user_id_is_not_echoed(self):
        """Only a well-formed user id is written as a mention."""
        payload = present.shared(reply(), "<!channel>")
        assert "<!channel>" not in json.dumps(payload)


class TestReplacement:
    def test_ephemeral_original_stays_ephemeral_with_share(self):
        """Replacing an ephemeral message keeps it private and shareable."""
        payload = present.replacement(reply(), is_ephemeral=True)
        assert payload["replace_original"] is True and payload["response_type"] == "ephemeral"
        assert "rolebot:share" in json.dumps(payload)

    def test_public_original_has_no_share_button(self):
        """Replacing a public message (a mention's answer) adds no Share button."""
        payload = present.replacement(reply(), is_ephemeral=False)
        assert payload["replace_original"] is True and "rolebot:share" not in json.dumps(payload)
