"""Each counter of a site is its own register: ``site_registers`` gives every enrolled device
a register id (K1, K2, ...) and a label block unique within its site, so two counters' receipt
numbers and in-store labels never collide.

Revision ID: s0009
Revises: s0008
Create Date: 2026-12-10 09:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "s0009"
down_revision = "s0008"
branch_labels = None
depends_on = None

APP_ROLE = "omigjen_app"


def upgrade() -> None:
    op.create_table(
        "site_registers",
        sa.Column("site_id", sa.Text(), nullable=False),
        sa.Column("register_id", sa.Text(), nullable=False),
        sa.Column("label_block", sa.Integer(), nullable=False),
        sa.Column("device_id", sa.Text(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(["site_id"], ["sites.id"]),
        sa.ForeignKeyConstraint(["device_id"], ["devices.id"]),
        sa.PrimaryKeyConstraint("site_id", "register_id"),
        sa.UniqueConstraint("site_id", "label_block", name="site_registers_block"),
        sa.UniqueConstraint("device_id", name="site_registers_device"),
        sa.CheckConstraint("label_block BETWEEN 1 AND 99", name="site_registers_block_range"),
    )
    # Counters enrolled before: each keeps the register its newest receipt names, with a
    # block numbered in register order (re-enrolling keeps both); a register two devices of a
    # site both used stays with the first.
    op.execute(
        "INSERT INTO site_registers (site_id, register_id, label_block, device_id) "
        "SELECT site_id, register_id, row_number() OVER (PARTITION BY site_id ORDER BY "
        "register_id, device_id), device_id FROM (SELECT DISTINCT ON (e.device_id) e.site_id, "
        "e.payload->'receipt'->>'register_id' AS register_id, e.device_id FROM events e "
        "WHERE e.type IN ('sale.completed', 'return.completed', 'deposit.completed') "
        "ORDER BY e.device_id, e.id DESC) newest WHERE register_id IS NOT NULL "
        "ON CONFLICT DO NOTHING"
    )
    op.execute(f"GRANT SELECT, INSERT ON site_registers TO {APP_ROLE}")


def downgrade() -> None:
    op.drop_table("site_registers")
