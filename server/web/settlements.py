"""Settlements on the web: those the server made for the centre (``site_settlements``, over
every register) and those a counter made itself before (``settlement.made``, the statement in
full), each listed once, read back into the counter's own ``SettlementDoc`` so the PDF and
the CSV are the counter's."""

from __future__ import annotations

import json
import uuid
from typing import Any

from sqlalchemy import Connection, text

from pos.model.settlement import SettlementDoc
from server.settlements import doc_of

_BOTH = """
SELECT id, tenant_id, content, at FROM (
    SELECT s.id, s.tenant_id, s.content, s.created_at AS at FROM site_settlements s
    WHERE s.tenant_id = ANY(:t) AND (CAST(:s AS text) = '' OR s.site_id = :s) AND {own}
    UNION ALL
    SELECT e.event_id::text, e.tenant_id, e.payload, e.received_at FROM events e
    WHERE e.type = 'settlement.made' AND e.tenant_id = ANY(:t)
      AND (CAST(:s AS text) = '' OR e.site_id = :s) AND {pushed}
      AND NOT EXISTS (SELECT 1 FROM site_settlements x
                      WHERE x.id = e.payload->>'settlement_id' AND x.tenant_id = e.tenant_id)
) found ORDER BY at DESC, id
"""


def _json(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else json.loads(value)


def listed(
    conn: Connection, tenant_ids: list[str], site_id: str, start: str, end: str
) -> list[dict[str, Any]]:
    """Settlements whose period meets ``start``–``end``, newest first, each once."""
    sql = _BOTH.format(
        own="s.period_to >= :f AND s.period_from <= :e",
        pushed="e.payload->>'period_to' >= :f AND e.payload->>'period_from' <= :e",
    )
    rows = conn.execute(text(sql), {"t": tenant_ids, "s": site_id, "f": start, "e": end})
    return [{"event_id": r[0], "tenant_id": r[1], "doc": doc_of(_json(r[2]))} for r in rows]


def one(
    conn: Connection, tenant_ids: list[str], site_id: str, event_id: str
) -> SettlementDoc | None:
    """One statement by the id in its address (the server's settlement or the counter's event)."""
    try:
        wanted = str(uuid.UUID(event_id))
    except ValueError:
        return None
    sql = _BOTH.format(own="s.id = :i", pushed="e.event_id = CAST(:i AS uuid)")
    row = conn.execute(text(sql), {"i": wanted, "t": tenant_ids, "s": site_id}).first()
    return doc_of(_json(row[2])) if row is not None else None
