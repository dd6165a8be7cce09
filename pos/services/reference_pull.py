"""Applying pulled reference data: a page and its cursor in one transaction, projected into the
till's own tables (tenants, staff, article groups, items); a full resync stages every page and
swaps the snapshot in at the end, in one transaction.

Repair tickets are merged field by field by hybrid logical clock (``ticket_merge``), after
the tenants, staff and items they refer to. Entities without a projector (VAT rates,
notification statuses) are kept in ``ref_entities`` for their own services to read.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from pos.adapters.sync_store import CURSOR_KEY, STAGING_CURSOR_KEY, SyncStore
from pos.services.ticket_merge import merge_tickets
from pos.unit_of_work import UnitOfWork, UnitOfWorkFactory

Change = Mapping[str, Any]


@dataclass(frozen=True)
class Projector:
    upsert_sql: str
    upsert_row: Callable[[Change], Sequence[Any]]
    delete_sql: str | None


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


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
        "THEN items.status ELSE excluded.status END, updated_at = excluded.updated_at",
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
        ),
        "UPDATE items SET status = 'inactive' WHERE id = ?",
    ),
}
PROJECTION_ORDER = ("tenant", "article_group", "staff", "item")
BULK_ITEMS = 200
"""From this many items in a page, the search index is updated in bulk (SyncStore.project_items)."""


@dataclass(frozen=True)
class PageResult:
    applied: int
    refused: int


def apply_page(
    uow_factory: UnitOfWorkFactory, changes: Sequence[Change], cursor: str, *, staging: bool = False
) -> PageResult:
    """Store one page and its cursor together; a crash re-applies the page, harmlessly."""
    with uow_factory() as uow:
        if staging:
            _store(uow.sync, "ref_staging", changes)
            uow.sync.set_meta(STAGING_CURSOR_KEY, cursor)
            refused = 0
        else:
            _store(uow.sync, "ref_entities", changes)
            refused = _project(uow, changes)
            uow.sync.set_meta(CURSOR_KEY, cursor)
        uow.commit()
    return PageResult(len(changes), refused)


def begin_full_resync(uow_factory: UnitOfWorkFactory) -> None:
    with uow_factory() as uow:
        uow.sync.clear_staging()
        uow.sync.set_meta(STAGING_CURSOR_KEY, None)
        uow.commit()


def finish_full_resync(uow_factory: UnitOfWorkFactory) -> PageResult:
    """Swap the staged snapshot in; what the server no longer has is retired locally."""
    with uow_factory() as uow:
        before = uow.sync.ref_ids("ref_entities")
        snapshot = uow.sync.all_refs("ref_staging")
        cursor = uow.sync.meta(STAGING_CURSOR_KEY) or ""
        uow.sync.swap_staging()
        gone = [
            {"entity": e, "id": i, "op": "delete"}
            for e, i in before - {(c["entity"], c["id"]) for c in snapshot}
        ]
        refused = _project(uow, [c | {"op": "upsert"} for c in snapshot] + gone)
        uow.sync.set_meta(CURSOR_KEY, cursor)
        uow.sync.set_meta(STAGING_CURSOR_KEY, None)
        uow.commit()
    return PageResult(len(snapshot), refused)


def pull_cursor(uow_factory: UnitOfWorkFactory, *, staging: bool = False) -> str | None:
    with uow_factory.read() as uow:
        return uow.sync.meta(STAGING_CURSOR_KEY if staging else CURSOR_KEY)


def reference_rows(uow_factory: UnitOfWorkFactory, entity: str) -> list[dict[str, Any]]:
    """Pulled rows of one entity (e.g. ``notification`` delivery statuses, ``vat_rate``)."""
    with uow_factory.read() as uow:
        return uow.sync.refs(entity)


def _store(sync: SyncStore, table: str, changes: Sequence[Change]) -> None:
    upserts = [c for c in changes if c["op"] == "upsert"]
    deletes = [c for c in changes if c["op"] == "delete"]
    sync.upsert_refs(table, upserts)
    sync.delete_refs(table, deletes)


def _project(uow: UnitOfWork, changes: Sequence[Change]) -> int:
    sync = uow.sync
    refused: list[dict[str, Any]] = []
    for entity in PROJECTION_ORDER:
        projector = PROJECTORS[entity]
        mine = [c for c in changes if c["entity"] == entity]
        upserts = [c for c in mine if c["op"] == "upsert"]
        rows, built, bad = [], [], []
        for change in upserts:
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
        deletes = [(c["id"],) for c in mine if c["op"] == "delete"]
        if projector.delete_sql and deletes:
            sync.execute_many(projector.delete_sql, deletes)
        refused += [_refusal(c) for c in bad]
    refused += [_refusal(c) for c in merge_tickets(uow, changes)]
    just_merged = {c["id"] for c in changes if c["entity"] == "ticket"}
    _retry_tickets(uow, just_merged)
    items = [c["id"] for c in changes if c["entity"] == "item" and c["op"] == "upsert"]
    if items:
        _retry_skipped_lines(uow, items, just_merged)
    sync.add_problems(refused)
    return len(refused)


def _retry_tickets(uow: UnitOfWork, just_merged: set[str]) -> None:
    """Tickets refused before (e.g. their staff member had not arrived yet) are tried again
    after every page; one that merges now is no longer a problem."""
    waiting = [c for c in uow.sync.refused_refs("ticket") if c["id"] not in just_merged]
    if waiting:
        still = {c["id"] for c in merge_tickets(uow, waiting)}
        uow.sync.clear_problems(_refusal(c)["event_id"] for c in waiting if c["id"] not in still)


def _retry_skipped_lines(uow: UnitOfWork, item_ids: list[str], just_merged: set[str]) -> None:
    """A pulled ticket's part line is skipped while its item is unknown here: once the item
    arrives (say registered at another counter), merge those tickets again (a union by id, so
    only the missing lines are added)."""
    waiting = [c for c in uow.sync.tickets_lacking_lines(item_ids) if c["id"] not in just_merged]
    if waiting:
        merge_tickets(uow, waiting)


def _refusal(change: Change) -> dict[str, Any]:
    return {
        "event_id": f"ref:{change['entity']}:{change['id']}",
        "device_seq": 0,
        "type": f"reference.{change['entity']}",
        "tenant_id": change.get("tenant_id"),
        "status": "rejected",
        "code": "reference_conflict",
    }
