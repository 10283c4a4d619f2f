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


class TestLogLines:
    def _emit(self, capsys, fmt: str, name: str, message: str, exc: bool = False) -> str:
        from bot.ops.logs import setup_logging

        root = logging.getLogger()
        saved = root.handlers[:], root.level
        try:
            setup_logging(fmt=fmt)
            logger = logging.getLogger(name)
            if exc:
                try:
                    raise ValueError("boom xoxb-1-2-secret")
                except ValueError:
                    logger.exception(message)
            else:
                logger.error(message)
        finally:
            root.handlers[:], _ = saved
            root.setLevel(saved[1])
        return capsys.readouterr().err

    def test_json_lines_carry_the_request(self, capsys):
        """LOG_FORMAT=json: one JSON object per line with time, level, event id, team, kind, message."""
        import json

        from bot.ops.logs import end_request, start_request

        start_request("mention", "Ev123", "T0TEAM")
        try:
            out = self._emit(capsys, "json", "rolebot", "failed xoxb-1-2-secret", exc=True)
        finally:
            end_request()
        (line,) = out.splitlines()
        record = json.loads(line)
        assert {k: record[k] for k in ("level", "event_id", "team", "kind")} == {
            "level": "ERROR",
            "event_id": "Ev123",
            "team": "T0TEAM",
            "kind": "mention",
        }
        assert record["time"] and "secret" not in line and "Traceback" in record["exc"]

    def test_slack_sdk_does_not_echo_a_failed_call(self, capsys):
        """slack_sdk's own ERROR line about a failed request is dropped (rolebot logs the failure)."""
        out = self._emit(
            capsys,
            "text",
            "slack_sdk.web.base_client",
            "Failed to send a request to Slack API server: timed out",
        )
        assert out == ""
        assert "other" in self._emit(capsys, "text", "slack_sdk.web.base_client", "other")


class TestOAuthSecrets:
    def test_client_secret_refresh_token_and_code_are_redacted(self):
        """client_secret=, refresh_token, an OAuth code and Basic credentials lose their values."""
        said = redact(
            'client_secret=0123abcd&code=42.99.abc {"refresh_token": "xoxe-1-zzz"} '
            "Authorization: Basic MTIzOnNlY3JldA== "
            "Failed to fetch oauth.v2.access result with code: 42.99.abc"
        )
        for secret in ("0123abcd", "42.99.abc", "xoxe-1-zzz", "MTIzOnNlY3JldA=="):
            assert secret not in said

    def test_slack_sdk_and_bolt_never_log_debug(self):
        """setup_logging keeps slack_sdk and slack_bolt at INFO even when the root logs DEBUG."""
        from bot.ops.logs import setup_logging

        root = logging.getLogger()
        handlers, level = root.handlers[:], root.level
        try:
            setup_logging(logging.DEBUG)
            for name in ("slack_sdk", "slack_bolt", "slack_sdk.web.base_client"):
                assert not logging.getLogger(name).isEnabledFor(logging.DEBUG)
        finally:
            root.handlers[:], root.level = handlers, level
