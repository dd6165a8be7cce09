"""Receipt numbers held twice: every copy flagged, not only the first break of a chain.

A receipt number names one receipt per (tenant, register, kind). ``receipt_numbers`` keeps the
first event to hold each number (claimed in the statement that stores the events). A later
event with the same number is either the same receipt again under another event id
(``receipt_repeated``: the sale would count twice) or another receipt with a number already
used, as after a restore from an old backup (``receipt_number_reused``: flagged on the new copy
and on the holder, so every copy of the number carries the flag).
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, text

from server.verify import Flags

REUSED = "receipt_number_reused"
REPEATED = "receipt_repeated"

_HOLDERS = """
SELECT r.tenant_id, r.register_id, r.kind, r.number, r.event_id::text, r.receipt_id, e.site_id
FROM receipt_numbers r
JOIN jsonb_to_recordset(CAST(:keys AS jsonb)) AS k(t text, r text, k text, n int)
  ON r.tenant_id = k.t AND r.register_id = k.r AND r.kind = k.k AND r.number = k.n
JOIN events e ON e.event_id = r.event_id
"""
_FLAG_HOLDERS = """
INSERT INTO event_flags (event_id, site_id, tenant_id, code, detail)
SELECT h.e, h.s, h.t, :code, h.d FROM jsonb_to_recordset(CAST(:rows AS jsonb))
    AS h(e uuid, s text, t text, d text)
WHERE NOT EXISTS (SELECT 1 FROM event_flags f WHERE f.event_id = h.e AND f.code = :code)
"""


def _key(row: dict[str, Any]) -> tuple[str, str, str, int]:
    receipt = row["payload"]["receipt"]
    return (row["tenant_id"], receipt["register_id"], receipt["kind"], receipt["number"])


def held_twice(conn: Connection, held: set[str], stored: list[dict[str, Any]]) -> Flags:
    """Flags for the pushed events in ``held`` (ids as PostgreSQL spells them) whose number
    another event holds; holders outside this push are flagged here, holders inside it get
    their flag in the result. ``stored``: this push's stored rows."""
    if not held:
        return {}
    rows = canonical_ids(stored)
    mine = {event_id: rows[event_id] for event_id in held}
    keys = [dict(zip("trkn", _key(row), strict=True)) for row in mine.values()]
    holders = {
        (r[0], r[1], r[2], r[3]): (r[4], r[5], r[6])
        for r in conn.execute(text(_HOLDERS), {"keys": json.dumps(keys)})
    }
    flags: Flags = {}
    outside: dict[str, dict[str, str]] = {}
    for row in mine.values():
        if _key(row) not in holders:
            continue  # not visible in this scope: nothing to compare with
        holder_id, receipt_id, site_id = holders[_key(row)]
        number = str(row["payload"]["receipt"].get("number_text", ""))[:40]
        if receipt_id == row["payload"]["receipt"]["id"]:
            detail = f"receipt {number} is stored already under another event"
            flags.setdefault(row["event_id"], []).append((REPEATED, detail))
            continue
        detail = f"receipt number {number} is held by more than one receipt"
        flags.setdefault(row["event_id"], []).append((REUSED, detail))
        if holder_id in rows:
            holder = rows[holder_id]["event_id"]
            if (REUSED, detail) not in flags.get(holder, []):
                flags.setdefault(holder, []).append((REUSED, detail))
        else:
            outside[holder_id] = {"e": holder_id, "s": site_id, "t": row["tenant_id"], "d": detail}
    if outside:
        rows_json = json.dumps(list(outside.values()))
        conn.execute(text(_FLAG_HOLDERS), {"rows": rows_json, "code": REUSED})
    return flags


def canonical_ids(rows: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Rows by their event id as PostgreSQL spells it: the checks let through only the
    8-4-4-4-12 hex form, which PostgreSQL writes in lower case."""
    return {r["event_id"].lower(): r for r in rows}
