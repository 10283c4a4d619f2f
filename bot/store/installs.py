"""Installations (multi-workspace mode): slack_sdk's SQLAlchemy stores on rolebot's database.

`Installations` is slack_sdk's SQLAlchemyInstallationStore on `Database` (tables
slack_installations and slack_bots, created by migration 0004). When bolt's token revocation
listeners delete a team's bot (`app_uninstalled`, `tokens_revoked`), everything rolebot keeps
for that team goes with it in one transaction: its installations and bot tokens,
conversations, answers, votes, tip subscriptions, pauses and tip log (bot.store.teams.forget).
`OAuthStates` is slack_sdk's SQLAlchemyOAuthStateStore (table slack_oauth_states). Both use
this process's engine (engines never cross a fork). Imported only in multi-workspace mode.
"""

from __future__ import annotations

import logging
from typing import Any

from slack_sdk.oauth.installation_store import Installation
from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore
from slack_sdk.oauth.state_store.sqlalchemy import SQLAlchemyOAuthStateStore
from sqlalchemy import select
from sqlalchemy.engine import Engine

from bot.store.db import Database
from bot.store.records import Team
from bot.store.teams import forget

__all__ = ["Installations", "OAuthStates"]

log = logging.getLogger("rolebot.store")


class _PerProcessEngine:
    """slack_sdk's stores keep an `engine` attribute: here it is the Database's engine of this process."""

    db: Database

    @property
    def engine(self) -> Engine:
        return self.db.engine

    @engine.setter
    def engine(self, value: Any) -> None:  # the stores' __init__ assigns it; the Database decides
        pass


class Installations(_PerProcessEngine, SQLAlchemyInstallationStore):
    """Installations and bot tokens per team; deleting a team's bot deletes all its data."""

    def __init__(self, db: Database, client_id: str) -> None:
        self.db = db
        super().__init__(client_id=client_id, engine=None)  # type: ignore[arg-type]

    def delete_bot(self, *, enterprise_id: str | None, team_id: str | None) -> None:
        """The bot token is gone (app_uninstalled, tokens_revoked): so is everything of the team."""
        with self.engine.begin() as conn:
            for table in (self.bots, self.installations):
                c = table.c
                conn.execute(
                    table.delete().where(
                        c.client_id == self.client_id, c.enterprise_id == enterprise_id, c.team_id == team_id
                    )
                )
            gone = forget(conn, enterprise_id, team_id)
        log.info(
            "uninstalled: enterprise %s team %s; deleted its installation and %s",
            enterprise_id or "-",
            team_id or "-",
            ", ".join(f"{n} {t}" for t, n in gone.items() if n) or "no other data",
        )

    def installation_for(self, team: Team) -> Installation | None:
        """A team's latest installation: the workspace's own, else its org's (an org-wide install)."""
        enterprise = team.enterprise or None
        found = self.find_installation(enterprise_id=enterprise, team_id=team.team or None)
        if found is None and enterprise is not None:
            found = self.find_installation(enterprise_id=enterprise, team_id=None, is_enterprise_install=True)
        return found

    def team_of(self, team_id: str) -> Team | None:
        """The installed team with this workspace id (its org found), None when not installed."""
        c = self.bots.c
        query = select(c.enterprise_id).where(c.client_id == self.client_id, c.team_id == team_id).limit(1)
        with self.engine.connect() as conn:
            row = conn.execute(query).first()
        return None if row is None else Team(row.enterprise_id or "", team_id)


class OAuthStates(_PerProcessEngine, SQLAlchemyOAuthStateStore):
    """The OAuth `state` values handed out by /slack/install, each consumed once (10 minutes)."""

    def __init__(self, db: Database, expiration_seconds: int = 600) -> None:
        self.db = db
        super().__init__(expiration_seconds=expiration_seconds, engine=None)  # type: ignore[arg-type]
