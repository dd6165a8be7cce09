"""The outbox keeps what the server has not acknowledged, and what it acknowledged less than 90
days ago (sync-protocol.md: the retention window); older events may be deleted. The database
itself refuses any other delete, as before; an update stays refused.

Revision ID: 0014
Revises: 0013
"""

from __future__ import annotations

from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

RETENTION_DAYS = 90
"""Written into the trigger: ``pos.services.outbox_retention.RETENTION_DAYS`` may be longer,
never shorter."""


def upgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS outbox_no_delete")
    op.execute(
        "CREATE TRIGGER outbox_no_delete BEFORE DELETE ON outbox "
        "WHEN old.device_seq > COALESCE((SELECT CAST(value AS INTEGER) FROM meta "
        "WHERE key = 'outbox_acked_through'), 0) "
        f"OR julianday(old.occurred_at) > julianday('now', '-{RETENTION_DAYS} days') "
        "BEGIN SELECT RAISE(ABORT, 'outbox is append-only: DELETE refused (only events the "
        f"server acknowledged, {RETENTION_DAYS} days after they happened)'); END"
    )


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS outbox_no_delete")
    op.execute(
        "CREATE TRIGGER outbox_no_delete BEFORE DELETE ON outbox "
        "BEGIN SELECT RAISE(ABORT, 'outbox is append-only: DELETE refused'); END"
    )
