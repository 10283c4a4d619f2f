"""Everything rolebot keeps, in one database (SQLite or PostgreSQL at DATABASE_URL).

Tip state (tips), seen Slack event ids (events), conversation context (conversations),
feedback (feedback) and, in multi-workspace mode, installations (installs, imported only
then); every team's rows are its own (records.Team, teams). The schema is migrated with
Alembic (migrate, migrations/).
"""

from __future__ import annotations

from bot.store.conversations import ContextKey, Conversations
from bot.store.db import Database, StoreError
from bot.store.events import SharedSeenEvents
from bot.store.feedback import Feedback, Report
from bot.store.migrate import upgrade
from bot.store.records import SINGLE, Team
from bot.store.tips import Claim, Store, TipStore

__all__ = [
    "Claim",
    "ContextKey",
    "Conversations",
    "Database",
    "Feedback",
    "Report",
    "SINGLE",
    "SharedSeenEvents",
    "Store",
    "StoreError",
    "Team",
    "TipStore",
    "open_store",
    "upgrade",
]


def open_store(url: str | Database, team: Team = SINGLE) -> TipStore:
    """A team's tip store for a DATABASE_URL (or an open Database); migrations are not run here."""
    return TipStore(url if isinstance(url, Database) else Database(url), team)
