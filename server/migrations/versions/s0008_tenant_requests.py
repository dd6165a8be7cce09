"""Tenants travel with the counter: a site either registers the tenants its counters bring or
holds each for the operator's approval (``sites.tenant_approval``), and the offers held wait in
``tenant_requests`` (one pending row per site and tenant id).

Revision ID: s0008
Revises: s0007
Create Date: 2026-12-09 09:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "s0008"
down_revision = "s0007"
branch_labels = None
depends_on = None

APP_ROLE = "omigjen_app"


def upgrade() -> None:
    op.add_column(
        "sites",
        sa.Column("tenant_approval", sa.Boolean(), server_default="false", nullable=False),
    )
    op.create_table(
        "tenant_requests",
        sa.Column("id", sa.BigInteger(), autoincrement=True, nullable=False),
        sa.Column("site_id", sa.Text(), nullable=False),
        sa.Column("tenant_id", sa.Text(), nullable=False),
        sa.Column("code", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("org_no", sa.Text(), nullable=False),
        sa.Column("vat_registered", sa.Boolean(), nullable=False),
        sa.Column("device_id", sa.Text(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("status", sa.Text(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["site_id"], ["sites.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        "tenant_requests_pending",
        "tenant_requests",
        ["site_id", "tenant_id"],
        unique=True,
        postgresql_where=sa.text("status = 'pending'"),
    )
    op.execute(f"GRANT SELECT, INSERT, UPDATE ON tenant_requests TO {APP_ROLE}")
    op.execute(f"GRANT USAGE, SELECT ON SEQUENCE tenant_requests_id_seq TO {APP_ROLE}")


def downgrade() -> None:
    op.drop_index("tenant_requests_pending", table_name="tenant_requests")
    op.drop_table("tenant_requests")
    op.drop_column("sites", "tenant_approval")
