"""Conversation context as a row per turn (concurrent turns of one thread all land).

The `conversations` table kept a thread's turns in one JSON value, replaced on every save: two
messages of one thread answered at once kept only one turn. Its rows are copied here, a row
per turn, and it is dropped.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

from bot.store.schema import UtcDateTime

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    turns = op.create_table(
        "conversation_turns",
        sa.Column(
            "id", sa.BigInteger().with_variant(sa.Integer, "sqlite"), primary_key=True, autoincrement=True
        ),
        sa.Column("team", sa.String, nullable=False),
        sa.Column("channel", sa.String, nullable=False),
        sa.Column("thread", sa.String, nullable=False),
        sa.Column("turn", sa.JSON, nullable=False),
        sa.Column("at", UtcDateTime, nullable=False),
    )
    op.create_index("ix_conversation_turns_thread", "conversation_turns", ["team", "channel", "thread", "id"])
    op.create_index("ix_conversation_turns_at", "conversation_turns", ["at"])
    old = sa.table(
        "conversations",
        sa.column("team", sa.String),
        sa.column("channel", sa.String),
        sa.column("thread", sa.String),
        sa.column("turns", sa.JSON),
        sa.column("updated_at", UtcDateTime),
    )
    rows = [
        {"team": r.team, "channel": r.channel, "thread": r.thread, "turn": turn, "at": r.updated_at}
        for r in op.get_bind().execute(sa.select(old))
        for turn in (r.turns or [])
        if isinstance(turn, dict)
    ]
    if rows:
        op.bulk_insert(turns, rows)
    op.drop_table("conversations")


def downgrade() -> None:
    op.create_table(
        "conversations",
        sa.Column("team", sa.String, primary_key=True),
        sa.Column("channel", sa.String, primary_key=True),
        sa.Column("thread", sa.String, primary_key=True),
        sa.Column("turns", sa.JSON, nullable=False),
        sa.Column("updated_at", UtcDateTime, nullable=False),
    )
    op.create_index("ix_conversations_updated_at", "conversations", ["updated_at"])
    op.drop_table("conversation_turns")
