"""The back office on the web: its people, sessions, sign-in throttle and used form tokens, and
the takings roll-up that the pages read instead of every receipt.

The roll-up (``takings_days``, ``takings_vat``, ``takings_payments``) is kept by a statement
trigger on ``events``: each insert of pushed receipts adds its figures per tenant, device,
register, receipt date and kind, in the push's own transaction, so the pages are as fresh as
the last sync and a month of 50 000 receipts is a few hundred rows to read. The trigger casts
nothing it has not checked: a receipt with a field it cannot read counts as 0 rather than
failing the push (the server never bounces a fact). Existing receipts are rolled up here.

Revision ID: s0004
Revises: s0003
Create Date: 2026-12-05 09:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "s0004"
down_revision = "s0003"
branch_labels = None
depends_on = None

APP_ROLE = "omigjen_app"
_TENANT = "tenant_id = ANY (string_to_array(current_setting('app.tenant_ids', true), ','))"
_ADMIN = "current_setting('app.scope', true) = 'admin'"
_ROLLUPS = ("takings_days", "takings_vat", "takings_payments")
_WEB_USERS_POLICY = (
    f"{_ADMIN} OR current_setting('app.scope', true) = 'auth' OR {_TENANT} OR "
    "(tenant_id IS NULL AND site_id = current_setting('app.site_id', true))"
)
_KEY = ("tenant_id", "device_id", "register_id", "day")


def _common() -> list[sa.Column]:
    names = ("tenant_id", "site_id", "device_id", "register_id", "day", "kind")
    return [sa.Column(name, sa.Text(), nullable=False) for name in names]


def _rollup_tables() -> None:
    op.create_table(
        "takings_days",
        *_common(),
        sa.Column("num", sa.BigInteger(), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("ex_vat", sa.BigInteger(), nullable=False),
        sa.Column("rounding", sa.BigInteger(), nullable=False),
        sa.Column("discount_num", sa.BigInteger(), nullable=False),
        sa.Column("discount_amount", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint(*_KEY, "kind"),
    )
    op.create_table(
        "takings_vat",
        *_common(),
        sa.Column("vat_class", sa.Text(), nullable=False),
        sa.Column("gross", sa.BigInteger(), nullable=False),
        sa.Column("vat", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint(*_KEY, "kind", "vat_class"),
    )
    op.create_table(
        "takings_payments",
        *_common(),
        sa.Column("means", sa.Text(), nullable=False),
        sa.Column("negative", sa.Boolean(), nullable=False),
        sa.Column("num", sa.BigInteger(), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint(*_KEY, "kind", "means", "negative"),
    )
    for table in _ROLLUPS:
        op.create_index(f"{table}_by_day", table, ["tenant_id", "day"])
        op.create_index(f"{table}_by_site_day", table, ["site_id", "day"])


def _web_tables() -> None:
    now = sa.text("now()")
    op.create_table(
        "web_users",
        sa.Column("id", sa.Text(), primary_key=True),
        sa.Column("login", sa.Text(), nullable=False, unique=True),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("role", sa.Text(), nullable=False),
        sa.Column("site_id", sa.Text(), sa.ForeignKey("sites.id")),
        sa.Column("tenant_id", sa.Text(), sa.ForeignKey("tenants.id")),
        sa.Column("password_hash", sa.Text(), nullable=False),
        sa.Column("totp_secret", sa.Text()),
        sa.Column("totp_last_step", sa.BigInteger()),
        sa.Column("language", sa.Text(), nullable=False, server_default="nb"),
        sa.Column("active", sa.Boolean(), nullable=False, server_default="true"),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, server_default=now),
        sa.CheckConstraint(
            "(role = 'manager' AND site_id IS NOT NULL AND tenant_id IS NULL) OR "
            "(role = 'tenant' AND tenant_id IS NOT NULL)",
            name="web_users_role",
        ),
    )
    op.create_table(
        "web_sessions",
        sa.Column("token_hash", sa.Text(), primary_key=True),
        sa.Column("user_id", sa.Text(), sa.ForeignKey("web_users.id"), nullable=False),
        sa.Column("stage", sa.Text(), nullable=False),  # 'totp' (password given) or 'in'
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, server_default=now),
        sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False, server_default=now),
        sa.Column("ended_at", sa.DateTime(timezone=True)),
    )
    op.create_table(
        "web_throttle",
        sa.Column("key", sa.Text(), primary_key=True),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("blocked_until", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "web_used_forms",
        sa.Column("nonce", sa.Text(), primary_key=True),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=False, server_default=now),
    )
    op.create_index("web_used_forms_by_time", "web_used_forms", ["used_at"])


_INT = """
CREATE OR REPLACE FUNCTION takings_int(value text) RETURNS bigint
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN value ~ '^-?[0-9]{1,15}$' THEN value::bigint ELSE 0 END
$$
"""
_ARRAY = """
CREATE OR REPLACE FUNCTION takings_array(value jsonb) RETURNS jsonb
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN jsonb_typeof(value) = 'array' THEN value ELSE '[]'::jsonb END
$$
"""
_RECEIPTS = (
    "SELECT e.tenant_id, e.site_id, e.device_id, "
    "COALESCE(e.payload->'receipt'->>'register_id', '') AS register_id, "
    "COALESCE(e.payload->'receipt'->>'local_date', '') AS day, "
    "COALESCE(e.payload->'receipt'->>'kind', '') AS kind, e.payload "
    "FROM {source} e WHERE e.tenant_id IS NOT NULL "
    "AND e.type IN ('sale.completed', 'return.completed', 'deposit.completed')"
)
_ADD_DAYS = """
INSERT INTO takings_days AS d (tenant_id, site_id, device_id, register_id, day, kind, num,
    amount, ex_vat, rounding, discount_num, discount_amount)
SELECT r.tenant_id, r.site_id, r.device_id, r.register_id, r.day, r.kind, count(*),
    sum(takings_int(r.payload->'receipt'->>'total')),
    sum(takings_int(r.payload->'receipt'->>'total_ex_vat')),
    sum(takings_int(r.payload->'receipt'->>'rounding')),
    sum((SELECT count(*) FROM jsonb_array_elements(takings_array(r.payload->'lines')) l
         WHERE takings_int(l->>'discount') <> 0)),
    sum((SELECT COALESCE(sum(takings_int(l->>'discount')), 0)
         FROM jsonb_array_elements(takings_array(r.payload->'lines')) l))
FROM ({receipts}) r GROUP BY 1, 2, 3, 4, 5, 6
ON CONFLICT (tenant_id, device_id, register_id, day, kind) DO UPDATE SET
    num = d.num + excluded.num, amount = d.amount + excluded.amount,
    ex_vat = d.ex_vat + excluded.ex_vat, rounding = d.rounding + excluded.rounding,
    discount_num = d.discount_num + excluded.discount_num,
    discount_amount = d.discount_amount + excluded.discount_amount
"""
_ADD_VAT = """
INSERT INTO takings_vat AS v (tenant_id, site_id, device_id, register_id, day, kind, vat_class,
    gross, vat)
SELECT r.tenant_id, r.site_id, r.device_id, r.register_id, r.day, r.kind,
    COALESCE(l->>'vat_class', ''), sum(takings_int(l->>'amount')),
    sum(takings_int(l->>'vat_amount'))
FROM ({receipts}) r, jsonb_array_elements(takings_array(r.payload->'lines')) l
GROUP BY 1, 2, 3, 4, 5, 6, 7
ON CONFLICT (tenant_id, device_id, register_id, day, kind, vat_class) DO UPDATE SET
    gross = v.gross + excluded.gross, vat = v.vat + excluded.vat
"""
_ADD_PAYMENTS = """
INSERT INTO takings_payments AS p (tenant_id, site_id, device_id, register_id, day, kind, means,
    negative, num, amount)
SELECT r.tenant_id, r.site_id, r.device_id, r.register_id, r.day, r.kind,
    COALESCE(m->>'kind', ''), takings_int(m->>'amount') < 0, count(*),
    sum(takings_int(m->>'amount'))
FROM ({receipts}) r, jsonb_array_elements(takings_array(r.payload->'payments')) m
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
ON CONFLICT (tenant_id, device_id, register_id, day, kind, means, negative) DO UPDATE SET
    num = p.num + excluded.num, amount = p.amount + excluded.amount
"""


def _rollup_sql(source: str) -> list[str]:
    receipts = _RECEIPTS.format(source=source)
    return [sql.format(receipts=receipts) for sql in (_ADD_DAYS, _ADD_VAT, _ADD_PAYMENTS)]


def _trigger() -> None:
    op.execute(_INT)
    op.execute(_ARRAY)
    body = ";\n".join(_rollup_sql("new_rows"))
    op.execute(
        "CREATE OR REPLACE FUNCTION takings_rollup() RETURNS trigger LANGUAGE plpgsql AS $$\n"
        f"BEGIN\n{body};\nRETURN NULL;\nEND $$"
    )
    op.execute(
        "CREATE TRIGGER events_takings AFTER INSERT ON events REFERENCING NEW TABLE AS new_rows "
        "FOR EACH STATEMENT EXECUTE FUNCTION takings_rollup()"
    )


def _secure() -> None:
    for table in _ROLLUPS:
        op.execute(f"GRANT SELECT, INSERT, UPDATE ON {table} TO {APP_ROLE}")
        rule = f"{_ADMIN} OR {_TENANT}"
        op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        op.execute(f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY")
        op.execute(f"CREATE POLICY {table}_scope ON {table} USING ({rule}) WITH CHECK ({rule})")
    op.execute(f"GRANT SELECT, INSERT, UPDATE ON web_users TO {APP_ROLE}")
    op.execute("ALTER TABLE web_users ENABLE ROW LEVEL SECURITY")
    op.execute("ALTER TABLE web_users FORCE ROW LEVEL SECURITY")
    op.execute(
        f"CREATE POLICY web_users_scope ON web_users USING ({_WEB_USERS_POLICY}) "
        f"WITH CHECK ({_WEB_USERS_POLICY})"
    )
    for table in ("web_sessions", "web_throttle", "web_used_forms"):
        op.execute(f"GRANT SELECT, INSERT, UPDATE, DELETE ON {table} TO {APP_ROLE}")


def upgrade() -> None:
    _rollup_tables()
    _web_tables()
    _trigger()
    _secure()
    # Receipts pushed before this revision; RLS is forced for the owner too, so say admin.
    op.execute("SELECT set_config('app.scope', 'admin', true)")
    for sql in _rollup_sql("events"):
        op.execute(sql)
    op.execute(
        "CREATE INDEX events_receipt_day ON events (tenant_id, "
        "((payload->'receipt'->>'local_date')), id) "
        "WHERE type IN ('sale.completed', 'return.completed', 'deposit.completed')"
    )


def downgrade() -> None:
    op.execute("DROP INDEX IF EXISTS events_receipt_day")
    op.execute("DROP TRIGGER IF EXISTS events_takings ON events")
    op.execute("DROP FUNCTION IF EXISTS takings_rollup()")
    op.execute("DROP FUNCTION IF EXISTS takings_array(jsonb)")
    op.execute("DROP FUNCTION IF EXISTS takings_int(text)")
    for table in ("web_used_forms", "web_throttle", "web_sessions", "web_users", *_ROLLUPS):
        op.drop_table(table)
