"""What the listeners need: the knowledge base, answering, conversations, feedback, tips."""

from __future__ import annotations

import atexit
import contextlib
import logging
import os
import threading
import time
import uuid
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, NamedTuple, Protocol

import handlers
from bot.ops import metrics
from bot.store import ContextKey, StoreError
from handlers import Reply, Turn

__all__ = ["AnswerLog", "Key", "LocalMemory", "Memory", "Services", "StoredMemory", "TipsService", "Votes"]

log = logging.getLogger("rolebot")
IDLE = timedelta(days=1)  # a conversation idle this long starts afresh
KEEP = 6  # turns kept per conversation
_RECORDED = ("answer", "compare", "unknown")  # replies that answer (or fail to answer) a question


class Key(NamedTuple):
    """Where a conversation happens: workspace, channel and thread (the DM itself when none)."""

    team: str
    channel: str
    thread: str


class TipsService(Protocol):
    """The tips service `/role tips ...` is routed to (see bot.slack.listeners.commands)."""

    def slash(self, text: str, channel_id: str, user_id: str) -> str:
        """Answer `/role tips TEXT` as mrkdwn."""

    def subscriptions(self) -> list[dict[str, Any]]:
        """Every tip subscription of the workspace (channel, time, timezone, weekdays, enabled)."""


class Memory(Protocol):
    """The recent turns of each conversation."""

    def load(self, key: Key) -> list[dict[str, Any]]:
        """The conversation's turns, oldest first ([] when new or idle a day)."""

    def save(self, key: Key, turns: list[dict[str, Any]]) -> None:
        """Keep the conversation's turns."""


class LocalMemory:
    """Turns in this process only (tests, a single process); `serve` uses StoredMemory."""

    def __init__(self, size: int = 10_000, clock: Callable[[], float] = time.monotonic) -> None:
        self._turns: OrderedDict[Key, tuple[float, list[dict[str, Any]]]] = OrderedDict()
        self._size, self._clock, self._lock = size, clock, threading.Lock()

    def load(self, key: Key) -> list[dict[str, Any]]:
        with self._lock:
            at, turns = self._turns.get(key, (0.0, []))
            return list(turns) if self._clock() - at < IDLE.total_seconds() else []

    def save(self, key: Key, turns: list[dict[str, Any]]) -> None:
        with self._lock:
            self._turns.pop(key, None)
            self._turns[key] = (self._clock(), list(turns)[-KEEP:])
            while len(self._turns) > self._size:
                self._turns.popitem(last=False)


class StoredMemory:
    """Turns in the database every worker and replica shares (bot.store.Conversations).

    A database fault never stops an answer: the turn is answered without context and the
    fault is logged once until the database works again.
    """

    def __init__(self, conversations: Any, clock: Callable[[], datetime] = lambda: datetime.now(UTC)) -> None:
        self._store, self._clock, self._failing = conversations, clock, False

    def _ok(self) -> None:
        if self._failing:
            log.info("conversations: the database works again")
            self._failing = False

    def _fault(self, exc: Exception) -> None:
        if not self._failing:
            log.warning("conversations: database unavailable, answering without context (%s)", exc)
            self._failing = True

    def load(self, key: Key) -> list[dict[str, Any]]:
        try:
            turns = self._store.load_context(ContextKey(*key), self._clock(), IDLE)
        except StoreError as exc:
            self._fault(exc)
            return []
        self._ok()
        return turns

    def save(self, key: Key, turns: list[dict[str, Any]]) -> None:
        try:
            self._store.save_context(ContextKey(*key), turns, self._clock(), keep=KEEP)
        except StoreError as exc:
            self._fault(exc)
        else:
            self._ok()


class Votes(Protocol):
    """Where answers and votes are recorded (bot.store.Feedback)."""

    def record_answers(self, rows: list[dict[str, Any]]) -> None: ...

    def record_vote(self, answer_id: str, user: str, vote: str, now: datetime) -> str: ...


class AnswerLog:
    """Answers kept for feedback and `report`, written in batches off the request path.

    One write per answer cost `serve` a third of its throughput (bench/load.py: 987 -> ~620
    requests/s), so answers wait here and a writer thread stores them every `interval`
    seconds, one transaction per batch. A vote first writes what this process holds, so a
    click on a fresh answer finds it; a vote reaching another replica looks again after the
    other's next write. Up to `limit` answers wait while the database is
    down; beyond that the oldest go (the log is a report, not the answers themselves).
    """

    def __init__(self, votes: Votes, interval: float = 0.5, limit: int = 10_000) -> None:
        self.votes, self.interval, self._limit = votes, interval, limit
        self._rows: list[dict[str, Any]] = []
        self._lock = threading.Lock()
        self._writer: tuple[int, threading.Thread] | None = None
        self._failing = False
        atexit.register(self.flush)

    def add(self, row: dict[str, Any]) -> None:
        """Keep one answer (written within `interval` seconds)."""
        with self._lock:
            self._rows.append(row)
            del self._rows[: max(0, len(self._rows) - self._limit)]
            if self._writer is None or self._writer[0] != os.getpid():  # one writer per process
                thread = threading.Thread(target=self._write, name="rolebot-answers", daemon=True)
                self._writer = (os.getpid(), thread)
                thread.start()

    def flush(self) -> None:
        """Write what waits now (StoreError: it stays, for the next try)."""
        with self._lock:
            rows, self._rows = self._rows, []
        if not rows:
            return
        try:
            self.votes.record_answers(rows)
        except StoreError as exc:
            with self._lock:
                self._rows[:0] = rows
                del self._rows[: max(0, len(self._rows) - self._limit)]
            if not self._failing:
                log.warning("feedback: answers not recorded yet, will retry (%s)", exc)
                self._failing = True
            raise
        if self._failing:
            log.info("feedback: answers recorded again")
            self._failing = False

    def _write(self) -> None:
        while True:
            time.sleep(self.interval)
            with contextlib.suppress(StoreError):
                self.flush()


@dataclass(frozen=True)
class Services:
    """The knowledge base, answering (replaceable in tests), conversations, feedback and tips."""

    kb: Any
    ask: Callable[[str, Any], Reply] = handlers.ask
    tips: TipsService | None = None
    converse: Callable[[str, Any, list[Turn]], tuple[Reply, Turn]] = handlers.converse
    memory: Memory = field(default_factory=LocalMemory)
    votes: Votes | None = None
    log: AnswerLog | None = None  # made from `votes` when not given

    def answer(self, text: str) -> Reply:
        """The reply to one query, with no conversation (buttons, `/role`)."""
        reply = self.ask(text, self.kb)
        metrics.reply(reply.intent, covered=reply.intent != "unknown")
        return reply

    def answer_in(self, text: str, key: Key) -> tuple[Reply, bool]:
        """The reply to a message of a conversation, and whether it was its first turn."""
        turns = [t for t in map(Turn.from_json, self.memory.load(key)) if t is not None]
        reply, turn = self.converse(text, self.kb, turns)
        metrics.reply(reply.intent, covered=reply.intent != "unknown")
        self.memory.save(key, [*(t.to_json() for t in turns), turn.to_json()][-KEEP:])
        return reply, not turns

    def __post_init__(self) -> None:
        if self.log is None and self.votes is not None:
            object.__setattr__(self, "log", AnswerLog(self.votes))

    def record(self, reply: Reply, question: str) -> str | None:
        """Keep an answer for feedback and `report`; its id for the vote buttons (None: not kept)."""
        if self.log is None or reply.intent not in _RECORDED:
            return None
        answer_id = uuid.uuid4().hex
        self.log.add(
            {
                "id": answer_id,
                "created_at": datetime.now(UTC),
                "question": question,
                "intent": reply.intent,
                "roles": reply.roles,
                "topic": reply.topic,
                "covered": reply.intent != "unknown",
            }
        )
        return answer_id

    def vote(self, answer_id: str, user: str, vote: str) -> str:
        """'recorded', 'duplicate', 'unknown_answer', or 'unavailable' (no database now)."""
        if self.votes is None:
            return "unavailable"
        try:
            if self.log is not None:
                self.log.flush()  # the answer may still wait to be written here
            result = self.votes.record_vote(answer_id, user, vote, datetime.now(UTC))
            if result == "unknown_answer" and self.log is not None:  # or in another replica's log
                time.sleep(self.log.interval * 1.5)
                result = self.votes.record_vote(answer_id, user, vote, datetime.now(UTC))
            return result
        except StoreError as exc:
            log.warning("feedback: vote not recorded (%s)", exc)
            return "unavailable"
