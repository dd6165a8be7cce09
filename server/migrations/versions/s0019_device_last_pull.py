"""When each counter last pulled: a counter pulls only after its push has drained its outbox,
so the server then holds everything it had recorded. A centre's settlement needs to know that
of every register, also of one with nothing to push (``server/settlements.py``).

Revision ID: s0019
Revises: s0018
Create Date: 2026-12-07 21:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "s0019"
down_revision = "s0018"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("devices", sa.Column("last_pull_at", sa.DateTime(timezone=True)))


def downgrade() -> None:
    op.drop_column("devices", "last_pull_at")
