"""Teams: every row says whose it is (enterprise, team); slack_sdk's installation and OAuth state tables.

Tip subscriptions, flags and the tip log are keyed by (enterprise, team, channel): a channel id
is unique only within a team. Conversation turns, answers and votes get the same two columns. Rows
kept before this revision get '' and '' (single-workspace mode's team), so nothing changes for
a deployment with SLACK_BOT_TOKEN. The installation tables (slack_installations, slack_bots)
and the OAuth state table (slack_oauth_states) are slack_sdk's SQLAlchemy stores' own.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op
from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore
from slack_sdk.oauth.state_store.sqlalchemy import SQLAlchemyOAuthStateStore

from bot.store.schema import UtcDateTime

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_TEAM = ("enterprise", "team")


def _team(key: bool) -> list[sa.Column]:
    return [sa.Column(name, sa.String, primary_key=key, nullable=False, server_default="") for name in _TEAM]


def _tip_tables(key: bool) -> dict[str, list]:
    """The three tip tables' columns, with the team columns first (key: part of the primary key)."""
    team = _team(key) if key else []
    return {
        "tip_subscriptions": [
            *team,
            sa.Column("channel", sa.String, primary_key=True),
            sa.Column("time", sa.String, nullable=False),
            sa.Column("timezone", sa.String, nullable=False),
            sa.Column("weekdays", sa.String, nullable=False),
            sa.Column("enabled", sa.Boolean, nullable=False),
            sa.Column("since", UtcDateTime, nullable=False),
            sa.Column("updated_by", sa.String),
            sa.Column("updated_at", UtcDateTime, nullable=False),
        ],
        "tip_flags": [
            *team,
            sa.Column("channel", sa.String, primary_key=True),
            sa.Column("reason", sa.String, nullable=False),
            sa.Column("at", UtcDateTime, nullable=False),
        ],
        "tip_log": [
            *team,
            sa.Column("channel", sa.String, primary_key=True),
            sa.Column("day", sa.Date, primary_key=True),
            sa.Column("tip_key", sa.String, nullable=False),
            sa.Column("state", sa.String, nullable=False),
            sa.Column("owner", sa.String, nullable=False),
            sa.Column("lease_until", UtcDateTime, nullable=False),
            sa.Column("first_claimed", UtcDateTime, nullable=False),
            sa.Column("attempts", sa.Integer, nullable=False, server_default="1"),
            sa.Column("ts", sa.String),
            sa.Column("sent_at", UtcDateTime),
            sa.CheckConstraint("state IN ('claimed', 'sent')", name="tip_log_state"),
        ],
    }


def _rebuild(name: str, columns: list, copied: list[str]) -> None:
    """Recreate a table with new columns (the only way to change a primary key on SQLite)."""
    op.create_table(f"{name}_new", *columns)
    listed = ", ".join(copied)
    op.execute(f"INSERT INTO {name}_new ({listed}) SELECT {listed} FROM {name}")
    op.drop_table(name)
    op.rename_table(f"{name}_new", name)


def _slack_sdk_tables() -> sa.MetaData:
    meta = sa.MetaData()
    SQLAlchemyInstallationStore.build_installations_table(meta, "slack_installations")
    SQLAlchemyInstallationStore.build_bots_table(meta, "slack_bots")
    SQLAlchemyOAuthStateStore.build_oauth_states_table(meta, "slack_oauth_states")
    return meta


def upgrade() -> None:
    for name, columns in _tip_tables(key=True).items():
        _rebuild(name, columns, [c.name for c in columns if isinstance(c, sa.Column) and c.name not in _TEAM])
    for name in ("answers", "votes"):
        for column in _team(key=False):
            op.add_column(name, column)
        op.create_index(f"ix_{name}_team", name, ["team"])
    op.add_column("conversation_turns", sa.Column("enterprise", sa.String, nullable=False, server_default=""))
    _slack_sdk_tables().create_all(op.get_bind())


def downgrade() -> None:
    _slack_sdk_tables().drop_all(op.get_bind())
    op.drop_column("conversation_turns", "enterprise")
    for name in ("answers", "votes"):
        op.drop_index(f"ix_{name}_team", name)
        for column in reversed(_TEAM):
            op.drop_column(name, column)
    for name, columns in _tip_tables(key=False).items():
        op.execute(f"DELETE FROM {name} WHERE enterprise <> '' OR team <> ''")  # other teams' rows go
        _rebuild(name, columns, [c.name for c in columns if isinstance(c, sa.Column)])
