"""Repair outcome data for the Open Repair Data Standard: outcome, barrier, year of manufacture.

Revision ID: 0008
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # plain ADD COLUMN (no batch copy): repair_tickets keeps its indexes and rows as they are
    op.add_column(
        "repair_tickets", sa.Column("outcome", sa.String(), nullable=False, server_default="")
    )
    op.add_column("repair_tickets", sa.Column("barrier", sa.Integer(), nullable=True))
    op.add_column("repair_tickets", sa.Column("year_of_manufacture", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("repair_tickets") as batch:
        batch.drop_column("year_of_manufacture")
        batch.drop_column("barrier")
        batch.drop_column("outcome")
