"""A drawer kick carries the opening it stands for (the sale, cash movement or no-sale
opening, its reason and operator): the opening is journaled (13005) when the kick reached the
printer, never for a kick that did not.

Revision ID: 0016
Revises: 0015
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("print_jobs", sa.Column("opens_drawer", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("print_jobs") as batch:
        batch.drop_column("opens_drawer")
