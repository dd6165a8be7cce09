"""Printing receipts again: the retry of a failed job (the status bar) and "print again" of one
receipt (the look-up screen, ``print-copy`` on the command line). One rule decides for both
(``pos.model.printing.next_print``):

- a receipt that never reached paper prints as its **original**, unmarked, and its one copy
  stays available;
- a receipt that is (or may be) on paper prints as its **one copy** (``KOPI``, journaled 13014
  and counted in X/Z (n)), made by those with ``Permission.RECEIPT_COPY``;
- a copy that was made but failed before the printer took any of it is sent again as that
  same copy (no second copy is made, nothing more is journaled);
- after that, nothing more: a second copy is refused.

Every decision, the copy record and the new job are written in one transaction, so a crash
leaves either nothing or everything, and the new job's id is what the worker sends once.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pos.errors import CopyAlreadyPrinted
from pos.model.printing import (
    CopyMayBeOnPaper,
    JobKind,
    JobStatus,
    NextPrint,
    PrinterRole,
    PrintJob,
    PrintJobAlreadyPrinted,
    PrintJobNotDismissable,
    PrintJobNotRetryable,
    ReceiptBeingPrinted,
    ReceiptPaper,
    UnknownPrintJob,
    next_print,
    receipt_paper,
)
from pos.model.receipt import ReceiptDoc
from pos.services import copies, desk_log
from pos.services.context import TillContext
from pos.services.print_queue import NewJob, add_job, paper_of
from pos.unit_of_work import UnitOfWork, UnitOfWorkFactory

Render = Callable[[Sequence[ReceiptDoc]], bytes]
"""Receipt documents to the printer's bytes (``printers`` renders; ``pos`` decides)."""


@dataclass(frozen=True)
class Reprinted:
    job_ids: tuple[str, ...]
    originals: tuple[str, ...] = ()
    """Receipt numbers queued as their original."""
    copies: tuple[str, ...] = ()
    """Receipt numbers queued as their one copy."""


def print_again(
    uow_factory: UnitOfWorkFactory,
    ctx: TillContext,
    receipt_number: str,
    render: Render,
    register_id: str | None = None,
) -> Reprinted:
    """One receipt again on ``register_id``'s printer (default: the context's register)."""
    with uow_factory() as uow:
        receipt = copies.find_receipt(uow, receipt_number)
        number = receipt["number_text"]
        paper = paper_of(uow, [receipt["id"]])[receipt["id"]]
        has_copy = uow.queries.copy_of(receipt["id"]) is not None
        decision = next_print(paper, has_copy)
        if decision is NextPrint.WAIT:
            raise ReceiptBeingPrinted(number)
        now = ctx.stamp().utc_iso
        if decision is NextPrint.NOTHING:
            new_id = _resend_unprinted_copy(uow, receipt["id"], number, now)
            uow.commit()
            desk_log.receipt_printed_again(ctx, number, copy=True)
            return Reprinted((new_id,), copies=(number,))
        job_id = str(uuid.uuid4())
        register = register_id or ctx.register_id
        if decision is NextPrint.ORIGINAL:
            doc = uow.queries.receipt_doc(receipt["id"])
            add_job(uow.printing, job_id, register, _job([doc], JobKind.RECEIPTS, render), now)
            done = Reprinted((job_id,), originals=(number,))
        else:
            doc = copies.record_copy(uow, ctx, receipt)
            add_job(uow.printing, job_id, register, _job([doc], JobKind.COPY, render), now)
            done = Reprinted((job_id,), copies=(number,))
        _settle_failed_jobs(uow, [receipt["id"]], now)
        uow.commit()
    desk_log.receipt_printed_again(ctx, number, copy=bool(done.copies))
    return done


def retry(
    uow_factory: UnitOfWorkFactory, ctx: TillContext, job_id: str, render: Render
) -> Reprinted:
    """Queue a failed job again, once. Its receipts that never reached paper come back as
    originals, those that may be on paper as their one copy; a failed copy that never reached
    paper is sent again as the same copy; any other document is sent again as it was."""
    with uow_factory() as uow:
        failed = _retryable(uow, job_id)
        now = ctx.stamp().utc_iso
        if failed.kind is JobKind.RECEIPTS:
            done = _retry_receipts(uow, ctx, failed, render, now)
        else:
            if failed.kind is JobKind.COPY and failed.may_be_on_paper:
                raise CopyMayBeOnPaper(_numbers(uow, failed.receipt_ids))
            resent = _numbers_list(uow, failed.receipt_ids) if failed.kind is JobKind.COPY else ()
            done = Reprinted((_resend(uow, failed, now),), copies=resent)
        uow.commit()
    desk_log.print_job_retried(ctx, failed.title, done.originals, done.copies)
    return done


def dismiss(uow_factory: UnitOfWorkFactory, ctx: TillContext, job_id: str) -> None:
    """Drop a failed job that holds no receipt (a slip, tags, a test page, a drawer kick)."""
    with uow_factory() as uow:
        failed = _retryable(uow, job_id, drawer_kick_ok=True)
        if failed.kind.carries_receipts:
            raise PrintJobNotDismissable(failed.title)
        if not uow.printing.move(
            job_id, JobStatus.FAILED, JobStatus.DISMISSED, ctx.stamp().utc_iso, failed.error
        ):
            raise PrintJobNotRetryable(failed.title, **_ALREADY_RETRIED)
        uow.commit()
    desk_log.print_job_dismissed(ctx, failed.title, failed.error)


def _retry_receipts(
    uow: UnitOfWork, ctx: TillContext, failed: PrintJob, render: Render, now: str
) -> Reprinted:
    ids = list(failed.receipt_ids)
    paper = paper_of(uow, ids)
    copied = uow.queries.copied_receipt_ids(ids)
    originals = [i for i in ids if paper[i] is ReceiptPaper.NONE]
    to_copy = [i for i in ids if paper[i] is ReceiptPaper.UNCERTAIN and i not in copied]
    if not originals and not to_copy:
        if any(paper[i] is ReceiptPaper.QUEUED for i in ids):
            raise ReceiptBeingPrinted(_numbers(uow, ids))
        raise CopyAlreadyPrinted(_numbers(uow, ids))
    _mark_retried(uow, failed, now)
    job_ids: list[str] = []
    if originals:
        docs = [uow.queries.receipt_doc(i) for i in originals]
        job_ids.append(str(uuid.uuid4()))
        new = _job(docs, JobKind.RECEIPTS, render)
        add_job(uow.printing, job_ids[-1], failed.register_id, new, now, retry_of=failed.id)
    if to_copy:
        receipts = [uow.queries.receipt(i) for i in to_copy]
        docs = [copies.record_copy(uow, ctx, r) for r in receipts if r is not None]
        job_ids.append(str(uuid.uuid4()))
        retry_of = None if originals else failed.id  # one job only may name the failed one
        new = _job(docs, JobKind.COPY, render)
        add_job(uow.printing, job_ids[-1], failed.register_id, new, now, retry_of=retry_of)
    return Reprinted(tuple(job_ids), _numbers_list(uow, originals), _numbers_list(uow, to_copy))


def _resend(uow: UnitOfWork, failed: PrintJob, now: str) -> str:
    """The failed job's own bytes queued again (marked retried first: only one resend)."""
    new = NewJob(
        failed.role, failed.kind, failed.title, uow.printing.payload(failed.id),
        failed.receipt_ids,
    )  # fmt: skip
    _mark_retried(uow, failed, now)
    new_id = str(uuid.uuid4())
    add_job(uow.printing, new_id, failed.register_id, new, now, retry_of=failed.id)
    return new_id


def copy_paper(uow: UnitOfWork, receipt_ids: Sequence[str]) -> dict[str, ReceiptPaper]:
    """Where each receipt's copy stands, judged from the copy jobs that carried it as an
    original is from its jobs; a receipt whose copy no job carried is left out."""
    carrying = uow.printing.jobs_carrying(receipt_ids, JobKind.COPY)
    return {receipt_id: receipt_paper(jobs) for receipt_id, jobs in carrying.items() if jobs}


def _resend_unprinted_copy(uow: UnitOfWork, receipt_id: str, number: str, now: str) -> str:
    """Print again after the copy was made: that same copy, and only if the printer provably
    took none of it; otherwise the one copy is used and nothing more may be printed."""
    state = copy_paper(uow, [receipt_id]).get(receipt_id)
    if state is ReceiptPaper.QUEUED:
        raise ReceiptBeingPrinted(number)
    if state is ReceiptPaper.UNCERTAIN:
        raise CopyMayBeOnPaper(number)
    newest = uow.printing.jobs_carrying([receipt_id], JobKind.COPY)[receipt_id][-1:]
    if state is not ReceiptPaper.NONE or newest[0].status is not JobStatus.FAILED:
        raise CopyAlreadyPrinted(number)
    return _resend(uow, newest[0], now)


def _job(docs: Sequence[ReceiptDoc], kind: JobKind, render: Render) -> NewJob:
    prefix = "KOPI " if kind is JobKind.COPY else "Kvittering "
    title = prefix + ", ".join(d.number for d in docs)
    return NewJob(PrinterRole.RECEIPT, kind, title, render(docs), tuple(d.receipt_id for d in docs))


_ALREADY_RETRIED = {"reason_nb": "den er allerede prøvd på nytt", "reason_en": "already retried"}


def _retryable(uow: UnitOfWork, job_id: str, *, drawer_kick_ok: bool = False) -> PrintJob:
    found = uow.printing.job(job_id)
    if found is None:
        raise UnknownPrintJob(job_id)
    if found.status is JobStatus.PRINTED:
        raise PrintJobAlreadyPrinted(found.title)
    if found.kind is JobKind.DRAWER_KICK and not drawer_kick_ok:
        raise PrintJobNotRetryable(
            found.title,
            reason_nb="skuffen åpnes ikke senere av seg selv; bruk «Åpne skuff» (registreres)",
            reason_en="the drawer is never opened later by itself; use 'Open drawer' (journaled)",
        )
    if found.status in (JobStatus.RETRIED, JobStatus.DISMISSED):
        raise PrintJobNotRetryable(found.title, **_ALREADY_RETRIED)
    if found.status is not JobStatus.FAILED:
        raise PrintJobNotRetryable(
            found.title,
            reason_nb="den står fortsatt i køen",
            reason_en="it is still in the queue",
        )
    return found


def _mark_retried(uow: UnitOfWork, failed: PrintJob, now: str) -> None:
    """The conditional move is the guard: of two retries of one job, only one gets here."""
    if not uow.printing.move(
        failed.id, JobStatus.FAILED, JobStatus.RETRIED, now, failed.error, unsent=failed.unsent
    ):
        raise PrintJobNotRetryable(failed.title, **_ALREADY_RETRIED)


def _settle_failed_jobs(uow: UnitOfWork, receipt_ids: Sequence[str], now: str) -> None:
    """Failed original jobs whose receipts have all been printed again another way need no
    retry any more: they leave the list of failed jobs."""
    carrying = uow.printing.jobs_carrying(receipt_ids)
    for failed in {j.id: j for jobs in carrying.values() for j in jobs}.values():
        if failed.status is not JobStatus.FAILED:
            continue
        paper = paper_of(uow, failed.receipt_ids)
        copied = uow.queries.copied_receipt_ids(list(failed.receipt_ids))
        if not any(_needs_printing(paper[i], i in copied) for i in failed.receipt_ids):
            _mark_retried(uow, failed, now)


def _needs_printing(paper: ReceiptPaper, has_copy: bool) -> bool:
    return paper is ReceiptPaper.NONE or (paper is ReceiptPaper.UNCERTAIN and not has_copy)


def needs_printing(uow: UnitOfWork, receipt_ids: Sequence[str]) -> list[str]:
    """Which of these receipts a customer may still be waiting for (no original on paper, or
    one that may be, and no copy yet)."""
    paper = paper_of(uow, receipt_ids)
    copied = uow.queries.copied_receipt_ids(list(receipt_ids))
    return [i for i in receipt_ids if _needs_printing(paper[i], i in copied)]


def _numbers(uow: UnitOfWork, receipt_ids: Sequence[str]) -> str:
    return ", ".join(_numbers_list(uow, receipt_ids))


def _numbers_list(uow: UnitOfWork, receipt_ids: Sequence[str]) -> tuple[str, ...]:
    rows: list[Mapping[Any, Any] | None] = [uow.queries.receipt(i) for i in receipt_ids]
    return tuple(r["number_text"] for r in rows if r is not None)
