"""Logs never carry tokens."""

import logging

from bot.ops.logs import Redact, redact


class TestRedact:
    def test_slack_tokens_are_redacted(self):
        """xoxb-, xoxp- and xapp- tokens become [redacted]."""
        assert redact("a xoxb-1-2-abc b xapp-1-A-2-c") == "a [redacted] b [redacted]"

    def test_token_fields_are_redacted(self):
        """token=… form fields and "token": "…" JSON fields lose their values."""
        said = redact('token=abc&x=1 {"token": "def"}')
        assert "abc" not in said and "def" not in said and "x=1" in said

    def test_formatter_redacts_tracebacks_too(self):
        """A logged exception mentioning a token is redacted in the traceback."""
        try:
            raise ValueError("bad xoxb-9-9-secret")
        except ValueError as exc:
            record = logging.LogRecord(
                "t", logging.ERROR, __file__, 1, "failed", None, (type(exc), exc, exc.__traceback__)
            )
        assert "xoxb-9-9-secret" not in Redact().format(record)
