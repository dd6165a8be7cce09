"""Wrong PINs lock for a growing delay, never for good: when the current lock ends.

A person locked for good by the earlier rule gets one more delay from the upgrade on (an hour):
the lock lifts by itself after that, or a manager unlocks them before.

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("staff", sa.Column("locked_until", sa.String(), nullable=True))
    later = datetime.now(UTC) + timedelta(hours=1)
    until = later.isoformat(timespec="milliseconds").replace("+00:00", "Z")
    op.execute(
        sa.text("UPDATE staff SET locked_until = :until WHERE locked = 1").bindparams(until=until)
    )


def downgrade() -> None:
    with op.batch_alter_table("staff") as batch:
        batch.drop_column("locked_until")
