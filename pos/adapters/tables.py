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
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

IMMUTABLE_TABLES: tuple[str, ...] = (
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
    "repair_status_history",
    "repair_lines",
    "repair_line_removals",
    "repair_approvals",
    "repair_photos",
    "repair_deposits",
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
)
Index(
    "print_jobs_by_register_status", print_jobs.c.register_id, print_jobs.c.status, print_jobs.c.seq
)

# -- repair counter (docs/repairs.md) -------------------------------------------------------------

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
# -- day end, reports and settlement (migration 0003) ---------------------------------------

DAY_END_IMMUTABLE_TABLES = (
    "z_reports",
    "till_closes",
    "till_close_tenants",
    "settlements",
    "settlement_lines",
)
IMMUTABLE_TABLES = IMMUTABLE_TABLES + DAY_END_IMMUTABLE_TABLES

z_reports = Table(
    "z_reports",
    metadata,
    Column("id", String, primary_key=True),
    Column("tenant_id", ForeignKey("tenants.id"), nullable=False),
    Column("register_id", String, nullable=False),
    Column("z_number", Integer, nullable=False),
    Column("business_date", String, nullable=False),
    Column("from_seq", Integer, nullable=False),
    Column("through_seq", Integer, nullable=False),
    Column("created_at", String, nullable=False),
    Column("staff_id", String),
    Column("journal_seq", Integer, nullable=False),
    Column("grand_total_sales", Integer, nullable=False),
    Column("grand_total_returns", Integer, nullable=False),
    Column("content", Text, nullable=False),
    UniqueConstraint("tenant_id", "register_id", "z_number"),
    UniqueConstraint("tenant_id", "register_id", "business_date"),
)

till_closes = Table(
    "till_closes",
    metadata,
    Column("id", String, primary_key=True),
    Column("till_session_id", ForeignKey("till_sessions.id"), nullable=False, unique=True),
    Column("register_id", String, nullable=False),
    Column("closed_at", String, nullable=False),
    Column("local_date", String, nullable=False),
    Column("staff_id", String, nullable=False),
    Column("approved_by", String),
    Column("float_amount", Integer, nullable=False),
    Column("expected_cash", Integer, nullable=False),
    Column("counted_cash", Integer, nullable=False),
    Column("variance", Integer, nullable=False),
    Column("variance_rule", String, nullable=False),
    Column("note", Text, nullable=False),
    Column("content", Text, nullable=False),
)

till_close_tenants = Table(
    "till_close_tenants",
    metadata,
    Column("till_close_id", ForeignKey("till_closes.id"), primary_key=True),
    Column("tenant_id", ForeignKey("tenants.id"), primary_key=True),
    Column("expected_cash", Integer, nullable=False),
    Column("variance", Integer, nullable=False),
)

tenant_terms = Table(
    "tenant_terms",
    metadata,
    Column("tenant_id", ForeignKey("tenants.id"), primary_key=True),
    Column("commission_bp", Integer, nullable=False, server_default="0"),
    Column("monthly_rent", Integer, nullable=False, server_default="0"),
    Column("bank_account", String, nullable=False, server_default=""),
    Column("updated_at", String, nullable=False),
)

tenant_group_commissions = Table(
    "tenant_group_commissions",
    metadata,
    Column("tenant_id", ForeignKey("tenants.id"), primary_key=True),
    Column("article_group_id", ForeignKey("article_groups.id"), primary_key=True),
    Column("commission_bp", Integer, nullable=False),
)

settlements = Table(
    "settlements",
    metadata,
    Column("id", String, primary_key=True),
    Column("tenant_id", ForeignKey("tenants.id"), nullable=False),
    Column("number", Integer, nullable=False),
    Column("period_from", String, nullable=False),
    Column("period_to", String, nullable=False),
    Column("corrects_id", ForeignKey("settlements.id")),
    Column("created_at", String, nullable=False),
    Column("staff_id", String),
    Column("net_payable", Integer, nullable=False),
    Column("content", Text, nullable=False),
    UniqueConstraint("tenant_id", "number"),
)

settlement_lines = Table(
    "settlement_lines",
    metadata,
    Column("settlement_id", ForeignKey("settlements.id"), primary_key=True),
    Column("line_no", Integer, primary_key=True),
    Column("kind", String, nullable=False),
    Column("description", String, nullable=False),
    Column("base", Integer, nullable=False),
    Column("amount", Integer, nullable=False),
)

Index("journal_by_tenant_register_seq", journal.c.tenant_id, journal.c.register_id, journal.c.seq)
Index("journal_by_ref", journal.c.ref_id)
Index("receipts_by_tenant_date", receipts.c.tenant_id, receipts.c.local_date)
Index("sales_by_session", sales.c.till_session_id)
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
