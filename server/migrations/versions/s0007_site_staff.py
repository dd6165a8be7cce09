"""Staff belong to a site: reference changes may name a site, and then only that site's
devices read them (row-level security and the pull query alike). Changes without a site (VAT
rates, article groups, staff written before this) still reach every site.

Revision ID: s0007
Revises: s0006
Create Date: 2026-12-08 15:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "s0007"
down_revision = "s0006"
branch_labels = None
depends_on = None

_MINE = (
    "current_setting('app.scope', true) = 'admin' OR "
    "tenant_id = ANY (string_to_array(current_setting('app.tenant_ids', true), ','))"
)
_SHARED = _MINE + " OR tenant_id IS NULL"
_SITE = (
    _MINE + " OR (tenant_id IS NULL AND (site_id IS NULL OR "
    "site_id = current_setting('app.site_id', true)))"
)


def _policy(table: str, rule: str) -> None:
    op.execute(f"DROP POLICY IF EXISTS {table}_scope ON {table}")
    op.execute(f"CREATE POLICY {table}_scope ON {table} USING ({rule}) WITH CHECK ({rule})")


def upgrade() -> None:
    for table in ("ref_changes", "ref_current"):
        op.add_column(table, sa.Column("site_id", sa.Text(), nullable=True))
        _policy(table, _SITE)


def downgrade() -> None:
    for table in ("ref_changes", "ref_current"):
        _policy(table, _SHARED)
        op.drop_column(table, "site_id")
