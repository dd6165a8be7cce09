"""Merging pushed repair events into the server's copy of each ticket, and publishing it as a
``ticket`` reference change the site's counters pull (sync-protocol.md §2.4).

- Descriptive fields: per field ``(value, hlc, device)``; an edit wins iff ``(hlc, device)``
  is greater, so edits of different fields at two counters both survive.
- Notes, lines, removals, approvals, status moves: append-only parts keyed by the id the
  counter made, so a replayed push adds nothing.
- Status: an intent ``from -> to``, applied only if ``from`` is the server's status and the
  state machine allows the move; otherwise the event is flagged ``status_conflict`` (stored
  and acked all the same) and the ticket is unchanged. A final status is left only by
  ``repair.reopened`` approved by a manager the server knows.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, text

from pos.hlc import MAX_AHEAD_MS, Hlc, InvalidHlc, clamp, tick
from pos.model.repair import ALLOWED, REOPEN_TARGETS, RepairStatus
from pos.sync_protocol import MAX_TEXT, TICKET_FIELDS, field_value_ok
from server import refdata
from server.auth import Device
from server.verify import Flags

STATUSES = frozenset(s.value for s in RepairStatus)
_PART_LISTS = {
    "note": "notes",
    "line": "lines",
    "removal": "removals",
    "approval": "approvals",
    "status": "history",
    "deposit": "deposits",
    "deposit_use": "deposits_used",
}


@dataclass
class Ticket:
    tenant_id: str
    ticket_id: str
    site_id: str
    base: dict[str, Any]
    fields: dict[str, dict[str, Any]]
    status: str
    parts: list[tuple[str, str, str, dict[str, Any]]] = field(default_factory=list)


def _short_text(value: Any, limit: int = 100) -> bool:
    return isinstance(value, str) and 0 < len(value) <= limit


def payload_problem(kind: str, payload: dict[str, Any]) -> tuple[str, str] | None:
    """A repair event the server cannot merge at all (quarantined as malformed)."""
    if not _short_text(payload.get("ticket"), 40):
        return ("malformed", "a repair event needs its ticket id")
    if "hlc" in payload:
        try:
            Hlc.parse(payload["hlc"])
        except InvalidHlc:
            return ("malformed", "hlc is not a hybrid logical clock stamp")
    if kind in ("repair.status_changed", "repair.reopened"):
        moves = (payload.get("from"), payload.get("to"))
        if not all(isinstance(s, str) and s in STATUSES for s in moves):
            return ("malformed", "a status change needs known from and to statuses")
    needs = {
        "repair.note_added": ("note_id", "text"),
        "repair.line_added": ("line",),
        "repair.line_removed": ("removed",),
        "repair.deposit_held": ("deposit_id",),
    }
    for name in needs.get(kind, ()):
        if not _short_text(payload.get(name), MAX_TEXT if name == "text" else 100):
            return ("malformed", f"{name} must be a non-empty text")
    if kind in ("repair.line_added", "repair.approved", "repair.deposit_held"):
        amount = payload.get("amount")
        if not isinstance(amount, int) or isinstance(amount, bool) or abs(amount) >= 10**11:
            return ("malformed", "amount must be an integer number of øre")
    if kind == "repair.updated" and not isinstance(payload.get("fields", {}), dict):
        return ("malformed", "fields must be an object")
    return None


def merge(
    conn: Connection, device: Device, rows: list[dict[str, Any]], received: datetime
) -> Flags:
    """Apply the batch's fresh repair events in device order; returns their review flags."""
    flags: Flags = {}
    touched: dict[tuple[str, str], Ticket] = {}
    now_ms = int(received.timestamp() * 1000)
    clamped: list[Hlc] = []
    for row in rows:
        found: list[tuple[str, str]] = []
        payload = row["payload"]
        stamp = _stamp(row, device, now_ms, found, clamped)
        key = (row["tenant_id"], payload["ticket"])
        ticket = touched.get(key) or load_ticket(conn, key)
        if ticket is not None and ticket.site_id != device.site_id:
            # ticket ids are unique per site only (label blocks): another site's job
            found.append(("ticket_other_site", "a ticket with this id belongs to another site"))
        elif row["type"] == "repair.ticket_created":
            creation = str(payload.get("history_id") or row["event_id"])[:100]
            if ticket is not None and not has_part(conn, ticket, "status", creation):
                # a counter restored from an older backup numbers its intakes again
                found.append(("ticket_id_reused", "another job already has this ticket id"))
            else:
                ticket = ticket or _created(device, row, stamp, received)
                _merge_fields(ticket, {n: payload[n] for n in TICKET_FIELDS if n in payload},
                              stamp, device.id, found)  # fmt: skip
        elif ticket is None:
            found.append(("ticket_unknown", "no ticket_created for this ticket on the server"))
        else:
            _apply(conn, ticket, row, stamp, device, found)
        if ticket is not None and ticket.site_id == device.site_id:
            touched[key] = ticket
        if found:
            flags[row["event_id"]] = found
    for ticket in touched.values():
        save_ticket(conn, ticket)
        publish(conn, ticket)
    return flags


def _stamp(
    row: dict[str, Any], device: Device, now_ms: int, found: list, clamped: list[Hlc]
) -> str:
    """The event's clock stamp (older counters sent none: its time and device), clamped.
    Clamped stamps all get the server's time, so each one of the batch (in device order) is
    ticked past the one before: a counter's later edit still beats its earlier one."""
    try:
        stamp = Hlc.parse(row["payload"]["hlc"])
    except (KeyError, InvalidHlc):
        moment = datetime.fromisoformat(row["occurred_at"])
        wall = max(int(moment.timestamp() * 1000), 0)
        stamp = Hlc(min(wall, now_ms + MAX_AHEAD_MS + 1), 0, device.id)  # year 9999 fits too
    stamp, was_clamped = clamp(stamp, now_ms)
    if was_clamped:
        stamp = tick(clamped[-1] if clamped else None, now_ms, stamp.node)
        clamped.append(stamp)
        found.append(("hlc_clamped", "the clock stamp was over an hour ahead of the server"))
    return str(stamp)


def _created(device: Device, row: dict[str, Any], stamp: str, received: datetime) -> Ticket:
    """A job as its intake made it; ``received_at`` is when the server got the intake (its
    own clock: the back office counts a job's age from it, a counter's clock may be off)."""
    payload = row["payload"]
    base = {name: payload.get(name) for name in ("register_id", "created_by", "created_at")}
    base["created_at"] = base["created_at"] or row["occurred_at"]
    base["received_at"] = received.astimezone(UTC).isoformat(timespec="seconds")
    status = payload.get("status")
    status = status if isinstance(status, str) and status in STATUSES else "received"
    ticket = Ticket(row["tenant_id"], payload["ticket"], device.site_id, base, {}, status)
    history = {"from": None, "to": status, "note": "", "staff_id": base["created_by"]}
    add_part(ticket, "status", payload.get("history_id") or row["event_id"], stamp, row, history)
    return ticket


def add_part(
    ticket: Ticket, kind: str, part_id: Any, stamp: str, row: dict[str, Any], data: dict
) -> None:
    payload = row["payload"]
    data = {"id": str(part_id)[:100], "staff_id": payload.get("staff_id"),
            "at": row["occurred_at"], **data}  # fmt: skip
    ticket.parts.append((kind, str(part_id)[:100], stamp, data))


def _merge_fields(
    ticket: Ticket,
    values: dict[str, Any],
    stamp: str,
    device_id: str,
    found: list[tuple[str, str]],
) -> None:
    bad = []
    for name, value in values.items():
        if not field_value_ok(name, value):
            bad.append(name)
            continue
        held = ticket.fields.get(name)
        if held is None or (stamp, device_id) > (held["hlc"], held["dev"]):
            ticket.fields[name] = {"v": value, "hlc": stamp, "dev": device_id}
    if bad:
        found.append(("field_invalid", "ignored fields: " + ", ".join(sorted(bad))[:400]))


def _apply(
    conn: Connection,
    ticket: Ticket,
    row: dict[str, Any],
    stamp: str,
    device: Device,
    found: list[tuple[str, str]],
) -> None:
    kind, payload = row["type"], row["payload"]
    if kind == "repair.updated":
        _merge_fields(ticket, payload.get("fields") or {}, stamp, device.id, found)
    elif kind in ("repair.status_changed", "repair.reopened"):
        move_id = payload.get("history_id") or row["event_id"]
        if has_part(conn, ticket, "status", str(move_id)[:100]):
            return  # this move re-sent under a new event id: it was applied once already
        problem = _status_problem(conn, ticket, kind, payload)
        if problem:
            found.append(problem)
            return
        ticket.status = payload["to"]
        move = {"from": payload["from"], "to": payload["to"], "note": str(payload.get("note", ""))}
        add_part(ticket, "status", move_id, stamp, row, move)
    elif kind == "repair.note_added":
        add_part(ticket, "note", payload["note_id"], stamp, row, {"text": payload["text"]})
    elif kind == "repair.line_added":
        line = {name: payload.get(name) for name in
                ("description", "item_id", "qty", "minutes", "unit_price", "amount")}  # fmt: skip
        add_part(ticket, "line", payload["line"], stamp, row, line | {"kind": payload.get("added")})
    elif kind == "repair.line_removed":
        removal = {"reason": str(payload.get("reason", ""))}
        add_part(ticket, "removal", payload["removed"], stamp, row, removal)
    elif kind == "repair.deposit_held":
        held = {"amount": payload["amount"], "register_id": str(payload.get("register_id", ""))}
        add_part(ticket, "deposit", payload["deposit_id"], stamp, row, held)
    elif kind == "repair.approved":
        approval = {name: payload.get(name) for name in ("amount", "method", "note")}
        add_part(ticket, "approval", payload.get("approval_id") or row["event_id"], stamp, row,
              approval)  # fmt: skip


def has_part(conn: Connection, ticket: Ticket, kind: str, part_id: str) -> bool:
    """Whether the ticket holds this part already (stored, or merged earlier in this push)."""
    if any(k == kind and i == part_id for k, i, _, _ in ticket.parts):
        return True
    found = conn.execute(
        text(
            "SELECT 1 FROM repair_ticket_parts WHERE tenant_id = :t AND ticket_id = :i "
            "AND kind = :k AND part_id = :p"
        ),
        {"t": ticket.tenant_id, "i": ticket.ticket_id, "k": kind, "p": part_id},
    ).first()
    return found is not None


def _status_problem(
    conn: Connection, ticket: Ticket, kind: str, payload: dict[str, Any]
) -> tuple[str, str] | None:
    current, to = RepairStatus(ticket.status), RepairStatus(payload["to"])
    conflict = ("status_conflict", f"the ticket is {current.value} on the server")
    if payload["from"] != current.value:
        return conflict
    if kind == "repair.status_changed":
        return None if to in ALLOWED[current] else conflict
    if not current.final or to not in REOPEN_TARGETS:
        return conflict
    if not _is_manager(conn, payload.get("approved_by")):
        return ("reopen_refused", "a reopen needs a manager the server knows")
    return None


def _is_manager(conn: Connection, staff_id: Any) -> bool:
    if not isinstance(staff_id, str):
        return False
    role = conn.execute(
        text(
            "SELECT data->>'role' FROM ref_current WHERE entity = 'staff' AND entity_id = :i "
            "AND NOT deleted"
        ),
        {"i": staff_id},
    ).scalar()
    return role == "manager"


def load_ticket(conn: Connection, key: tuple[str, str]) -> Ticket | None:
    row = conn.execute(
        text(
            "SELECT site_id, base, fields, status FROM repair_tickets "
            "WHERE tenant_id = :t AND ticket_id = :i FOR UPDATE"
        ),
        {"t": key[0], "i": key[1]},
    ).first()
    if row is None:
        return None
    return Ticket(key[0], key[1], row[0], dict(row[1]), dict(row[2]), row[3])


def save_ticket(conn: Connection, ticket: Ticket) -> None:
    conn.execute(
        text(
            "INSERT INTO repair_tickets (tenant_id, ticket_id, site_id, base, fields, status) "
            "VALUES (:t, :i, :s, CAST(:b AS jsonb), CAST(:f AS jsonb), :st) "
            "ON CONFLICT (tenant_id, ticket_id) DO UPDATE SET fields = excluded.fields, "
            "status = excluded.status, updated_at = now()"
        ),
        {"t": ticket.tenant_id, "i": ticket.ticket_id, "s": ticket.site_id,
         "b": json.dumps(ticket.base), "f": json.dumps(ticket.fields), "st": ticket.status},
    )  # fmt: skip
    if ticket.parts:
        rows = [{"kind": k, "id": i, "hlc": h, "data": d} for k, i, h, d in ticket.parts]
        conn.execute(
            text(
                "INSERT INTO repair_ticket_parts (tenant_id, ticket_id, kind, part_id, hlc, data) "
                "SELECT :t, :i, r.kind, r.id, r.hlc, r.data FROM jsonb_to_recordset("
                "CAST(:rows AS jsonb)) AS r(kind text, id text, hlc text, data jsonb) "
                "ON CONFLICT DO NOTHING"
            ),
            {"t": ticket.tenant_id, "i": ticket.ticket_id, "rows": json.dumps(rows)},
        )
        ticket.parts = []


def publish(conn: Connection, ticket: Ticket) -> int:
    """The merged ticket as a ``ticket`` reference change for its tenant's counters."""
    data: dict[str, Any] = {
        "ticket": ticket.ticket_id,
        "site_id": ticket.site_id,  # the counters of other sites of the tenant leave it alone
        **ticket.base,
        "status": ticket.status,
        "fields": {name: held["v"] for name, held in ticket.fields.items()},
        "field_hlc": {name: held["hlc"] for name, held in ticket.fields.items()},
    }
    data |= {name: [] for name in _PART_LISTS.values()}
    for kind, stamp, part in conn.execute(
        text(
            "SELECT kind, hlc, data FROM repair_ticket_parts WHERE tenant_id = :t AND "
            "ticket_id = :i ORDER BY hlc, part_id"
        ),
        {"t": ticket.tenant_id, "i": ticket.ticket_id},
    ):
        if kind in _PART_LISTS:
            data[_PART_LISTS[kind]].append(part | {"hlc": stamp})
    entity_id = f"{ticket.tenant_id}/{ticket.ticket_id}"  # ticket ids are unique per site only
    return refdata.put(conn, "ticket", entity_id, ticket.tenant_id, data)
