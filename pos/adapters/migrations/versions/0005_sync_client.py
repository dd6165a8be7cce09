"""Sync client state: the enrolled device, sync problems, pulled reference data and staging.

Revision ID: 0005
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0003"
branch_labels = None
depends_on = None


def _ref_table(name: str) -> None:
    op.create_table(
        name,
        sa.Column("entity", sa.String(), nullable=False),
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("tenant_id", sa.String(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("entity", "id"),
    )


def upgrade() -> None:
    op.create_table(
        "sync_device",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("server_url", sa.String(), nullable=False),
        sa.Column("ca_file", sa.String(), server_default="", nullable=False),
        sa.Column("device_id", sa.String(), nullable=False),
        sa.Column("device_epoch", sa.Integer(), nullable=False),
        sa.Column("token", sa.String(), nullable=False),
        sa.Column("site_id", sa.String(), nullable=False),
        sa.Column("state", sa.String(), nullable=False),
        sa.Column("state_detail", sa.String(), server_default="", nullable=False),
        sa.Column("enrolled_at", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "sync_problems",
        sa.Column("event_id", sa.String(), nullable=False),
        sa.Column("device_seq", sa.Integer(), nullable=False),
        sa.Column("type", sa.String(), nullable=False),
        sa.Column("tenant_id", sa.String(), nullable=True),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("code", sa.String(), nullable=False),
        sa.Column("codes", sa.String(), nullable=False),
        sa.Column("recorded_at", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("event_id"),
    )
    _ref_table("ref_entities")
    _ref_table("ref_staging")


def downgrade() -> None:
    op.drop_table("ref_staging")
    op.drop_table("ref_entities")
    op.drop_table("sync_problems")
    op.drop_table("sync_device")
