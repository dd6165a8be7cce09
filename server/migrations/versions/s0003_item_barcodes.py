"""Items registered at counters: an index to find which item of a tenant holds a barcode, so a
pushed ``item.registered`` with a barcode in use is flagged without reading every item.

Revision ID: s0003
Revises: s0002
Create Date: 2026-12-01 08:40:00
"""

from __future__ import annotations

from alembic import op

revision = "s0003"
down_revision = "s0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(
        "CREATE INDEX ref_current_item_barcode ON ref_current (tenant_id, (data->>'barcode')) "
        "WHERE entity = 'item' AND NOT deleted"
    )


def downgrade() -> None:
    op.execute("DROP INDEX IF EXISTS ref_current_item_barcode")
