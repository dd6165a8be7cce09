"""Writing a salvaged sale into the restored store (``insert_sale``): the staff, article groups
and items it needs, its rows all or nothing, its print jobs, and per receipt the chain head,
number series, journal row and outbox event (``salvage`` decides what comes back)."""

from __future__ import annotations

from typing import Any

from pos.adapters.salvage_reader import SaleRows
from pos.adapters.salvage_store import RowsDoNotFit
from pos.clock import Stamp
from pos.model.events import EventCode, OtherEvent
from pos.model.receipt import ReceiptKind
from pos.receipt_digest import content_v2, digest_fields, with_tender_facts
from pos.services.recording import OUTBOX_TYPE, RECEIPT_EVENT
from pos.services.salvage_candidates import Candidate
from pos.unit_of_work import UnitOfWork


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


def insert_sale(
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
