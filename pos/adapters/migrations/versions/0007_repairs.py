"""Repair counter: tickets, status history, labour and parts, approvals, photos, deposits held
against tickets (credit_notes.kind = 'deposit'), notification rules and queued notifications.

Revision ID: 0007
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0004"
branch_labels = None
depends_on = None

_FACTS = (
    "repair_status_history",
    "repair_lines",
    "repair_line_removals",
    "repair_approvals",
    "repair_photos",
    "repair_deposits",
)


def _str(name: str, nullable: bool = False) -> sa.Column:
    return sa.Column(name, sa.String(), nullable=nullable)


def _int(name: str, nullable: bool = False) -> sa.Column:
    return sa.Column(name, sa.Integer(), nullable=nullable)


def _fk(name: str, target: str, nullable: bool = False) -> sa.Column:
    return sa.Column(name, sa.String(), sa.ForeignKey(target), nullable=nullable)


def upgrade() -> None:
    # ADD COLUMN (no table rebuild), so the credit_notes triggers stay as they are.
    op.add_column(
        "credit_notes",
        sa.Column("kind", sa.String(), nullable=False, server_default="credit_note"),
    )
    op.create_table(
        "repair_tickets",
        sa.Column("id", sa.String(), primary_key=True),
        _fk("tenant_id", "tenants.id"),
        _str("register_id"),
        _str("status"),
        _fk("technician_id", "staff.id", nullable=True),
        _str("customer_name"),
        _str("customer_search"),
        _str("customer_phone"),
        _str("customer_email"),
        sa.Column("contact_consent", sa.Boolean(), nullable=False),
        _str("item_category"),
        _str("item_brand_model"),
        _str("item_serial"),
        sa.Column("fault", sa.Text(), nullable=False),
        sa.Column("condition", sa.Text(), nullable=False),
        sa.Column("accessories", sa.Text(), nullable=False),
        _int("estimate"),
        _int("approval_limit"),
        _int("deposit_requested"),
        _str("promised_date", nullable=True),
        sa.Column("terms_accepted", sa.Boolean(), nullable=False),
        _fk("created_by", "staff.id"),
        _str("created_at"),
        _str("updated_at"),
        _fk("collected_sale_id", "sales.id", nullable=True),
    )
    op.create_index("repair_by_status", "repair_tickets", ["status", "created_at"])
    op.create_index("repair_by_tenant", "repair_tickets", ["tenant_id", "created_at"])
    op.create_index("repair_by_technician", "repair_tickets", ["technician_id", "created_at"])
    op.create_index("repair_by_promised", "repair_tickets", ["promised_date"])
    op.create_index("repair_by_phone", "repair_tickets", ["customer_phone"])
    op.create_index("repair_by_created", "repair_tickets", ["created_at"])
    op.create_index("repair_by_name", "repair_tickets", ["customer_search", "id"])
    op.create_table(
        "repair_status_history",
        sa.Column("id", sa.String(), primary_key=True),
        _fk("ticket_id", "repair_tickets.id"),
        _str("from_status", nullable=True),
        _str("to_status"),
        _fk("staff_id", "staff.id"),
        _str("created_at"),
        sa.Column("note", sa.Text(), nullable=False),
        _str("notification_id", nullable=True),
    )
    op.create_table(
        "repair_lines",
        sa.Column("id", sa.String(), primary_key=True),
        _fk("ticket_id", "repair_tickets.id"),
        _str("kind"),
        _fk("item_id", "items.id"),
        _str("description"),
        _int("qty"),
        _int("minutes", nullable=True),
        _int("unit_price"),
        _int("amount"),
        _fk("staff_id", "staff.id"),
        _str("created_at"),
    )
    op.create_table(
        "repair_line_removals",
        sa.Column("line_id", sa.String(), sa.ForeignKey("repair_lines.id"), primary_key=True),
        _fk("staff_id", "staff.id"),
        _str("created_at"),
        _str("reason"),
    )
    op.create_table(
        "repair_approvals",
        sa.Column("id", sa.String(), primary_key=True),
        _fk("ticket_id", "repair_tickets.id"),
        _int("amount"),
        _str("method"),
        sa.Column("note", sa.Text(), nullable=False),
        _fk("staff_id", "staff.id"),
        _str("created_at"),
    )
    op.create_table(
        "repair_photos",
        sa.Column("id", sa.String(), primary_key=True),
        _fk("ticket_id", "repair_tickets.id"),
        _str("path"),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        _str("created_at"),
    )
    op.create_table(
        "repair_deposits",
        sa.Column("id", sa.String(), primary_key=True),
        _fk("ticket_id", "repair_tickets.id"),
        _fk("receipt_id", "receipts.id"),
        _int("amount"),
        _str("created_at"),
    )
    op.create_table(
        "notifications",
        sa.Column("id", sa.String(), primary_key=True),
        _fk("ticket_id", "repair_tickets.id"),
        _str("trigger_status"),
        _str("channel"),
        _str("recipient"),
        _str("subject"),
        sa.Column("body", sa.Text(), nullable=False),
        _str("state"),
        sa.Column("error", sa.String(), nullable=False, server_default=""),
        _str("created_at"),
        _str("updated_at"),
    )
    op.create_index("notifications_by_state", "notifications", ["state", "created_at"])
    op.create_table(
        "repair_notify_rules",
        sa.Column("status", sa.String(), primary_key=True),
        sa.Column("enabled", sa.Boolean(), nullable=False),
        _str("channel"),
        _str("subject"),
        sa.Column("body", sa.Text(), nullable=False),
    )
    for table in ("repair_status_history", "repair_approvals", "repair_photos", "repair_deposits"):
        op.create_index(f"ix_{table}_ticket_id", table, ["ticket_id"])
    op.create_index("ix_repair_lines_ticket_id", "repair_lines", ["ticket_id"])
    op.create_index("ix_notifications_ticket_id", "notifications", ["ticket_id"])
    for table in _FACTS:
        for action in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER {table}_no_{action.lower()} BEFORE {action} ON {table} "
                f"BEGIN SELECT RAISE(ABORT, '{table} is append-only: {action} refused'); END"
            )


def downgrade() -> None:
    for table in _FACTS:
        op.execute(f"DROP TRIGGER IF EXISTS {table}_no_update")
        op.execute(f"DROP TRIGGER IF EXISTS {table}_no_delete")
    for table in (
        "repair_notify_rules",
        "notifications",
        "repair_deposits",
        "repair_photos",
        "repair_approvals",
        "repair_line_removals",
        "repair_lines",
        "repair_status_history",
        "repair_tickets",
    ):
        op.drop_table(table)
    with op.batch_alter_table("credit_notes") as batch:
        batch.drop_column("kind")
    for action in ("UPDATE", "DELETE"):  # the table rebuild dropped them
        op.execute(
            f"CREATE TRIGGER IF NOT EXISTS credit_notes_no_{action.lower()} BEFORE {action} ON "
            f"credit_notes BEGIN SELECT RAISE(ABORT, 'credit_notes is append-only: {action} "
            "refused'); END"
        )
