"""Bringing signed sales back from a replaced store into the restored one, so a restore loses no
legal record that can still be read.

A sale comes back whole or not at all: its receipts must each be the next link of their
signature chain in the restored store (same previous signature), and every row it wrote must be
readable and fit (its till session, the items, a redeemed credit note); the staff, items and
article groups it points to that were registered after the backup come back with it. The print
jobs that carried its receipts come back too, so an original already on paper is not printed
again. It is journaled again at the time of the restore with its original journal position,
date and time in the details: as the sale's own transaction records a receipt (13999
``sale_receipt``, 13013, 13017: counted
in the next Z) when no Z of the replaced store counted it, else as 13999 ``salvaged_receipt``
(already counted on that Z); its print events stay in the replaced store's exported journal.
Its outbox events are queued again with their original ids, so the server stores each once (an
event lost with the damage is made again from the receipt's rows).

What cannot come back is never silently left behind: it is listed with why, every row a
readable sale wrote is exported in full beside the replaced store's journal tail to
``<data dir>/salvage/<time>/`` (``salvage_export``; the replaced file itself is kept beside the
store), and its receipts' queued events go to the server again, so the centre's record holds
every receipt that was signed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from pos.adapters.salvage_reader import ReplacedStore, SaleRows
from pos.adapters.salvage_store import RowsDoNotFit
from pos.clock import Stamp
from pos.model.events import EventCode, OtherEvent
from pos.model.receipt import ReceiptKind
from pos.numbering import Heads
from pos.receipt_digest import content_v2, digest_fields, with_tender_facts
from pos.services.recording import OUTBOX_TYPE, RECEIPT_EVENT
from pos.services.salvage_export import left_sale_record
from pos.services.salvage_result import Reason, SalvageResult
from pos.unit_of_work import UnitOfWork

SALVAGE_DIR = "salvage"
_SALE_KINDS = {"sale", "return"}


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


def put_back(
    uow: UnitOfWork,
    candidates: Iterable[Candidate],
    register_id: str,
    staff_id: str,
    stamp: Stamp,
) -> SalvageResult:
    """Bring back what can be brought back (module docstring); the caller commits."""
    result = SalvageResult()
    left_in_chain: dict[tuple[str, str], str] = {}
    for candidate in candidates:
        reasons = _why_not(uow, candidate, left_in_chain)
        if not reasons and not _insert(uow, candidate, register_id, staff_id, stamp):
            reasons = {n: Reason("no_fit") for n in candidate.numbers}
        if not reasons:
            result.salvaged += candidate.numbers
            continue
        first = next(iter(reasons))
        whys = {
            n: reasons.get(n) or Reason("same_sale", {"other": first}) for n in candidate.numbers
        }
        for number, why in whys.items():
            result.left.append((number, why))
            if number in candidate.chain_of:
                left_in_chain[candidate.chain_of[number]] = number
        _keep_left(uow, candidate, whys, result)
    return result


def _keep_left(
    uow: UnitOfWork, candidate: Candidate, whys: dict[str, Reason], result: SalvageResult
) -> None:
    """A signed sale that cannot come back is never silently dropped: every row it wrote is
    kept for the export, and its receipts' events are queued for the server again (same ids:
    the server stores each once and holds them in the tenant's record)."""
    rows = candidate.rows
    if rows is None:
        return  # unreadable: only the journal tail says what can be read of it
    result.left_sales.append(left_sale_record(rows, whys))
    for receipt in rows.receipts:
        event = rows.outbox.get(receipt["id"])
        if event is not None:
            uow.outbox.requeue_outbox(event)
            result.queued_left.append(receipt["number_text"])


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


def _why_not(
    uow: UnitOfWork, candidate: Candidate, left_in_chain: dict[tuple[str, str], str]
) -> dict[str, Reason]:
    """Per receipt number, why it cannot come back (empty: the sale can)."""
    rows = candidate.rows
    if rows is None:
        return {n: Reason("unreadable") for n in candidate.numbers}
    if rows.sale["kind"] not in _SALE_KINDS:
        return {n: Reason("repair", {"kind": rows.sale["kind"]}) for n in candidate.numbers}
    reasons = {}
    for receipt in rows.receipts:
        chain = (receipt["tenant_id"], receipt["register_id"])
        nr, signature = uow.signatures.chain_head(*chain)
        number = receipt["number_text"]
        if receipt["sig_nr"] != nr + 1:
            before = left_in_chain.get(chain)
            reasons[number] = (
                Reason("after_left", {"before": before})
                if before is not None
                else Reason("chain_gap", {"sig_nr": receipt["sig_nr"], "head": nr})
            )
        elif candidate.previous.get(receipt["id"]) != signature:
            reasons[number] = Reason("chain_mismatch")
    return reasons


def _bring_back_needs(uow: UnitOfWork, candidate: Candidate, stamp: Stamp) -> None:
    """Staff, article groups and items registered after the backup come back with the sale
    (rows the restored store has already are left as they are), their queued registration
    events with them. An item whose row cannot be read is recorded from the sale's own line,
    so the signed receipt still comes back."""
    rows = candidate.rows
    assert rows is not None
    needs = rows.needs or {}
    for kind in ("staff", "article_groups", "items"):
        for row in needs.get(kind, ()):
            event = candidate.registrations.get(row["id"])
            if uow.salvaged.put_back_registration(kind, row) and event is not None:
                uow.outbox.requeue_outbox(event)
    readable = {item["id"] for item in needs.get("items", ())}
    for line in rows.lines:
        if line["item_id"] not in readable:
            uow.salvaged.put_back_item_from_line(line, stamp)


def _insert(
    uow: UnitOfWork, candidate: Candidate, register_id: str, staff_id: str, stamp: Stamp
) -> bool:
    rows = candidate.rows
    assert rows is not None
    try:
        with uow.salvaged.all_or_nothing():
            _bring_back_needs(uow, candidate, stamp)
            uow.salvaged.put_back_sale(rows)
    except RowsDoNotFit:  # something it needs is not in the restored store
        return False
    for item in rows.items:
        uow.items.put_item_state(item["id"], item["status"], item["stock_qty"], stamp)
    for receipt in rows.receipts:
        _link(uow, receipt, candidate, register_id, staff_id, stamp)
    _bring_back_print_jobs(uow, rows)
    return True


def _bring_back_print_jobs(uow: UnitOfWork, rows: SaleRows) -> None:
    """Where the sale's receipts stand on paper comes back with them: an original printed
    before the restore is never printed again as an original (the start-up prints receipts
    no job carried), and its one copy stays available. Jobs that cannot be read or do not
    fit leave the receipts as if never printed (the look-up then offers the original)."""
    if not rows.print_jobs:
        return
    try:
        with uow.salvaged.all_or_nothing():
            uow.printing.bring_back(rows.print_jobs)
    except RowsDoNotFit:
        return


def _link(
    uow: UnitOfWork,
    receipt: dict[str, Any],
    candidate: Candidate,
    register_id: str,
    staff_id: str,
    stamp: Stamp,
) -> None:
    """Chain head, number series, journal row and outbox event of one salvaged receipt."""
    rows = candidate.rows
    assert rows is not None
    tenant, register = receipt["tenant_id"], receipt["register_id"]
    uow.signatures.advance_chain(tenant, register, receipt["sig_nr"], receipt["signature"])
    uow.numbers.raise_counter(f"receipt:{receipt['kind']}:{tenant}:{register}", receipt["number"])
    original = rows.journal.get(receipt["id"])
    counted = candidate.counted_in_z.get(receipt["id"])
    lines = [ln for ln in rows.lines if ln["receipt_id"] == receipt["id"]]
    payments = [p for p in rows.payments if p["receipt_id"] == receipt["id"]]
    paid = with_tender_facts(payments, {t["id"]: t for t in rows.tenders})
    details: dict[str, Any] = {
        "number": receipt["number_text"],
        **digest_fields(content_v2(receipt, rows.sale, lines, paid)),
        "training": bool(rows.sale["training"]),
        "salvaged": {
            "journal_seq": original["seq"] if original else None,
            "journal_hash": original["hash"] if original else None,
            "date": receipt["local_date"],
            "time": receipt["local_time"],
            "counted_in_z": counted,
        },
    }
    kind = ReceiptKind(receipt["kind"])
    code = RECEIPT_EVENT[kind]
    if counted is not None:  # on a Z already: journaled, not counted again
        code = EventCode.OTHER
        details["kind"] = OtherEvent.SALVAGED_RECEIPT
    elif code is EventCode.OTHER:  # as the sale's own transaction records it
        details["kind"] = f"{kind.value}_receipt"
    uow.journal.append_journal(
        register_id=register_id,
        event_code=code,
        stamp=stamp,
        staff_id=rows.sale["staff_id"] or staff_id,
        tenant_id=tenant,
        amount=receipt["total"],
        ref_id=receipt["id"],
        details=details,
    )
    event = rows.outbox.get(receipt["id"])
    if event is not None:
        uow.outbox.requeue_outbox(event)
    else:  # its queued event is lost with the damage: made again from the receipt's rows
        sale = rows.sale
        uow.outbox.append_outbox(
            OUTBOX_TYPE.get(sale["kind"], "sale.completed"),
            tenant,
            Stamp(sale["created_at"], sale["local_date"], sale["local_time"]),
            rebuilt_payload(rows, receipt, lines),
        )


def rebuilt_payload(
    rows: SaleRows, receipt: dict[str, Any], lines: list[dict[str, Any]]
) -> dict[str, Any]:
    """A receipt's outbox payload as ``recording`` writes it, from the rows it wrote."""
    tenders = {t["id"]: t for t in rows.tenders}
    vat: dict[str, list[int]] = {}
    for line in lines:
        gross_vat = vat.setdefault(line["vat_class"], [0, 0])
        gross_vat[0] += line["amount"]
        gross_vat[1] += line["vat_amount"]
    return {
        "sale_id": rows.sale["id"],
        "receipt": receipt,
        "training": bool(rows.sale["training"]),
        "staff_id": rows.sale["staff_id"],
        "lines": lines,
        "payments": [
            {
                "tender_id": p["tender_id"],
                "kind": tenders[p["tender_id"]]["kind"],
                "reference": tenders[p["tender_id"]]["reference"],
                "amount": p["amount"],
            }
            for p in rows.payments
            if p["receipt_id"] == receipt["id"]
        ],
        "vat": [{"class": c, "gross": g, "vat": v} for c, (g, v) in vat.items()],
        "salvaged": True,
    }
