"""The central server's PostgreSQL schema (SQLAlchemy Core), created by ``server/migrations``.

Facts pushed by counters (events, flags, quarantine) are insert-only for the app role; the
events of a tenant are its journal (receipts included, verified on ingest);
reference data is written through ``ref_changes``, the log that counters pull with a cursor.
Tables holding tenant data carry ``tenant_id`` and are guarded by row-level security.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Computed,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    Table,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.dialects.postgresql import ARRAY, JSONB, UUID

metadata = MetaData()

NOW = func.now()

sites = Table(
    "sites",
    metadata,
    Column("id", Text, primary_key=True),
    Column("name", Text, nullable=False, unique=True),
    Column("created_at", DateTime(timezone=True), nullable=False, server_default=NOW),
    # s0008: hold every tenant a counter brings for the operator (else register if it fits)
    Column("tenant_approval", Boolean, nullable=False, server_default="false"),
)

tenants = Table(
    "tenants",
    metadata,
    Column("id", Text, primary_key=True),
    Column("code", Text, nullable=False),
    Column("name", Text, nullable=False),
    Column("org_no", Text, nullable=False),
    Column("vat_registered", Boolean, nullable=False),
    Column("active", Boolean, nullable=False, server_default="true"),
    Column("created_at", DateTime(timezone=True), nullable=False, server_default=NOW),
)

site_tenants = Table(
    "site_tenants",
    metadata,
    Column("site_id", ForeignKey("sites.id"), nullable=False),
    Column("tenant_id", ForeignKey("tenants.id"), nullable=False),
    PrimaryKeyConstraint("site_id", "tenant_id"),
)

tenant_requests = Table(  # s0008: tenants counters brought, held for the operator
    "tenant_requests",
    metadata,
    Column("id", BigInteger, primary_key=True, autoincrement=True),
    Column("site_id", ForeignKey("sites.id"), nullable=False),
    Column("tenant_id", Text, nullable=False),  # the id the counter uses
    Column("code", Text, nullable=False),
    Column("name", Text, nullable=False),
    Column("org_no", Text, nullable=False),
    Column("vat_registered", Boolean, nullable=False),
    Column("device_id", Text),
    Column("reason", Text, nullable=False),  # approval, id_at_other_site, code_in_use, ...
    Column("status", Text, nullable=False),  # pending, approved, refused
    Column("created_at", DateTime(timezone=True), nullable=False, server_default=NOW),
    Column("decided_at", DateTime(timezone=True)),
)
Index("tenant_requests_pending", tenant_requests.c.site_id, tenant_requests.c.tenant_id,
      unique=True, postgresql_where=tenant_requests.c.status == "pending")  # fmt: skip

admin_tokens = Table(
    "admin_tokens",
    metadata,
    Column("token_hash", Text, primary_key=True),
    Column("label", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False, server_default=NOW),
)

tenant_tokens = Table(
    "tenant_tokens",
    metadata,
    Column("token_hash", Text, primary_key=True),
    Column("tenant_id", ForeignKey("tenants.id"), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False, server_default=NOW),
)

enrol_codes = Table(
    "enrol_codes",
    metadata,
    Column("code_hash", Text, primary_key=True),
    Column("site_id", ForeignKey("sites.id"), nullable=False),
    Column("device_id", Text),  # set: re-enrols that device with a new epoch
    Column("expires_at", DateTime(timezone=True), nullable=False),
    Column("used_at", DateTime(timezone=True)),
)

devices = Table(
    "devices",
    metadata,
    Column("id", Text, primary_key=True),
    Column("site_id", ForeignKey("sites.id"), nullable=False),
    Column("name", Text, nullable=False),
    Column("app_version", Text, nullable=False),
    Column("epoch", Integer, nullable=False),
    Column("token_hash", Text, nullable=False, unique=True),
    Column("pending_token_hash", Text, unique=True),
    Column("public_keys", JSONB, nullable=False),
    Column("hmac_keys", JSONB, nullable=False, server_default="{}"),  # s0005: version -> Base64
    Column("revoked_at", DateTime(timezone=True)),
    Column("enrolled_at", DateTime(timezone=True), nullable=False, server_default=NOW),
    Column("last_seen_at", DateTime(timezone=True)),
    Column("last_pull_at", DateTime(timezone=True)),  # s0019: its outbox drained then
)

device_streams = Table(
    "device_streams",
    metadata,
    Column("device_id", ForeignKey("devices.id"), nullable=False),
    Column("epoch", Integer, nullable=False),
    Column("acked_through", BigInteger, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False, server_default=NOW),
    PrimaryKeyConstraint("device_id", "epoch"),
)

events = Table(
    "events",
    metadata,
    Column("id", BigInteger, autoincrement=True),
    Column("event_id", UUID(as_uuid=False), nullable=False),
    Column("site_id", Text, nullable=False),
    Column("device_id", Text, nullable=False),
    Column("device_epoch", Integer, nullable=False),
    Column("device_seq", BigInteger, nullable=False),
    Column("tenant_id", Text),  # NULL: a site-level event (till opened, cash moved)
    Column("type", Text, nullable=False),
    Column("type_version", Integer, nullable=False),
    Column("occurred_at", DateTime(timezone=True), nullable=False),
    Column("received_at", DateTime(timezone=True), nullable=False, server_default=NOW),
    Column("hash", Text, nullable=False),
    Column("payload", JSONB, nullable=False),
    Column(  # migration s0013: a date's comparisons are leakproof, so RLS lets an index take them
        "receipt_date",
        Date,
        Computed("receipt_date(type, payload->'receipt'->>'local_date')", persisted=True),
    ),
    Column(  # migration s0014: the day of a Z report or a till close, for the day-end page
        "day_end_date", Date, Computed("day_end_date(type, payload)", persisted=True)
    ),
    PrimaryKeyConstraint("id", "received_at", name="events_pkey"),
    postgresql_partition_by="RANGE (received_at)",
)
"""Partitioned by the month received (migration s0012: ``events_YYYYMM``, ``events_default``);
what makes each event stored once across the months is ``event_keys``."""
Index("events_event_id", events.c.event_id)
Index("events_by_tenant_type", events.c.tenant_id, events.c.type, events.c.id)
Index(
    "events_receipt_date",
    events.c.tenant_id,
    events.c.receipt_date,
    events.c.id,
    postgresql_where=events.c.receipt_date.isnot(None),
)
Index(
    "events_day_end_date",
    events.c.day_end_date,
    events.c.tenant_id,
    postgresql_where=events.c.day_end_date.isnot(None),
)

event_keys = Table(  # migration s0012: claimed by the statement that stores the event
    "event_keys",
    metadata,
    Column("device_id", Text, nullable=False),
    Column("device_epoch", Integer, nullable=False),
    Column("device_seq", BigInteger, nullable=False),
    Column("event_id", UUID(as_uuid=False), nullable=False),
    PrimaryKeyConstraint("device_id", "device_epoch", "device_seq", name="event_keys_pkey"),
    UniqueConstraint("event_id", name="event_keys_event_id_key"),
)

event_flags = Table(
    "event_flags",
    metadata,
    Column("id", BigInteger, primary_key=True, autoincrement=True),
    Column("event_id", UUID(as_uuid=False), nullable=False, index=True),
    Column("site_id", Text, nullable=False),
    Column("tenant_id", Text),
    Column("code", Text, nullable=False),
    Column("detail", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False, server_default=NOW),
)

quarantine = Table(
    "quarantine",
    metadata,
    Column("id", BigInteger, primary_key=True, autoincrement=True),
    Column("site_id", Text, nullable=False),
    Column("tenant_id", Text),  # always NULL: the claimed tenant is not trusted
    Column("device_id", Text, nullable=False),
    Column("device_epoch", Integer, nullable=False),
    Column("device_seq", BigInteger, nullable=False),
    Column("event_id", Text),
    Column("claimed_tenant_id", Text),
    Column("code", Text, nullable=False),
    Column("detail", Text, nullable=False),
    Column("hash", Text, nullable=False),
    Column("raw", JSONB, nullable=False),
    Column("received_at", DateTime(timezone=True), nullable=False, server_default=NOW),
)
Index(
    "quarantine_by_stream_seq",
    quarantine.c.device_id,
    quarantine.c.device_epoch,
    quarantine.c.device_seq,
    quarantine.c.id,
)  # fmt: skip  (s0016: the order a release reads)

quarantine_releases = Table(  # migration s0006: quarantined events stored after all
    "quarantine_releases",
    metadata,
    Column("quarantine_id", ForeignKey("quarantine.id"), primary_key=True),
    Column("released_at", DateTime(timezone=True), nullable=False, server_default=NOW),
)

chain_heads = Table(
    "chain_heads",
    metadata,
    Column("tenant_id", Text, nullable=False),
    Column("device_id", Text, nullable=False),
    Column("register_id", Text, nullable=False),
    Column("last_nr", Integer, nullable=False),
    Column("last_signature", Text, nullable=False),
    PrimaryKeyConstraint("tenant_id", "device_id", "register_id"),
)

number_heads = Table(
    "number_heads",
    metadata,
    Column("tenant_id", Text, nullable=False),
    Column("device_id", Text, nullable=False),
    Column("register_id", Text, nullable=False),
    Column("kind", Text, nullable=False),
    Column("last_number", Integer, nullable=False),
    PrimaryKeyConstraint("tenant_id", "device_id", "register_id", "kind"),
)

receipt_numbers = Table(  # migration s0005: the first event to hold each receipt number
    "receipt_numbers",
    metadata,
    Column("tenant_id", Text, nullable=False),
    Column("register_id", Text, nullable=False),
    Column("kind", Text, nullable=False),
    Column("number", Integer, nullable=False),
    Column("event_id", UUID(as_uuid=False), nullable=False),
    Column("receipt_id", Text, nullable=False),
    PrimaryKeyConstraint("tenant_id", "register_id", "kind", "number"),
)

ref_changes = Table(
    "ref_changes",
    metadata,
    Column("change_seq", BigInteger, primary_key=True, autoincrement=True),
    Column("tenant_id", Text),  # NULL: shared (VAT rates, article groups, staff)...
    Column("site_id", Text),  # ...by every site, or by this one only (staff; s0007)
    Column("entity", Text, nullable=False),
    Column("entity_id", Text, nullable=False),
    Column("op", Text, nullable=False),
    Column("data", JSONB),
    Column("changed_at", DateTime(timezone=True), nullable=False, server_default=NOW),
)
Index("ref_changes_by_entity", ref_changes.c.entity, ref_changes.c.entity_id)

ref_current = Table(
    "ref_current",
    metadata,
    Column("entity", Text, nullable=False),
    Column("entity_id", Text, nullable=False),
    Column("tenant_id", Text),
    Column("site_id", Text),  # s0007, as in ref_changes
    Column("data", JSONB),
    Column("deleted", Boolean, nullable=False),
    Column("change_seq", BigInteger, nullable=False),
    PrimaryKeyConstraint("entity", "entity_id"),
)
# Migration s0003 adds the partial expression index ref_current_item_barcode on
# (tenant_id, data->>'barcode') WHERE entity = 'item' AND NOT deleted (server/items.py).

server_meta = Table(
    "server_meta",
    metadata,
    Column("key", Text, primary_key=True),
    Column("value", Text, nullable=False),
)

notifications = Table(
    "notifications",
    metadata,
    Column("id", UUID(as_uuid=False), primary_key=True),  # the event_id that asked for it
    Column("tenant_id", Text),
    Column("site_id", Text, nullable=False),
    Column("channel", Text, nullable=False),
    Column("recipient", Text, nullable=False),
    Column("subject", Text, nullable=False),
    Column("body", Text, nullable=False),
    Column("status", Text, nullable=False),
    Column("attempts", Integer, nullable=False, server_default="0"),
    Column("next_attempt_at", DateTime(timezone=True), nullable=False, server_default=NOW),
    Column("last_error", Text, nullable=False, server_default=""),
    Column("sent_at", DateTime(timezone=True)),
    Column("created_at", DateTime(timezone=True), nullable=False, server_default=NOW),
)
Index("notifications_due", notifications.c.status, notifications.c.next_attempt_at)

repair_tickets = Table(
    "repair_tickets",
    metadata,
    Column("tenant_id", Text, nullable=False),
    Column("ticket_id", Text, nullable=False),
    Column("site_id", Text, nullable=False),
    Column("base", JSONB, nullable=False),  # register, created by/at: never change
    Column("fields", JSONB, nullable=False),  # name -> {"v": value, "hlc": stamp, "dev": device}
    Column("status", Text, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False, server_default=NOW),
    PrimaryKeyConstraint("tenant_id", "ticket_id"),
)

repair_ticket_parts = Table(
    "repair_ticket_parts",
    metadata,
    Column("tenant_id", Text, nullable=False),
    Column("ticket_id", Text, nullable=False),
    Column("kind", Text, nullable=False),  # note, line, removal, approval, status
    Column("part_id", Text, nullable=False),  # the id made at the counter: a replay is a no-op
    Column("hlc", Text, nullable=False),
    Column("data", JSONB, nullable=False),
    PrimaryKeyConstraint("tenant_id", "ticket_id", "kind", "part_id"),
)

# The takings roll-up (migration s0004): per tenant, device, register, receipt date and receipt
# kind; the web pages read these, not every receipt. Since s0011 it is brought up to date before
# each read from the receipts noted in ``takings_pending`` (server/takings_rollup.py).
_ROLLUP_KEY = ("tenant_id", "device_id", "register_id", "day", "kind")


def _rollup(name: str, *columns: Column, key: tuple[str, ...] = ()) -> Table:
    return Table(
        name,
        metadata,
        Column("tenant_id", Text, nullable=False),
        Column("site_id", Text, nullable=False),
        Column("device_id", Text, nullable=False),
        Column("register_id", Text, nullable=False),
        Column("day", Text, nullable=False),
        Column("kind", Text, nullable=False),
        *columns,
        PrimaryKeyConstraint(*_ROLLUP_KEY, *key),
    )


takings_days = _rollup(
    "takings_days",
    *(Column(c, BigInteger, nullable=False) for c in ("num", "amount", "ex_vat", "rounding")),
    Column("discount_num", BigInteger, nullable=False),
    Column("discount_amount", BigInteger, nullable=False),
)
takings_vat = _rollup(
    "takings_vat",
    Column("vat_class", Text, nullable=False),
    Column("gross", BigInteger, nullable=False),
    Column("vat", BigInteger, nullable=False),
    key=("vat_class",),
)
takings_payments = _rollup(
    "takings_payments",
    Column("means", Text, nullable=False),
    Column("negative", Boolean, nullable=False),
    Column("num", BigInteger, nullable=False),
    Column("amount", BigInteger, nullable=False),
    key=("means", "negative"),
)

takings_pending = Table(  # migration s0011: receipts stored but not yet in the roll-up
    "takings_pending",
    metadata,
    Column("id", BigInteger, primary_key=True, autoincrement=True),
    Column("tenant_id", Text, nullable=False),
    Column("event_ids", ARRAY(BigInteger), nullable=False),  # events.id of its receipts
    Column("received_at", DateTime(timezone=True), nullable=False, server_default=NOW),  # s0012
)

# The web back office's people (a site's managers, a tenant's users), their sessions, the
# sign-in throttle and the form tokens already used (server/web/).
web_users = Table(
    "web_users",
    metadata,
    Column("id", Text, primary_key=True),
    Column("login", Text, nullable=False, unique=True),
    Column("name", Text, nullable=False),
    Column("role", Text, nullable=False),  # manager (site_id) or tenant (tenant_id)
    Column("site_id", ForeignKey("sites.id")),
    Column("tenant_id", ForeignKey("tenants.id")),
    Column("password_hash", Text, nullable=False),  # argon2id
    Column("totp_secret", Text),
    Column("totp_last_step", BigInteger),  # a TOTP code is good once
    Column("language", Text, nullable=False, server_default="nb"),
    Column("active", Boolean, nullable=False, server_default="true"),
    Column("created_at", DateTime(timezone=True), nullable=False, server_default=NOW),
)
web_sessions = Table(
    "web_sessions",
    metadata,
    Column("token_hash", Text, primary_key=True),
    Column("user_id", ForeignKey("web_users.id"), nullable=False),
    Column("stage", Text, nullable=False),  # "totp": password given, code awaited; "in"
    Column("created_at", DateTime(timezone=True), nullable=False, server_default=NOW),
    Column("seen_at", DateTime(timezone=True), nullable=False, server_default=NOW),
    Column("ended_at", DateTime(timezone=True)),
)
web_throttle = Table(
    "web_throttle",
    metadata,
    Column("key", Text, primary_key=True),
    Column("failures", Integer, nullable=False),
    Column("blocked_until", DateTime(timezone=True), nullable=False),
)
web_used_forms = Table(
    "web_used_forms",
    metadata,
    Column("nonce", Text, primary_key=True),
    Column("used_at", DateTime(timezone=True), nullable=False, server_default=NOW),
)

journal_anchors = Table(
    "journal_anchors",
    metadata,
    Column("id", BigInteger, primary_key=True, autoincrement=True),
    Column("device_id", ForeignKey("devices.id"), nullable=False),
    Column("device_epoch", Integer, nullable=False),
    Column("seq", BigInteger, nullable=False),
    Column("hash", Text, nullable=False),
    Column("received_at", DateTime(timezone=True), nullable=False, server_default=NOW),
    UniqueConstraint("device_id", "seq", "hash", name="journal_anchors_device_seq_hash_key"),
)
"""A counter's journal head (row number and hash) at each sync (migration s0010): evidence
outside the counter that ``verify-journal`` checks the counter's journal against. Insert-only;
two hashes for one row number of a device mean its journal was rewritten in between."""

site_settlements = Table(
    "site_settlements",
    metadata,
    Column("id", Text, primary_key=True),
    Column("site_id", ForeignKey("sites.id"), nullable=False),
    Column("tenant_id", ForeignKey("tenants.id"), nullable=False),
    Column("number", Integer, nullable=False),
    Column("period_from", Text, nullable=False),
    Column("period_to", Text, nullable=False),
    Column("corrects_id", Text),
    Column("content", JSONB, nullable=False),
    Column("device_id", Text, nullable=False),
    Column("staff_id", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False, server_default=NOW),
    UniqueConstraint("site_id", "tenant_id", "number", name="site_settlements_number"),
)
"""A centre's settlements (migration s0018), made by the server over every register of the
site: one number series per tenant and site; insert-only (a correction is a new one)."""

# Row-level security: table -> (tenant column, what a NULL tenant means). "site": a site-level
# row, visible to that site's devices; "shared": reference data every scope may read (s0007:
# unless it names a site, then only that site's devices and the admin);
# "none": the column is never NULL. The _V1 sets are what migration s0001 secured.
RLS_TABLES_V1 = {
    "tenants": ("id", "none"),
    "events": ("tenant_id", "site"),
    "event_flags": ("tenant_id", "site"),
    "quarantine": ("tenant_id", "site"),
    "notifications": ("tenant_id", "site"),
    "chain_heads": ("tenant_id", "none"),
    "number_heads": ("tenant_id", "none"),
    "ref_changes": ("tenant_id", "shared"),
    "ref_current": ("tenant_id", "shared"),
}
INSERT_ONLY_V1 = ("events", "event_flags", "quarantine")
TICKET_RLS_TABLES = {  # migration s0002
    "repair_tickets": ("tenant_id", "none"),
    "repair_ticket_parts": ("tenant_id", "none"),
}
WEB_RLS_TABLES = {  # migration s0004: the takings roll-up and the web's people
    "takings_days": ("tenant_id", "none"),
    "takings_vat": ("tenant_id", "none"),
    "takings_payments": ("tenant_id", "none"),
    "web_users": ("tenant_id", "site"),
}
RECEIPT_RLS_TABLES = {"receipt_numbers": ("tenant_id", "none")}  # migration s0005
PENDING_RLS_TABLES = {"takings_pending": ("tenant_id", "none")}  # migration s0011
SETTLEMENT_RLS_TABLES = {"site_settlements": ("tenant_id", "none")}  # migration s0018
RLS_TABLES = (
    RLS_TABLES_V1
    | TICKET_RLS_TABLES
    | WEB_RLS_TABLES
    | RECEIPT_RLS_TABLES
    | PENDING_RLS_TABLES
    | SETTLEMENT_RLS_TABLES
)
INSERT_ONLY = (
    *INSERT_ONLY_V1,
    "repair_ticket_parts",
    "receipt_numbers",
    "quarantine_releases",
    "journal_anchors",
    "event_keys",
    "site_settlements",
)
APP_ROLE = "omigjen_app"
