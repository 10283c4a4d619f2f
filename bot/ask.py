"""`ask`: answer questions offline, as text or JSON, one or a batch (with conversations)."""

from __future__ import annotations

import json
import re
import sys

import handlers
from knowledge.load import KnowledgeError, load

__all__ = ["encode", "plain", "run"]

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


_KEEP_TURNS = 6  # turns of a conversation kept, as in Slack threads
_THREADS = 10_000  # conversations kept at once in one batch


_JSON = json.JSONEncoder(check_circular=False, separators=(",", ":"))  # compact, ASCII-safe


def encode(reply: handlers.Reply) -> str:
    """The reply as one line of JSON (a reply is a tree of plain data: no cycles to check)."""
    return _JSON.encode(reply.to_json())


def _query(text: str) -> str:
    return text.replace("\r", " ").replace("\n", " ")


def _turn(line: str) -> tuple[str, str | None]:
    """A batch line: plain text, or {"text": ..., "thread": ID} (a turn of a conversation)."""
    if line.lstrip().startswith("{"):
        try:
            data = json.loads(line)
        except ValueError:
            return line, None
        if isinstance(data, dict) and isinstance(data.get("text"), str):
            thread = data.get("thread")
            return data["text"], None if thread is None or isinstance(thread, bool) else str(thread)
    return line, None


def _answer(query: str, thread: str | None, threads: dict, kb, full: bool) -> handlers.Reply:
    """One line's reply; a thread's turns are kept in `threads`."""
    if thread is None:
        reply = handlers.ask(_query(query), kb)
    else:
        turns = threads.pop(thread, [])
        reply, turn = handlers.converse(_query(query), kb, turns)
        threads[thread] = [*turns, turn][-_KEEP_TURNS:]  # most recent last
        if len(threads) > _THREADS:
            del threads[next(iter(threads))]
    return handlers.expand(reply, kb) if full else reply


def run(args, loader=load) -> int:
    """Answer TEXT (or each stdin line for `-`); print text or JSON; --full: the whole sections."""
    try:
        kb = loader()
    except KnowledgeError as exc:
        print(f"rolebot: knowledge base: {exc}", file=sys.stderr)
        return 2
    text = " ".join(args.text)
    full = getattr(args, "full", False)
    threads: dict[str, list[handlers.Turn]] = {}
    for line in (line.rstrip("\n") for line in sys.stdin) if text == "-" else [text]:
        query, thread = _turn(line) if text == "-" else (line, None)
        try:
            reply = _answer(query, thread, threads, kb, full)
        except Exception as exc:  # a bug must cost one line, never the rest of the batch
            print(f"rolebot: could not answer {query[:60]!r}: {type(exc).__name__}: {exc}", file=sys.stderr)
            reply = handlers.sorry()
        print(encode(reply) if args.json else plain(reply.text))
        sys.stdout.flush()
    return 0
