"""Whose rows are whose: what an uninstall deletes, and which teams are still installed.

Every row rolebot keeps carries its team (records.Team). `forget` deletes a team's rows (or a
whole org's); `installed` tells which teams still have a bot in slack_sdk's `slack_bots` table
(bot.store.installs keeps the installations).
"""

from __future__ import annotations

from sqlalchemy import and_, delete, or_, select, true
from sqlalchemy.engine import Connection

from bot.store.records import Team
from bot.store.schema import (
    answers,
    conversation_turns,
    slack_bots,
    tip_flags,
    tip_log,
    tip_subscriptions,
    votes,
)

__all__ = ["forget", "installed"]

_TEAM_TABLES = (votes, answers, conversation_turns, tip_log, tip_flags, tip_subscriptions)


def installed(conn: Connection, teams: set[Team]) -> set[Team]:
    """Which of these teams still have a bot (their own or their org's).

    The rows read stay locked until the transaction ends (FOR SHARE on PostgreSQL; SQLite
    writes one at a time anyway), so an uninstall waits for what is written under them, then
    deletes it too.
    """
    if not teams:
        return set()
    b = slack_bots.c
    orgs = {t.enterprise for t in teams if t.enterprise}
    query = select(b.enterprise_id, b.team_id, b.is_enterprise_install).where(
        or_(b.team_id.in_({t.team for t in teams}), and_(b.enterprise_id.in_(orgs), b.is_enterprise_install))
    )
    rows = conn.execute(query.with_for_update(read=True)).all()
    own = {Team(r.enterprise_id or "", r.team_id) for r in rows if r.team_id}
    org_wide = {r.enterprise_id for r in rows if r.is_enterprise_install}
    return {t for t in teams if t in own or t.enterprise in org_wide}


def _whose(table, enterprise: str | None, team: str | None):
    """The rows of a team (or, with team None, of every team of an org: an org-wide uninstall)."""
    mine = table.c.enterprise == (enterprise or "")
    return and_(mine, table.c.team == team) if team else (mine if enterprise else true())


def forget(conn: Connection, enterprise: str | None, team: str | None) -> dict[str, int]:
    """Delete every row rolebot keeps for a team (or a whole org); how many went per table."""
    if not team and not enterprise:
        return {}
    gone = {}
    for table in _TEAM_TABLES:
        gone[table.name] = conn.execute(delete(table).where(_whose(table, enterprise, team))).rowcount
    return gone
