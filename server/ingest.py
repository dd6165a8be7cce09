"""Applying one push: idempotent by database constraints, contiguous by device sequence.

One transaction per push under a per-device advisory lock (``409 concurrent_push`` if busy).
Events at or below ``acked_through`` are compared by hash (duplicate or ``seq_conflict``); the
next ones are stored only if their keys are claimed (``event_keys``: ``UNIQUE(event_id)`` and
``UNIQUE(device_id, device_epoch, device_seq)`` across every month of ``events``); bad events
are quarantined and still acked, so the queue never jams; ``acked_through`` moves in the same
transaction. One event never fails the batch: whatever it holds, it is stored, flagged or
quarantined on its own.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError

from pos.sync_protocol import (
    CENTRE_EVENT_TYPES,
    ITEM_EVENT_TYPES,
    RECEIPT_EVENT_TYPES,
    TENANT_REGISTERED,
    TENANT_TERMS_SET,
    TICKET_EVENT_TYPES,
)
from server import (
    centre_data,
    deposit_uses,
    items,
    one_offs,
    stock,
    tenant_offers,
    tenant_terms,
    tickets,
)
from server.auth import Device
from server.checked import Checked, Outcome
from server.db import Scope, apply_scope
from server.event_store import (
    Held,
    Stored,
    check_and_store,
    is_refused_value,
    quarantine,
    queue_notifications,
    store_flags,
    store_one_by_one,
    withdraw_notifications,
)
from server.problems import Problem
from server.receipt_numbers import held_twice
from server.resends import event_id_clashes, repeats, resends
from server.tenant_offers import parse_offer
from server.verify import Flags, Heads, check_receipts, read_heads, save_heads

CLOCK_AHEAD = timedelta(minutes=5)
_SOLD = frozenset({"sale.completed", "return.completed"})
_HOOKED = TICKET_EVENT_TYPES | ITEM_EVENT_TYPES | CENTRE_EVENT_TYPES | _SOLD | {TENANT_TERMS_SET}
"""Fresh events merged or published after the insert (tickets, items)."""


def apply_push(
    conn: Connection,
    device: Device,
    events: list[dict[str, Any]],
    received_at: datetime,
    may_hold_nul: bool = True,
) -> Outcome:
    lock_device(conn, device, wait=False)
    acked = conn.execute(
        text(
            "SELECT acked_through FROM device_streams WHERE device_id = :d AND epoch = :e "
            "FOR UPDATE"
        ),
        {"d": device.id, "e": device.epoch},
    ).scalar()
    if acked is None:
        raise Problem(401, "token_invalid", "no stream for this device epoch; re-enrol")
    outcome = Outcome(int(acked))
    old = [e for e in events if e["device_seq"] <= acked]
    firsts, repeats_ = _first_of_each_seq([e for e in events if e["device_seq"] > acked])
    new = _contiguous(firsts, int(acked))
    if old:
        resends(conn, device, old, outcome)
    if not new and firsts:
        raise Problem(
            409,
            "seq_gap",
            f"the server expects device_seq {acked + 1} next",
            expected_seq=int(acked) + 1,
        )
    if new:
        device, offered = _tenants_offered(conn, device, new)
        store_new(conn, device, new, may_hold_nul, outcome, received_at, extra_flags=offered)
        outcome.acked_through = new[-1]["device_seq"]
        conn.execute(
            text(
                "UPDATE device_streams SET acked_through = :a, updated_at = now() "
                "WHERE device_id = :d AND epoch = :e"
            ),
            {"a": outcome.acked_through, "d": device.id, "e": device.epoch},
        )
        repeats(conn, device, new, repeats_, outcome)
    # the server's clock, as "today" for a settlement and each event's received_at
    conn.execute(text("UPDATE devices SET last_seen_at = :at WHERE id = :d"),
                 {"at": received_at, "d": device.id})  # fmt: skip
    return outcome


def _tenants_offered(
    conn: Connection, device: Device, new: list[dict[str, Any]]
) -> tuple[Device, Flags]:
    """Tenants added at the counter (``tenant.registered``), offered to the site before the
    batch is checked, so the tenant's own sales in the same batch are not refused; the device
    then serves the tenants registered. Held ones are flagged ``tenant_pending``."""
    offers = [e for e in new if e.get("type") == TENANT_REGISTERED]
    valid = [e for e in offers if isinstance(e.get("payload"), dict)
             and not isinstance(parse_offer(e["payload"].get("tenant")), str)]  # fmt: skip
    if not valid:
        return device, {}
    apply_scope(conn, Scope.admin())
    answers = tenant_offers.offer(conn, device.site_id, device.id,
                                  [e["payload"]["tenant"] for e in valid])  # fmt: skip
    served = conn.execute(
        text("SELECT tenant_id FROM site_tenants WHERE site_id = :s ORDER BY tenant_id"),
        {"s": device.site_id},
    )
    device = replace(device, tenant_ids=tuple(r[0] for r in served))
    apply_scope(conn, device.scope)
    flags: Flags = {}
    for event, answer in zip(valid, answers, strict=True):
        if answer["status"] == "pending":
            detail = f"tenant {answer['code']} waits for the operator ({answer['reason']})"
            flags[event["event_id"]] = [("tenant_pending", detail)]
    return device, flags


def lock_device(conn: Connection, device: Device, *, wait: bool) -> None:
    """The per-device lock every writer of its stream takes (pushes give up at once)."""
    if wait:
        conn.execute(
            text("SELECT pg_advisory_xact_lock(hashtextextended(:k, 7))"), {"k": device.id}
        )
        return
    locked = conn.execute(
        text("SELECT pg_try_advisory_xact_lock(hashtextextended(:k, 7))"), {"k": device.id}
    ).scalar()
    if not locked:
        raise Problem(
            409,
            "concurrent_push",
            "another push for this device is in progress",
            headers={"Retry-After": "1"},
        )


def _first_of_each_seq(
    events: list[dict[str, Any]],
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Events sorted by sequence, split into the first with each number and the repeats."""
    firsts: list[dict[str, Any]] = []
    repeats: list[dict[str, Any]] = []
    for event in events:
        if firsts and firsts[-1]["device_seq"] == event["device_seq"]:
            repeats.append(event)
        else:
            firsts.append(event)
    return firsts, repeats


def _contiguous(events: list[dict[str, Any]], acked: int) -> list[dict[str, Any]]:
    """The run of events that follows ``acked`` without a hole (the rest is sent again later)."""
    run: list[dict[str, Any]] = []
    for event in events:
        if event["device_seq"] != acked + len(run) + 1:
            break
        run.append(event)
    return run


def store_new(
    conn: Connection,
    device: Device,
    new: list[dict[str, Any]],
    may_hold_nul: bool,
    out: Outcome,
    received_at: datetime,
    *,
    keep_rejected: bool = True,
    extra_flags: Flags | None = None,
    held: Held | None = None,
) -> list[Checked]:
    """Check, store, verify, flag and publish events that follow the device's watermark;
    returns the events not stored (quarantined, unless ``keep_rejected`` is off: they are
    being released from quarantine and stay there, and ``held`` names their rows)."""
    receipt_kinds = any(str(e.get("type")) in RECEIPT_EVENT_TYPES for e in new)
    heads = read_heads(conn, device, device.tenant_ids) if receipt_kinds else None
    stored = _store(conn, device, new, may_hold_nul, heads, held)
    valid = [c for c in stored.checked if c.row is not None]
    if len(stored.inserted) == len(valid):
        clashes: list[Checked] = []
    else:
        clashes = [c for c in valid if _row(c)["event_id"].lower() not in stored.inserted]
    rejected = [c for c in stored.checked if c.reject]
    _name_pending_tenants(conn, device, rejected)
    reported, quiet = event_id_clashes(conn, device, clashes, out)
    if keep_rejected:
        quarantine(conn, device, rejected + reported + quiet)
    for c in rejected + reported:
        assert c.reject is not None
        out.add(c.raw, "rejected", c.reject[0])
    clashed = {id(c) for c in clashes}
    fresh = [_row(c) for c in valid if id(c) not in clashed]
    flags: Flags = {k: list(v) for k, v in (extra_flags or {}).items()}
    if heads is not None:
        _add(flags, _verified(conn, device, stored, heads, fresh, bool(clashes)))
    _add(flags, held_twice(conn, stored.numbers_held, fresh))
    _hooks(conn, device, fresh, flags, received_at)
    _record_flags(conn, device, {r["event_id"]: r for r in fresh}, flags, out)
    queue_notifications(conn, device, [r for r in fresh if r["type"] == "notification.requested"])
    # after the requests: a request and its withdrawal may come in the same push
    withdraw_notifications(
        conn, device, [r for r in fresh if r["type"] == "notification.withdrawn"]
    )
    return rejected + reported + quiet


def _verified(
    conn: Connection,
    device: Device,
    stored: Stored,
    heads: Heads,
    fresh: list[dict[str, Any]],
    clashed: bool,
) -> Flags:
    """The receipts' flags: the guess made while the rows were stored, or (if a row did not
    go in after all) the stored ones checked again from the heads as read; heads saved."""
    if stored.guess is not None and not clashed:
        flags, heads = stored.guess
    else:
        flags = check_receipts(device, _receipt_rows(fresh), heads)
    save_heads(conn, device, heads)
    return flags


def _add(flags: Flags, more: Flags) -> None:
    for event_id, found in more.items():
        flags.setdefault(event_id, []).extend(found)


def _name_pending_tenants(conn: Connection, device: Device, rejected: list[Checked]) -> None:
    """A tenant the operator has yet to approve is a reason the counter can act on: say so."""
    claimed = [c for c in rejected if c.reject and c.reject[0] == "tenant_forbidden"]
    if not claimed:
        return
    tenants = list({str(c.raw.get("tenant_id")) for c in claimed})
    waiting = tenant_offers.pending_ids(conn, device.site_id, tenants)
    for c in claimed:
        if str(c.raw.get("tenant_id")) in waiting:
            c.reject = ("tenant_pending", "the tenant waits for the operator's approval")


def _store(
    conn: Connection,
    device: Device,
    new: list[dict[str, Any]],
    may_hold_nul: bool,
    heads: Heads | None,
    held: Held | None,
) -> Stored:
    """The fast path in a savepoint; if PostgreSQL refuses a value, row by row."""

    def guess(rows: list[dict[str, Any]]) -> tuple[Flags, Heads]:
        assert heads is not None
        moved = heads.copy()
        return check_receipts(device, _receipt_rows(rows), moved), moved

    try:
        with conn.begin_nested():
            return check_and_store(
                conn, device, new, may_hold_nul, guess if heads is not None else None, held
            )
    except DBAPIError as exc:
        if not is_refused_value(exc):
            raise
    return store_one_by_one(conn, device, new, may_hold_nul, held)


def _hooks(
    conn: Connection,
    device: Device,
    fresh: list[dict[str, Any]],
    flags: Flags,
    received_at: datetime,
) -> None:
    """Items and tickets published or merged, clocks checked; their flags added to ``flags``."""
    repairs: list[dict[str, Any]] = []
    catalogue: list[dict[str, Any]] = []
    centre: list[dict[str, Any]] = []
    sold: list[dict[str, Any]] = []
    terms: list[dict[str, Any]] = []
    for r in fresh:  # one pass, one set lookup per row for the rows none of these concern
        if r["type"] in _HOOKED:
            kind = r["type"]
            hooked = repairs if kind in TICKET_EVENT_TYPES else catalogue
            hooked = centre if kind in CENTRE_EVENT_TYPES else hooked
            hooked = terms if kind == TENANT_TERMS_SET else hooked
            (sold if kind in _SOLD else hooked).append(r)
    # groups and staff, then items, then one-offs sold, then tickets, then the deposits their
    # pickups used: each may need the one before
    shared = centre_data.apply(conn, device, centre) if centre else {}
    if terms:
        tenant_terms.apply(conn, device, terms)
    published = items.apply(conn, device, catalogue) if catalogue else {}
    moved = one_offs.apply(conn, device, sold) if sold else {}
    if sold:
        stock.apply(conn, device, sold)
    merged = tickets.merge(conn, device, repairs, received_at) if repairs else {}
    used = deposit_uses.apply(conn, device, sold, received_at) if sold else {}
    for found_flags in (shared, published, moved, merged, used):
        for event_id, found in found_flags.items():
            flags.setdefault(event_id, []).extend(found)
    for row in fresh:
        if datetime.fromisoformat(row["occurred_at"]) > received_at + CLOCK_AHEAD:
            flags.setdefault(row["event_id"], []).append(
                ("clock_ahead", "occurred_at is more than 5 minutes after the server's time")
            )


def _receipt_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [r for r in rows if r["type"] in RECEIPT_EVENT_TYPES]


def _row(checked: Checked) -> dict[str, Any]:
    assert checked.row is not None
    return checked.row


def _record_flags(
    conn: Connection,
    device: Device,
    rows: dict[str, dict[str, Any]],
    flags: Flags,
    out: Outcome,
) -> None:
    records = []
    for event_id, found in flags.items():
        row = rows.get(event_id)
        if row is None:  # not stored after all (its id clashed): quarantined instead
            continue
        out.add(row, "flagged", found[0][0], codes=[code for code, _ in found])
        records += [
            {"event_id": event_id, "tenant_id": row["tenant_id"], "code": code, "detail": detail}
            for code, detail in found
        ]
    store_flags(conn, device.site_id, records)
