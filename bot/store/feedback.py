"""Feedback: each answer given, and people's votes on it, for `report`.

An answer is kept with the question, what rolebot made of it (intent, roles, topic) and
whether the knowledge base covered it. A vote is 'up' or 'down', one per person and answer;
the person is kept only as a SHA-256 of their Slack user id, never a name or token. Rows older
than 90 days are pruned (`prune`, and every few hundred answers recorded).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import case, delete, func, select

from bot.store.db import Database
from bot.store.records import SINGLE, Team
from bot.store.schema import answers, votes
from bot.store.teams import installed

__all__ = ["KEEP_FOR", "VOTES", "Asked", "Feedback", "Report"]

KEEP_FOR = timedelta(days=90)
VOTES = ("up", "down")
_MAX_QUESTION = 4000


@dataclass(frozen=True)
class Asked:
    """One answer in a report: the question, when, how it was read, and its votes."""

    question: str
    at: datetime
    intent: str
    roles: tuple[str, ...]
    topic: str | None
    up: int = 0
    down: int = 0


@dataclass(frozen=True)
class Report:
    """What people asked since a moment: totals, misses, answers voted down, counts."""

    since: datetime
    answers: int
    up: int
    down: int
    not_covered: list[Asked] = field(default_factory=list)
    voted_down: list[Asked] = field(default_factory=list)
    by_intent: dict[str, int] = field(default_factory=dict)
    by_role: dict[str, int] = field(default_factory=dict)
    by_topic: dict[str, int] = field(default_factory=dict)


def voter(user: str) -> str:
    """What is kept of a Slack user id: its SHA-256, hex."""
    return hashlib.sha256(user.encode("utf-8")).hexdigest()


class Feedback:
    """Answers and votes in the database shared by every replica."""

    def __init__(self, db: Database, *, prune_every: int = 500) -> None:
        self.db = db
        self._prune_every = prune_every
        self._recorded = 0

    def record_answer(
        self,
        answer_id: str,
        now: datetime,
        *,
        question: str,
        intent: str,
        roles: tuple[str, ...] | list[str],
        topic: str | None,
        covered: bool,
    ) -> None:
        """Keep one answer (a second record of the same id changes nothing)."""
        self.record_answers(
            [
                {
                    "id": answer_id,
                    "created_at": now,
                    "question": question,
                    "intent": intent,
                    "roles": roles,
                    "topic": topic,
                    "covered": covered,
                }
            ]
        )

    def record_answers(self, rows: list[dict[str, Any]]) -> None:
        """Keep several answers in one transaction (each a mapping of record_answer's fields, and
        `enterprise`/`team`: an answer of a team no longer installed is dropped)."""
        if not rows:
            return
        values = [
            {
                "enterprise": "",
                "team": "",
                **row,
                "question": str(row["question"])[:_MAX_QUESTION],
                "roles": list(row["roles"]),
            }
            for row in rows
        ]
        before = self._recorded
        self._recorded += len(values)
        cutoff = max(v["created_at"] for v in values) - KEEP_FOR
        with self.db.begin() as conn:
            teams = {Team(v["enterprise"], v["team"]) for v in values} - {SINGLE}
            if teams:  # an answer that waited (batch, outage) must not outlive its team's uninstall
                kept = installed(conn, teams) | {SINGLE}
                values = [v for v in values if Team(v["enterprise"], v["team"]) in kept]
            if values:  # one statement, many rows
                conn.execute(self.db.insert(answers).on_conflict_do_nothing(), values)
            if self._recorded // self._prune_every != before // self._prune_every:
                self._prune(conn, cutoff)

    def record_vote(self, answer_id: str, user: str, vote: str, now: datetime, team: Team = SINGLE) -> str:
        """'recorded', 'duplicate' (this person already voted on it) or 'unknown_answer' (none
        such in `team`: another team's answer is unknown here)."""
        if vote not in VOTES:
            raise ValueError(f"vote must be one of {VOTES}")
        mine = {"enterprise": team.enterprise, "team": team.team}
        stmt = self.db.insert(votes).values(answer_id=answer_id, voter=voter(user), vote=vote, at=now, **mine)
        found = select(answers.c.id).where(
            answers.c.id == answer_id, answers.c.enterprise == team.enterprise, answers.c.team == team.team
        )
        with self.db.begin() as conn:
            exists = conn.execute(found.with_for_update(read=True)).first()
            if exists is None:
                return "unknown_answer"
            added = conn.execute(stmt.on_conflict_do_nothing().returning(votes.c.voter)).first()
            return "duplicate" if added is None else "recorded"

    def report(self, since: datetime, team: str | None = None) -> Report:
        """Everything answered since `since` (in `team` only, if given): not covered, voted down
        (most first), and counts."""
        tally = (
            select(
                votes.c.answer_id,
                func.sum(case((votes.c.vote == "up", 1), else_=0)).label("up"),
                func.sum(case((votes.c.vote == "down", 1), else_=0)).label("down"),
            )
            .group_by(votes.c.answer_id)
            .subquery()
        )
        query = (
            select(answers, tally.c.up, tally.c.down)
            .outerjoin(tally, tally.c.answer_id == answers.c.id)
            .where(answers.c.created_at >= since)
            .order_by(answers.c.created_at)
        )
        if team is not None:
            query = query.where(answers.c.team == team)
        with self.db.begin(read=True) as conn:
            rows = conn.execute(query).all()
        asked = [
            Asked(
                r.question, r.created_at, r.intent, tuple(r.roles), r.topic, int(r.up or 0), int(r.down or 0)
            )
            for r in rows
        ]
        covered = {r.id: r.covered for r in rows}
        return Report(
            since=since,
            answers=len(asked),
            up=sum(a.up for a in asked),
            down=sum(a.down for a in asked),
            not_covered=[a for a, r in zip(asked, rows, strict=True) if not covered[r.id]],
            voted_down=sorted((a for a in asked if a.down > a.up), key=lambda a: (-a.down, a.at)),
            by_intent=dict(Counter(a.intent for a in asked).most_common()),
            by_role=dict(Counter(role for a in asked for role in a.roles).most_common()),
            by_topic=dict(Counter(a.topic for a in asked if a.topic).most_common()),
        )

    def _prune(self, conn, cutoff: datetime) -> int:
        conn.execute(delete(votes).where(votes.c.at < cutoff))
        return conn.execute(delete(answers).where(answers.c.created_at < cutoff)).rowcount

    def prune(self, now: datetime, keep: timedelta = KEEP_FOR) -> int:
        """Delete answers and votes older than `keep`; how many answers went."""
        with self.db.begin() as conn:
            return self._prune(conn, now - keep)
