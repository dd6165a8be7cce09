"""Writing reference data (tenants, staff, items, VAT rates, notification statuses) as changes.

Every write appends to ``ref_changes`` under one global advisory lock, so change numbers commit
in order and a pull cursor can never skip a row that commits late (sync-protocol.md §2.3).
``ref_current`` keeps the latest state of each entity for partial updates and snapshots.
A change with a ``site_id`` (staff) reaches that site's counters only; one that moves an entity
to another site first leaves a tombstone for the old site, so its counters drop it.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, text

REF_LOCK = 0x0A16E7  # the one advisory lock all reference-data writers take

_UPSERT_CURRENT = """
INSERT INTO ref_current (entity, entity_id, tenant_id, site_id, data, deleted, change_seq)
VALUES (:entity, :id, :tenant, :site, CAST(:data AS jsonb), :deleted, :seq)
ON CONFLICT (entity, entity_id) DO UPDATE SET tenant_id = excluded.tenant_id,
    site_id = excluded.site_id, data = excluded.data, deleted = excluded.deleted,
    change_seq = excluded.change_seq
"""


def _append(
    conn: Connection,
    entity: str,
    entity_id: str,
    tenant_id: str | None,
    op: str,
    data: dict[str, Any] | None,
    site_id: str | None = None,
) -> int:
    conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": REF_LOCK})
    encoded = json.dumps(data) if data is not None else None
    seq = conn.execute(
        text(
            "INSERT INTO ref_changes (tenant_id, site_id, entity, entity_id, op, data) VALUES "
            "(:tenant, :site, :entity, :id, :op, CAST(:data AS jsonb)) RETURNING change_seq"
        ),
        {
            "tenant": tenant_id,
            "site": site_id,
            "entity": entity,
            "id": entity_id,
            "op": op,
            "data": encoded,
        },
    ).scalar_one()
    conn.execute(
        text(_UPSERT_CURRENT),
        {
            "entity": entity,
            "id": entity_id,
            "tenant": tenant_id,
            "site": site_id,
            "data": encoded,
            "deleted": op == "delete",
            "seq": seq,
        },
    )
    return int(seq)


def put(
    conn: Connection,
    entity: str,
    entity_id: str,
    tenant_id: str | None,
    data: dict[str, Any],
    site_id: str | None = None,
) -> int:
    """Create or replace an entity (for one site's counters if ``site_id``); returns its new
    version (the change number)."""
    found = current(conn, entity, entity_id)
    if found is not None and found["site_id"] not in (None, site_id):
        _append(conn, entity, entity_id, found["tenant_id"], "delete", None, found["site_id"])
    return _append(conn, entity, entity_id, tenant_id, "upsert", data, site_id)


def delete(conn: Connection, entity: str, entity_id: str) -> int | None:
    """Tombstone an entity; None if it does not exist (or is deleted already)."""
    found = current(conn, entity, entity_id)
    if found is None:
        return None
    return _append(conn, entity, entity_id, found["tenant_id"], "delete", None, found["site_id"])


def current(conn: Connection, entity: str, entity_id: str) -> dict[str, Any] | None:
    row = conn.execute(
        text(
            "SELECT tenant_id, data, change_seq, site_id FROM ref_current "
            "WHERE entity = :e AND entity_id = :i AND NOT deleted"
        ),
        {"e": entity, "i": entity_id},
    ).first()
    if row is None:
        return None
    return {"tenant_id": row[0], "data": row[1], "version": row[2], "site_id": row[3]}


def put_many(conn: Connection, entity: str, rows: list[tuple[str, str | None, dict]]) -> int:
    """Bulk upsert (imports, benchmarks): one lock, two statements."""
    if not rows:
        return 0
    conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": REF_LOCK})
    payload = json.dumps([{"id": i, "tenant": t, "data": d} for i, t, d in rows])
    conn.execute(
        text(
            "WITH r AS (SELECT * FROM jsonb_to_recordset(CAST(:rows AS jsonb)) "
            "AS x(id text, tenant text, data jsonb) ), ins AS ("
            "INSERT INTO ref_changes (tenant_id, entity, entity_id, op, data) "
            "SELECT tenant, :entity, id, 'upsert', data FROM r "
            "RETURNING change_seq, tenant_id, entity_id, data) "
            "INSERT INTO ref_current (entity, entity_id, tenant_id, data, deleted, change_seq) "
            "SELECT :entity, entity_id, tenant_id, data, false, change_seq FROM ins "
            "ON CONFLICT (entity, entity_id) DO UPDATE SET tenant_id = excluded.tenant_id, "
            "data = excluded.data, deleted = false, change_seq = excluded.change_seq"
        ),
        {"rows": payload, "entity": entity},
    )
    return len(rows)


_PUT_NEW = """
WITH r AS (SELECT * FROM jsonb_to_recordset(CAST(:rows AS jsonb)) AS x(n int, id text, tenant text,
                                                                       data jsonb)),
claimed AS (
    INSERT INTO ref_current (entity, entity_id, tenant_id, data, deleted, change_seq)
    SELECT :entity, id, tenant, data, false, nextval(pg_get_serial_sequence('ref_changes',
                                                                            'change_seq'))
    FROM (SELECT * FROM r ORDER BY n) AS ordered
    ON CONFLICT (entity, entity_id) DO NOTHING
    RETURNING change_seq, tenant_id, entity_id, data)
INSERT INTO ref_changes (change_seq, tenant_id, entity, entity_id, op, data)
SELECT change_seq, tenant_id, :entity, entity_id, 'upsert', data FROM claimed
RETURNING entity_id
"""


def put_new(conn: Connection, entity: str, rows: list[tuple[str, str | None, dict]]) -> set[str]:
    """Create entities that do not exist yet (counters' registrations): one lock, one
    statement; returns the ids created. An id that exists, even one this scope cannot see
    (row-level security), is left alone: ``ON CONFLICT DO NOTHING`` never touches it."""
    if not rows:
        return set()
    conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": REF_LOCK})
    payload = json.dumps([{"n": n, "id": i, "tenant": t, "data": d}
                          for n, (i, t, d) in enumerate(rows)])  # fmt: skip
    found = conn.execute(text(_PUT_NEW), {"rows": payload, "entity": entity})
    return {str(r[0]) for r in found}


def compact(conn: Connection, keep_tombstone_days: int = 120) -> int:
    """Drop superseded changes and old tombstones; cursors older than a dropped tombstone die."""
    conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": REF_LOCK})
    superseded = conn.execute(
        text(
            "DELETE FROM ref_changes c USING ref_current r WHERE c.entity = r.entity AND "
            "c.entity_id = r.entity_id AND c.change_seq < r.change_seq"
        )
    ).rowcount
    floor = conn.execute(
        text(
            "WITH gone AS (DELETE FROM ref_changes WHERE op = 'delete' AND changed_at < now() - "
            "make_interval(days => :d) RETURNING change_seq) SELECT max(change_seq) FROM gone"
        ),
        {"d": keep_tombstone_days},
    ).scalar()
    if floor is not None:
        conn.execute(
            text(
                "INSERT INTO server_meta (key, value) VALUES ('log_floor', :v) ON CONFLICT (key) "
                "DO UPDATE SET value = GREATEST(server_meta.value::bigint, :n)::text"
            ),
            {"v": str(floor), "n": int(floor)},
        )
        conn.execute(
            text("DELETE FROM ref_current WHERE deleted AND change_seq <= :n"),
            {"n": int(floor)},
        )
    return int(superseded or 0)


def log_floor(conn: Connection) -> int:
    value = conn.execute(text("SELECT value FROM server_meta WHERE key = 'log_floor'")).scalar()
    return int(value or 0)
