"""Day end: Z reports, till closes with per-tenant cash, tenant terms and settlements; indexes
the reports and the SAF-T export read by. The fact tables are insert-only like those of 0001.

Revision ID: 0003
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0007"
branch_labels = None
depends_on = None

_IMMUTABLE = ("z_reports", "till_closes", "till_close_tenants", "settlements", "settlement_lines")


def upgrade() -> None:
    op.create_table(
        "z_reports",
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
        sa.UniqueConstraint("tenant_id", "register_id", "business_date"),
    )
    op.create_table(
        "till_closes",
        sa.Column("id", sa.String(), primary_key=True),
        sa.Column(
            "till_session_id",
            sa.String(),
            sa.ForeignKey("till_sessions.id"),
            nullable=False,
            unique=True,
        ),
        sa.Column("register_id", sa.String(), nullable=False),
        sa.Column("closed_at", sa.String(), nullable=False),
        sa.Column("local_date", sa.String(), nullable=False),
        sa.Column("staff_id", sa.String(), nullable=False),
        sa.Column("approved_by", sa.String()),
        sa.Column("float_amount", sa.Integer(), nullable=False),
        sa.Column("expected_cash", sa.Integer(), nullable=False),
        sa.Column("counted_cash", sa.Integer(), nullable=False),
        sa.Column("variance", sa.Integer(), nullable=False),
        sa.Column("variance_rule", sa.String(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
    )
    op.create_table(
        "till_close_tenants",
        sa.Column("till_close_id", sa.String(), sa.ForeignKey("till_closes.id"), primary_key=True),
        sa.Column("tenant_id", sa.String(), sa.ForeignKey("tenants.id"), primary_key=True),
        sa.Column("expected_cash", sa.Integer(), nullable=False),
        sa.Column("variance", sa.Integer(), nullable=False),
    )
    op.create_table(
        "tenant_terms",
        sa.Column("tenant_id", sa.String(), sa.ForeignKey("tenants.id"), primary_key=True),
        sa.Column("commission_bp", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("monthly_rent", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("bank_account", sa.String(), nullable=False, server_default=""),
        sa.Column("updated_at", sa.String(), nullable=False),
    )
    op.create_table(
        "tenant_group_commissions",
        sa.Column("tenant_id", sa.String(), sa.ForeignKey("tenants.id"), primary_key=True),
        sa.Column(
            "article_group_id",
            sa.String(),
            sa.ForeignKey("article_groups.id"),
            primary_key=True,
        ),
        sa.Column("commission_bp", sa.Integer(), nullable=False),
    )
    op.create_table(
        "settlements",
        sa.Column("id", sa.String(), primary_key=True),
        sa.Column("tenant_id", sa.String(), sa.ForeignKey("tenants.id"), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("period_from", sa.String(), nullable=False),
        sa.Column("period_to", sa.String(), nullable=False),
        sa.Column("corrects_id", sa.String(), sa.ForeignKey("settlements.id")),
        sa.Column("created_at", sa.String(), nullable=False),
        sa.Column("staff_id", sa.String()),
        sa.Column("net_payable", sa.Integer(), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.UniqueConstraint("tenant_id", "number"),
    )
    op.create_table(
        "settlement_lines",
        sa.Column("settlement_id", sa.String(), sa.ForeignKey("settlements.id"), primary_key=True),
        sa.Column("line_no", sa.Integer(), primary_key=True),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("description", sa.String(), nullable=False),
        sa.Column("base", sa.Integer(), nullable=False),
        sa.Column("amount", sa.Integer(), nullable=False),
    )
    op.create_index(
        "journal_by_tenant_register_seq", "journal", ["tenant_id", "register_id", "seq"]
    )
    op.create_index("journal_by_ref", "journal", ["ref_id"])
    op.create_index("receipts_by_tenant_date", "receipts", ["tenant_id", "local_date"])
    op.create_index("sales_by_session", "sales", ["till_session_id"])
    for table in _IMMUTABLE:
        for action in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER {table}_no_{action.lower()} BEFORE {action} ON {table} "
                f"BEGIN SELECT RAISE(ABORT, '{table} is append-only: {action} refused'); END"
            )


def downgrade() -> None:
    for table in _IMMUTABLE:
        op.execute(f"DROP TRIGGER IF EXISTS {table}_no_update")
        op.execute(f"DROP TRIGGER IF EXISTS {table}_no_delete")
    op.drop_index("sales_by_session", "sales")
    op.drop_index("receipts_by_tenant_date", "receipts")
    op.drop_index("journal_by_ref", "journal")
    op.drop_index("journal_by_tenant_register_seq", "journal")
    for table in (
        "settlement_lines",
        "settlements",
        "tenant_group_commissions",
        "tenant_terms",
        "till_close_tenants",
        "till_closes",
        "z_reports",
    ):
        op.drop_table(table)
