"""Quarantine release: when an event was released into ``events`` (the app role may set only
this column of a quarantine row), and an index over the rows still held, per device stream.

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
    op.add_column("quarantine", sa.Column("released_at", sa.DateTime(timezone=True)))
    op.execute(f"GRANT UPDATE (released_at) ON quarantine TO {APP_ROLE}")
    op.execute(
        "CREATE INDEX quarantine_held ON quarantine (device_id, device_epoch, device_seq) "
        "WHERE released_at IS NULL"
    )


def downgrade() -> None:
    op.execute("DROP INDEX IF EXISTS quarantine_held")
    op.execute(f"REVOKE UPDATE (released_at) ON quarantine FROM {APP_ROLE}")
    op.drop_column("quarantine", "released_at")
