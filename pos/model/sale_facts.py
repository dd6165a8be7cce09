"""A sealed sale's receipts as facts: the one mapping the sales repository stores, the receipt
digest signs into the journal and the outbox event carries, so what is stored is exactly what
is signed and sent."""

from __future__ import annotations

from typing import Any

from pos.model.sale import Sale, SaleTender, TenantReceipt
from pos.receipt_digest import content_v2

OUTBOX_TYPE = {"return": "return.completed", "deposit": "deposit.completed"}
"""Outbox event type by sale kind; anything else is "sale.completed"."""


def receipt_facts(sale: Sale, receipt: TenantReceipt) -> dict[str, Any]:
    seal = receipt.seal
    if seal is None:
        raise ValueError("a receipt has facts once it is numbered and signed")
    return {
        "id": receipt.receipt_id,
        "sale_id": sale.sale_id,
        "tenant_id": receipt.tenant.id,
        "register_id": sale.register_id,
        "kind": receipt.kind.value,
        "number": seal.number,
        "number_text": seal.number_text,
        "total": receipt.total,
        "total_ex_vat": receipt.total_ex_vat,
        "rounding": receipt.rounding,
        "original_receipt_id": receipt.original_receipt_id,
        "sig_nr": seal.sig_nr,
        "signature": seal.signature,
        "sig_method": seal.sig_method,
        "key_version": seal.key_version,
        "local_date": sale.stamp.local_date,
        "local_time": sale.stamp.local_time,
    }


def line_facts(sale: Sale, receipt: TenantReceipt) -> list[dict[str, Any]]:
    return [
        {
            "id": line.line_id,
            "sale_id": sale.sale_id,
            "receipt_id": receipt.receipt_id,
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
        for n, (line, vat) in enumerate(zip(receipt.lines, receipt.line_vat, strict=True), start=1)
    ]


def payment_facts(sale: Sale, receipt: TenantReceipt) -> list[dict[str, Any]]:
    """The parts of the sale's tenders that pay this receipt."""
    return [
        {
            "receipt_id": receipt.receipt_id,
            "tender_id": sale.tenders[i].tender_id,
            "amount": amount,
        }
        for i, amount in receipt.payments
    ]


def tender_facts(sale: Sale) -> list[dict[str, Any]]:
    return [
        {
            "id": t.tender_id,
            "sale_id": sale.sale_id,
            "position": i,
            "kind": t.tender.kind.value,
            "amount": t.net,
            "tendered": t.tender.amount,
            "reference": t.tender.reference,
            "credit_note_id": t.credit_note_id,
        }
        for i, t in enumerate(sale.tenders)
    ]


def digest_content(sale: Sale, receipt: TenantReceipt) -> dict[str, Any]:
    """The receipt's version-2 content (``pos.receipt_digest``), whose digest is journaled."""
    sale_facts = {
        "id": sale.sale_id,
        "kind": sale.kind,
        "staff_id": sale.staff_id,
        "approved_by": sale.approved_by,
        "training": sale.training,
    }
    paid = [
        {**payment, **_paid_with(sale.tenders[i])}
        for payment, (i, _) in zip(payment_facts(sale, receipt), receipt.payments, strict=True)
    ]
    return content_v2(receipt_facts(sale, receipt), sale_facts, line_facts(sale, receipt), paid)


def _paid_with(tender: SaleTender) -> dict[str, Any]:
    """What a receipt's digest records of a tender it was paid with."""
    return {
        "kind": tender.tender.kind.value,
        "reference": tender.tender.reference,
        "credit_note_id": tender.credit_note_id,
        "tender_amount": tender.net,
        "tendered": tender.tender.amount,
    }


def outbox_type(sale: Sale) -> str:
    return OUTBOX_TYPE.get(sale.kind, "sale.completed")


def outbox_payload(sale: Sale, receipt: TenantReceipt) -> dict[str, Any]:
    """One receipt's event as the server gets it. A credit note or deposit names its voucher (a
    deposit's is its job), so the centre's ledger can deduct it."""
    payments = []
    for payment, (i, _) in zip(payment_facts(sale, receipt), receipt.payments, strict=True):
        tender = sale.tenders[i].tender
        sent = {
            "tender_id": payment["tender_id"],
            "kind": tender.kind.value,
            "reference": tender.reference,
            "amount": payment["amount"],
        }
        if tender.kind.is_voucher and tender.credit_note_number:
            sent["voucher"] = tender.credit_note_number
        payments.append(sent)
    return {
        "sale_id": sale.sale_id,
        "receipt": receipt_facts(sale, receipt),
        "training": sale.training,
        "staff_id": sale.staff_id,
        "lines": line_facts(sale, receipt),
        "payments": payments,
        "vat": [{"class": s.vat_class.key, "gross": s.gross, "vat": s.vat} for s in receipt.vat],
    }
