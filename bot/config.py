"""Settings from the environment, checked once; a fault is one line naming the variable."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass

__all__ = ["ConfigError", "Settings", "DEFAULT_API_URL", "DEFAULT_DATABASE_URL", "DEFAULT_SCOPES"]

DEFAULT_API_URL = "https://slack.com/api/"
_BOT_TOKEN = re.compile(r"^xoxb-[A-Za-z0-9-]+$")
_APP_TOKEN = re.compile(r"^xapp-[A-Za-z0-9-]+$")
_SECRET = re.compile(r"^[A-Za-z0-9]{16,}$")
_DATABASE_URL = re.compile(r"^(sqlite:///.+|(postgres|postgresql|postgresql\+psycopg)://\S+)$")
DEFAULT_DATABASE_URL = "sqlite:///rolebot.db"
# the bot scopes manifest.yml asks for (tests/bot/slack/test_manifest.py keeps them equal)
DEFAULT_SCOPES = (
    "commands",
    "app_mentions:read",
    "chat:write",
    "im:history",
    "im:read",
    "im:write",
    "channels:history",
    "groups:history",
    "assistant:write",
)
_CLIENT_ID = re.compile(r"^[0-9]+\.[0-9]+$")
_SCOPE = re.compile(r"^[a-z_]+(:[a-z_.]+)*$")


class ConfigError(Exception):
    """A missing or malformed setting: the message names the variable, never its value."""


@dataclass(frozen=True)
class Settings:
    """Everything rolebot reads from the environment (see ../shared/CONTRACTS.md)."""

    bot_token: str | None = None
    signing_secret: str | None = None
    app_token: str | None = None
    api_url: str = DEFAULT_API_URL
    database_url: str = DEFAULT_DATABASE_URL
    port: int = 3000
    port_set: bool = False  # PORT was given (Socket Mode then serves the ops endpoints on it)
    metrics_token: str | None = None
    log_format: str = "text"
    client_id: str | None = None
    client_secret: str | None = None
    scopes: tuple[str, ...] = DEFAULT_SCOPES

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        """Read the environment; raise ConfigError on a malformed value."""
        env = os.environ if env is None else env
        port_text = env.get("PORT", "").strip() or "3000"
        if not port_text.isdigit() or not 0 < int(port_text) < 65536:
            raise ConfigError("PORT must be a port number (1-65535)")
        api_url = env.get("SLACK_API_URL", "").strip() or DEFAULT_API_URL
        if not re.match(r"^https?://", api_url):
            raise ConfigError("SLACK_API_URL must start with http:// or https://")
        database_url = env.get("DATABASE_URL", "").strip() or DEFAULT_DATABASE_URL
        if not _DATABASE_URL.match(database_url):  # the value may hold a password: never echoed
            raise ConfigError(
                "DATABASE_URL must look like sqlite:///PATH or postgresql://USER:PASSWORD@HOST/NAME"
            )
        log_format = env.get("LOG_FORMAT", "").strip().lower() or "text"
        if log_format not in ("text", "plain", "json"):
            raise ConfigError("LOG_FORMAT must be json or text")
        scopes = tuple(s.strip() for s in env.get("SLACK_SCOPES", "").split(",") if s.strip())
        if not all(_SCOPE.match(s) for s in scopes):
            raise ConfigError("SLACK_SCOPES must be comma-separated scope names (commands,chat:write,...)")
        return cls(
            client_id=env.get("SLACK_CLIENT_ID", "").strip() or None,
            client_secret=env.get("SLACK_CLIENT_SECRET", "").strip() or None,
            scopes=scopes or DEFAULT_SCOPES,
            bot_token=env.get("SLACK_BOT_TOKEN", "").strip() or None,
            signing_secret=env.get("SLACK_SIGNING_SECRET", "").strip() or None,
            app_token=env.get("SLACK_APP_TOKEN", "").strip() or None,
            api_url=api_url if api_url.endswith("/") else api_url + "/",
            database_url=database_url,
            port=int(port_text),
            port_set=bool(env.get("PORT", "").strip()),
            metrics_token=env.get("METRICS_TOKEN", "").strip() or None,
            log_format="json" if log_format == "json" else "text",
        )

    @property
    def multi_workspace(self) -> bool:
        """Multi-workspace mode ("Add to Slack"): SLACK_CLIENT_ID and SLACK_CLIENT_SECRET are set."""
        return self.client_id is not None and self.client_secret is not None

    def require_oauth(self) -> tuple[str, str]:
        """The client id and secret of multi-workspace mode, or ConfigError."""
        if self.client_id is None:
            raise ConfigError("SLACK_CLIENT_ID is not set (needed with SLACK_CLIENT_SECRET)")
        if not _CLIENT_ID.match(self.client_id):
            raise ConfigError("SLACK_CLIENT_ID is malformed (expected digits.digits, from Basic Information)")
        if self.client_secret is None:
            raise ConfigError("SLACK_CLIENT_SECRET is not set (needed with SLACK_CLIENT_ID)")
        if not _SECRET.match(self.client_secret):
            raise ConfigError("SLACK_CLIENT_SECRET is malformed (expected hex characters)")
        return self.client_id, self.client_secret

    def require_tokens(self) -> None:
        """The Web API credentials of the mode: the client id and secret, else the bot token
        (half of the client credentials without a bot token: the missing half is named)."""
        if self.multi_workspace or (self.bot_token is None and (self.client_id or self.client_secret)):
            self.require_oauth()
        else:
            self.require_bot_token()

    @property
    def socket_mode(self) -> bool:
        """Socket Mode is chosen by setting SLACK_APP_TOKEN."""
        return self.app_token is not None

    def require_bot_token(self) -> str:
        """The bot token, or ConfigError if it is missing or malformed."""
        if self.bot_token is None:
            raise ConfigError("SLACK_BOT_TOKEN is not set (a bot token, xoxb-...)")
        if not _BOT_TOKEN.match(self.bot_token):
            raise ConfigError("SLACK_BOT_TOKEN is malformed (expected xoxb-...)")
        return self.bot_token

    def require_signing_secret(self) -> str:
        """The signing secret, or ConfigError if it is missing or malformed."""
        if self.signing_secret is None:
            raise ConfigError("SLACK_SIGNING_SECRET is not set (needed in HTTP mode)")
        if not _SECRET.match(self.signing_secret):
            raise ConfigError("SLACK_SIGNING_SECRET is malformed (expected hex characters)")
        return self.signing_secret

    def require_app_token(self) -> str:
        """The app-level token, or ConfigError if it is malformed."""
        if self.app_token is None or not _APP_TOKEN.match(self.app_token):
            raise ConfigError("SLACK_APP_TOKEN is malformed (expected xapp-...)")
        return self.app_token
