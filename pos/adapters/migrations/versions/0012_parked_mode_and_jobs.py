"""Parked baskets keep the mode they were rung up in and their repair jobs.

``training``: a parked basket is resumed only in the same mode, so lines rung up as training are
never sold for real, nor real lines recorded as training. ``pickups``: the ticket numbers of the
repair jobs in the basket (a JSON list), put back from each job as it is at resume.

Revision ID: 0012
Revises: 0011
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("parked_baskets", recreate="never") as batch:
        batch.add_column(sa.Column("training", sa.Boolean(), server_default="0", nullable=False))
        batch.add_column(sa.Column("pickups", sa.Text(), server_default="[]", nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("parked_baskets", recreate="never") as batch:
        batch.drop_column("pickups")
        batch.drop_column("training")
