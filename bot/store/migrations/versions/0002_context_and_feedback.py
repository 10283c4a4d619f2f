"""Conversation context per thread; answers and votes (feedback); an index to prune seen events.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

from bot.store.schema import UtcDateTime

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_slack_events_seen_at", "slack_events", ["seen_at"])
    op.create_table(
        "conversations",
        sa.Column("team", sa.String, primary_key=True),
        sa.Column("channel", sa.String, primary_key=True),
        sa.Column("thread", sa.String, primary_key=True),
        sa.Column("turns", sa.JSON, nullable=False),
        sa.Column("updated_at", UtcDateTime, nullable=False),
    )
    op.create_index("ix_conversations_updated_at", "conversations", ["updated_at"])
    op.create_table(
        "answers",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("created_at", UtcDateTime, nullable=False),
        sa.Column("question", sa.Text, nullable=False),
        sa.Column("intent", sa.String(32), nullable=False),
        sa.Column("roles", sa.JSON, nullable=False),
        sa.Column("topic", sa.String(64)),
        sa.Column("covered", sa.Boolean, nullable=False),
    )
    op.create_index("ix_answers_created_at", "answers", ["created_at"])
    op.create_table(
        "votes",
        sa.Column(
            "answer_id", sa.String(64), sa.ForeignKey("answers.id", ondelete="CASCADE"), primary_key=True
        ),
        sa.Column("voter", sa.String(64), primary_key=True),
        sa.Column("vote", sa.String(8), nullable=False),
        sa.Column("at", UtcDateTime, nullable=False),
        sa.CheckConstraint("vote IN ('up', 'down')", name="votes_vote"),
    )
    op.create_index("ix_votes_at", "votes", ["at"])


def downgrade() -> None:
    op.drop_table("votes")
    op.drop_table("answers")
    op.drop_table("conversations")
    op.drop_index("ix_slack_events_seen_at", "slack_events")
