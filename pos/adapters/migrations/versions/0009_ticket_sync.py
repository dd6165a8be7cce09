"""Repair tickets across counters: append-only notes, and the hybrid logical clock of the edit
that set each descriptive field (so a pulled edit wins only if it is later).

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "repair_notes",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("ticket_id", sa.String(), sa.ForeignKey("repair_tickets.id"), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("staff_id", sa.String(), sa.ForeignKey("staff.id"), nullable=False),
        sa.Column("created_at", sa.String(), nullable=False),
        sa.Column("hlc", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_repair_notes_ticket_id", "repair_notes", ["ticket_id"])
    op.create_table(
        "repair_field_clock",
        sa.Column("ticket_id", sa.String(), sa.ForeignKey("repair_tickets.id"), nullable=False),
        sa.Column("field", sa.String(), nullable=False),
        sa.Column("hlc", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("ticket_id", "field"),
    )
    for action in ("UPDATE", "DELETE"):
        op.execute(
            f"CREATE TRIGGER repair_notes_no_{action.lower()} BEFORE {action} ON repair_notes "
            f"BEGIN SELECT RAISE(ABORT, 'repair_notes is append-only: {action} refused'); END"
        )


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS repair_notes_no_update")
    op.execute("DROP TRIGGER IF EXISTS repair_notes_no_delete")
    op.drop_table("repair_field_clock")
    op.drop_index("ix_repair_notes_ticket_id", "repair_notes")
    op.drop_table("repair_notes")
