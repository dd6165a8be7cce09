"""Settlements as the counters pushed them (``settlement.made``, the statement in full): read
back into the counter's own ``SettlementDoc`` so the PDF and the CSV are the counter's."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Connection, text

from pos.model.settlement import SettlementDoc
from server.settlements import doc_of


def listed(
    conn: Connection, tenant_ids: list[str], site_id: str, start: str, end: str
) -> list[dict[str, Any]]:
    """Settlements whose period meets ``start``–``end``, newest first."""
    rows = conn.execute(
        text(
            "SELECT event_id::text AS event_id, tenant_id, payload FROM events "
            "WHERE type = 'settlement.made' AND tenant_id = ANY(:t) "
            "AND (CAST(:s AS text) = '' OR site_id = :s) "
            "AND payload->>'period_to' >= :f AND payload->>'period_from' <= :e ORDER BY id DESC"
        ),
        {"t": tenant_ids, "s": site_id, "f": start, "e": end},
    )
    return [{"event_id": r[0], "tenant_id": r[1], "doc": doc_of(r[2])} for r in rows]


def one(
    conn: Connection, tenant_ids: list[str], site_id: str, event_id: str
) -> SettlementDoc | None:
    try:
        wanted = str(uuid.UUID(event_id))
    except ValueError:
        return None
    payload = conn.execute(
        text(
            "SELECT payload FROM events WHERE event_id = CAST(:i AS uuid) "
            "AND type = 'settlement.made' AND tenant_id = ANY(:t) "
            "AND (CAST(:s AS text) = '' OR site_id = :s)"
        ),
        {"i": wanted, "t": tenant_ids, "s": site_id},
    ).scalar()
    return doc_of(payload) if payload is not None else None
