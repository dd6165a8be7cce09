"""What the journal says about receipts on paper, written in the same transaction as the job's
new status, so the journal and the print queue can never disagree, even across a crash.

- A sales receipt is journaled 13012 ("Sales receipt printed") only once a job carrying its
  original has printed; a return, training or deposit receipt gets 13999 ``receipt_printed``
  (its own event code, 13013/13017, is the record of the transaction itself).
- A receipt whose original job failed is journaled 13030 ("Concluded sale without receipt
  printed") once, saying whether some of it may be on paper (``on_paper``: "no" when the printer
  provably took nothing, "maybe" when the job broke off or a crash interrupted it).

Copies are journaled (13014) when they are made (``services.copies``), not when they print.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pos.clock import Stamp
from pos.model.events import EventCode, OtherEvent
from pos.model.printing import DrawerOpening, JobKind, PrintJob
from pos.model.receipt import ReceiptKind
from pos.unit_of_work import UnitOfWork


def journal_outcome(uow: UnitOfWork, job: PrintJob, stamp: Stamp, *, printed: bool) -> None:
    """Journal what a finished (or interrupted) original job did to its receipts, and the
    drawer opening (13005) a kick stands for once it reached the printer (never before: a kick
    that failed opened nothing, and the till says so)."""
    if job.kind is JobKind.DRAWER_KICK and printed and job.opens_drawer is not None:
        _journal_opened(uow, job, job.opens_drawer, stamp)
    if job.kind is not JobKind.RECEIPTS or not job.receipt_ids:
        return
    for receipt in uow.printing.receipt_facts(job.receipt_ids):
        if printed:
            _journal_printed(uow, job, receipt, stamp)
        elif not uow.printing.journaled(receipt["id"], EventCode.SALE_WITHOUT_RECEIPT):
            _journal_not_printed(uow, job, receipt, stamp)


def _journal_opened(uow: UnitOfWork, job: PrintJob, opening: DrawerOpening, stamp: Stamp) -> None:
    if uow.printing.journaled(opening.ref_id, EventCode.DRAWER_OPEN):
        return  # one opening per sale or movement, however often its kick is sent
    uow.journal.append_journal(
        register_id=job.register_id,
        event_code=EventCode.DRAWER_OPEN,
        stamp=stamp,
        staff_id=opening.staff_id,
        ref_id=opening.ref_id,
        details={"reason": opening.reason, **dict(opening.details), "job": job.id},
    )


def _journal_printed(
    uow: UnitOfWork, job: PrintJob, receipt: Mapping[Any, Any], stamp: Stamp
) -> None:
    kind = ReceiptKind(receipt["kind"])
    details: dict[str, Any] = {"number": receipt["number_text"], "job": job.id}
    code = EventCode.SALES_RECEIPT
    if kind is not ReceiptKind.SALE:
        code = EventCode.OTHER
        details.update(kind=OtherEvent.RECEIPT_PRINTED, receipt_kind=kind.value)
    if kind is ReceiptKind.TRAINING:
        details["training"] = True
    _append(uow, job, receipt, stamp, code, details)


def _journal_not_printed(
    uow: UnitOfWork, job: PrintJob, receipt: Mapping[Any, Any], stamp: Stamp
) -> None:
    details: dict[str, Any] = {
        "number": receipt["number_text"],
        "job": job.id,
        "on_paper": "maybe" if job.may_be_on_paper else "no",
        "problem": job.error[:200],
    }
    if receipt["kind"] == ReceiptKind.TRAINING.value:
        details["training"] = True
    _append(uow, job, receipt, stamp, EventCode.SALE_WITHOUT_RECEIPT, details)


def _append(
    uow: UnitOfWork,
    job: PrintJob,
    receipt: Mapping[Any, Any],
    stamp: Stamp,
    code: EventCode,
    details: dict[str, Any],
) -> None:
    uow.journal.append_journal(
        register_id=job.register_id,
        event_code=code,
        stamp=stamp,
        staff_id=receipt["staff_id"],
        tenant_id=receipt["tenant_id"],
        amount=receipt["total"],
        ref_id=receipt["id"],
        details=details,
    )
