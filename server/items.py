"""Items registered and prices changed at a counter, published as ``item`` reference changes for
the tenant (the path the admin API uses), so every counter of the site can scan and sell them.

Facts are stored and acked whatever happens here; what cannot be published is flagged:
- ``item.registered``: an item id the server already has (from the admin API, or another
  tenant's) is never overwritten (``item_exists``; the very same row again is a no-op); a
  barcode another item of the device's tenants already uses is not published
  (``barcode_in_use``).
- ``item.price_changed``: applies iff ``(occurred_at, device)`` is later than the stamp of the
  price the server holds (``price_set`` in the item's data; for an admin write, the time of
  that change); otherwise ``price_stale``, and the server's row is published again so the
  sender goes back to the price everyone else has. An item the server does not have:
  ``item_unknown``.
- ``item.stock_counted``: what a manager counted on the shelf becomes the centre's count of a
  stock item, as of that event (``stock_since``: the counting counter's earlier sales are in
  it, every later sale anywhere comes off). An item the server does not have for the tenant:
  ``item_unknown``; one that is not a stock item: ``not_stock``.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, text

from pos.sync_protocol import MAX_TEXT
from server import refdata, stock
from server.auth import Device
from server.verify import Flags

KINDS = ("stock", "one_off", "open_price")
VAT_CLASSES = ("25", "15", "12", "0", "exempt", "none")
MAX_PRICE = 100_000_000  # as the admin API's ItemIn
MAX_COUNT = 1_000_000  # as the counter's item_entry.count_stock
_ID = re.compile(r"^[A-Za-z0-9_.:-]{1,64}$")


def _is_id(value: Any) -> bool:
    return isinstance(value, str) and _ID.match(value) is not None


def _is_int(value: Any, low: int, high: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


def _price_ok(value: Any) -> bool:
    return value is None or _is_int(value, 0, MAX_PRICE)


def payload_problem(kind: str, payload: dict[str, Any]) -> tuple[str, str] | None:
    """An item event the server cannot publish at all (quarantined as malformed)."""
    if not _is_id(payload.get("item_id")):
        return ("malformed", "item_id must be an id of 1-64 letters, digits or _.:-")
    if kind == "item.stock_counted":
        if not _is_int(payload.get("counted"), 0, MAX_COUNT):
            return ("malformed", "counted must be a whole number from 0 to 1 000 000")
        return None
    if kind == "item.price_changed":
        if not _is_int(payload.get("new"), 0, MAX_PRICE) or not _price_ok(payload.get("old")):
            return ("malformed", "a price change needs new (and old) prices in øre")
        return None
    description = payload.get("description")
    if not isinstance(description, str) or not 0 < len(description.strip()) <= MAX_TEXT:
        return ("malformed", "description must be a non-empty text")
    if payload.get("kind") not in KINDS or payload.get("vat_class") not in VAT_CLASSES:
        return ("malformed", "unknown item kind or VAT class")
    if not _price_ok(payload.get("price")):
        return ("malformed", "price must be empty or øre from 0 to 100 000 000")
    if not _is_id(payload.get("article_group_id")):
        return ("malformed", "article_group_id must be an id")
    barcode = payload.get("barcode")
    if barcode is not None and not (isinstance(barcode, str) and 0 < len(barcode) <= 64):
        return ("malformed", "barcode must be empty or a text of at most 64 characters")
    qty = payload.get("stock_qty")
    if qty is not None and not _is_int(qty, -(2**31), 2**31 - 1):
        return ("malformed", "stock_qty must be empty or an integer")
    if payload.get("status", "available") not in ("available", "sold", "inactive"):
        return ("malformed", "status must be available, sold or inactive")
    condition = payload.get("condition", "")
    if not isinstance(condition, str) or len(condition) > MAX_TEXT:
        return ("malformed", "condition must be a text")
    return None


def _item_data(row: dict[str, Any], device: Device) -> dict[str, Any]:
    """The published ``item`` data: the admin API's fields, plus stock, condition and the
    stamp of the price; a stock item's count is the centre's from here on (``stock``)."""
    p = row["payload"]
    counted = {"stock_since": stock.since(device, row)} if _counts(p) else {}
    return counted | {
        "tenant_id": row["tenant_id"],
        "kind": p["kind"],
        "description": p["description"],
        "price": p.get("price"),
        "vat_class": p["vat_class"],
        "article_group_id": p["article_group_id"],
        "barcode": p.get("barcode"),
        "status": p.get("status", "available"),
        "stock_qty": p.get("stock_qty"),
        "condition": p.get("condition", ""),
        "price_set": _stamp(row, device),
    }


def _counts(payload: dict[str, Any]) -> bool:
    return payload["kind"] == "stock" and isinstance(payload.get("stock_qty"), int)


def _same(a: Any, b: Any) -> bool:
    """The same registration again (its count's mark aside: a resend has another number)."""
    if not isinstance(a, dict) or not isinstance(b, dict):
        return False
    return {k: v for k, v in a.items() if k != "stock_since"} == {
        k: v for k, v in b.items() if k != "stock_since"
    }


def _stamp(row: dict[str, Any], device: Device) -> dict[str, str]:
    at = datetime.fromisoformat(row["occurred_at"]).astimezone(UTC)
    return {"at": at.isoformat(timespec="milliseconds"), "device": device.id}


_CURRENT = """
SELECT c.entity_id, c.tenant_id, c.data, c.deleted, ch.changed_at
FROM ref_current c LEFT JOIN ref_changes ch ON ch.change_seq = c.change_seq
WHERE c.entity = 'item' AND c.entity_id = ANY(:ids)
"""
_BARCODES = """
SELECT entity_id, data->>'barcode' FROM ref_current
WHERE entity = 'item' AND NOT deleted AND tenant_id = ANY(:tenants)
  AND data->>'barcode' = ANY(:codes)
"""


def apply(conn: Connection, device: Device, rows: list[dict[str, Any]]) -> Flags:
    """Publish the batch's fresh item events in device order; returns their review flags."""
    flags: Flags = {}
    # the reference writers' lock before reading (READ COMMITTED): two counters pushing the
    # same barcode at once cannot both see it free
    conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": refdata.REF_LOCK})
    ids = list({r["payload"]["item_id"] for r in rows})
    held: dict[str, dict[str, Any]] = {}  # what the server has (visible to this device)
    for entity_id, tenant, data, deleted, changed_at in conn.execute(text(_CURRENT), {"ids": ids}):
        held[entity_id] = {"tenant_id": tenant, "data": data, "deleted": deleted,
                           "changed_at": changed_at}  # fmt: skip
    codes = list({r["payload"]["barcode"] for r in rows
                  if r["type"] == "item.registered" and r["payload"].get("barcode")})  # fmt: skip
    owners: dict[str, set[str]] = {}
    if codes:
        found = conn.execute(text(_BARCODES), {"tenants": list(device.tenant_ids), "codes": codes})
        for entity_id, code in found:
            owners.setdefault(code, set()).add(entity_id)
    new: dict[str, dict[str, Any]] = {}  # registrations to publish, by item id
    changed: dict[str, dict[str, Any]] = {}  # price changes (or stale republications)
    for row in rows:
        payload, item_id = row["payload"], row["payload"]["item_id"]
        found_flags: list[tuple[str, str]] = []
        if row["type"] == "item.registered":
            data = _item_data(row, device)
            known = held.get(item_id)
            code = payload.get("barcode")
            if known is not None or item_id in new:
                same = known is not None and not known["deleted"] and _same(known["data"], data)
                if not same and not _same(new.get(item_id), data):
                    found_flags.append(("item_exists", "the server already has this item id"))
            elif code and owners.get(code, set()) - {item_id}:
                found_flags.append(("barcode_in_use", "another item already has this barcode"))
            else:
                new[item_id] = data
                if code:
                    owners.setdefault(code, set()).add(item_id)
        elif row["type"] == "item.stock_counted":
            problem = _stock_count(row, device, held, new, changed)
            if problem:
                found_flags.append(problem)
        else:
            problem = _price_change(row, device, held, new, changed)
            if problem:
                found_flags.append(problem)
        if found_flags:
            flags[row["event_id"]] = found_flags
    if new:
        created = refdata.put_new(conn, "item", [(i, d["tenant_id"], d) for i, d in new.items()])
        for row in rows:  # an id another tenant has (invisible here) was not taken
            item_id = row["payload"]["item_id"]
            if row["type"] == "item.registered" and item_id in new and item_id not in created:
                flags.setdefault(row["event_id"], []).append(
                    ("item_exists", "the server already has this item id")
                )
        changed = {i: d for i, d in changed.items() if i not in new or i in created}
    if changed:
        refdata.put_many(conn, "item", [(i, d["tenant_id"], d) for i, d in changed.items()])
    return flags


def _current(
    row: dict[str, Any],
    held: dict[str, dict[str, Any]],
    new: dict[str, dict[str, Any]],
    changed: dict[str, dict[str, Any]],
) -> dict[str, Any] | None:
    """The item as this batch has made it so far, if the row's tenant has it."""
    item_id = row["payload"]["item_id"]
    known = held.get(item_id)
    current = changed.get(item_id) or new.get(item_id)
    if current is None and known is not None and not known["deleted"]:
        current = known["data"]
        if isinstance(current, dict):  # the row's tenant is the one the log holds it under
            current = current | {"tenant_id": known["tenant_id"]}
    if not isinstance(current, dict) or current.get("tenant_id") != row["tenant_id"]:
        return None
    return current


def _put(item_id: str, data: dict[str, Any], new: dict[str, Any], changed: dict[str, Any]) -> None:
    if item_id in new and item_id not in changed:
        new[item_id] = data
    else:
        changed[item_id] = data


def _stock_count(
    row: dict[str, Any],
    device: Device,
    held: dict[str, dict[str, Any]],
    new: dict[str, dict[str, Any]],
    changed: dict[str, dict[str, Any]],
) -> tuple[str, str] | None:
    current = _current(row, held, new, changed)
    if current is None:
        return ("item_unknown", "the server has no such item of this tenant")
    if current.get("kind") != "stock":
        return ("not_stock", "only a stock item has a count")
    counted = {"stock_qty": row["payload"]["counted"], "stock_since": stock.counted_at(device, row)}
    _put(row["payload"]["item_id"], current | counted, new, changed)
    return None


def _price_change(
    row: dict[str, Any],
    device: Device,
    held: dict[str, dict[str, Any]],
    new: dict[str, dict[str, Any]],
    changed: dict[str, dict[str, Any]],
) -> tuple[str, str] | None:
    item_id = row["payload"]["item_id"]
    known = held.get(item_id)
    current = _current(row, held, new, changed)
    if current is None:
        return ("item_unknown", "the server has no such item of this tenant")
    mine = _stamp(row, device)
    theirs = current.get("price_set")
    if isinstance(theirs, dict) and isinstance(theirs.get("at"), str):
        # equal: the same device's later event (a device's events come in its own order)
        newer = (mine["at"], mine["device"]) >= (theirs["at"], str(theirs.get("device") or ""))
    else:  # set by the admin API: as of that change
        changed_at = known["changed_at"] if known else None
        newer = changed_at is None or mine["at"] > changed_at.astimezone(UTC).isoformat(
            timespec="milliseconds"
        )
    if not newer:
        changed.setdefault(item_id, current)
        return ("price_stale", "the server holds a later price for this item")
    _put(item_id, current | {"price": row["payload"]["new"], "price_set": mine}, new, changed)
    return None
