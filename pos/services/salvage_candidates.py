"""What the replaced store holds beyond the restored one, read before it is moved aside: each
sale with every row it wrote, in the order its receipts were signed (``collect``)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from pos.adapters.salvage_reader import ReplacedStore, SaleRows
from pos.numbering import Heads


@dataclass
class Candidate:
    """A sale the replaced store holds beyond the restored one, read before it is moved aside."""

    numbers: list[str]
    rows: SaleRows | None
    previous: dict[str, str | None] = field(default_factory=dict)
    """Per receipt id: the signature before it in the replaced store's chain."""
    counted_in_z: dict[str, int | None] = field(default_factory=dict)
    chain_of: dict[str, tuple[str, str]] = field(default_factory=dict)
    """Per receipt number: its signature chain (tenant, register)."""
    registrations: dict[str, dict[str, Any]] = field(default_factory=dict)
    """The replaced store's queued ``item.registered``/``staff.registered`` events by id: an
    item or staff member that comes back with the sale is sent to the server again."""


def collect(replaced: ReplacedStore, restored: Heads, device_seq: int) -> list[Candidate] | None:
    """Every sale beyond ``restored`` with what it wrote, in signing order (None: the replaced
    store's receipts cannot be read at all)."""
    beyond = replaced.receipts_beyond(restored)
    if beyond is None:
        return None
    outbox = replaced.outbox_after(device_seq)
    registrations = replaced.registrations_after(device_seq)
    found = []
    for sale_id in _sales_in_order(beyond):
        mine = [r for r in beyond if r["sale_id"] == sale_id]
        rows = replaced.sale_rows(sale_id, outbox)
        candidate = Candidate([r["number_text"] for r in mine], rows)
        candidate.chain_of = {r["number_text"]: (r["tenant_id"], r["register_id"]) for r in mine}
        candidate.registrations = registrations
        for receipt in rows.receipts if rows else ():
            tenant, register = receipt["tenant_id"], receipt["register_id"]
            candidate.previous[receipt["id"]] = replaced.signature(
                tenant, register, receipt["sig_nr"] - 1
            )
            original = rows.journal.get(receipt["id"]) if rows else None
            candidate.counted_in_z[receipt["id"]] = replaced.z_counting(
                tenant, register, original["seq"] if original else None, receipt["local_date"]
            )
        found.append(candidate)
    return found


def _sales_in_order(receipts: Iterable[dict[str, Any]]) -> list[str]:
    """Sales in the order their receipts were signed: a sale comes once every earlier receipt
    of each of its chains has (signature numbers of two tenants' chains do not compare)."""
    mine: dict[str, list[dict[str, Any]]] = {}
    chains: dict[tuple[str, str], list[int]] = {}
    for receipt in sorted(receipts, key=lambda r: (r["sig_nr"], r["tenant_id"])):
        mine.setdefault(receipt["sale_id"], []).append(receipt)
        chains.setdefault((receipt["tenant_id"], receipt["register_id"]), []).append(
            receipt["sig_nr"]
        )
    done: set[tuple[str, str, int]] = set()
    order: list[str] = []
    waiting = list(mine)
    while waiting:
        ready = [
            sale_id
            for sale_id in waiting
            if all(
                (r["tenant_id"], r["register_id"], n) in done
                for r in mine[sale_id]
                for n in chains[(r["tenant_id"], r["register_id"])]
                if n < r["sig_nr"]
            )
        ] or waiting[:1]  # chains that cross each other: the signing order decides
        for sale_id in ready:
            order.append(sale_id)
            waiting.remove(sale_id)
            done.update((r["tenant_id"], r["register_id"], r["sig_nr"]) for r in mine[sale_id])
    return order
