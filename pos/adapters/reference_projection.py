"""Pulled reference data projected into the till's own tables (tenants, article groups, staff,
items): one upsert and one retirement statement per entity, run by ``SyncStore.project``. Rows
that break a constraint are handed back so the service can report them."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pos.adapters.sync_store import SyncStore

Change = Mapping[str, Any]


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True)
class Projector:
    upsert_sql: str
    upsert_row: Callable[[Change], Sequence[Any]]
    delete_sql: str | None


PROJECTORS: dict[str, Projector] = {
    "tenant": Projector(
        "INSERT INTO tenants (id, code, name, org_no, vat_registered, receipt_header, "
        "receipt_footer, active, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) "
        "DO UPDATE SET code = excluded.code, name = excluded.name, org_no = excluded.org_no, "
        "vat_registered = excluded.vat_registered, receipt_header = excluded.receipt_header, "
        "receipt_footer = excluded.receipt_footer, active = excluded.active",
        lambda c: (
            c["id"],
            c["data"]["code"],
            c["data"]["name"],
            c["data"]["org_no"],
            bool(c["data"].get("vat_registered", True)),
            c["data"].get("receipt_header", ""),
            c["data"].get("receipt_footer", ""),
            bool(c["data"].get("active", True)),
            _now(),
        ),
        "UPDATE tenants SET active = 0 WHERE id = ?",
    ),
    "staff": Projector(
        "INSERT INTO staff (id, staff_no, name, role, pin_hash, active) VALUES (?, ?, ?, ?, ?, ?)"
        " ON CONFLICT(id) DO UPDATE SET staff_no = excluded.staff_no, name = excluded.name, "
        "role = excluded.role, pin_hash = excluded.pin_hash, active = excluded.active",
        lambda c: (
            c["id"],
            c["data"]["staff_no"],
            c["data"]["name"],
            c["data"]["role"],
            c["data"]["pin_hash"],
            bool(c["data"].get("active", True)),
        ),
        "UPDATE staff SET active = 0 WHERE id = ?",
    ),
    "article_group": Projector(
        "INSERT INTO article_groups (id, name, saft_code) VALUES (?, ?, ?) ON CONFLICT(id) DO "
        "UPDATE SET name = excluded.name, saft_code = excluded.saft_code",
        lambda c: (c["id"], c["data"]["name"], c["data"]["saft_code"]),
        None,  # still referenced by sold lines: a deleted group simply stops being offered
    ),
    "item": Projector(
        "INSERT INTO items (id, tenant_id, kind, description, price, vat_class, "
        "article_group_id, barcode, stock_qty, status, updated_at) VALUES "
        "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET "
        "tenant_id = excluded.tenant_id, kind = excluded.kind, description = "
        "excluded.description, price = excluded.price, vat_class = excluded.vat_class, "
        "article_group_id = excluded.article_group_id, barcode = excluded.barcode, "
        "status = CASE WHEN items.status = 'sold' AND excluded.status = 'available' AND ? = 0 "
        "THEN items.status ELSE excluded.status END, updated_at = excluded.updated_at, "
        "stock_qty = CASE WHEN ? = 1 THEN excluded.stock_qty ELSE items.stock_qty END",
        lambda c: (
            c["id"],
            c["tenant_id"],
            c["data"].get("kind", "stock"),
            c["data"]["description"],
            c["data"].get("price"),
            c["data"].get("vat_class", "25"),
            c["data"]["article_group_id"],
            c["data"].get("barcode"),
            c["data"].get("stock_qty"),
            c["data"].get("status", "available"),
            _now(),
            # the server tracks this one-off's sales (``sold_by``): its word stands; otherwise
            # a pulled "available" never undoes a sale made here
            int("sold_by" in c["data"]),
            # the centre's count (``server/stock.py``): this counter's unsent sales come off
            # after the page (``_centre_stock``); other items keep the count made here
            int(centre_counted(c)),
        ),
        "UPDATE items SET status = 'inactive' WHERE id = ?",
    ),
}
PROJECTION_ORDER = ("tenant", "article_group", "staff", "item")


def centre_counted(change: Change) -> bool:
    """An item whose stock the centre counts (``server/stock.py``)."""
    data = change["data"]
    return (
        data.get("kind") == "stock"
        and "stock_since" in data
        and isinstance(data.get("stock_qty"), int)
    )


BULK_ITEMS = 200
"""From this many items in a page, the search index is updated in bulk (SyncStore.project_items)."""


def project_entity(sync: SyncStore, entity: str, changes: Sequence[Change]) -> list[Change]:
    """Upsert and retire one entity's changes; returns those that could not be applied."""
    projector = PROJECTORS[entity]
    rows, built, bad = [], [], []
    for change in (c for c in changes if c["op"] == "upsert"):
        try:
            rows.append(projector.upsert_row(change))
            built.append(change)
        except (KeyError, TypeError, AttributeError):
            bad.append(change)
    if entity == "item" and len(rows) >= BULK_ITEMS:
        failed = sync.project_items(projector.upsert_sql, rows, [c["id"] for c in built])
    else:
        failed = sync.project(projector.upsert_sql, rows)
    bad += [built[i] for i in failed]
    deletes = [(c["id"],) for c in changes if c["op"] == "delete"]
    if projector.delete_sql and deletes:
        sync.execute_many(projector.delete_sql, deletes)
    return bad
