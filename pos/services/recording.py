"""Recording a sale, return or deposit (``pos.model.sale.Sale``): its receipts numbered and
signed, its rows, and per receipt the journal row with its content digest and the outbox event.

Shared by checkout, returns and deposits, always inside the caller's single transaction. A
training sale never opens the drawer: no opening is journaled, so no kick is sent
(``printers.printing``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pos.errors import NumberingCheckPending
from pos.journal import content_digest
from pos.model.events import EventCode
from pos.model.payment import Tender
from pos.model.receipt import ReceiptKind
from pos.model.sale import (
    NUMBER_PREFIX,
    IssuedCreditNote,
    ReceiptSeal,
    Sale,
    TenantReceipt,
    new_sale,
)
from pos.model.sale_facts import OUTBOX_TYPE, digest_content, outbox_payload, outbox_type
from pos.receipt_digest import FACTS_VERSION, part_digests
from pos.services.context import TillContext
from pos.services.continuity import NUMBERING_CHECK_META
from pos.signing import signed_string
from pos.unit_of_work import UnitOfWork

__all__ = ["OUTBOX_TYPE", "RECEIPT_EVENT", "record", "sale_at_counter"]

RECEIPT_EVENT = {
    ReceiptKind.SALE: EventCode.OTHER,  # kind "sale_receipt"; 13012 only once it has printed
    ReceiptKind.RETURN: EventCode.RETURN_RECEIPT,
    ReceiptKind.TRAINING: EventCode.TRAINING_RECEIPT,
    ReceiptKind.DEPOSIT: EventCode.OTHER,  # kind "deposit_receipt"
}
"""The journal row that records a receipt with its content digest, in the sale's transaction.
A sales receipt is not journaled 13012 ("Sales receipt printed") here: the printer has not been
asked yet (``services.print_journal`` writes 13012 or 13030 when the job ends)."""


def sale_at_counter(
    ctx: TillContext,
    *,
    kind: str,
    session_id: str,
    approved_by: str | None,
    receipts: Sequence[TenantReceipt],
    tenders: Sequence[Tender],
    voucher_ids: Sequence[str | None] | None = None,
) -> Sale:
    """A sale (``kind`` "sale", "return" or "deposit") made now at this counter by its operator,
    the tenders shared over its receipts; ``voucher_ids`` per tender, the voucher it redeems."""
    return new_sale(
        kind=kind,
        receipts=receipts,
        tenders=tenders,
        voucher_ids=voucher_ids or [None] * len(tenders),
        register_id=ctx.register_id,
        till_session_id=session_id,
        staff_id=ctx.operator.staff_id,
        approved_by=approved_by,
        training=ctx.training,
        stamp=ctx.stamp(),
    )


def record(uow: UnitOfWork, ctx: TillContext, sale: Sale) -> Sale:
    """Seal the sale's receipts, store it and journal and queue each receipt; the caller
    commits. Returns the sale as recorded (numbered and signed)."""
    if uow.meta.get_meta(NUMBERING_CHECK_META):
        raise NumberingCheckPending()

    def number_note(receipt: TenantReceipt, _note: IssuedCreditNote) -> str:
        return uow.sales.next_credit_note_number(receipt.tenant.id, receipt.tenant.code)

    sale = sale.sealed(lambda receipt: _seal(uow, ctx, sale, receipt), number_note)
    uow.sales.add(sale)
    for receipt in sale.receipts:
        facts = digest_content(sale, receipt)
        uow.journal.append_journal(
            register_id=sale.register_id,
            event_code=RECEIPT_EVENT[receipt.kind],
            stamp=sale.stamp,
            staff_id=sale.staff_id,
            tenant_id=receipt.tenant.id,
            amount=receipt.total,
            ref_id=receipt.receipt_id,
            details=_journal_details(receipt, content_digest(facts), part_digests(facts), sale),
        )
        uow.outbox.append_outbox(
            outbox_type(sale), receipt.tenant.id, sale.stamp, outbox_payload(sale, receipt)
        )
    return sale  # its drawer opening is journaled when the kick reached the printer


def _seal(uow: UnitOfWork, ctx: TillContext, sale: Sale, receipt: TenantReceipt) -> ReceiptSeal:
    """The receipt's number in its series and its signature, chained to the tenant's last."""
    tenant, register = receipt.tenant, sale.register_id
    number = uow.sales.next_receipt_number(receipt.kind.value, tenant.id, register)
    last_nr, last_signature = uow.sales.signature_head(tenant.id, register)
    nr = last_nr + 1
    stamp = sale.stamp
    data = signed_string(
        last_signature, stamp.local_date, stamp.local_time, nr, receipt.total, receipt.total_ex_vat
    )
    signature = ctx.signer.sign(data)
    uow.sales.advance_signature(tenant.id, register, nr, signature)
    return ReceiptSeal(
        number=number,
        number_text=f"{tenant.code}-{register}-{NUMBER_PREFIX[receipt.kind]}{number:06d}",
        sig_nr=nr,
        signature=signature,
        sig_method=ctx.signer.method,
        key_version=ctx.signer.key_version,
    )


def _journal_details(
    receipt: TenantReceipt, digest: str, parts: dict[str, str], sale: Sale
) -> dict[str, Any]:
    details: dict[str, Any] = {
        "number": receipt.number_text,
        "digest": digest,
        "facts": FACTS_VERSION,
        "parts": parts,
        "training": sale.training,
    }
    if RECEIPT_EVENT[receipt.kind] is EventCode.OTHER:
        details["kind"] = f"{receipt.kind.value}_receipt"
    return details
