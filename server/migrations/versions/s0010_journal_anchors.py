"""Journal anchors: each counter's journal head as sent at every sync, insert-only for the app.

Revision ID: s0010
Revises: s0009
Create Date: 2026-12-07 09:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from server.schema import APP_ROLE

revision = "s0010"
down_revision = "s0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "journal_anchors",
        sa.Column("id", sa.BigInteger(), autoincrement=True, nullable=False),
        sa.Column("device_id", sa.Text(), sa.ForeignKey("devices.id"), nullable=False),
        sa.Column("device_epoch", sa.Integer(), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("hash", sa.Text(), nullable=False),
        sa.Column(
            "received_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("device_id", "seq", "hash", name="journal_anchors_device_seq_hash_key"),
    )
    op.execute(f"GRANT SELECT, INSERT ON journal_anchors TO {APP_ROLE}")  # evidence: never changed
    op.execute(f"GRANT USAGE, SELECT ON SEQUENCE journal_anchors_id_seq TO {APP_ROLE}")


def downgrade() -> None:
    op.drop_table("journal_anchors")
