"""The few HTML pages `serve` shows a person (multi-workspace mode's install pages)."""

from __future__ import annotations

import html

__all__ = ["OAUTH_DOWN", "page"]


def page(title: str, *paragraphs: str) -> str:
    """A small HTML page; the paragraphs are HTML already (escape what comes from outside)."""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title>"
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        "<style>body{font-family:system-ui,sans-serif;max-width:36em;margin:4em auto;padding:0 1em;"
        "line-height:1.5}.button{display:inline-block;padding:.6em 1.2em;border-radius:6px;"
        "background:#4a154b;color:#fff;font-weight:600;text-decoration:none}</style></head>"
        f"<body><h1>{html.escape(title)}</h1>{body}</body></html>"
    )


OAUTH_DOWN = page(
    "rolebot is not available right now",
    "rolebot could not reach its database, so nothing was installed. Please try again in a few minutes.",
)
