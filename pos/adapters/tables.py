"""The local SQLite schema (SQLAlchemy Core). Alembic migrations in ``migrations/`` create it.

Facts (journal, sales, lines, tenders, receipts, their payments, copies, credit notes, cash
movements, outbox) are insert-only: triggers made by the migrations refuse UPDATE and DELETE
(but for outbox events the server acknowledged 90 days ago: ``pos.services.outbox_retention``).
Counters (number series, signature chain heads, device sequence) are single rows updated inside
the transaction that uses them, so numbers are gap-free.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from pos.adapters.metadata import metadata

CORE_IMMUTABLE: tuple[str, ...] = (
    "journal",
    "sales",
    "sale_lines",
    "tenders",
    "receipts",
    "receipt_payments",
    "receipt_copies",
    "credit_notes",
    "cash_movements",
    "outbox",
)

meta = Table(
    "meta",
    metadata,
    Column("key", String, primary_key=True),
    Column("value", Text, nullable=False),
)

tenants = Table(
    "tenants",
    metadata,
    Column("id", String, primary_key=True),
    Column("code", String(2), nullable=False, unique=True),
    Column("name", String, nullable=False),
    Column("org_no", String(9), nullable=False),
    Column("vat_registered", Boolean, nullable=False),
    Column("receipt_header", Text, nullable=False, server_default=""),
    Column("receipt_footer", Text, nullable=False, server_default=""),
    Column("active", Boolean, nullable=False, server_default="1"),
    Column("created_at", String, nullable=False),
)

registers = Table(
    "registers",
    metadata,
    Column("id", String, primary_key=True),
    Column("name", String, nullable=False),
    # Two digits that prefix every label number this register gives out (docs/labels.md).
    Column("label_block", Integer, unique=True),
)

staff = Table(
    "staff",
    metadata,
    Column("id", String, primary_key=True),
    Column("staff_no", String, nullable=False, unique=True),
    Column("name", String, nullable=False),
    Column("role", String, nullable=False),
    Column("pin_hash", String, nullable=False),
    Column("active", Boolean, nullable=False, server_default="1"),
    Column("failed_pins", Integer, nullable=False, server_default="0"),
    Column("locked", Boolean, nullable=False, server_default="0"),
    # When the current wrong-PIN delay ends (UTC ISO); NULL: no delay (migration 0010).
    Column("locked_until", String),
)

article_groups = Table(
    "article_groups",
    metadata,
    Column("id", String, primary_key=True),
    Column("name", String, nullable=False),
    Column("saft_code", String(5), nullable=False),
)

items = Table(
    "items",
    metadata,
    Column("id", String, primary_key=True),
    Column("tenant_id", ForeignKey("tenants.id"), nullable=False, index=True),
    Column("kind", String, nullable=False),
    Column("description", String, nullable=False),
    Column("price", Integer),
    Column("vat_class", String, nullable=False),
    Column("article_group_id", ForeignKey("article_groups.id"), nullable=False),
    Column("barcode", String, unique=True),
    Column("stock_qty", Integer),
    Column("status", String, nullable=False),
    Column("updated_at", String, nullable=False),
    Column("condition", String, nullable=False, server_default=""),
    Column("purchase_price", Integer),
    Column("label_reprint", Boolean, nullable=False, server_default="0"),
)

till_sessions = Table(
    "till_sessions",
    metadata,
    Column("id", String, primary_key=True),
    Column("register_id", ForeignKey("registers.id"), nullable=False),
    Column("opened_at", String, nullable=False),
    Column("opened_by", ForeignKey("staff.id"), nullable=False),
    Column("float_amount", Integer, nullable=False),
    Column("closed_at", String),
)
Index(
    "one_open_session_per_register",
    till_sessions.c.register_id,
    unique=True,
    sqlite_where=till_sessions.c.closed_at.is_(None),
)

cash_movements = Table(
    "cash_movements",
    metadata,
    Column("id", String, primary_key=True),
    Column("till_session_id", ForeignKey("till_sessions.id"), nullable=False),
    Column("kind", String, nullable=False),
    Column("amount", Integer, nullable=False),
    Column("reason", String, nullable=False),
    Column("staff_id", ForeignKey("staff.id"), nullable=False),
    Column("created_at", String, nullable=False),
)

sales = Table(
    "sales",
    metadata,
    Column("id", String, primary_key=True),
    Column("kind", String, nullable=False),
    Column("register_id", ForeignKey("registers.id"), nullable=False),
    Column("till_session_id", ForeignKey("till_sessions.id"), nullable=False),
    Column("staff_id", ForeignKey("staff.id"), nullable=False),
    Column("approved_by", ForeignKey("staff.id")),
    Column("training", Boolean, nullable=False),
    Column("created_at", String, nullable=False, index=True),
    Column("local_date", String, nullable=False),
    Column("local_time", String, nullable=False),
    Column("total", Integer, nullable=False),
    Column("rounding", Integer, nullable=False),
    Column("change", Integer, nullable=False),
    Column("cash_net", Integer, nullable=False),
)

sale_lines = Table(
    "sale_lines",
    metadata,
    Column("id", String, primary_key=True),
    Column("sale_id", ForeignKey("sales.id"), nullable=False, index=True),
    Column("receipt_id", ForeignKey("receipts.id"), nullable=False, index=True),
    Column("line_no", Integer, nullable=False),
    Column("tenant_id", ForeignKey("tenants.id"), nullable=False),
    Column("item_id", ForeignKey("items.id"), nullable=False),
    Column("description", String, nullable=False),
    Column("qty", Integer, nullable=False),
    Column("unit_price", Integer, nullable=False),
    Column("catalogue_price", Integer),
    Column("discount", Integer, nullable=False),
    Column("discount_reason", String, nullable=False),
    Column("amount", Integer, nullable=False),
    Column("vat_class", String, nullable=False),
    Column("vat_amount", Integer, nullable=False),
    Column("article_group_id", String, nullable=False),
    Column("original_line_id", ForeignKey("sale_lines.id"), index=True),
)

tenders = Table(
    "tenders",
    metadata,
    Column("id", String, primary_key=True),
    Column("sale_id", ForeignKey("sales.id"), nullable=False, index=True),
    Column("position", Integer, nullable=False),
    Column("kind", String, nullable=False),
    Column("amount", Integer, nullable=False),
    Column("tendered", Integer, nullable=False),
    Column("reference", String, nullable=False),
    Column("credit_note_id", ForeignKey("credit_notes.id"), index=True),
)

receipts = Table(
    "receipts",
    metadata,
    Column("id", String, primary_key=True),
    Column("sale_id", ForeignKey("sales.id"), nullable=False, index=True),
    Column("tenant_id", ForeignKey("tenants.id"), nullable=False),
    Column("register_id", ForeignKey("registers.id"), nullable=False),
    Column("kind", String, nullable=False),
    Column("number", Integer, nullable=False),
    Column("number_text", String, nullable=False, unique=True),
    Column("total", Integer, nullable=False),
    Column("total_ex_vat", Integer, nullable=False),
    Column("rounding", Integer, nullable=False),
    Column("original_receipt_id", ForeignKey("receipts.id")),
    Column("sig_nr", Integer, nullable=False),
    Column("signature", String, nullable=False),
    Column("sig_method", String, nullable=False),
    Column("key_version", String, nullable=False),
    Column("local_date", String, nullable=False),
    Column("local_time", String, nullable=False),
    UniqueConstraint("tenant_id", "register_id", "kind", "number"),
    UniqueConstraint("tenant_id", "register_id", "sig_nr"),
)

receipt_payments = Table(
    "receipt_payments",
    metadata,
    Column("receipt_id", ForeignKey("receipts.id"), primary_key=True),
    Column("tender_id", ForeignKey("tenders.id"), primary_key=True),
    Column("amount", Integer, nullable=False),
)

credit_notes = Table(
    "credit_notes",
    metadata,
    Column("id", String, primary_key=True),
    Column("number", String, nullable=False, unique=True),
    Column("tenant_id", ForeignKey("tenants.id"), nullable=False),
    Column("amount", Integer, nullable=False),
    Column("issued_receipt_id", ForeignKey("receipts.id"), nullable=False),
    Column("created_at", String, nullable=False),
    # 'credit_note' (tilgodelapp) or 'deposit' (a repair deposit; number = the ticket id).
    Column("kind", String, nullable=False, server_default="credit_note"),
)

receipt_copies = Table(
    "receipt_copies",
    metadata,
    Column("id", String, primary_key=True),
    Column("receipt_id", ForeignKey("receipts.id"), nullable=False, unique=True),
    Column("number", Integer, nullable=False),
    Column("staff_id", ForeignKey("staff.id"), nullable=False),
    Column("created_at", String, nullable=False),
)

parked_baskets = Table(
    "parked_baskets",
    metadata,
    Column("id", String, primary_key=True),
    Column("register_id", ForeignKey("registers.id"), nullable=False),
    Column("staff_id", ForeignKey("staff.id"), nullable=False),
    Column("parked_at", String, nullable=False),
    Column("label", String, nullable=False),
    Column("total", Integer, nullable=False),
    Column("payload", Text, nullable=False),
    Column("resumed_at", String),
    Column("training", Boolean, nullable=False, server_default="0"),
    Column("pickups", Text, nullable=False, server_default="[]"),
)

basket_drafts = Table(
    "basket_drafts",
    metadata,
    Column("register_id", ForeignKey("registers.id"), primary_key=True),
    Column("basket_id", String, nullable=False),
    Column("staff_id", ForeignKey("staff.id"), nullable=False),
    Column("training", Boolean, nullable=False),
    Column("saved_at", String, nullable=False),
    Column("payload", Text, nullable=False),
    Column("pickups", Text, nullable=False),
)

counters = Table(
    "counters",
    metadata,
    Column("name", String, primary_key=True),
    Column("value", Integer, nullable=False),
)

signature_chains = Table(
    "signature_chains",
    metadata,
    Column("tenant_id", ForeignKey("tenants.id"), primary_key=True),
    Column("register_id", ForeignKey("registers.id"), primary_key=True),
    Column("last_nr", Integer, nullable=False),
    Column("last_signature", String, nullable=False),
)

journal = Table(
    "journal",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("uuid", String, nullable=False, unique=True),
    Column("register_id", String, nullable=False),
    Column("tenant_id", ForeignKey("tenants.id")),
    Column("event_code", Integer, nullable=False),
    Column("created_at", String, nullable=False),
    Column("local_date", String, nullable=False),
    Column("local_time", String, nullable=False),
    Column("staff_id", String),
    Column("amount", Integer),
    Column("ref_id", String),
    Column("details", Text, nullable=False),
    Column("prev_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False),
)
Index("journal_by_tenant_code", journal.c.tenant_id, journal.c.event_code)

ITEMS_FTS = "items_fts"
ITEMS_TRIGRAM = "items_trigram"
"""Any part of an item's description (FTS5 trigram, migration 0017)."""
"""SQLite FTS5 index over items.description and items.barcode (migration 0004). A virtual table,
so not declared above: Core cannot express it, and ``items`` triggers keep it in step."""

outbox = Table(
    "outbox",
    metadata,
    Column("device_seq", Integer, primary_key=True, autoincrement=False),
    Column("event_id", String, nullable=False, unique=True),
    Column("type", String, nullable=False),
    Column("tenant_id", String),
    Column("occurred_at", String, nullable=False),
    Column("payload", Text, nullable=False),
)


# -- printing (migration 0002) --------------------------------------------------------------------
printer_settings = Table(
    "printer_settings",
    metadata,
    Column("register_id", ForeignKey("registers.id"), primary_key=True),
    Column("role", String, primary_key=True),
    Column("url", String, nullable=False),
    Column("profile", String, nullable=False),
    Column("columns", Integer, nullable=False),
    Column("updated_at", String, nullable=False),
)

print_jobs = Table(
    "print_jobs",
    metadata,
    Column("id", String, primary_key=True),
    Column("seq", Integer, nullable=False, unique=True),
    Column("register_id", ForeignKey("registers.id"), nullable=False),
    Column("role", String, nullable=False),
    Column("kind", String, nullable=False),
    Column("title", String, nullable=False),
    Column("payload", LargeBinary, nullable=False),
    Column("receipt_ids", Text, nullable=False, server_default="[]"),
    Column("status", String, nullable=False),
    Column("attempts", Integer, nullable=False, server_default="0"),
    Column("error", Text, nullable=False, server_default=""),
    Column("created_at", String, nullable=False),
    Column("updated_at", String, nullable=False),
    Column("printed_at", String),
    Column("retry_of", ForeignKey("print_jobs.id"), unique=True),
    Column("unsent", Boolean, nullable=False, server_default="0"),
    Column("opens_drawer", Text),
)
print_job_receipts = Table(
    "print_job_receipts",
    metadata,
    Column("receipt_id", String, primary_key=True),
    Column("job_id", ForeignKey("print_jobs.id"), primary_key=True),
)
Index(
    "print_jobs_by_register_status", print_jobs.c.register_id, print_jobs.c.status, print_jobs.c.seq
)


# Indexes for day-end reports over the core tables (migration 0003).
Index("journal_by_tenant_register_seq", journal.c.tenant_id, journal.c.register_id, journal.c.seq)
Index("journal_by_ref", journal.c.ref_id)
Index("receipts_by_tenant_date", receipts.c.tenant_id, receipts.c.local_date)
Index("sales_by_session", sales.c.till_session_id)

# The areas' tables register on the same metadata: one module per area keeps this one short.
from pos.adapters import tables_day_end, tables_repairs, tables_sync  # noqa: E402
from pos.adapters.tables_repairs import repair_tickets  # noqa: E402

IMMUTABLE_TABLES: tuple[str, ...] = (
    CORE_IMMUTABLE + tables_repairs.IMMUTABLE + tables_day_end.IMMUTABLE
)
__all__ = ["IMMUTABLE_TABLES", "metadata", "repair_tickets", "tables_sync"]
