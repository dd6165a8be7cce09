"""The one copy receipt ("KOPI") a sale may have (kassasystemforskrifta § 2-6 (4))."""

from __future__ import annotations

import uuid

from pos.errors import CopyAlreadyPrinted, UnknownReceipt
from pos.model.events import EventCode
from pos.model.receipt import ReceiptDoc
from pos.services.context import TillContext
from pos.unit_of_work import UnitOfWorkFactory


def make_copy(uow_factory: UnitOfWorkFactory, ctx: TillContext, receipt_number: str) -> ReceiptDoc:
    """Record the copy (numbered, journaled 13014) and return it as a document marked KOPI."""
    number_text = receipt_number.strip().upper()
    with uow_factory() as uow:
        receipt = uow.queries.receipt_by_number(number_text)
        if receipt is None:
            raise UnknownReceipt(receipt_number)
        if uow.queries.copy_of(receipt["id"]) is not None:
            raise CopyAlreadyPrinted(number_text)
        stamp = ctx.stamp()
        number = uow.store.next_number(f"copy:{receipt['tenant_id']}:{ctx.register_id}")
        copy_id = str(uuid.uuid4())
        made = uow.store.insert_unique(
            "receipt_copies",
            {
                "id": copy_id,
                "receipt_id": receipt["id"],
                "number": number,
                "staff_id": ctx.operator.staff_id,
                "created_at": stamp.utc_iso,
            },
        )
        if not made:  # the unique constraint caught a copy made in a race
            raise CopyAlreadyPrinted(number_text)
        uow.store.append_journal(
            register_id=ctx.register_id,
            event_code=EventCode.COPY_RECEIPT,
            stamp=stamp,
            staff_id=ctx.operator.staff_id,
            tenant_id=receipt["tenant_id"],
            amount=receipt["total"],
            ref_id=receipt["id"],
            details={"number": number_text, "copy_number": number},
        )
        uow.store.append_outbox(
            "receipt.copied",
            receipt["tenant_id"],
            stamp,
            {"copy_id": copy_id, "receipt_id": receipt["id"], "copy_number": number},
        )
        doc = uow.queries.receipt_doc(receipt["id"], copy_number=number)
        uow.commit()
    return doc
