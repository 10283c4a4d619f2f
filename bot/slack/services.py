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
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, NamedTuple, Protocol

import handlers
from bot.ops import metrics
from bot.store import SINGLE, ContextKey, StoreError, Team
from handlers import Reply, Turn

__all__ = ["AnswerLog", "Key", "LocalMemory", "Memory", "Services", "StoredMemory", "TipsService", "Votes"]

log = logging.getLogger("rolebot")
IDLE = timedelta(days=1)  # a conversation idle this long starts afresh
KEEP = 6  # turns kept per conversation
_RECORDED = ("answer", "compare", "unknown")  # replies that answer (or fail to answer) a question


def _whose(team: Team) -> tuple[Team, ...]:
    """The team argument of a call: none for single-workspace mode's team (the older form)."""
    return () if team == SINGLE else (team,)


def _id(value: Any) -> str:
    return str(value.get("id") or "") if isinstance(value, Mapping) else str(value or "")


class Key(NamedTuple):
    """Where a conversation happens: workspace, channel and thread (the DM itself when none),
    and the workspace's org (multi-workspace mode, Enterprise Grid)."""

    team: str
    channel: str
    thread: str
    enterprise: str = ""


class TipsService(Protocol):
    """The tips service `/role tips ...` is routed to (see bot.slack.listeners.commands)."""

    def slash(self, text: str, channel_id: str, user_id: str, team: Team = SINGLE) -> str:
        """Answer `/role tips TEXT` run in a team's channel, as mrkdwn."""

    def subscriptions(self, team: Team = SINGLE) -> list[dict[str, Any]] | str:
        """Every tip subscription of the team (channel, time, timezone, weekdays, enabled), or a
        line saying why they cannot be listed now."""


class Memory(Protocol):
    """The recent turns of each conversation."""

    def load(self, key: Key) -> list[dict[str, Any]]:
        """The conversation's turns, oldest first ([] when new or idle a day)."""

    def add(self, key: Key, turn: dict[str, Any]) -> None:
        """Add one turn to the conversation (turns added at once all land)."""


class LocalMemory:
    """Turns in this process only (tests, a single process); `serve` uses StoredMemory."""

    def __init__(self, size: int = 10_000, clock: Callable[[], float] = time.monotonic) -> None:
        self._turns: OrderedDict[Key, tuple[float, list[dict[str, Any]]]] = OrderedDict()
        self._size, self._clock, self._lock = size, clock, threading.Lock()

    def load(self, key: Key) -> list[dict[str, Any]]:
        with self._lock:
            at, turns = self._turns.get(key, (0.0, []))
            return list(turns) if self._clock() - at < IDLE.total_seconds() else []

    def add(self, key: Key, turn: dict[str, Any]) -> None:
        with self._lock:
            _, turns = self._turns.pop(key, (0.0, []))
            self._turns[key] = (self._clock(), [*turns, turn][-KEEP:])
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
            turns = self._store.load_context(ContextKey(*key), self._clock(), IDLE, keep=KEEP)
        except StoreError as exc:
            self._fault(exc)
            return []
        self._ok()
        return turns

    def add(self, key: Key, turn: dict[str, Any]) -> None:
        try:
            self._store.add_turn(ContextKey(*key), turn, self._clock())
        except StoreError as exc:
            self._fault(exc)
        else:
            self._ok()


class Votes(Protocol):
    """Where answers and votes are recorded (bot.store.Feedback)."""

    def record_answers(self, rows: list[dict[str, Any]]) -> None: ...

    def record_vote(
        self, answer_id: str, user: str, vote: str, now: datetime, team: Team = SINGLE
    ) -> str: ...


class _Vote(NamedTuple):
    answer_id: str
    user: str
    vote: str
    at: datetime
    misses: int = 0  # writes that found no such answer (it may still wait in another replica)
    team: Team = SINGLE


class AnswerLog:
    """Answers and votes kept for feedback and `report`, written in batches off the request path.

    One write per answer cost `serve` a third of its throughput (bench/load.py: 987 -> ~620
    requests/s), so answers wait here and a writer thread stores them every `interval`
    seconds, one transaction per batch. A vote first writes what this process holds, so a
    click on a fresh answer finds it; a vote reaching another replica looks again after the
    other's next write. While the database is down, answers and votes wait here (up to `limit`
    of each) and are written when it is back; what a full queue cannot hold is counted
    (rolebot_dropped_total) and logged, never dropped silently. A waiting vote whose answer is
    not found is tried again for `patience` writes (the answer may wait in another replica).
    """

    def __init__(self, votes: Votes, interval: float = 0.5, limit: int = 10_000, patience: int = 40) -> None:
        self.votes, self.interval, self._limit, self._patience = votes, interval, limit, patience
        self._rows: list[dict[str, Any]] = []
        self._votes: list[_Vote] = []
        self._lock = threading.Lock()
        self._writer: tuple[int, threading.Thread] | None = None
        self._failing = False
        self._full: set[str] = set()  # queues that overflowed during this outage (logged once)
        atexit.register(self._flush_quietly)

    def _start_writer(self) -> None:
        if self._writer is None or self._writer[0] != os.getpid():  # one writer per process
            thread = threading.Thread(target=self._write, name="rolebot-answers", daemon=True)
            self._writer = (os.getpid(), thread)
            thread.start()

    def _bound(self, queue: list[Any], name: str) -> None:
        over = len(queue) - self._limit
        if over > 0:
            del queue[:over]  # the oldest go: counted and said
            metrics.queue_overflow(name, over)
            if name not in self._full:
                self._full.add(name)
                log.error(
                    "feedback: more than %d %s waiting for the database; the oldest are dropped",
                    self._limit,
                    name,
                )

    def add(self, row: dict[str, Any]) -> None:
        """Keep one answer (written within `interval` seconds)."""
        with self._lock:
            self._rows.append(row)
            self._bound(self._rows, "answers")
            self._start_writer()

    def add_vote(self, answer_id: str, user: str, vote: str, at: datetime, team: Team = SINGLE) -> None:
        """Keep one vote (of a team) to write when the database is back."""
        with self._lock:
            self._votes.append(_Vote(answer_id, user, vote, at, team=team))
            self._bound(self._votes, "votes")
            self._start_writer()

    def waiting(self) -> tuple[int, int]:
        """How many answers and votes wait to be written."""
        with self._lock:
            return len(self._rows), len(self._votes)

    def _failed(self, exc: StoreError) -> None:
        if not self._failing:
            log.warning("feedback: database unavailable; answers and votes wait to be written (%s)", exc)
            self._failing = True

    def flush(self) -> None:
        """Write what waits now, answers then votes (StoreError: it stays, for the next try)."""
        with self._lock:
            rows, self._rows = self._rows, []
        if rows:
            try:
                self.votes.record_answers(rows)
            except StoreError as exc:
                with self._lock:
                    self._rows[:0] = rows
                    self._bound(self._rows, "answers")
                self._failed(exc)
                raise
        self._flush_votes()
        if self._failing:
            log.info("feedback: answers and votes recorded again")
            self._failing = False
        self._full.clear()

    def _flush_votes(self) -> None:
        with self._lock:
            waiting, self._votes = self._votes, []
        kept = []
        try:
            while waiting:
                v = waiting[0]
                result = self.votes.record_vote(v.answer_id, v.user, v.vote, v.at, *_whose(v.team))
                waiting.pop(0)
                if result == "unknown_answer" and v.misses < self._patience:
                    kept.append(v._replace(misses=v.misses + 1))
        except StoreError as exc:
            self._failed(exc)
            raise
        finally:
            with self._lock:
                self._votes[:0] = kept + waiting
                self._bound(self._votes, "votes")

    def _flush_quietly(self) -> None:
        with contextlib.suppress(StoreError):
            self.flush()

    def _write(self) -> None:
        while True:
            time.sleep(self.interval)
            self._flush_quietly()


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
    multi: bool = False  # multi-workspace mode: each team's data apart

    def team(self, context: Mapping[str, Any] | None, body: Mapping[str, Any] | None) -> Team:
        """Whose request it is: the installation's org and workspace (multi-workspace mode), or
        single-workspace mode's one team."""
        if not self.multi:
            return SINGLE
        context, body = context or {}, body or {}
        user = body.get("user") if isinstance(body.get("user"), Mapping) else {}
        team = (
            context.get("team_id")
            or body.get("team_id")
            or _id(body.get("team"))
            or user.get("team_id")
            or ""
        )
        return Team(str(context.get("enterprise_id") or ""), str(team))

    def key(
        self, context: Mapping[str, Any] | None, body: Mapping[str, Any], channel: str, thread: str
    ) -> Key:
        """The conversation of a message: its team's (the workspace of the event when single)."""
        team = self.team(context, body)
        if not self.multi:
            event = body.get("event") if isinstance(body.get("event"), dict) else {}
            return Key(str(body.get("team_id") or event.get("team") or ""), channel, thread)
        return Key(team.team, channel, thread, team.enterprise)

    def tips_reply(self, text: str, channel: str, user: str, team: Team = SINGLE) -> str | None:
        """The tips service's answer to `/role tips TEXT` in a team's channel (None: no tips here)."""
        return None if self.tips is None else self.tips.slash(text, channel, user, *_whose(team))

    def subscriptions(self, team: Team = SINGLE) -> list[dict[str, Any]] | None:
        """A team's tip subscriptions (None: no tips here)."""
        return None if self.tips is None else self.tips.subscriptions(*_whose(team))

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
        self.memory.add(key, turn.to_json())
        return reply, not turns

    def __post_init__(self) -> None:
        if self.log is None and self.votes is not None:
            object.__setattr__(self, "log", AnswerLog(self.votes))

    def record(self, reply: Reply, question: str, team: Team = SINGLE) -> str | None:
        """Keep a team's answer for feedback and `report`; its id for the vote buttons (None: not kept)."""
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
                "enterprise": team.enterprise,
                "team": team.team,
            }
        )
        return answer_id

    def vote(self, answer_id: str, user: str, vote: str, team: Team = SINGLE) -> str:
        """'recorded', 'duplicate', 'unknown_answer' (none such in the team), or 'unavailable'
        (feedback is off).

        While the database is down the vote waits in memory and is written when it is back
        (thanked as recorded: its outcome is known only then).
        """
        if self.votes is None or self.log is None:
            return "unavailable"
        now = datetime.now(UTC)
        try:
            self.log.flush()  # the answer may still wait to be written here
            result = self.votes.record_vote(answer_id, user, vote, now, *_whose(team))
            if result == "unknown_answer":  # or in another replica's log
                time.sleep(self.log.interval * 1.5)
                result = self.votes.record_vote(answer_id, user, vote, now, *_whose(team))
            return result
        except StoreError:
            self.log.add_vote(answer_id, user, vote, now, team)  # the log said the outage once
            return "recorded"
