"""The basket in progress, kept per register as it is rung up, so that a crash or a power cut
loses nothing: at the next login it comes back to its cashier, or is parked under their name.

Revision ID: 0013
Revises: 0012
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "basket_drafts",
        sa.Column("register_id", sa.String(), sa.ForeignKey("registers.id"), primary_key=True),
        sa.Column("basket_id", sa.String(), nullable=False),
        sa.Column("staff_id", sa.String(), sa.ForeignKey("staff.id"), nullable=False),
        sa.Column("training", sa.Boolean(), nullable=False),
        sa.Column("saved_at", sa.String(), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("pickups", sa.Text(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("basket_drafts")
