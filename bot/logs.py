"""Logging for `serve`: one stderr handler that never lets a token through."""

from __future__ import annotations

import logging
import re
import sys

__all__ = ["Redact", "redact", "setup_logging"]

_SECRETS = [
    (re.compile(r"\bx(?:ox[a-z]|app)-[A-Za-z0-9-]+"), "[redacted]"),
    (re.compile(r"(\btoken=)[^&\s,)]+"), r"\1[redacted]"),
    (re.compile(r"""(["']token["']\s*:\s*["'])[^"']*"""), r"\1[redacted]"),
]
_NOISE = ("`token` will be unused",)  # Bolt reads SLACK_BOT_TOKEN itself; we pass the client


def redact(text: str) -> str:
    """Text with Slack tokens and `token` fields replaced by [redacted]."""
    for pattern, repl in _SECRETS:
        text = pattern.sub(repl, text)
    return text


class Redact(logging.Formatter):
    """A formatter passing each whole line (traceback included) through `redact`."""

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


def _not_noise(record: logging.LogRecord) -> bool:
    return not any(noise in record.getMessage() for noise in _NOISE)


def setup_logging(level: int = logging.INFO) -> None:
    """Root logging to stderr through the Redact filter."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(Redact("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(_not_noise)
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
