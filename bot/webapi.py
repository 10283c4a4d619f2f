"""The one place a Slack Web API client is made: base URL and retry policy."""

from __future__ import annotations

from slack_sdk import WebClient
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
)

from bot.config import Settings

__all__ = ["make_client"]


def make_client(settings: Settings, *, rate_limit_retries: int = 3, timeout: int = 10) -> WebClient:
    """A WebClient on settings.api_url that waits out 429 Retry-After and retries resets."""
    return WebClient(
        token=settings.require_bot_token(),
        base_url=settings.api_url,
        timeout=timeout,
        retry_handlers=[
            ConnectionErrorRetryHandler(max_retry_count=1),
            RateLimitErrorRetryHandler(max_retry_count=rate_limit_retries),
        ],
    )
