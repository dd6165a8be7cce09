"""A business day may have two Z reports: one taken for it while the PC's clock ran ahead
(before the day had really come, declared by a manager) and its own when it comes
(``pos/services/records_ahead.py``). The Z number stays unique per tenant and register; the
day is indexed, no longer unique. The table stays insert-only.

Revision ID: 0015
Revises: 0014
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

_COLUMNS = (
    "id, tenant_id, register_id, z_number, business_date, from_seq, through_seq, created_at, "
    "staff_id, journal_seq, grand_total_sales, grand_total_returns, content"
)


def _rebuild(day_unique: bool) -> None:
    op.execute("DROP TRIGGER IF EXISTS z_reports_no_update")
    op.execute("DROP TRIGGER IF EXISTS z_reports_no_delete")
    day = [sa.UniqueConstraint("tenant_id", "register_id", "business_date")] if day_unique else []
    op.create_table(
        "z_reports_rebuilt",
        sa.Column("id", sa.String(), primary_key=True),
        sa.Column("tenant_id", sa.String(), sa.ForeignKey("tenants.id"), nullable=False),
        sa.Column("register_id", sa.String(), nullable=False),
        sa.Column("z_number", sa.Integer(), nullable=False),
        sa.Column("business_date", sa.String(), nullable=False),
        sa.Column("from_seq", sa.Integer(), nullable=False),
        sa.Column("through_seq", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.String(), nullable=False),
        sa.Column("staff_id", sa.String()),
        sa.Column("journal_seq", sa.Integer(), nullable=False),
        sa.Column("grand_total_sales", sa.Integer(), nullable=False),
        sa.Column("grand_total_returns", sa.Integer(), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.UniqueConstraint("tenant_id", "register_id", "z_number"),
        *day,
    )
    op.execute(f"INSERT INTO z_reports_rebuilt ({_COLUMNS}) SELECT {_COLUMNS} FROM z_reports")
    op.drop_table("z_reports")
    op.rename_table("z_reports_rebuilt", "z_reports")
    for action in ("UPDATE", "DELETE"):
        op.execute(
            f"CREATE TRIGGER z_reports_no_{action.lower()} BEFORE {action} ON z_reports "
            f"BEGIN SELECT RAISE(ABORT, 'z_reports is append-only: {action} refused'); END"
        )


def upgrade() -> None:
    _rebuild(day_unique=False)
    op.create_index("z_reports_by_day", "z_reports", ["tenant_id", "register_id", "business_date"])


def downgrade() -> None:
    op.drop_index("z_reports_by_day", "z_reports")
    _rebuild(day_unique=True)
