"""The print queue as a service: jobs with ids kept in the store, claimed in order, finished as
printed or failed, retried only on request and never after they printed (see pos.model.printing;
retries and reprints are ``services.reprint``).

Printing happens after the sale's transaction: a printer can neither block nor undo a sale. What
a job did to its receipts is journaled with its new status (``services.print_journal``), and an
original receipt is queued only while it has reached no paper (``check_original``).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from pos.adapters.print_jobs import PrintJobs
from pos.clock import Clock, Stamp
from pos.model.printing import (
    DrawerOpening,
    JobKind,
    JobStatus,
    OriginalAlreadyOnPaper,
    PrinterRole,
    PrinterSetting,
    PrintJob,
    ReceiptBeingPrinted,
    ReceiptPaper,
    UnknownPrintJob,
    check_setting,
    receipt_paper,
)
from pos.model.staff import Permission
from pos.services import print_journal
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
    opens_drawer: DrawerOpening | None = None


def _now(clock: Clock) -> str:
    return Stamp.of(clock.now()).utc_iso


def enqueue(uow_factory: UnitOfWorkFactory, register_id: str, job: NewJob, clock: Clock) -> str:
    """Queue a job for the register's own printer; returns its id. An original receipt that is
    printed, queued or may be on paper is refused (``check_original``)."""
    job_id = str(uuid.uuid4())
    with uow_factory() as uow:
        if job.kind is JobKind.RECEIPTS:
            for receipt_id in job.receipt_ids:
                check_original(uow, receipt_id)
        add_job(uow.printing, job_id, register_id, job, _now(clock))
        uow.commit()
    return job_id


def paper_of(uow: UnitOfWork, receipt_ids: Iterable[str]) -> dict[str, ReceiptPaper]:
    """Where each receipt's original stands, from the jobs that carried it."""
    carrying = uow.printing.jobs_carrying(receipt_ids)
    return {receipt_id: receipt_paper(jobs) for receipt_id, jobs in carrying.items()}


NO_PAPER_BEFORE = "receipts_without_paper_before"
"""Meta key: receipts made before this UTC time never get their original printed at start-up
(made-up history: ``simulate`` without a printer; nobody stood at a counter for them; or a
restore: those receipts' paper was settled before it, and the look-up offers the original of
one no print job carried)."""


def no_paper_before(uow_factory: UnitOfWorkFactory, moment: Stamp) -> None:
    with uow_factory() as uow:
        uow.meta.set_meta(NO_PAPER_BEFORE, moment.utc_iso)
        uow.commit()


def unprinted_since(uow_factory: UnitOfWorkFactory, register_id: str, since: Stamp) -> list[str]:
    """Receipts of this register made since ``since`` that no print job carries (a crash came
    between the sale's commit and its print job), leaving out made-up history."""
    with uow_factory.read() as uow:
        floor = max(since.utc_iso, uow.meta.get_meta(NO_PAPER_BEFORE) or "")
        return uow.printing.receipts_without_job(register_id, floor)


def check_original(uow: UnitOfWork, receipt_id: str) -> None:
    """Raise unless the receipt's original may be sent now (it never reached any paper)."""
    state = paper_of(uow, [receipt_id])[receipt_id]
    if state is ReceiptPaper.NONE:
        return
    receipt = uow.queries.receipt(receipt_id)
    number = receipt["number_text"] if receipt else receipt_id
    if state is ReceiptPaper.QUEUED:
        raise ReceiptBeingPrinted(number)
    raise OriginalAlreadyOnPaper(number)


def add_job(
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
        opens_drawer=job.opens_drawer,
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
    uow_factory: UnitOfWorkFactory,
    job_id: str,
    clock: Clock,
    error: str | None = None,
    *,
    unsent: bool = False,
) -> PrintJob | None:
    """Record how sending went: ``printed`` when error is None, else ``failed`` with the error
    (``unsent`` when the printer provably took none of it), and journal what that means for
    the job's receipts. Returns the job as it is now (None if it was not being sent)."""
    with uow_factory() as uow:
        to = JobStatus.PRINTED if error is None else JobStatus.FAILED
        stamp = Stamp.of(clock.now())
        unsent = bool(unsent and error)
        moved = uow.printing.move(
            job_id, JobStatus.PRINTING, to, stamp.utc_iso, error or "", unsent=unsent
        )
        done = uow.printing.job(job_id) if moved else None
        if done is not None:
            print_journal.journal_outcome(uow, done, stamp, printed=error is None)
        uow.commit()
    return done


def recover_interrupted(uow_factory: UnitOfWorkFactory, register_id: str, clock: Clock) -> int:
    """At start-up: jobs a crash left half-sent become failed, possibly on paper (visible,
    retried on request, their receipts journaled 13030 with ``on_paper`` "maybe")."""
    with uow_factory() as uow:
        stamp = Stamp.of(clock.now())
        failed = uow.printing.fail_interrupted(register_id, stamp.utc_iso, INTERRUPTED)
        for found in failed:
            print_journal.journal_outcome(uow, found, stamp, printed=False)
        uow.commit()
    return len(failed)


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


def sale_drawer_opening(uow_factory: UnitOfWorkFactory, sale_id: str) -> DrawerOpening | None:
    """The drawer opening a cash sale, return or deposit stands for, journaled (13005) when its
    kick reaches the printer; None when it opens no drawer or its opening is journaled."""
    with uow_factory.read() as uow:
        found = uow.printing.cash_sale(sale_id)
        if found is None or uow.printing.drawer_opened_for(sale_id):
            return None
    return DrawerOpening(sale_id, found[0], found[1])


def cash_drawer_opening(uow_factory: UnitOfWorkFactory, movement_id: str) -> DrawerOpening | None:
    """The drawer opening a cash in or out stands for, journaled (13005) when its kick reaches
    the printer; None when its opening is journaled already."""
    with uow_factory.read() as uow:
        found = uow.printing.cash_movement(movement_id)
        if found is None or uow.printing.drawer_opened_for(movement_id):
            return None
    reason = "cash_in" if found["amount"] > 0 else "cash_out"
    return DrawerOpening(movement_id, reason, str(found["staff_id"]))


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
