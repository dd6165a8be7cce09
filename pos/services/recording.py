"""Writing a completed sale or return: receipts per tenant, numbers, signatures, journal, outbox.

Shared by checkout and returns, always inside the caller's single transaction. A training sale
never opens the drawer: no opening is journaled, so no kick is sent (``printers.printing``).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from pos.adapters.sale_store import SaleStore
from pos.clock import Stamp
from pos.errors import NumberingCheckPending
from pos.journal import content_digest
from pos.model.events import EventCode
from pos.model.payment import Settlement, Tender, TenderKind
from pos.model.receipt import ReceiptKind
from pos.model.tenant import Tenant
from pos.money import Ore
from pos.receipt_digest import FACTS_VERSION, content_v2, part_digests
from pos.services.context import TillContext
from pos.services.continuity import NUMBERING_CHECK_META
from pos.signing import signed_string
from pos.unit_of_work import UnitOfWork
from pos.vat import VatClass, VatSummary, split_vat

RECEIPT_EVENT = {
    ReceiptKind.SALE: EventCode.OTHER,  # kind "sale_receipt"; 13012 only once it has printed
    ReceiptKind.RETURN: EventCode.RETURN_RECEIPT,
    ReceiptKind.TRAINING: EventCode.TRAINING_RECEIPT,
    ReceiptKind.DEPOSIT: EventCode.OTHER,  # kind "deposit_receipt"
}
"""The journal row that records a receipt with its content digest, in the sale's transaction.
A sales receipt is not journaled 13012 ("Sales receipt printed") here: the printer has not been
asked yet (``services.print_journal`` writes 13012 or 13030 when the job ends)."""
NUMBER_PREFIX = {
    ReceiptKind.SALE: "",
    ReceiptKind.RETURN: "R",
    ReceiptKind.TRAINING: "T",
    ReceiptKind.DEPOSIT: "D",
}
OUTBOX_TYPE = {"return": "return.completed", "deposit": "deposit.completed"}
"""Outbox event type by sale kind; anything else is "sale.completed"."""


@dataclass(frozen=True)
class PlannedLine:
    tenant_id: str
    item_id: str
    description: str
    qty: int
    unit_price: Ore
    catalogue_price: Ore | None
    discount: Ore
    discount_reason: str
    amount: Ore
    vat_class: VatClass
    article_group_id: str
    original_line_id: str | None = None
    line_id: str = field(default_factory=lambda: str(uuid.uuid4()))


@dataclass(frozen=True)
class ReceiptPlan:
    tenant: Tenant
    kind: ReceiptKind
    lines: tuple[PlannedLine, ...]
    line_vat: tuple[Ore, ...]
    vat: tuple[VatSummary, ...]
    original_receipt_id: str | None = None
    prepayment: Ore = 0
    """A deposit received (or paid back, negative): money without lines and without VAT."""

    @property
    def total(self) -> Ore:
        return sum(line.amount for line in self.lines) + self.prepayment

    @property
    def total_ex_vat(self) -> Ore:
        return self.total - sum(s.vat for s in self.vat)


def plan_receipt(
    tenant: Tenant,
    kind: ReceiptKind,
    lines: Sequence[PlannedLine],
    original_receipt_id: str | None = None,
) -> ReceiptPlan:
    """Apply the VAT rule to a tenant's lines; a tenant outside the VAT register charges none."""
    if not tenant.vat_registered:
        lines = [_with_class(line, VatClass.NONE) for line in lines]
    line_vat, summaries = split_vat([(line.amount, line.vat_class) for line in lines])
    return ReceiptPlan(
        tenant, kind, tuple(lines), tuple(line_vat), tuple(summaries), original_receipt_id
    )


def _with_class(line: PlannedLine, vat_class: VatClass) -> PlannedLine:
    return replace(line, vat_class=vat_class)


@dataclass(frozen=True)
class RecordedReceipt:
    receipt_id: str
    number: str
    tenant_id: str
    total: Ore
    to_pay: Ore
    credit_notes: tuple[tuple[str, Ore], ...] = ()
    """Credit notes (tilgodelapp) this receipt issued: (number, amount), as printed on it."""


def record(
    uow: UnitOfWork,
    ctx: TillContext,
    stamp: Stamp,
    *,
    sale_kind: str,
    plans: Sequence[ReceiptPlan],
    tenders: Sequence[Tender],
    settlement: Settlement,
    credit_note_ids: Sequence[str | None],
    session_id: str,
    approved_by: str | None,
) -> tuple[str, list[RecordedReceipt]]:
    """Insert the sale and everything it produces; the caller commits."""
    sales = uow.sales
    if uow.meta.get_meta(NUMBERING_CHECK_META):
        raise NumberingCheckPending()
    sale_id = str(uuid.uuid4())
    sales.add_sale(
        sale_id=sale_id,
        kind=sale_kind,
        register_id=ctx.register_id,
        till_session_id=session_id,
        staff_id=ctx.operator.staff_id,
        approved_by=approved_by,
        training=ctx.training,
        stamp=stamp,
        total=sum(p.total for p in plans),
        rounding=settlement.rounding,
        change=settlement.change,
        cash_net=settlement.cash_net,
    )
    tender_ids = [str(uuid.uuid4()) for _ in tenders]
    recorded: list[RecordedReceipt] = []
    receipt_rows: list[dict[str, Any]] = []
    for plan, share in zip(plans, settlement.shares, strict=True):
        receipt_rows.append(_receipt_row(sales, ctx, stamp, sale_id, plan, share.rounding))
    sales.add_receipts(receipt_rows)
    issued, numbered = _issue_credit_notes(uow, stamp, plans, tenders, settlement, receipt_rows)
    credit_ids = [issued.get(i) or credit_note_ids[i] for i in range(len(tenders))]
    sales.add_tenders(
        [
            {
                "id": tender_ids[i],
                "sale_id": sale_id,
                "position": i,
                "kind": tender.kind.value,
                "amount": _tender_net(i, settlement),
                "tendered": tender.amount,
                "reference": tender.reference,
                "credit_note_id": credit_ids[i],
            }
            for i, tender in enumerate(tenders)
        ],
    )
    sale_facts = {"id": sale_id, "kind": sale_kind, "staff_id": ctx.operator.staff_id,
                  "approved_by": approved_by, "training": ctx.training}  # fmt: skip
    for row, plan, share in zip(receipt_rows, plans, settlement.shares, strict=True):
        lines = _line_rows(sale_id, row["id"], plan)
        payments = [
            {"receipt_id": row["id"], "tender_id": tender_ids[i], "amount": amount}
            for i, amount in share.parts
        ]
        sales.add_receipt_lines(lines, payments)
        paid = [
            {**p, **_tender_facts(tenders[i], credit_ids[i], _tender_net(i, settlement))}
            for p, (i, _) in zip(payments, share.parts, strict=True)
        ]
        facts = content_v2(row, sale_facts, lines, paid)
        digest, parts = content_digest(facts), part_digests(facts)
        uow.journal.append_journal(
            register_id=ctx.register_id,
            event_code=RECEIPT_EVENT[plan.kind],
            stamp=stamp,
            staff_id=ctx.operator.staff_id,
            tenant_id=plan.tenant.id,
            amount=plan.total,
            ref_id=row["id"],
            details=_journal_details(plan.kind, row["number_text"], digest, parts, ctx.training),
        )
        uow.outbox.append_outbox(
            OUTBOX_TYPE.get(sale_kind, "sale.completed"),
            plan.tenant.id,
            stamp,
            _outbox_payload(ctx, sale_id, row, lines, payments, tenders, tender_ids, plan),
        )
        recorded.append(
            RecordedReceipt(
                row["id"],
                row["number_text"],
                plan.tenant.id,
                plan.total,
                plan.total + share.rounding,
                tuple(numbered.get(row["id"], ())),
            )
        )
    return sale_id, recorded  # its drawer opening is journaled when the kick reached the printer


def _tender_facts(tender: Tender, credit_note_id: str | None, net: Ore) -> dict[str, Any]:
    """What a receipt's digest records of a tender it was paid with (``receipt_digest``)."""
    return {
        "kind": tender.kind.value,
        "reference": tender.reference,
        "credit_note_id": credit_note_id,
        "tender_amount": net,
        "tendered": tender.amount,
    }


def _journal_details(
    kind: ReceiptKind, number: str, digest: str, parts: dict[str, str], training: bool
) -> dict:
    details: dict[str, Any] = {
        "number": number,
        "digest": digest,
        "facts": FACTS_VERSION,
        "parts": parts,
        "training": training,
    }
    if RECEIPT_EVENT[kind] is EventCode.OTHER:
        details["kind"] = f"{kind.value}_receipt"
    return details


def _tender_net(index: int, settlement: Settlement) -> Ore:
    """What a tender actually paid (signed): for cash, tendered minus change."""
    return sum(amount for share in settlement.shares for i, amount in share.parts if i == index)


def _receipt_row(
    sales: SaleStore, ctx: TillContext, stamp: Stamp, sale_id: str, plan: ReceiptPlan, rounding: Ore
) -> dict[str, Any]:
    tenant, register = plan.tenant.id, ctx.register_id
    number = sales.next_receipt_number(plan.kind.value, tenant, register)
    last_nr, last_signature = sales.signature_head(tenant, register)
    nr = last_nr + 1
    data = signed_string(
        last_signature, stamp.local_date, stamp.local_time, nr, plan.total, plan.total_ex_vat
    )
    signature = ctx.signer.sign(data)
    sales.advance_signature(tenant, register, nr, signature)
    return {
        "id": str(uuid.uuid4()),
        "sale_id": sale_id,
        "tenant_id": tenant,
        "register_id": register,
        "kind": plan.kind.value,
        "number": number,
        "number_text": f"{plan.tenant.code}-{register}-{NUMBER_PREFIX[plan.kind]}{number:06d}",
        "total": plan.total,
        "total_ex_vat": plan.total_ex_vat,
        "rounding": rounding,
        "original_receipt_id": plan.original_receipt_id,
        "sig_nr": nr,
        "signature": signature,
        "sig_method": ctx.signer.method,
        "key_version": ctx.signer.key_version,
        "local_date": stamp.local_date,
        "local_time": stamp.local_time,
    }


def _line_rows(sale_id: str, receipt_id: str, plan: ReceiptPlan) -> list[dict[str, Any]]:
    return [
        {
            "id": line.line_id,
            "sale_id": sale_id,
            "receipt_id": receipt_id,
            "line_no": n,
            "tenant_id": line.tenant_id,
            "item_id": line.item_id,
            "description": line.description,
            "qty": line.qty,
            "unit_price": line.unit_price,
            "catalogue_price": line.catalogue_price,
            "discount": line.discount,
            "discount_reason": line.discount_reason,
            "amount": line.amount,
            "vat_class": line.vat_class.key,
            "vat_amount": vat,
            "article_group_id": line.article_group_id,
            "original_line_id": line.original_line_id,
        }
        for n, (line, vat) in enumerate(zip(plan.lines, plan.line_vat, strict=True), start=1)
    ]


def _issue_credit_notes(
    uow: UnitOfWork,
    stamp: Stamp,
    plans: Sequence[ReceiptPlan],
    tenders: Sequence[Tender],
    settlement: Settlement,
    receipt_rows: Sequence[dict[str, Any]],
) -> tuple[dict[int, str], dict[str, list[tuple[str, Ore]]]]:
    """A refund to a credit note issues one note per tenant for that tenant's share. Returns
    the note's id per tender, and per receipt id the notes' (number, amount)."""
    issued: dict[int, str] = {}
    numbered: dict[str, list[tuple[str, Ore]]] = {}
    for plan, share, row in zip(plans, settlement.shares, receipt_rows, strict=True):
        for index, amount in share.parts:
            if tenders[index].kind is not TenderKind.CREDIT_NOTE or amount >= 0:
                continue
            note_id = str(uuid.uuid4())
            number = uow.sales.issue_credit_note(
                note_id, plan.tenant.id, plan.tenant.code, -amount, row["id"], stamp
            )
            issued[index] = note_id
            numbered.setdefault(row["id"], []).append((number, -amount))
    return issued, numbered


def _payment(payment: dict[str, Any], tender: Tender) -> dict[str, Any]:
    """One payment of the receipt as the server gets it; a credit note or deposit names its
    voucher (a deposit's is its job), so the centre's ledger can deduct it."""
    sent = {
        "tender_id": payment["tender_id"],
        "kind": tender.kind.value,
        "reference": tender.reference,
        "amount": payment["amount"],
    }
    if tender.kind.is_voucher and tender.credit_note_number:
        sent["voucher"] = tender.credit_note_number
    return sent


def _outbox_payload(
    ctx: TillContext,
    sale_id: str,
    receipt: dict[str, Any],
    lines: list[dict[str, Any]],
    payments: list[dict[str, Any]],
    tenders: Sequence[Tender],
    tender_ids: list[str],
    plan: ReceiptPlan,
) -> dict[str, Any]:
    kinds = {tid: tenders[i] for i, tid in enumerate(tender_ids)}
    return {
        "sale_id": sale_id,
        "receipt": receipt,
        "training": ctx.training,
        "staff_id": ctx.operator.staff_id,
        "lines": lines,
        "payments": [_payment(p, kinds[p["tender_id"]]) for p in payments],
        "vat": [{"class": s.vat_class.key, "gross": s.gross, "vat": s.vat} for s in plan.vat],
    }
