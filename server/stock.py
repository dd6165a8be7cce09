"""Stock is the centre's: the server keeps one count per stock item for all the site's counters
and hands it back with the item on pull.

An item registered at a counter carries the count it had then and ``stock_since`` (that
event's device and sequence number): what that counter sold before is in the count. Every
later sale (``sale.completed``) takes its quantity off, every return (``return.completed``,
whose lines have negative quantities) puts it back, from whichever counter; the item is
published again with the new ``stock_qty``. A count below zero is kept (the goods were sold;
someone must count the shelf): the counter warns as it happens. Training receipts change
nothing; items the server does not count (``stock_since`` missing: registered before the
centre kept stock) are left to their counters.

A manager's count from the shelf (``item.stock_counted``, ``server/items.py``) sets the count
and marks it with that event and its time (``at``): the goods another counter sold before that
time were gone from the shelf, so such a sale arriving later is in the count too.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, text

from server import refdata
from server.auth import Device

_COUNTED = """
SELECT entity_id, tenant_id, data FROM ref_current
WHERE entity = 'item' AND NOT deleted AND entity_id = ANY(:ids) AND data->>'kind' = 'stock'
  AND data ? 'stock_since' AND tenant_id = ANY(:tenants)
"""


def since(device: Device, row: dict[str, Any]) -> dict[str, Any]:
    """What a registration's count already holds: this device's movements up to this event."""
    return {"device": device.id, "epoch": device.epoch, "seq": row["device_seq"]}


def counted_at(device: Device, row: dict[str, Any]) -> dict[str, Any]:
    """What a count from the shelf holds: this device's movements up to this event and every
    counter's sales made before it."""
    at = datetime.fromisoformat(row["occurred_at"]).astimezone(UTC)
    return since(device, row) | {"at": at.isoformat(timespec="milliseconds")}


def _moves(row: dict[str, Any]) -> list[tuple[str, int]]:
    """(item id, quantity sold) of a receipt's lines; returns are negative; none in training."""
    payload = row["payload"]
    if payload.get("training") or not isinstance(payload.get("lines"), list):
        return []
    found = []
    for line in payload["lines"]:
        qty = line.get("qty") if isinstance(line, dict) else None
        if isinstance(line.get("item_id"), str) and isinstance(qty, int) and abs(qty) < 10**6:
            found.append((line["item_id"], qty))
    return found


def apply(conn: Connection, device: Device, rows: list[dict[str, Any]]) -> None:
    """Take the batch's sales off (and put its returns back on) the centre's counts."""
    moves = {r["event_id"]: _moves(r) for r in rows}
    ids = list({item for found in moves.values() for item, _ in found})
    if not ids or not _read(conn, ids, device):  # most lines are not counted stock
        return
    conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": refdata.REF_LOCK})
    held = _read(conn, ids, device)  # again, under the lock every reference writer takes
    changed: set[str] = set()
    for row in rows:
        for item_id, qty in moves[row["event_id"]]:
            data = held.get(item_id, ("", {}))[1]
            if data and not _counted_already(data["stock_since"], device, row):
                data["stock_qty"] = int(data.get("stock_qty") or 0) - qty
                changed.add(item_id)
    for item_id in sorted(changed):
        refdata.put(conn, "item", item_id, held[item_id][0], held[item_id][1])


def _read(conn: Connection, ids: list[str], device: Device) -> dict[str, tuple[str, dict]]:
    found = conn.execute(text(_COUNTED), {"ids": ids, "tenants": list(device.tenant_ids)})
    return {item_id: (tenant, dict(data)) for item_id, tenant, data in found}


def _counted_already(mark: Any, device: Device, row: dict[str, Any]) -> bool:
    """A movement of the registering counter that came before its registration (or count), or
    another counter's sale made before a count."""
    if not isinstance(mark, dict):
        return False
    if mark.get("device") != device.id:
        return isinstance(mark.get("at"), str) and _utc(row["occurred_at"]) < mark["at"]
    if mark.get("epoch", device.epoch) != device.epoch:
        return mark.get("epoch", 0) > device.epoch
    seq = mark.get("seq")
    return isinstance(seq, int) and row["device_seq"] < seq


def _utc(occurred_at: str) -> str:
    return datetime.fromisoformat(occurred_at).astimezone(UTC).isoformat(timespec="milliseconds")
