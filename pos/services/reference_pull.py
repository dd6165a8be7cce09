"""Applying pulled reference data: a page and its cursor in one transaction, projected into the
till's own tables (tenants, staff, article groups, items); a full resync stages every page and
swaps the snapshot in at the end, in one transaction.

Repair tickets are merged field by field by hybrid logical clock (``ticket_merge``), after
the tenants, staff and items they refer to. A message's final delivery status (sent, failed,
withdrawn) updates the message queued here. Entities without a projector (VAT rates,
notification statuses) are also kept in ``ref_entities`` for their own services to read.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from pos.adapters.reference_projection import (
    PROJECTION_ORDER,
    Change,
    centre_counted,
    project_entity,
)
from pos.adapters.sync_store import CURSOR_KEY, STAGING_CURSOR_KEY
from pos.services import centre_company, centre_settlements, tenant_terms
from pos.services.ticket_merge import merge_tickets
from pos.unit_of_work import UnitOfWork, UnitOfWorkFactory


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True)
class PageResult:
    applied: int
    refused: int


def apply_page(
    uow_factory: UnitOfWorkFactory,
    changes: Sequence[Change],
    cursor: str,
    *,
    staging: bool = False,
    now: datetime | None = None,
) -> PageResult:
    """Store one page and its cursor together; a crash re-applies the page, harmlessly."""
    with uow_factory() as uow:
        if staging:
            uow.sync.keep_refs(changes, staged=True)
            uow.sync.set_meta(STAGING_CURSOR_KEY, cursor)
            refused = 0
        else:
            uow.sync.keep_refs(changes, staged=False)
            refused = _project(uow, changes, now)
            uow.sync.set_meta(CURSOR_KEY, cursor)
        uow.commit()
    return PageResult(len(changes), refused)


def begin_full_resync(uow_factory: UnitOfWorkFactory) -> None:
    with uow_factory() as uow:
        uow.sync.clear_staging()
        uow.sync.set_meta(STAGING_CURSOR_KEY, None)
        uow.commit()


def finish_full_resync(uow_factory: UnitOfWorkFactory, now: datetime | None = None) -> PageResult:
    """Swap the staged snapshot in; what the server no longer has is retired locally."""
    with uow_factory() as uow:
        before = uow.sync.ref_ids()
        snapshot = uow.sync.staged_refs()
        cursor = uow.sync.meta(STAGING_CURSOR_KEY) or ""
        uow.sync.swap_staging()
        gone = [
            {"entity": e, "id": i, "op": "delete"}
            for e, i in before - {(c["entity"], c["id"]) for c in snapshot}
        ]
        refused = _project(uow, [c | {"op": "upsert"} for c in snapshot] + gone, now)
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


def _project(uow: UnitOfWork, changes: Sequence[Change], now: datetime | None = None) -> int:
    sync = uow.sync
    refused: list[dict[str, Any]] = []
    for entity in PROJECTION_ORDER:
        mine = [c for c in changes if c["entity"] == entity]
        refused += [_refusal(c) for c in project_entity(sync, entity, mine)]
    refused += [_refusal(c) for c in merge_tickets(uow, changes)]
    just_merged = {c["id"] for c in changes if c["entity"] == "ticket"}
    _retry_tickets(uow, just_merged)
    items = [c["id"] for c in changes if c["entity"] == "item" and c["op"] == "upsert"]
    if items:
        _retry_skipped_lines(uow, items, just_merged)
        _centre_stock(uow, changes)
        sync.clear_problems(sync.obsolete_problems())
    _record_deliveries(uow, changes)
    _centre_company(uow, changes, now)
    _tenant_terms(uow, changes, now)
    _centre_settlements(uow, changes, now)
    sync.add_problems(refused)
    return len(refused)


_DELIVERED = {"sent": "sent", "failed": "failed", "withdrawn": "withdrawn", "retrying": "pending"}
"""The server's notification statuses and the local state each means: a message the server
retries stays pending here, with the reason its last attempt failed; queued and sending leave
it as it is."""


def _record_deliveries(uow: UnitOfWork, changes: Sequence[Change]) -> None:
    """Messages queued here that the server sent (or gave up on) leave "pending"; one it
    retries keeps the reason, so the counter can say why it is still waiting."""
    outcomes = []
    for c in changes:
        data = c.get("data")
        if c["entity"] != "notification" or c["op"] != "upsert" or not isinstance(data, dict):
            continue
        state = _DELIVERED.get(str(data.get("status")))
        if state is not None:
            outcomes.append((str(c["id"]), state, str(data.get("error") or "")[:500], _now()))
    if outcomes:
        uow.repairs.record_delivery(outcomes)


def _centre_company(uow: UnitOfWork, changes: Sequence[Change], now: datetime | None) -> None:
    """The centre's company as the server holds it (``centre`` entity) becomes this
    counter's, journaled here when it changes anything (dated ``now``, default the PC's)."""
    for change in changes:
        data = change.get("data")
        if change["entity"] == "centre" and change["op"] == "upsert" and isinstance(data, dict):
            company = data.get("company")
            if isinstance(company, dict):
                centre_company.take_pulled(uow, company, now)


def _tenant_terms(uow: UnitOfWork, changes: Sequence[Change], now: datetime | None) -> None:
    """A tenant's terms as the server holds them for this site (``tenant_terms``, id
    ``<site>/<tenant>``) become this counter's, after the tenants they belong to."""
    for change in changes:
        data = change.get("data")
        if change["entity"] == "tenant_terms" and change["op"] == "upsert":
            tenant_id = str(change["id"]).rpartition("/")[2]
            if isinstance(data, dict):
                tenant_terms.take_pulled(uow, tenant_id, data, now)


def _centre_settlements(uow: UnitOfWork, changes: Sequence[Change], now: datetime | None) -> None:
    """The centre's statements, after the tenants and terms (``centre_settlements``)."""
    for change in changes:
        data = change.get("data")
        if change["entity"] == centre_settlements.ENTITY and change["op"] == "upsert":
            if isinstance(data, dict):
                centre_settlements.take_pulled(uow, data, now)


def _centre_stock(uow: UnitOfWork, changes: Sequence[Change]) -> None:
    """The centre's count less what this counter has sold (or taken back) and not yet sent:
    the server's count does not hold those yet."""
    counted = [c["id"] for c in changes if c["entity"] == "item" and c["op"] == "upsert"
               and isinstance(c.get("data"), dict) and centre_counted(c)]  # fmt: skip
    if counted:
        uow.sync.take_off_unsent_sales(counted)


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
