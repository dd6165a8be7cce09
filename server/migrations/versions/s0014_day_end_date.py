"""The day a Z report or a till close belongs to as a stored ``date`` column of ``events``, with
an index the day-end page can use under row-level security.

The day-end page selects the day's Z reports by ``payload->>'business_date'`` and the till
closes by ``payload->>'local_date'``. A condition on the JSON text is not leakproof, so under
the row-level security policy PostgreSQL applies it only after the policy, row by row: every Z
report of every tenant in scope ever stored was read to show one day. ``day_end_date`` is
generated from the same text in the statement that stores the event (the migration fills it for
the rows already stored); ``date`` equality is leakproof, so ``events_day_end_date`` takes the
day as an index condition. Text that is not a real ``YYYY-MM-DD`` day gives NULL, never an
error (the same rule as ``receipt_date``): such a report is stored as before, under no day.

Revision ID: s0014
Revises: s0013
Create Date: 2026-12-07 16:30:00
"""

from __future__ import annotations

from alembic import op

revision = "s0014"
down_revision = "s0013"
branch_labels = None
depends_on = None

_DAY_END_DATE = r"""
CREATE FUNCTION day_end_date(kind text, payload jsonb) RETURNS date
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
-- receipt_date() of a receipt kind is the ISO-day reading: the day, or NULL for any other text
SELECT CASE kind
       WHEN 'z_report.taken' THEN receipt_date('sale.completed', payload->>'business_date')
       WHEN 'till.closed' THEN receipt_date('sale.completed', payload->>'local_date')
       END
$$
"""


def upgrade() -> None:
    op.execute(_DAY_END_DATE)
    op.execute(
        "ALTER TABLE events ADD COLUMN day_end_date date GENERATED ALWAYS AS "
        "(day_end_date(type, payload)) STORED"
    )
    op.execute(
        "CREATE INDEX events_day_end_date ON events (day_end_date, tenant_id) "
        "WHERE day_end_date IS NOT NULL"
    )
    op.execute("ANALYZE events")


def downgrade() -> None:
    op.execute("DROP INDEX events_day_end_date")
    op.execute("ALTER TABLE events DROP COLUMN day_end_date")
    op.execute("DROP FUNCTION day_end_date(text, jsonb)")
