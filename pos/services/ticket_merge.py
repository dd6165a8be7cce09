"""Applying a pulled ``ticket`` (the server's merged repair ticket) to this counter's tables.

A ticket this counter has never seen is created, so a job taken in at another counter can be
found, worked on and collected here. Descriptive fields are merged by hybrid logical clock: a
pulled value wins over an edit made here and not yet pushed only if its stamp is later, so
that edit stays on top until the server has it (the Replicache rebase); any other field takes
the server's value and stamp, as the server decided on it (it may have clamped a stamp). Notes,
lines, removals, approvals and status history are a union by id. The status is the server's,
unless a status change of this ticket is still waiting in the outbox.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from pos.hlc import Hlc, InvalidHlc
from pos.model.repair import RepairStatus
from pos.services import ticket_clock
from pos.services.repair_edit import column_values
from pos.sync_protocol import TICKET_FIELDS, field_value_ok
from pos.unit_of_work import UnitOfWork

Change = Mapping[str, Any]
_DEFAULTS = {"text": "", "texts": [], "bool": False, "ore": 0}


class BadTicket(ValueError):
    """Pulled ticket data this counter cannot apply (kept as a sync problem, never a crash)."""


_UNUSABLE = (LookupError, TypeError, ValueError, AttributeError, OverflowError, sqlite3.Error)
"""What bad pulled data can raise (OverflowError: an integer too large for SQLite)."""


def merge_tickets(uow: UnitOfWork, changes: Sequence[Change]) -> list[Change]:
    """Merge every ``ticket`` upsert of a page; returns the changes that had to be refused."""
    refused: list[Change] = []
    now = datetime.now(UTC)
    device = uow.sync.device()
    site = device["site_id"] if device else None
    for change in changes:
        if change.get("entity") != "ticket" or change.get("op") != "upsert":
            continue
        if not _this_site(change.get("data"), site):
            continue  # ticket ids are unique per site only: a tenant at two sites gets both
        try:
            with uow.savepoint():
                stamps = _merge_one(uow, change.get("data"), change.get("tenant_id"), now)
                ticket_clock.observe(uow, stamps, now)
        except _UNUSABLE:
            refused.append(change)
    return refused


def _merge_one(uow: UnitOfWork, data: Any, tenant_id: Any, now: datetime) -> list[str]:
    if not isinstance(data, dict) or not isinstance(data.get("ticket"), str):
        raise BadTicket("no ticket id")
    ticket_id, status = data["ticket"], RepairStatus(data["status"])
    stamps = {n: s for n, s in dict(data.get("field_hlc") or {}).items() if _is_stamp(s)}
    fields = {
        name: value
        for name, value in dict(data.get("fields") or {}).items()
        if field_value_ok(name, value) and name in stamps
    }
    row = uow.repairs.ticket_row(ticket_id)
    updated_at = now.isoformat(timespec="milliseconds").replace("+00:00", "Z")
    if row is None:
        _create(uow, data, tenant_id, status, fields, updated_at)
        uow.repairs.set_field_clock(ticket_id, {n: stamps[n] for n in fields})
        row = uow.repairs.ticket_row(ticket_id)
        assert row is not None
    elif row["tenant_id"] != tenant_id:
        raise BadTicket("the ticket belongs to another tenant here")
    else:
        held = uow.repairs.field_clock(ticket_id)
        acked = uow.sync.acked_through()
        mine = uow.repairs.unpushed_fields(ticket_id, acked)
        later = {  # an edit the server has decided on is the server's (it may clamp a stamp)
            n: v
            for n, v in fields.items()
            if stamps[n] > held.get(n, "") or (n not in mine and stamps[n] != held.get(n))
        }
        changes = column_values(later)
        pending = uow.repairs.has_unpushed_status(ticket_id, acked)
        if status.value != row["status"] and not pending:
            changes["status"] = status.value
        if changes:
            uow.repairs.update_ticket(ticket_id, **changes, updated_at=updated_at)
            uow.repairs.set_field_clock(ticket_id, {n: stamps[n] for n in later})
    parts = _parts(uow, ticket_id, data)
    return list(stamps.values()) + [p for p in parts if p]


def _create(
    uow: UnitOfWork,
    data: dict[str, Any],
    tenant_id: Any,
    status: RepairStatus,
    fields: dict[str, Any],
    updated_at: str,
) -> None:
    if uow.tenants.tenant(str(tenant_id)) is None:
        raise BadTicket("unknown tenant")
    values = {
        name: fields.get(name, _DEFAULTS.get(kind, None)) for name, kind in TICKET_FIELDS.items()
    }
    created_by = data.get("created_by")
    if not uow.repairs.known_staff({str(created_by)}):
        raise BadTicket("the staff member who took the job in is not known here")
    technician = values["technician_id"]
    if technician is not None and not uow.repairs.known_staff({technician}):
        values["technician_id"] = None
    uow.repairs.insert_ticket(
        {
            "id": data["ticket"],
            "tenant_id": tenant_id,
            "register_id": str(data.get("register_id") or ""),
            "status": status.value,
            **column_values(values),
            "terms_accepted": True,  # intake refuses a ticket without them
            "created_by": created_by,
            "created_at": str(data.get("created_at") or updated_at),
            "updated_at": updated_at,
        }
    )


def _parts(uow: UnitOfWork, ticket_id: str, data: dict[str, Any]) -> list[str]:
    """Insert the append-only parts this counter lacks; returns their clock stamps."""
    lists = {name: [p for p in data.get(name) or [] if isinstance(p, dict)] for name in
             ("history", "notes", "lines", "removals", "approvals")}  # fmt: skip
    every = [p for parts in lists.values() for p in parts]
    staff = uow.repairs.known_staff({str(p.get("staff_id")) for p in every})
    items = uow.repairs.known_items({str(p.get("item_id")) for p in lists["lines"]})

    def ok(part: dict[str, Any]) -> bool:
        return isinstance(part.get("id"), str) and part.get("staff_id") in staff

    common = {"ticket_id": ticket_id}
    uow.repairs.add_pulled_history([
        common | {"id": p["id"], "from_status": _status(p.get("from")), "to_status":
                  _status(p["to"]), "staff_id": p["staff_id"], "created_at": p["at"],
                  "note": str(p.get("note") or "")}
        for p in lists["history"] if ok(p)
    ])  # fmt: skip
    uow.repairs.add_pulled_notes([
        common | {"id": p["id"], "text": str(p["text"]), "staff_id": p["staff_id"],
                  "created_at": p["at"], "hlc": str(p.get("hlc") or "")}
        for p in lists["notes"] if ok(p)
    ])  # fmt: skip
    uow.repairs.add_pulled_lines([
        common | {"id": p["id"], "kind": "part" if p.get("kind") == "part" else "labour",
                  "item_id": p["item_id"], "description": str(p.get("description") or ""),
                  "qty": _int(p.get("qty"), 1), "minutes": _int_or_none(p.get("minutes")),
                  "unit_price": _int(p.get("unit_price"), _int(p["amount"], 0)),
                  "amount": _int(p["amount"], 0), "staff_id": p["staff_id"],
                  "created_at": p["at"]}
        for p in lists["lines"] if ok(p) and p.get("item_id") in items
    ])  # fmt: skip
    lines = uow.repairs.known_lines({str(p.get("id")) for p in lists["removals"]})
    uow.repairs.add_pulled_removals([
        {"line_id": p["id"], "staff_id": p["staff_id"], "created_at": p["at"],
         "reason": str(p.get("reason") or "")}
        for p in lists["removals"] if ok(p) and p["id"] in lines
    ])  # fmt: skip
    uow.repairs.add_pulled_approvals([
        common | {"id": p["id"], "amount": _int(p.get("amount"), 0),
                  "method": str(p.get("method") or ""), "note": str(p.get("note") or ""),
                  "staff_id": p["staff_id"], "created_at": p["at"]}
        for p in lists["approvals"] if ok(p)
    ])  # fmt: skip
    return [str(p.get("hlc") or "") for p in every]


def _this_site(data: Any, site: str | None) -> bool:
    """Whether a pulled ticket was taken in at this counter's site (older servers: unsaid)."""
    return not isinstance(data, dict) or "site_id" not in data or data["site_id"] == site


def _is_stamp(value: Any) -> bool:
    try:
        Hlc.parse(value)
    except InvalidHlc:
        return False
    return True


def _status(value: Any) -> str | None:
    return None if value is None else RepairStatus(value).value


def _int_or_none(value: Any) -> int | None:
    """An integer in range, else None (an optional number such as a line's minutes)."""
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) < 10**11:
        return value
    return None


def _int(value: Any, default: int) -> int:
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) < 10**11:
        return value
    return default
