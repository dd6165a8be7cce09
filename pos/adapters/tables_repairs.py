"""Tables of the repair counter (migrations 0007, 0008, 0009; docs/repairs.md)."""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
)

from pos.adapters.metadata import metadata

IMMUTABLE: tuple[str, ...] = (
    "repair_status_history",
    "repair_lines",
    "repair_line_removals",
    "repair_approvals",
    "repair_photos",
    "repair_deposits",
    "repair_notes",
)


repair_tickets = Table(
    "repair_tickets",
    metadata,
    # The ticket id printed on the tag: unique across offline counters by construction.
    Column("id", String, primary_key=True),
    Column("tenant_id", ForeignKey("tenants.id"), nullable=False),
    Column("register_id", String, nullable=False),
    Column("status", String, nullable=False),
    Column("technician_id", ForeignKey("staff.id")),
    Column("customer_name", String, nullable=False),
    Column("customer_search", String, nullable=False),
    Column("customer_phone", String, nullable=False),
    Column("customer_email", String, nullable=False),
    Column("contact_consent", Boolean, nullable=False),
    Column("item_category", String, nullable=False),
    Column("item_brand_model", String, nullable=False),
    Column("item_serial", String, nullable=False),
    Column("fault", Text, nullable=False),
    Column("condition", Text, nullable=False),
    Column("accessories", Text, nullable=False),
    Column("estimate", Integer, nullable=False),
    Column("approval_limit", Integer, nullable=False),
    Column("deposit_requested", Integer, nullable=False),
    Column("promised_date", String),
    Column("terms_accepted", Boolean, nullable=False),
    Column("created_by", ForeignKey("staff.id"), nullable=False),
    Column("created_at", String, nullable=False),
    Column("updated_at", String, nullable=False),
    Column("collected_sale_id", ForeignKey("sales.id")),
    # Open Repair Data Standard (migration 0008): fixed / repairable / end_of_life, why not
    Column("outcome", String, nullable=False, server_default=""),
    Column("barrier", Integer),
    Column("year_of_manufacture", Integer),
)
Index("repair_by_status", repair_tickets.c.status, repair_tickets.c.created_at)
Index("repair_by_tenant", repair_tickets.c.tenant_id, repair_tickets.c.created_at)
Index("repair_by_technician", repair_tickets.c.technician_id, repair_tickets.c.created_at)
Index("repair_by_promised", repair_tickets.c.promised_date)
Index("repair_by_phone", repair_tickets.c.customer_phone)
Index("repair_by_created", repair_tickets.c.created_at)
Index("repair_by_name", repair_tickets.c.customer_search, repair_tickets.c.id)

repair_status_history = Table(
    "repair_status_history",
    metadata,
    Column("id", String, primary_key=True),
    Column("ticket_id", ForeignKey("repair_tickets.id"), nullable=False, index=True),
    Column("from_status", String),
    Column("to_status", String, nullable=False),
    Column("staff_id", ForeignKey("staff.id"), nullable=False),
    Column("created_at", String, nullable=False),
    Column("note", Text, nullable=False),
    Column("notification_id", String),
)

repair_lines = Table(
    "repair_lines",
    metadata,
    Column("id", String, primary_key=True),
    Column("ticket_id", ForeignKey("repair_tickets.id"), nullable=False, index=True),
    Column("kind", String, nullable=False),  # 'labour' or 'part'
    Column("item_id", ForeignKey("items.id"), nullable=False),
    Column("description", String, nullable=False),
    Column("qty", Integer, nullable=False),
    Column("minutes", Integer),
    Column("unit_price", Integer, nullable=False),
    Column("amount", Integer, nullable=False),
    Column("staff_id", ForeignKey("staff.id"), nullable=False),
    Column("created_at", String, nullable=False),
)

repair_line_removals = Table(
    "repair_line_removals",
    metadata,
    Column("line_id", ForeignKey("repair_lines.id"), primary_key=True),
    Column("staff_id", ForeignKey("staff.id"), nullable=False),
    Column("created_at", String, nullable=False),
    Column("reason", String, nullable=False),
)

repair_approvals = Table(
    "repair_approvals",
    metadata,
    Column("id", String, primary_key=True),
    Column("ticket_id", ForeignKey("repair_tickets.id"), nullable=False, index=True),
    Column("amount", Integer, nullable=False),
    Column("method", String, nullable=False),
    Column("note", Text, nullable=False),
    Column("staff_id", ForeignKey("staff.id"), nullable=False),
    Column("created_at", String, nullable=False),
)

repair_photos = Table(
    "repair_photos",
    metadata,
    Column("id", String, primary_key=True),
    Column("ticket_id", ForeignKey("repair_tickets.id"), nullable=False, index=True),
    Column("path", String, nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("created_at", String, nullable=False),
)

repair_deposits = Table(
    "repair_deposits",
    metadata,
    Column("id", String, primary_key=True),
    Column("ticket_id", ForeignKey("repair_tickets.id"), nullable=False, index=True),
    Column("receipt_id", ForeignKey("receipts.id"), nullable=False),
    Column("amount", Integer, nullable=False),  # paid in (+) or paid back (-)
    Column("created_at", String, nullable=False),
)

repair_notes = Table(
    "repair_notes",
    metadata,
    # Append-only, with the id made where the note was written: pulled copies never duplicate.
    Column("id", String, primary_key=True),
    Column("ticket_id", ForeignKey("repair_tickets.id"), nullable=False, index=True),
    Column("text", Text, nullable=False),
    Column("staff_id", ForeignKey("staff.id"), nullable=False),
    Column("created_at", String, nullable=False),
    Column("hlc", String, nullable=False),
)

repair_field_clock = Table(
    "repair_field_clock",
    metadata,
    # The hybrid logical clock of the edit that set each descriptive field (last writer wins).
    Column("ticket_id", ForeignKey("repair_tickets.id"), primary_key=True),
    Column("field", String, primary_key=True),
    Column("hlc", String, nullable=False),
)

notifications = Table(
    "notifications",
    metadata,
    Column("id", String, primary_key=True),
    Column("ticket_id", ForeignKey("repair_tickets.id"), nullable=False, index=True),
    Column("trigger_status", String, nullable=False),
    Column("channel", String, nullable=False),
    Column("recipient", String, nullable=False),
    Column("subject", String, nullable=False),
    Column("body", Text, nullable=False),
    Column("state", String, nullable=False),  # pending -> sent | failed
    Column("error", String, nullable=False, server_default=""),
    Column("created_at", String, nullable=False),
    Column("updated_at", String, nullable=False),
)
Index("notifications_by_state", notifications.c.state, notifications.c.created_at)

repair_notify_rules = Table(
    "repair_notify_rules",
    metadata,
    Column("status", String, primary_key=True),
    Column("enabled", Boolean, nullable=False),
    Column("channel", String, nullable=False),  # 'auto', 'sms' or 'email'
    Column("subject", String, nullable=False),
    Column("body", Text, nullable=False),
)
