"""Merged repair tickets: per-field last-writer-wins state and the append-only parts (notes,
lines, removals, approvals, status moves), tenant-scoped by row-level security like the rest.

Revision ID: s0002
Revises: s0001
Create Date: 2026-12-01 07:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "s0002"
down_revision = "s0001"
branch_labels = None
depends_on = None

APP_ROLE = "omigjen_app"
_TABLES = ("repair_tickets", "repair_ticket_parts")
_POLICY = (
    "current_setting('app.scope', true) = 'admin' OR "
    "tenant_id = ANY (string_to_array(current_setting('app.tenant_ids', true), ','))"
)


def upgrade() -> None:
    op.create_table(
        "repair_tickets",
        sa.Column("tenant_id", sa.Text(), nullable=False),
        sa.Column("ticket_id", sa.Text(), nullable=False),
        sa.Column("site_id", sa.Text(), nullable=False),
        sa.Column("base", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("fields", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("status", sa.Text(), nullable=False),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("tenant_id", "ticket_id"),
    )
    op.create_table(
        "repair_ticket_parts",
        sa.Column("tenant_id", sa.Text(), nullable=False),
        sa.Column("ticket_id", sa.Text(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("part_id", sa.Text(), nullable=False),
        sa.Column("hlc", sa.Text(), nullable=False),
        sa.Column("data", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.PrimaryKeyConstraint("tenant_id", "ticket_id", "kind", "part_id"),
    )
    op.execute(f"GRANT SELECT, INSERT, UPDATE ON repair_tickets TO {APP_ROLE}")
    op.execute(f"GRANT SELECT, INSERT ON repair_ticket_parts TO {APP_ROLE}")  # facts
    for table in _TABLES:
        op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        op.execute(f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY")
        op.execute(
            f"CREATE POLICY {table}_scope ON {table} USING ({_POLICY}) WITH CHECK ({_POLICY})"
        )


def downgrade() -> None:
    for table in _TABLES:
        op.execute(f"DROP POLICY IF EXISTS {table}_scope ON {table}")
    op.drop_table("repair_ticket_parts")
    op.drop_table("repair_tickets")
