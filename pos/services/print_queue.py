"""The print queue as a service: jobs with ids kept in the store, claimed in order, finished as
printed or failed, retried only on request and never after they printed (see pos.model.printing).

Printing happens after the sale's transaction: a printer can neither block nor undo a sale.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from pos.adapters.print_jobs import PrintJobs
from pos.clock import Clock, Stamp
from pos.errors import CopyAlreadyPrinted
from pos.model.printing import (
    JobKind,
    JobStatus,
    PrinterRole,
    PrinterSetting,
    PrintJob,
    PrintJobAlreadyPrinted,
    PrintJobNotRetryable,
    UnknownPrintJob,
    check_setting,
)
from pos.model.receipt import ReceiptDoc
from pos.model.staff import Permission
from pos.services import copies
from pos.services.context import TillContext
from pos.services.settings_journal import journal_settings_change
from pos.unit_of_work import UnitOfWork, UnitOfWorkFactory

INTERRUPTED = "interrupted: the program stopped while this job was being sent"


@dataclass(frozen=True)
class NewJob:
    role: PrinterRole
    kind: JobKind
    title: str
    payload: bytes
    receipt_ids: tuple[str, ...] = ()


def _now(clock: Clock) -> str:
    return Stamp.of(clock.now()).utc_iso


def enqueue(uow_factory: UnitOfWorkFactory, register_id: str, job: NewJob, clock: Clock) -> str:
    """Queue a job for the register's own printer; returns its id."""
    job_id = str(uuid.uuid4())
    with uow_factory() as uow:
        _add(uow.printing, job_id, register_id, job, _now(clock))
        uow.commit()
    return job_id


def _add(
    store: PrintJobs,
    job_id: str,
    register_id: str,
    job: NewJob,
    now: str,
    retry_of: str | None = None,
) -> None:
    store.add(
        job_id=job_id,
        register_id=register_id,
        role=job.role,
        kind=job.kind,
        title=job.title,
        payload=job.payload,
        receipt_ids=job.receipt_ids,
        now=now,
        retry_of=retry_of,
    )


def claim_next(
    uow_factory: UnitOfWorkFactory, register_id: str, clock: Clock
) -> tuple[PrintJob, bytes] | None:
    """The register's oldest queued job with its bytes, now marked ``printing``."""
    with uow_factory() as uow:
        job = uow.printing.claim_next(register_id, _now(clock))
        if job is None:
            return None
        payload = uow.printing.payload(job.id)
        uow.commit()
    return job, payload


def finish(
    uow_factory: UnitOfWorkFactory, job_id: str, clock: Clock, error: str | None = None
) -> None:
    """Record how sending went: ``printed`` when error is None, else ``failed`` with the error."""
    with uow_factory() as uow:
        to = JobStatus.PRINTED if error is None else JobStatus.FAILED
        uow.printing.move(job_id, JobStatus.PRINTING, to, _now(clock), error or "")
        uow.commit()


def recover_interrupted(uow_factory: UnitOfWorkFactory, register_id: str, clock: Clock) -> int:
    """At start-up: jobs a crash left half-sent become failed (visible, retried on request)."""
    with uow_factory() as uow:
        count = uow.printing.fail_interrupted(register_id, _now(clock), INTERRUPTED)
        uow.commit()
    return count


def job(uow_factory: UnitOfWorkFactory, job_id: str) -> PrintJob:
    with uow_factory.read() as uow:
        found = uow.printing.job(job_id)
    if found is None:
        raise UnknownPrintJob(job_id)
    return found


def jobs(
    uow_factory: UnitOfWorkFactory,
    register_id: str,
    statuses: Iterable[JobStatus] = (),
    limit: int = 100,
) -> list[PrintJob]:
    """The register's jobs, newest first (for the printer panel: failed ones to act on)."""
    with uow_factory.read() as uow:
        return uow.printing.jobs(register_id, statuses, limit)


def retry(
    uow_factory: UnitOfWorkFactory,
    ctx: TillContext,
    job_id: str,
    render_copies: Callable[[Sequence[ReceiptDoc]], bytes],
) -> str:
    """Queue a failed job again, once; returns the new job's id.

    Receipts that may already be on paper are never printed again as originals: they come back as
    the one copy each sale may have (``copies.make_copy`` enforces that), rendered by
    ``render_copies``. A printed job, or a drawer kick, is refused.
    """
    with uow_factory() as uow:
        failed = _retryable(uow, job_id)
        numbers = _receipts_still_copyable(uow, failed)
        new_id = str(uuid.uuid4())
        if not failed.kind.retried_as_copy:
            new = NewJob(failed.role, failed.kind, failed.title, uow.printing.payload(job_id))
        if not uow.printing.move(job_id, JobStatus.FAILED, JobStatus.RETRIED, _now(ctx.clock)):
            raise PrintJobNotRetryable(failed.title, **_ALREADY_RETRIED)
        if not failed.kind.retried_as_copy:
            _add(uow.printing, new_id, failed.register_id, new, _now(ctx.clock), job_id)
        uow.commit()
    if not failed.kind.retried_as_copy:
        return new_id
    docs = _make_copies(uow_factory, ctx, numbers)
    if not docs:  # every copy was taken elsewhere in the meantime
        raise CopyAlreadyPrinted(", ".join(numbers))
    title = "KOPI " + ", ".join(d.number for d in docs)
    new = NewJob(
        failed.role, JobKind.COPY, title, render_copies(docs), tuple(d.receipt_id for d in docs)
    )
    with uow_factory() as uow:
        _add(uow.printing, new_id, failed.register_id, new, _now(ctx.clock), job_id)
        uow.commit()
    return new_id


_ALREADY_RETRIED = {"reason_nb": "den er allerede prøvd på nytt", "reason_en": "already retried"}


def _retryable(uow: UnitOfWork, job_id: str) -> PrintJob:
    found = uow.printing.job(job_id)
    if found is None:
        raise UnknownPrintJob(job_id)
    if found.status is JobStatus.PRINTED:
        raise PrintJobAlreadyPrinted(found.title)
    if found.kind is JobKind.DRAWER_KICK:
        raise PrintJobNotRetryable(
            found.title,
            reason_nb="skuffen åpnes ikke senere av seg selv; bruk «Åpne skuff» (registreres)",
            reason_en="the drawer is never opened later by itself; use 'Open drawer' (journaled)",
        )
    if found.status is JobStatus.RETRIED:
        raise PrintJobNotRetryable(found.title, **_ALREADY_RETRIED)
    if found.status is not JobStatus.FAILED:
        raise PrintJobNotRetryable(
            found.title,
            reason_nb="den står fortsatt i køen",
            reason_en="it is still in the queue",
        )
    return found


def _receipts_still_copyable(uow: UnitOfWork, failed: PrintJob) -> list[str]:
    """Numbers of the job's receipts that have no copy yet (a sale may have only one)."""
    if not failed.kind.retried_as_copy:
        return []
    numbers = []
    for receipt_id in failed.receipt_ids:
        receipt = uow.queries.receipt(receipt_id)
        if receipt is not None and uow.queries.copy_of(receipt_id) is None:
            numbers.append(receipt["number_text"])
    if not numbers:
        raise CopyAlreadyPrinted(
            ", ".join(r["number_text"] for i in failed.receipt_ids if (r := uow.queries.receipt(i)))
        )
    return numbers


def _make_copies(
    uow_factory: UnitOfWorkFactory, ctx: TillContext, numbers: Sequence[str]
) -> list[ReceiptDoc]:
    docs = []
    for number in numbers:
        try:
            docs.append(copies.make_copy(uow_factory, ctx, number))
        except CopyAlreadyPrinted:  # made at another till in the meantime: that one counts
            continue
    return docs


def last_receipt_numbers(uow_factory: UnitOfWorkFactory, register_id: str) -> list[str]:
    """Numbers of the tenant receipts of the register's latest sale or return."""
    with uow_factory.read() as uow:
        rows = [uow.queries.receipt(i) for i in uow.printing.last_sale_receipt_ids(register_id)]
        return [r["number_text"] for r in rows if r is not None]


def drawer_opened_for(uow_factory: UnitOfWorkFactory, ref_id: str) -> bool:
    """Whether the journal recorded a drawer opening (13005) for this sale or cash movement."""
    with uow_factory.read() as uow:
        return uow.printing.drawer_opened_for(ref_id)


def printer_settings(
    uow_factory: UnitOfWorkFactory, register_id: str
) -> dict[PrinterRole, PrinterSetting]:
    with uow_factory.read() as uow:
        return uow.printing.settings(register_id)


def save_printer_setting(
    uow_factory: UnitOfWorkFactory, ctx: TillContext, setting: PrinterSetting
) -> None:
    """Set a register's receipt or tag printer (manager); the change is journaled."""
    ctx.require(Permission.MANAGE)
    check_setting(setting)
    with uow_factory() as uow:
        stamp = ctx.stamp()
        uow.printing.save_setting(setting, stamp.utc_iso)
        printer = {
            "register": setting.register_id,
            "role": setting.role.value,
            "url": setting.url,
            "profile": setting.profile,
            "columns": setting.columns,
        }
        journal_settings_change(uow, ctx, {"printer": printer}, stamp)
        uow.commit()
