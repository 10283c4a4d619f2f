"""manifest.yml declares everything the Slack app uses."""

from pathlib import Path

import pytest
import yaml

MANIFEST = Path(__file__).resolve().parents[3] / "manifest.yml"
URL = "https://YOUR-HOST/slack/events"


@pytest.fixture(scope="module")
def manifest():
    return yaml.safe_load(MANIFEST.read_text())


class TestManifest:
    def test_slash_command_posts_to_the_events_endpoint(self, manifest):
        """/role is declared with the /slack/events request URL."""
        (command,) = manifest["features"]["slash_commands"]
        assert command["command"] == "/role" and command["url"] == URL

    def test_events_interactivity_and_scopes(self, manifest):
        """The events, interactivity and the bot scopes the listeners need."""
        settings = manifest["settings"]
        assert settings["event_subscriptions"]["request_url"] == URL
        assert set(settings["event_subscriptions"]["bot_events"]) == {
            "app_mention",
            "message.im",
            "app_home_opened",
            "assistant_thread_started",
            "assistant_thread_context_changed",
            "app_uninstalled",
            "tokens_revoked",
        }
        assert settings["interactivity"] == {"is_enabled": True, "request_url": URL}
        assert {"commands", "app_mentions:read", "chat:write", "im:history", "im:read", "im:write"} <= set(
            manifest["oauth_config"]["scopes"]["bot"]
        )

    def test_assistant_view_with_its_scope(self, manifest):
        """The assistant view is on and the bot may set its status, title and prompts."""
        assert manifest["features"]["assistant_view"]["assistant_description"]
        assert "assistant:write" in manifest["oauth_config"]["scopes"]["bot"]

    def test_oauth_redirect_and_default_scopes(self, manifest):
        """Add to Slack redirects to /slack/oauth_redirect; SLACK_SCOPES defaults to the manifest's."""
        from bot.config import DEFAULT_SCOPES

        oauth = manifest["oauth_config"]
        assert oauth["redirect_urls"] == ["https://YOUR-HOST/slack/oauth_redirect"]
        assert list(DEFAULT_SCOPES) == oauth["scopes"]["bot"]

    def test_home_tab_on_and_socket_mode_off(self, manifest):
        """The Home tab is enabled; Socket Mode is off by default."""
        assert manifest["features"]["app_home"]["home_tab_enabled"] is True
        assert manifest["settings"]["socket_mode_enabled"] is False
