"""A receipt's date as a stored ``date`` column of ``events``, with an index the tenant's pages
can use under row-level security.

The pages select a tenant's receipts by their date. Written on the JSON payload
(``payload->'receipt'->>'local_date'``) that condition is not leakproof, so under the per-tenant
policy PostgreSQL may only apply it after the policy, never as an index condition: every receipt
the tenant ever stored was read to show one month. ``receipt_date`` is generated from the same
text (so every way of storing events fills it, in the statement that stores them, and the
migration fills it for the rows already stored); the comparison operators of ``date`` are
leakproof, so ``events_receipt_date`` (tenant, date, id) takes the period. Text that is not a
real ``YYYY-MM-DD`` day gives NULL, never an error: such a receipt is stored as before.

Revision ID: s0013
Revises: s0012
Create Date: 2026-12-07 14:30:00
"""

from __future__ import annotations

from alembic import op

revision = "s0013"
down_revision = "s0012"
branch_labels = None
depends_on = None

_RECEIPT_DATE = r"""
CREATE FUNCTION receipt_date(kind text, day text) RETURNS date
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
SELECT CASE WHEN kind IN ('sale.completed', 'return.completed', 'deposit.completed')
             AND day ~ '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$'
             AND substr(day, 1, 4) <> '0000'
       THEN CASE WHEN substr(day, 9, 2)::int <= extract(day FROM
                     make_date(substr(day, 1, 4)::int, substr(day, 6, 2)::int, 1)
                     + interval '1 month' - interval '1 day')
            THEN make_date(substr(day, 1, 4)::int, substr(day, 6, 2)::int,
                           substr(day, 9, 2)::int)
            END
       END
$$
"""
_RECEIPT_DAY = (
    "CREATE INDEX events_receipt_day ON events (tenant_id, "
    "((payload->'receipt'->>'local_date')), id) "
    "WHERE type IN ('sale.completed', 'return.completed', 'deposit.completed')"
)


def upgrade() -> None:
    op.execute(_RECEIPT_DATE)
    op.execute(
        "ALTER TABLE events ADD COLUMN receipt_date date GENERATED ALWAYS AS "
        "(receipt_date(type, payload->'receipt'->>'local_date')) STORED"
    )
    op.execute("DROP INDEX events_receipt_day")
    op.execute(
        "CREATE INDEX events_receipt_date ON events (tenant_id, receipt_date, id) "
        "WHERE receipt_date IS NOT NULL"
    )
    op.execute("ANALYZE events")


def downgrade() -> None:
    op.execute("DROP INDEX events_receipt_date")
    op.execute("ALTER TABLE events DROP COLUMN receipt_date")
    op.execute("DROP FUNCTION receipt_date(text, text)")
    op.execute(_RECEIPT_DAY)
