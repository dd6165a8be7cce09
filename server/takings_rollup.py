"""The takings roll-up the web pages read, brought up to date before each read instead of on
every insert of events.

Storing a push only notes which receipts arrived (``takings_pending``: one row per tenant per
stored chunk, written by the same statement as the events, so it commits or rolls back with
them). Whoever reads the takings first folds the noted receipts into ``takings_days``,
``takings_vat`` and ``takings_payments`` in one set-based statement and deletes the notes, in
the reader's own transaction and row-level security scope: a page therefore always counts every
receipt it can see, to the øre, and a catch-up of 100 000 events costs the database one roll-up
instead of one per chunk on the push's path.

Two readers never fold the same note: the notes are locked in id order before they are
deleted, so a second reader waits for the first to commit and then finds them gone (and the
figures the first one added). Each note says when its receipts were received, so only the
months they are in are read (``events`` is partitioned by month). The rules are those of the
trigger they replace (migration s0004): a field that cannot be read counts as 0 rather than
failing.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

RECEIPT_TYPES_SQL = "('sale.completed', 'return.completed', 'deposit.completed')"

NOTE_STORED = f"""pending AS (
    INSERT INTO takings_pending (tenant_id, event_ids, received_at)
    SELECT tenant_id, array_agg(id), max(received_at) FROM stored
    WHERE tenant_id IS NOT NULL AND type IN {RECEIPT_TYPES_SQL}
    GROUP BY tenant_id
)"""
"""A CTE for an ``INSERT INTO events … RETURNING id, tenant_id, type, received_at`` named
``stored``: notes the receipts just stored for the roll-up, and when they were received (the
statement's ``now()``, the same for every event it stores: the months to read)."""

_CATCH_UP = f"""
WITH notes AS (
    DELETE FROM takings_pending
    WHERE id IN (SELECT id FROM takings_pending ORDER BY id FOR UPDATE)
    RETURNING event_ids, received_at
), r AS MATERIALIZED (
    SELECT e.tenant_id, e.site_id, e.device_id,
        COALESCE(e.payload->'receipt'->>'register_id', '') AS register_id,
        COALESCE(e.payload->'receipt'->>'local_date', '') AS day,
        COALESCE(e.payload->'receipt'->>'kind', '') AS kind,
        e.payload->'receipt' AS receipt,
        takings_array(e.payload->'lines') AS lines,
        takings_array(e.payload->'payments') AS payments
    FROM events e
    WHERE e.id IN (SELECT unnest(event_ids) FROM notes)
      AND e.received_at BETWEEN (SELECT min(received_at) FROM notes)
                            AND (SELECT max(received_at) FROM notes)
      AND e.tenant_id IS NOT NULL AND e.type IN {RECEIPT_TYPES_SQL}
), days AS (
    INSERT INTO takings_days AS d (tenant_id, site_id, device_id, register_id, day, kind, num,
        amount, ex_vat, rounding, discount_num, discount_amount)
    SELECT r.tenant_id, r.site_id, r.device_id, r.register_id, r.day, r.kind, count(*),
        sum(takings_int(r.receipt->>'total')),
        sum(takings_int(r.receipt->>'total_ex_vat')),
        sum(takings_int(r.receipt->>'rounding')),
        sum((SELECT count(*) FROM jsonb_array_elements(r.lines) l
             WHERE takings_int(l->>'discount') <> 0)),
        sum((SELECT COALESCE(sum(takings_int(l->>'discount')), 0)
             FROM jsonb_array_elements(r.lines) l))
    FROM r GROUP BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (tenant_id, device_id, register_id, day, kind) DO UPDATE SET
        num = d.num + excluded.num, amount = d.amount + excluded.amount,
        ex_vat = d.ex_vat + excluded.ex_vat, rounding = d.rounding + excluded.rounding,
        discount_num = d.discount_num + excluded.discount_num,
        discount_amount = d.discount_amount + excluded.discount_amount
), vat AS (
    INSERT INTO takings_vat AS v (tenant_id, site_id, device_id, register_id, day, kind,
        vat_class, gross, vat)
    SELECT r.tenant_id, r.site_id, r.device_id, r.register_id, r.day, r.kind,
        COALESCE(l->>'vat_class', ''), sum(takings_int(l->>'amount')),
        sum(takings_int(l->>'vat_amount'))
    FROM r, jsonb_array_elements(r.lines) l
    GROUP BY 1, 2, 3, 4, 5, 6, 7
    ON CONFLICT (tenant_id, device_id, register_id, day, kind, vat_class) DO UPDATE SET
        gross = v.gross + excluded.gross, vat = v.vat + excluded.vat
), paid AS (
    INSERT INTO takings_payments AS p (tenant_id, site_id, device_id, register_id, day, kind,
        means, negative, num, amount)
    SELECT r.tenant_id, r.site_id, r.device_id, r.register_id, r.day, r.kind,
        COALESCE(m->>'kind', ''), takings_int(m->>'amount') < 0, count(*),
        sum(takings_int(m->>'amount'))
    FROM r, jsonb_array_elements(r.payments) m
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
    ON CONFLICT (tenant_id, device_id, register_id, day, kind, means, negative) DO UPDATE SET
        num = p.num + excluded.num, amount = p.amount + excluded.amount
)
SELECT count(*) FROM r
"""


def bring_up_to_date(conn: Connection) -> int:
    """Fold the receipts noted since the last read (those this scope can see) into the roll-up,
    in this transaction; the number of receipts folded."""
    return int(conn.execute(text(_CATCH_UP)).scalar_one())
