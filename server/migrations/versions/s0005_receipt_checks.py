"""Receipt checks: HMAC-SHA1 secrets per device, and the receipt numbers held (the first event
to hold each (tenant, register, kind, number)), filled from the events stored so far, every copy
of a number held twice flagged.

Revision ID: s0005
Revises: s0004
Create Date: 2026-12-08 09:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "s0005"
down_revision = "s0004"
branch_labels = None
depends_on = None

APP_ROLE = "omigjen_app"
_POLICY = (
    "current_setting('app.scope', true) = 'admin' OR "
    "tenant_id = ANY (string_to_array(current_setting('app.tenant_ids', true), ','))"
)
_RECEIPTS = "('sale.completed', 'return.completed', 'deposit.completed')"
_KEY = (
    "tenant_id, payload->'receipt'->>'register_id', payload->'receipt'->>'kind', "
    "(payload->'receipt'->>'number')::int"
)


def upgrade() -> None:
    op.add_column(
        "devices",
        sa.Column(
            "hmac_keys",
            postgresql.JSONB(astext_type=sa.Text()),
            server_default="{}",
            nullable=False,
        ),
    )
    op.create_table(
        "receipt_numbers",
        sa.Column("tenant_id", sa.Text(), nullable=False),
        sa.Column("register_id", sa.Text(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.UUID(as_uuid=False), nullable=False),
        sa.Column("receipt_id", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("tenant_id", "register_id", "kind", "number"),
    )
    op.execute(
        "INSERT INTO receipt_numbers (tenant_id, register_id, kind, number, event_id, "
        f"receipt_id) SELECT DISTINCT ON ({_KEY}) {_KEY}, event_id, "
        f"payload->'receipt'->>'id' FROM events WHERE type IN {_RECEIPTS} ORDER BY {_KEY}, id"
    )
    op.execute(
        "INSERT INTO event_flags (event_id, site_id, tenant_id, code, detail) "
        "SELECT e.event_id, e.site_id, e.tenant_id, 'receipt_number_reused', "
        "'receipt number ' || (e.payload->'receipt'->>'number_text') || "
        "' is held by more than one receipt' FROM events e WHERE e.type IN " + _RECEIPTS + " "
        f"AND ({_KEY.replace('tenant_id', 'e.tenant_id').replace('payload', 'e.payload')}) IN ("
        f"SELECT {_KEY} FROM events WHERE type IN {_RECEIPTS} GROUP BY {_KEY} "
        "HAVING count(DISTINCT payload->'receipt'->>'id') > 1)"
    )
    op.execute(f"GRANT SELECT, INSERT ON receipt_numbers TO {APP_ROLE}")
    op.execute("ALTER TABLE receipt_numbers ENABLE ROW LEVEL SECURITY")
    op.execute("ALTER TABLE receipt_numbers FORCE ROW LEVEL SECURITY")
    op.execute(
        f"CREATE POLICY receipt_numbers_scope ON receipt_numbers USING ({_POLICY}) "
        f"WITH CHECK ({_POLICY})"
    )


def downgrade() -> None:
    op.execute("DROP POLICY IF EXISTS receipt_numbers_scope ON receipt_numbers")
    op.drop_table("receipt_numbers")
    op.drop_column("devices", "hmac_keys")
