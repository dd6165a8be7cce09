"""A one-off item sold at any counter is sold at every counter of the site: the server
publishes the item again as ``sold`` (with the sale that took it) when a sale of it arrives, and
``available`` when a return brings it back, so the next pull marks it everywhere. A second sale
of a one-off the server already holds as sold (two counters sold it while one was offline, or
before it had pulled) is stored and flagged ``one_off_sold_twice`` for the manager, never refused:
the sale happened and is in the till's legal record."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, text

from server import refdata
from server.auth import Device
from server.verify import Flags

SALE, RETURN = "sale.completed", "return.completed"
_ONE_OFFS = """
SELECT entity_id, tenant_id, data FROM ref_current
WHERE entity = 'item' AND NOT deleted AND entity_id = ANY(:ids) AND data->>'kind' = 'one_off'
  AND tenant_id = ANY(:tenants)
"""


def _item_lines(row: dict[str, Any]) -> list[tuple[str, int]]:
    """(item id, quantity) of a receipt's lines; none for a training receipt."""
    payload = row["payload"]
    if payload.get("training") or not isinstance(payload.get("lines"), list):
        return []
    found = []
    for line in payload["lines"]:
        if isinstance(line, dict) and isinstance(line.get("item_id"), str):
            qty = line.get("qty")
            found.append((line["item_id"], qty if isinstance(qty, int) else 1))
    return found


def apply(conn: Connection, device: Device, rows: list[dict[str, Any]]) -> Flags:
    """Mark the batch's one-offs sold or back in stock, in device order; returns the flags."""
    lines = {r["event_id"]: _item_lines(r) for r in rows}
    ids = list({item for found in lines.values() for item, _ in found})
    if not ids:
        return {}
    if not _read(conn, ids, device):  # most sales hold no one-off: no lock taken
        return {}
    # the reference writers' lock, then read again: two counters selling the same one-off at
    # once cannot both see it available
    conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": refdata.REF_LOCK})
    held = _read(conn, ids, device)
    flags: Flags = {}
    changed: set[str] = set()
    for row in rows:
        for item_id, qty in lines[row["event_id"]]:
            if item_id not in held:
                continue
            data = held[item_id][1]
            problem = _move(data, row, qty, device)
            if problem:
                flags.setdefault(row["event_id"], []).append(problem)
            else:
                changed.add(item_id)
    for item_id in sorted(changed):
        refdata.put(conn, "item", item_id, held[item_id][0], held[item_id][1])
    return flags


def _read(conn: Connection, ids: list[str], device: Device) -> dict[str, tuple[str, dict]]:
    found = conn.execute(text(_ONE_OFFS), {"ids": ids, "tenants": list(device.tenant_ids)})
    return {item_id: (tenant, dict(data)) for item_id, tenant, data in found}


def _move(
    data: dict[str, Any], row: dict[str, Any], qty: int, device: Device
) -> tuple[str, str] | None:
    """Sell or return the one-off in ``data`` (changed in place); a flag if sold again."""
    sale_id = str(row["payload"].get("sale_id"))
    if row["type"] == RETURN or qty < 0:
        data["status"], data["sold_by"] = "available", None
        return None
    if row["type"] != SALE:
        return None
    sold_by = data.get("sold_by") or {}
    # sold without ``sold_by``: the counter's catalogue said so (its first enrolment) and the
    # sale is this one, or one the server got before it had the item
    if data.get("status") == "sold" and sold_by and sold_by.get("sale") != sale_id:
        what, where = data.get("description", "a one-off item"), sold_by.get("device", "?")
        return ("one_off_sold_twice", f"{what} was sold before (at device {where})")
    data["status"], data["sold_by"] = "sold", {"sale": sale_id, "device": device.id}
    return None
