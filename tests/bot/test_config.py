"""Settings: single-workspace mode (a bot token) or multi-workspace mode (a client id and secret)."""

from __future__ import annotations

import pytest

from bot.config import DEFAULT_SCOPES, ConfigError, Settings

CLIENT = {
    "SLACK_CLIENT_ID": "1111111111.2222222222",
    "SLACK_CLIENT_SECRET": "0123456789abcdef0123456789abcdef",
}


class TestModes:
    def test_a_bot_token_alone_is_single_workspace_mode(self):
        """SLACK_BOT_TOKEN without a client id: one workspace, as before."""
        settings = Settings.from_env({"SLACK_BOT_TOKEN": "xoxb-1-2"})
        assert not settings.multi_workspace
        settings.require_tokens()

    def test_a_client_id_and_secret_are_multi_workspace_mode_and_win(self):
        """With the client id and secret the mode is multi-workspace, bot token or not."""
        settings = Settings.from_env({**CLIENT, "SLACK_BOT_TOKEN": "xoxb-1-2"})
        assert settings.multi_workspace and settings.require_oauth() == tuple(CLIENT.values())
        assert settings.scopes == DEFAULT_SCOPES

    def test_scopes_come_from_slack_scopes(self):
        """SLACK_SCOPES is comma-separated; a malformed one is named."""
        assert Settings.from_env({**CLIENT, "SLACK_SCOPES": "commands, chat:write"}).scopes == (
            "commands",
            "chat:write",
        )
        with pytest.raises(ConfigError, match="SLACK_SCOPES"):
            Settings.from_env({"SLACK_SCOPES": "chat write!"})

    @pytest.mark.parametrize(
        ("env", "named"),
        [
            (
                {"SLACK_CLIENT_ID": "abc", "SLACK_CLIENT_SECRET": CLIENT["SLACK_CLIENT_SECRET"]},
                "SLACK_CLIENT_ID",
            ),
            ({"SLACK_CLIENT_ID": CLIENT["SLACK_CLIENT_ID"]}, "SLACK_CLIENT_SECRET"),
            ({**CLIENT, "SLACK_CLIENT_SECRET": "short!"}, "SLACK_CLIENT_SECRET"),
            ({}, "SLACK_BOT_TOKEN"),
        ],
    )
    def test_missing_or_malformed_credentials_are_named_not_echoed(self, env, named):
        """Each fault names its variable and never its value."""
        with pytest.raises(ConfigError) as fault:
            Settings.from_env(env).require_tokens()
        assert named in str(fault.value) and CLIENT["SLACK_CLIENT_SECRET"] not in str(fault.value)


def test_half_of_the_client_credentials_beside_a_bot_token_is_single_workspace_mode():
    """A client id without its secret (or the other way round) leaves a bot token in charge."""
    for half in (
        {"SLACK_CLIENT_ID": CLIENT["SLACK_CLIENT_ID"]},
        {"SLACK_CLIENT_SECRET": "0123456789abcdef0"},
    ):
        settings = Settings.from_env({**half, "SLACK_BOT_TOKEN": "xoxb-1-2"})
        assert not settings.multi_workspace
        settings.require_tokens()
    with pytest.raises(ConfigError, match="SLACK_CLIENT_ID is not set"):
        Settings.from_env({"SLACK_CLIENT_SECRET": "0123456789abcdef0"}).require_tokens()
