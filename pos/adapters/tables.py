"""The local SQLite schema (SQLAlchemy Core). Alembic migrations in ``migrations/`` create it.

Facts (journal, sales, lines, tenders, receipts, their payments, copies, credit notes, cash
movements, outbox) are insert-only: triggers made by the migrations refuse UPDATE and DELETE.
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
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

IMMUTABLE_TABLES = (
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

# -- sync with the central server (migration 0005) -------------------------------------------
# The outbox's progress is the server's acked_through, kept in meta["outbox_acked_through"];
# the pull cursor is meta["pull_cursor"] (meta["pull_staging_cursor"] during a full resync).

sync_device = Table(
    "sync_device",
    metadata,
    Column("id", Integer, primary_key=True),  # always 1: a counter is one device
    Column("server_url", String, nullable=False),
    Column("ca_file", String, nullable=False, server_default=""),
    Column("device_id", String, nullable=False),
    Column("device_epoch", Integer, nullable=False),
    Column("token", String, nullable=False),
    Column("site_id", String, nullable=False),
    Column("state", String, nullable=False),  # active, reenrol_needed, revoked, upgrade_required
    Column("state_detail", String, nullable=False, server_default=""),
    Column("enrolled_at", String, nullable=False),
)

sync_problems = Table(
    "sync_problems",
    metadata,
    Column("event_id", String, primary_key=True),
    Column("device_seq", Integer, nullable=False),
    Column("type", String, nullable=False),
    Column("tenant_id", String),
    Column("status", String, nullable=False),  # flagged, rejected
    Column("code", String, nullable=False),
    Column("codes", String, nullable=False),
    Column("recorded_at", String, nullable=False),
)

ref_entities = Table(
    "ref_entities",
    metadata,
    Column("entity", String, primary_key=True),
    Column("id", String, primary_key=True),
    Column("tenant_id", String),
    Column("version", Integer, nullable=False),
    Column("data", Text, nullable=False),
)

ref_staging = Table(
    "ref_staging",
    metadata,
    Column("entity", String, primary_key=True),
    Column("id", String, primary_key=True),
    Column("tenant_id", String),
    Column("version", Integer, nullable=False),
    Column("data", Text, nullable=False),
)
