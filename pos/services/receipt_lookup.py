"""Read side for printing again: receipts as rows for the look-up screen (with what printing
them again would give), and what the printer has left undone (failed jobs, receipts a customer
may still be waiting for) for the status bar and the sale screen's warning."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from pos.clock import OSLO
from pos.model.printing import (
    JobKind,
    JobStatus,
    NextPrint,
    ReceiptPaper,
    next_print,
)
from pos.model.receipt import ReceiptKind
from pos.money import format_nok
from pos.services import copies
from pos.services.print_queue import paper_of
from pos.services.reprint import copy_paper, needs_printing
from pos.unit_of_work import UnitOfWork, UnitOfWorkFactory

RECENT = 50


@dataclass(frozen=True)
class ReceiptRow:
    receipt_id: str
    number: str
    kind: ReceiptKind
    date: str
    """dd.mm.yyyy"""
    time: str
    tenant_name: str
    total: str
    """Formatted kroner, e.g. '1 234,50'."""
    paper: ReceiptPaper
    has_copy: bool
    next_print: NextPrint
    copy_paper: ReceiptPaper | None = None
    """Where its copy stands (a copy the printer never took is sent again as that copy);
    None: no copy, or one no print job carried."""


def recent_receipts(
    uow_factory: UnitOfWorkFactory, register_id: str, limit: int = RECENT
) -> list[ReceiptRow]:
    """The register's latest receipts, newest first."""
    with uow_factory.read() as uow:
        return _rows(uow, uow.queries.recent_receipts(register_id, limit))


def find_receipt_row(uow_factory: UnitOfWorkFactory, receipt_number: str) -> ReceiptRow:
    """One receipt by its number, typed or scanned (UnknownReceipt if there is none)."""
    with uow_factory.read() as uow:
        receipt = dict(copies.find_receipt(uow, receipt_number))
        receipt["tenant_name"] = uow.queries.tenant_name(receipt["tenant_id"])
        return _rows(uow, [receipt])[0]


def _rows(uow: UnitOfWork, receipts: Sequence[Mapping[Any, Any]]) -> list[ReceiptRow]:
    ids = [r["id"] for r in receipts]
    paper = paper_of(uow, ids)
    copied = uow.queries.copied_receipt_ids(ids)
    copied_paper = copy_paper(uow, list(copied))
    return [_row(r, paper[r["id"]], r["id"] in copied, copied_paper.get(r["id"])) for r in receipts]


def _row(
    r: Mapping[Any, Any], paper: ReceiptPaper, has_copy: bool, copy: ReceiptPaper | None
) -> ReceiptRow:
    decision = next_print(paper, has_copy)
    if copy is ReceiptPaper.NONE:
        decision = NextPrint.COPY  # the same copy again, never a second one
    elif copy is ReceiptPaper.QUEUED:
        decision = NextPrint.WAIT
    return ReceiptRow(
        receipt_id=r["id"],
        number=r["number_text"],
        kind=ReceiptKind(r["kind"]),
        date=".".join(reversed(r["local_date"].split("-"))),
        time=r["local_time"][:5],
        tenant_name=r["tenant_name"],
        total=format_nok(r["total"] + r["rounding"]),
        paper=paper,
        has_copy=has_copy,
        next_print=decision,
        copy_paper=copy,
    )


@dataclass(frozen=True)
class FailedJobRow:
    job_id: str
    title: str
    kind: JobKind
    error: str
    when: str
    """Local HH:MM of the failure."""
    may_be_on_paper: bool
    waiting: tuple[str, ...]
    """Numbers of its receipts a customer may still be waiting for."""


@dataclass(frozen=True)
class PrintAttention:
    failed: tuple[FailedJobRow, ...]
    again: tuple[str, ...] = ()
    """Numbers of receipts that failed to print and are queued again, not printed yet."""

    @property
    def waiting(self) -> tuple[str, ...]:
        """Every receipt number still to be printed, oldest job first (those queued again
        too: a customer waits for them until they are on paper)."""
        failed = tuple(n for job in reversed(self.failed) for n in job.waiting)
        return tuple(dict.fromkeys((*failed, *self.again)))


def print_attention(
    uow_factory: UnitOfWorkFactory, register_id: str, limit: int = 50
) -> PrintAttention:
    """The register's failed jobs (newest first) and the receipts they leave unprinted."""
    with uow_factory.read() as uow:
        rows = []
        for job in uow.printing.jobs(register_id, [JobStatus.FAILED], limit):
            waiting: tuple[str, ...] = ()
            if job.kind is JobKind.RECEIPTS:
                ids = needs_printing(uow, list(job.receipt_ids))
                waiting = tuple(r["number_text"] for r in uow.printing.receipt_facts(ids))
            rows.append(
                FailedJobRow(
                    job.id,
                    job.title,
                    job.kind,
                    job.error,
                    _local_time(job.updated_at),
                    job.may_be_on_paper,
                    waiting,
                )  # fmt: skip
            )
        again = _queued_again(uow, register_id, limit)
    return PrintAttention(tuple(rows), again)


def _queued_again(uow: UnitOfWork, register_id: str, limit: int) -> tuple[str, ...]:
    """Receipts in a queued (or printing) job whose original failed before and has not
    printed since: a retry, or a print from the look-up, that the printer has yet to take."""
    active = [
        job for job in uow.printing.jobs(register_id, [JobStatus.QUEUED, JobStatus.PRINTING], limit)
        if job.kind in (JobKind.RECEIPTS, JobKind.COPY)
    ]  # fmt: skip
    ids = list(dict.fromkeys(i for job in reversed(active) for i in job.receipt_ids))
    if not ids:
        return ()
    failed_before = (JobStatus.FAILED, JobStatus.RETRIED)
    originals = uow.printing.jobs_carrying(ids)
    again = [
        i for i in ids
        if any(j.status in failed_before for j in originals[i])
        and not any(j.status is JobStatus.PRINTED for j in originals[i])
    ]  # fmt: skip
    return tuple(r["number_text"] for r in uow.printing.receipt_facts(again))


def _local_time(utc_iso: str) -> str:
    try:
        moment = datetime.fromisoformat(utc_iso.replace("Z", "+00:00"))
    except ValueError:
        return ""
    return moment.astimezone(OSLO).strftime("%H:%M")
