"""The one copy receipt ("KOPI") a sale may have (kassasystemforskrifta § 2-6 (4)).

Anyone who may print copies (``Permission.RECEIPT_COPY``: cashiers, technicians, managers) may
make it, once per receipt. A copy of a training receipt is still training: it keeps "IKKE
KVITTERING FOR KJØP", is journaled as a training receipt (13017) in its own series, and is
counted neither as a copy in X/Z (n) nor as ``receiptCopyNum`` in SAF-T.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

from pos.errors import CopyAlreadyPrinted, UnknownReceipt
from pos.model.events import EventCode
from pos.model.receipt import ReceiptDoc, ReceiptKind
from pos.model.staff import Permission
from pos.services.context import TillContext
from pos.unit_of_work import UnitOfWork, UnitOfWorkFactory


def normalise_number(receipt_number: str) -> str:
    """A typed or scanned receipt number as the store keeps it."""
    return receipt_number.strip().upper()


def make_copy(uow_factory: UnitOfWorkFactory, ctx: TillContext, receipt_number: str) -> ReceiptDoc:
    """Record the copy (numbered, journaled) and return it as a document marked KOPI."""
    with uow_factory() as uow:
        receipt = find_receipt(uow, receipt_number)
        doc = record_copy(uow, ctx, receipt)
        uow.commit()
    return doc


def find_receipt(uow: UnitOfWork, receipt_number: str) -> Mapping[Any, Any]:
    receipt = uow.queries.receipt_by_number(normalise_number(receipt_number))
    if receipt is None:
        raise UnknownReceipt(receipt_number.strip())
    return receipt


def record_copy(uow: UnitOfWork, ctx: TillContext, receipt: Mapping[Any, Any]) -> ReceiptDoc:
    """Record the copy of ``receipt`` inside the caller's transaction; the caller commits."""
    ctx.require(Permission.RECEIPT_COPY)
    number_text = receipt["number_text"]
    if uow.queries.copy_of(receipt["id"]) is not None:
        raise CopyAlreadyPrinted(number_text)
    training = receipt["kind"] == ReceiptKind.TRAINING.value
    stamp = ctx.stamp()
    series = "copy:training" if training else "copy"
    number = uow.numbers.next_number(f"{series}:{receipt['tenant_id']}:{ctx.register_id}")
    copy_id = str(uuid.uuid4())
    made = uow.sales.add_copy(copy_id, receipt["id"], number, ctx.operator.staff_id, stamp)
    if not made:  # the unique constraint caught a copy made in a race
        raise CopyAlreadyPrinted(number_text)
    details: dict[str, Any] = {"number": number_text, "copy_number": number}
    if training:
        details.update(kind="copy", training=True)
    uow.journal.append_journal(
        register_id=ctx.register_id,
        event_code=EventCode.TRAINING_RECEIPT if training else EventCode.COPY_RECEIPT,
        stamp=stamp,
        staff_id=ctx.operator.staff_id,
        tenant_id=receipt["tenant_id"],
        amount=receipt["total"],
        ref_id=receipt["id"],
        details=details,
    )
    payload = {"copy_id": copy_id, "receipt_id": receipt["id"], "copy_number": number}
    if training:
        payload["training"] = True
    uow.outbox.append_outbox("receipt.copied", receipt["tenant_id"], stamp, payload)
    return uow.queries.receipt_doc(receipt["id"], copy_number=number)
