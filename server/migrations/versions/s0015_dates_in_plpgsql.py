"""``receipt_date`` and ``day_end_date`` (the functions behind the generated date columns of
``events``) in PL/pgSQL, the same rules as before.

As SQL functions they were inlined into the generated column's expression, and PostgreSQL does
that again (parses the function's text, plans the expression, compiles the day's pattern) at the
start of every statement that stores events: for a statement storing one row that was about
eight times the cost of the row itself (0.36 s of backend CPU for 20 000 single-row INSERTs
without the two columns, 3.06 s with them). A PL/pgSQL function keeps its compiled form for the
session, so a one-row statement costs about what it did before the columns (0.56 s); a
statement storing many rows (a push's chunk) costs the same either way. The values are the same,
so the stored columns are left as they are.

Revision ID: s0015
Revises: s0014
Create Date: 2026-12-07 17:00:00
"""

from __future__ import annotations

from alembic import op

from server.migrations.versions.s0013_receipt_date import _RECEIPT_DATE
from server.migrations.versions.s0014_day_end_date import _DAY_END_DATE

revision = "s0015"
down_revision = "s0014"
branch_labels = None
depends_on = None

_RECEIPT_DATE_PLPGSQL = r"""
CREATE OR REPLACE FUNCTION receipt_date(kind text, day text) RETURNS date
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
    y int;
    m int;
    d int;
BEGIN
    IF (kind IN ('sale.completed', 'return.completed', 'deposit.completed')) IS NOT TRUE
       OR (day ~ '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$') IS NOT TRUE THEN
        RETURN NULL;
    END IF;
    y := substr(day, 1, 4)::int;
    m := substr(day, 6, 2)::int;
    d := substr(day, 9, 2)::int;
    IF y = 0 THEN
        RETURN NULL;
    END IF;
    IF d > extract(day FROM make_date(y, m, 1) + interval '1 month' - interval '1 day') THEN
        RETURN NULL;  -- 30 February
    END IF;
    RETURN make_date(y, m, d);
END
$$
"""
_DAY_END_DATE_PLPGSQL = r"""
CREATE OR REPLACE FUNCTION day_end_date(kind text, payload jsonb) RETURNS date
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
BEGIN
    -- receipt_date() of a receipt kind is the ISO-day reading: the day, or NULL for other text
    IF kind = 'z_report.taken' THEN
        RETURN receipt_date('sale.completed', payload->>'business_date');
    ELSIF kind = 'till.closed' THEN
        RETURN receipt_date('sale.completed', payload->>'local_date');
    END IF;
    RETURN NULL;
END
$$
"""


def upgrade() -> None:
    op.execute(_RECEIPT_DATE_PLPGSQL)
    op.execute(_DAY_END_DATE_PLPGSQL)


def downgrade() -> None:
    for sql in (_RECEIPT_DATE, _DAY_END_DATE):
        op.execute(sql.replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION", 1))
