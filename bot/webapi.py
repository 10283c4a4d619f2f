"""The one place a Slack Web API client is made: base URL, retry policy, failures counted."""

from __future__ import annotations

from typing import Any

from slack_sdk import WebClient
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
)

from bot.config import Settings
from bot.ops import metrics

__all__ = ["CountingClient", "counting", "make_client"]


class CountingClient(WebClient):
    """A WebClient that counts each failed call by method (rolebot_webapi_errors)."""

    def api_call(self, api_method: str, **kwargs: Any) -> Any:  # type: ignore[override]
        try:
            return super().api_call(api_method, **kwargs)
        except Exception:
            metrics.webapi_error(api_method)
            raise


def counting(client: WebClient) -> WebClient:
    """The same client, now counting its failures (Bolt makes a plain WebClient per request, a
    copy of the app's: this turns it into a CountingClient in place, with no copy made)."""
    if type(client) is WebClient:
        client.__class__ = CountingClient
    return client


def make_client(
    settings: Settings, *, rate_limit_retries: int = 3, timeout: int = 10, token: str | None = None
) -> WebClient:
    """A WebClient on settings.api_url that waits out 429 Retry-After and retries resets.

    Its token: `token`, else the bot token in single-workspace mode, else none (multi-workspace
    mode: each request's client gets its team's token from the installation).
    """
    if token is None and not settings.multi_workspace:
        token = settings.require_bot_token()
    return CountingClient(
        token=token,
        base_url=settings.api_url,
        timeout=timeout,
        retry_handlers=[
            ConnectionErrorRetryHandler(max_retry_count=1),
            RateLimitErrorRetryHandler(max_retry_count=rate_limit_retries),
        ],
    )
