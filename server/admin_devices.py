"""``omigjen-server admin devices``: each counter the server knows, so an operator can see that
sales arrived without the API: its site and register, when it last pushed, how far its
events are acknowledged, and how many of them are stored, flagged and held."""

from __future__ import annotations

from sqlalchemy import Engine

from server.db import Scope, rows, scoped

_DEVICES = """
SELECT s.name AS site, r.register_id AS register, d.name, d.id,
       COALESCE(to_char(d.last_seen_at AT TIME ZONE 'Europe/Oslo', 'YYYY-MM-DD HH24:MI'), 'never')
         AS last_push,
       COALESCE((SELECT max(acked_through) FROM device_streams x WHERE x.device_id = d.id), 0)
         AS acked_through,
       (SELECT count(*) FROM event_keys e WHERE e.device_id = d.id) AS stored,
       (SELECT count(DISTINCT f.event_id) FROM event_flags f JOIN event_keys e
          ON e.event_id = f.event_id WHERE e.device_id = d.id) AS flagged,
       (SELECT count(*) FROM quarantine q WHERE q.device_id = d.id AND NOT EXISTS
          (SELECT 1 FROM quarantine_releases l WHERE l.quarantine_id = q.id)) AS held,
       CASE WHEN d.revoked_at IS NULL THEN 'active' ELSE 'revoked' END AS state
FROM devices d JOIN sites s ON s.id = d.site_id
LEFT JOIN site_registers r ON r.device_id = d.id AND r.site_id = d.site_id
WHERE CAST(:site AS text) IS NULL OR s.name = :site
ORDER BY s.name, r.register_id NULLS LAST, d.enrolled_at
"""
COLUMNS = ("site", "register", "name", "id", "last_push", "acked_through", "stored", "flagged",
           "held", "state")  # fmt: skip


def devices(engine: Engine, site: str | None) -> str:
    with scoped(engine, Scope.admin()) as conn:
        found = rows(conn, _DEVICES, {"site": site})
    if not found:
        return "no counters are enrolled" + (f" at {site}" if site else "")
    head = "\t".join(c.replace("_", " ") for c in COLUMNS)
    lines = ["\t".join("" if r[c] is None else str(r[c]) for c in COLUMNS) for r in found]
    return "\n".join([head, *lines])
