"""Tip subscriptions, flags and claim log; seen Slack event ids.

Databases made before migrations existed already hold these tables (same columns): they are
kept as they are and only stamped.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

from bot.store.schema import UtcDateTime

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _missing(name: str) -> bool:
    return not sa.inspect(op.get_bind()).has_table(name)


def upgrade() -> None:
    if _missing("tip_subscriptions"):
        op.create_table(
            "tip_subscriptions",
            sa.Column("channel", sa.String, primary_key=True),
            sa.Column("time", sa.String, nullable=False),
            sa.Column("timezone", sa.String, nullable=False),
            sa.Column("weekdays", sa.String, nullable=False),
            sa.Column("enabled", sa.Boolean, nullable=False),
            sa.Column("since", UtcDateTime, nullable=False),
            sa.Column("updated_by", sa.String),
            sa.Column("updated_at", UtcDateTime, nullable=False),
        )
    if _missing("tip_flags"):
        op.create_table(
            "tip_flags",
            sa.Column("channel", sa.String, primary_key=True),
            sa.Column("reason", sa.String, nullable=False),
            sa.Column("at", UtcDateTime, nullable=False),
        )
    if _missing("tip_log"):
        op.create_table(
            "tip_log",
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
        )
    if _missing("slack_events"):
        op.create_table(
            "slack_events",
            sa.Column("event_id", sa.String, primary_key=True),
            sa.Column("seen_at", sa.Float, nullable=False),
        )


def downgrade() -> None:
    for name in ("slack_events", "tip_log", "tip_flags", "tip_subscriptions"):
        op.drop_table(name)
