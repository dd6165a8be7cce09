"""The centre's ledger of repair deposits: a deposit taken at one counter is deducted at
whichever counter of the site hands the job over.

Deposits held come with the ticket (``repair.deposit_held``, a part of kind ``deposit``; a
refund is a negative one). A pickup sale pays with tender ``deposit`` naming the ticket
(``voucher``); each such payment becomes a part of kind ``deposit_use`` (keyed by its tender
id, so a resend adds nothing) and the ticket is published again, so every counter of the site
pulls what is left. A use of more than the ticket still holds (two counters deducted it while
one was offline) is stored and flagged ``deposit_overdrawn`` for the manager, never refused:
the sale happened. Training receipts change nothing.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Connection, text

from pos.hlc import Hlc, clamp
from server.auth import Device
from server.tickets import Ticket, add_part, has_part, load_ticket, publish, save_ticket
from server.verify import Flags

DEPOSIT_TENDER = "deposit"
_HELD = """
SELECT COALESCE(SUM(CASE kind WHEN 'deposit' THEN (data->>'amount')::bigint
                              ELSE -(data->>'amount')::bigint END), 0)
FROM repair_ticket_parts
WHERE tenant_id = :t AND ticket_id = :i AND kind IN ('deposit', 'deposit_use')
"""


def deposit_payments(row: dict[str, Any]) -> list[tuple[str, str, int]]:
    """(tender id, ticket id, amount) of a receipt's deposit payments; none in training."""
    payload = row["payload"]
    if payload.get("training") or not isinstance(payload.get("payments"), list):
        return []
    found = []
    for pay in payload["payments"]:
        if not isinstance(pay, dict) or pay.get("kind") != DEPOSIT_TENDER:
            continue
        ticket, tender, amount = pay.get("voucher"), pay.get("tender_id"), _ore(pay.get("amount"))
        if isinstance(ticket, str) and ticket and isinstance(tender, str) and amount:
            found.append((tender[:100], ticket[:40], amount))
    return found


def _ore(value: Any) -> int:
    """A positive amount of øre, else 0."""
    ok = isinstance(value, int) and not isinstance(value, bool) and 0 < value < 10**11
    return int(value) if ok else 0


def apply(conn: Connection, device: Device, rows: list[dict[str, Any]], now: datetime) -> Flags:
    """Record the batch's deposit deductions in device order; returns their review flags."""
    flags: Flags = {}
    touched: dict[tuple[str, str], Ticket] = {}
    for row in rows:
        for tender_id, ticket_id, amount in deposit_payments(row):
            key = (row["tenant_id"], ticket_id)
            ticket = touched.get(key) or load_ticket(conn, key)
            if ticket is None or ticket.site_id != device.site_id:
                flags.setdefault(row["event_id"], []).append(
                    ("deposit_unknown", f"the server holds no deposit for ticket {ticket_id}")
                )
                continue
            if has_part(conn, ticket, "deposit_use", tender_id):
                continue  # this payment again under another event id
            held = _held(conn, ticket)
            if amount > held:
                flags.setdefault(row["event_id"], []).append(
                    ("deposit_overdrawn", f"{amount} øre deducted, {max(held, 0)} øre held")
                )
            use = {"amount": amount, "sale_id": row["payload"].get("sale_id"),
                   "register_id": _register(row), "device": device.id}  # fmt: skip
            add_part(ticket, "deposit_use", tender_id, _stamp(row, device, now), row, use)
            touched[key] = ticket
    for ticket in touched.values():
        save_ticket(conn, ticket)
        publish(conn, ticket)
    return flags


def _held(conn: Connection, ticket: Ticket) -> int:
    """What the ticket's deposits hold now: stored parts and those added in this push."""
    stored = int(conn.execute(text(_HELD), {"t": ticket.tenant_id, "i": ticket.ticket_id})
                 .scalar_one())  # fmt: skip
    pending = sum(
        int(data["amount"]) * (1 if kind == "deposit" else -1)
        for kind, _, _, data in ticket.parts
        if kind in ("deposit", "deposit_use")
    )
    return stored + pending


def _register(row: dict[str, Any]) -> str:
    receipt = row["payload"].get("receipt")
    return str(receipt.get("register_id", "")) if isinstance(receipt, dict) else ""


def _stamp(row: dict[str, Any], device: Device, now: datetime) -> str:
    """The use's place among the ticket's parts: the sale's time (never ahead of the server)."""
    moment = datetime.fromisoformat(row["occurred_at"])
    wall = max(int(moment.timestamp() * 1000), 0)
    now_ms = int(now.timestamp() * 1000)
    stamp, _ = clamp(Hlc(min(wall, now_ms + 10**9), 0, device.id), now_ms)
    return str(stamp)
