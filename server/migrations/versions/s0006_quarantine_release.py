"""Quarantine release: which quarantined events were released into ``events`` (insert-only,
so a quarantine row itself never changes), and an index to read a device stream's held events
in sequence order.

Revision ID: s0006
Revises: s0005
Create Date: 2026-12-08 12:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "s0006"
down_revision = "s0005"
branch_labels = None
depends_on = None

APP_ROLE = "omigjen_app"


def upgrade() -> None:
    op.create_table(
        "quarantine_releases",
        sa.Column("quarantine_id", sa.BigInteger(), nullable=False),
        sa.Column(
            "released_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(["quarantine_id"], ["quarantine.id"]),
        sa.PrimaryKeyConstraint("quarantine_id"),
    )
    op.execute(f"GRANT SELECT, INSERT ON quarantine_releases TO {APP_ROLE}")
    op.create_index(
        "quarantine_by_stream", "quarantine", ["device_id", "device_epoch", "device_seq"]
    )


def downgrade() -> None:
    op.drop_index("quarantine_by_stream", table_name="quarantine")
    op.drop_table("quarantine_releases")
