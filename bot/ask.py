"""`ask`: answer questions offline, as text or JSON, one or a batch."""

from __future__ import annotations

import json
import re
import sys

import handlers
from knowledge.load import KnowledgeError, load

__all__ = ["plain", "run"]

_MRKDWN = [
    (re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])"), r"\1"),
    (re.compile(r"(?<![\w_])_(?=\S)([^_\n]+?)(?<=\S)_(?![\w_])"), r"\1"),
    (re.compile(r"<([^|>]+)\|([^>]+)>"), r"\2"),
]


def plain(text: str) -> str:
    """Slack mrkdwn -> what a person reads in a terminal."""
    for pattern, repl in _MRKDWN:
        text = pattern.sub(repl, text)
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def _query(text: str) -> str:
    return text.replace("\r", " ").replace("\n", " ")


def run(args, loader=load) -> int:
    """Answer TEXT (or each stdin line for `-`); print text or JSON; --full: the whole sections."""
    try:
        kb = loader()
    except KnowledgeError as exc:
        print(f"rolebot: knowledge base: {exc}", file=sys.stderr)
        return 2
    text = " ".join(args.text)
    full = getattr(args, "full", False)
    for query in (line.rstrip("\n") for line in sys.stdin) if text == "-" else [text]:
        reply = handlers.ask(_query(query), kb)
        if full:
            reply = handlers.expand(reply, kb)
        print(json.dumps(reply.to_json(), ensure_ascii=False) if args.json else plain(reply.text))
        sys.stdout.flush()
    return 0
