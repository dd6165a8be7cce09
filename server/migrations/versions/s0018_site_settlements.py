"""Settlements of a centre, made by the server over every register of the site: one number
series per tenant and site (never a duplicate), insert-only for the app (a correction is a new
settlement), under the tenant's row-level security.

Revision ID: s0018
Revises: s0017
Create Date: 2026-12-07 20:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "s0018"
down_revision = "s0017"
branch_labels = None
depends_on = None

APP_ROLE = "omigjen_app"
_POLICY = (
    "current_setting('app.scope', true) = 'admin' OR "
    "tenant_id = ANY (CAST((SELECT string_to_array(current_setting('app.tenant_ids', true), "
    "',')) AS text[]))"
)


def upgrade() -> None:
    op.create_table(
        "site_settlements",
        sa.Column("id", sa.Text(), nullable=False),
        sa.Column("site_id", sa.Text(), sa.ForeignKey("sites.id"), nullable=False),
        sa.Column("tenant_id", sa.Text(), sa.ForeignKey("tenants.id"), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("period_from", sa.Text(), nullable=False),
        sa.Column("period_to", sa.Text(), nullable=False),
        sa.Column("corrects_id", sa.Text(), nullable=True),
        sa.Column("content", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("device_id", sa.Text(), nullable=False),
        sa.Column("staff_id", sa.Text(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("site_id", "tenant_id", "number", name="site_settlements_number"),
    )
    op.execute(f"GRANT SELECT, INSERT ON site_settlements TO {APP_ROLE}")
    op.execute("ALTER TABLE site_settlements ENABLE ROW LEVEL SECURITY")
    op.execute("ALTER TABLE site_settlements FORCE ROW LEVEL SECURITY")
    op.execute(
        f"CREATE POLICY site_settlements_scope ON site_settlements USING ({_POLICY}) "
        f"WITH CHECK ({_POLICY})"
    )


def downgrade() -> None:
    op.execute("DROP POLICY IF EXISTS site_settlements_scope ON site_settlements")
    op.drop_table("site_settlements")
