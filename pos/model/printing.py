"""Print jobs and printer settings as the till sees them: ids, order, status, and the rules.

A job moves ``queued -> printing -> printed`` or ``-> failed``; a failed job may be retried once
(explicitly), which marks it ``retried`` and queues a new job, or (if it holds no receipt) be
``dismissed``. ``printed`` is final: the store refuses to change it.

Whether a failed job may be on paper decides what a retry prints. A job is marked as possibly
on paper the moment it is claimed for sending; only a transport that proves the printer took
none of it (refused the connection, reported offline or out of paper before the first byte)
marks it ``unsent``. A job found ``printing`` after a restart, or one that broke off mid-way,
stays possibly on paper and is never sent again by itself.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from pos.errors import DomainError

TRANSPORT_SCHEMES = ("usb", "serial", "tcp", "file", "cups", "lp")
COLUMNS = (48, 32)
"""80 mm paper prints 48 columns of font A, 58 mm paper 32."""


class PrinterRole(StrEnum):
    RECEIPT = "receipt"
    TAG = "tag"


class JobStatus(StrEnum):
    QUEUED = "queued"
    PRINTING = "printing"
    PRINTED = "printed"
    FAILED = "failed"
    RETRIED = "retried"
    DISMISSED = "dismissed"


class JobKind(StrEnum):
    RECEIPTS = "receipts"
    """The tenant receipts of one basket (or return), cut between tenants."""
    COPY = "copy"
    DRAWER_KICK = "drawer_kick"
    CASH_SLIP = "cash_slip"
    PRICE_TAGS = "price_tags"
    SLIP = "slip"
    TEST = "test"

    @property
    def carries_receipts(self) -> bool:
        return self in (JobKind.RECEIPTS, JobKind.COPY)


class ReceiptPaper(StrEnum):
    """Where a receipt's original stands, judged from the jobs that carried it."""

    NONE = "none"
    """Never sent, or every job that carried it provably reached no paper."""
    QUEUED = "queued"
    """An original job is waiting or being sent."""
    PRINTED = "printed"
    """An original job printed: the receipt is issued."""
    UNCERTAIN = "uncertain"
    """A job broke off or was interrupted: the original may be (partly) on paper."""


@dataclass(frozen=True)
class PrinterSetting:
    register_id: str
    role: PrinterRole
    url: str
    profile: str = "TM-T20II"
    columns: int = 48


@dataclass(frozen=True)
class DrawerOpening:
    """What a drawer kick opens the drawer for: journaled (13005) once the kick reached the
    printer, with this reference, reason and operator."""

    ref_id: str
    reason: str
    staff_id: str | None = None
    details: tuple[tuple[str, str | None], ...] = ()
    """More of the reason (a no-sale opening's note and approver)."""

    def to_json(self) -> str:
        return json.dumps({"ref_id": self.ref_id, "reason": self.reason,
                           "staff_id": self.staff_id, "details": dict(self.details)})  # fmt: skip

    @classmethod
    def from_json(cls, text: str | None) -> DrawerOpening | None:
        if not text:
            return None
        found = json.loads(text)
        return cls(found["ref_id"], found["reason"], found.get("staff_id"),
                   tuple(found.get("details", {}).items()))  # fmt: skip


@dataclass(frozen=True)
class PrintJob:
    id: str
    seq: int
    register_id: str
    role: PrinterRole
    kind: JobKind
    title: str
    status: JobStatus
    attempts: int
    error: str
    receipt_ids: tuple[str, ...]
    created_at: str
    printed_at: str | None
    retry_of: str | None
    updated_at: str = ""
    unsent: bool = False
    """The transport proved the printer took none of it (see the module docstring)."""
    opens_drawer: DrawerOpening | None = None

    @property
    def may_be_on_paper(self) -> bool:
        return self.attempts > 0 and not self.unsent


class NextPrint(StrEnum):
    """What printing a receipt again gives (the rule of § 2-6 (4): one original, one copy)."""

    ORIGINAL = "original"
    """It never reached paper: the original, unmarked; its copy stays available."""
    COPY = "copy"
    """It is (or may be) on paper: the one copy, marked KOPI."""
    WAIT = "wait"
    """Its original is in the queue right now."""
    NOTHING = "nothing"
    """It is on paper and has had its copy: nothing more may be printed."""


def next_print(paper: ReceiptPaper, has_copy: bool) -> NextPrint:
    if paper is ReceiptPaper.NONE:
        return NextPrint.ORIGINAL
    if paper is ReceiptPaper.QUEUED:
        return NextPrint.WAIT
    return NextPrint.NOTHING if has_copy else NextPrint.COPY


def receipt_paper(original_jobs: Iterable[PrintJob]) -> ReceiptPaper:
    """The state of a receipt's original from the ``receipts`` jobs that carried it."""
    jobs = list(original_jobs)
    if any(j.status is JobStatus.PRINTED for j in jobs):
        return ReceiptPaper.PRINTED
    if any(j.status in (JobStatus.QUEUED, JobStatus.PRINTING) for j in jobs):
        return ReceiptPaper.QUEUED
    if any(j.may_be_on_paper for j in jobs):
        return ReceiptPaper.UNCERTAIN
    return ReceiptPaper.NONE


class UnknownPrintJob(DomainError):
    code = "unknown_print_job"
    nb = "Finner ikke utskriftsjobben {value}."
    en = "Print job {value} was not found."


class PrintJobAlreadyPrinted(DomainError):
    code = "print_job_already_printed"
    nb = "Utskriftsjobben «{value}» er allerede skrevet ut og skrives ikke ut på nytt."
    en = "Print job '{value}' has already printed and is not printed again."


class PrintJobNotRetryable(DomainError):
    code = "print_job_not_retryable"
    nb = "Utskriftsjobben «{value}» kan ikke prøves på nytt: {reason_nb}."
    en = "Print job '{value}' cannot be retried: {reason_en}."


class InvalidPrinterSetting(DomainError):
    code = "invalid_printer_setting"
    nb = "Ugyldig skriveroppsett «{value}»: {reason_nb}."
    en = "Invalid printer setting '{value}': {reason_en}."


class PrinterNotConfigured(DomainError):
    code = "printer_not_configured"
    nb = "Kasse {value} har ingen skriver satt opp for {role_nb}."
    en = "Register {value} has no printer set up for {role_en}."


class PrintJobNotDismissable(DomainError):
    code = "print_job_not_dismissable"
    nb = "Utskriftsjobben «{value}» holder kvitteringer og kan ikke forkastes; skriv den ut."
    en = "Print job '{value}' holds receipts and cannot be dismissed; print it."


class ReceiptBeingPrinted(DomainError):
    code = "receipt_being_printed"
    nb = "Kvittering {value} står allerede i utskriftskøen. Vent til den er skrevet ut."
    en = "Receipt {value} is already waiting to print. Wait until it has printed."


class OriginalAlreadyOnPaper(DomainError):
    code = "original_already_on_paper"
    nb = (
        "Originalen av kvittering {value} er allerede skrevet ut eller kan ligge på papiret, "
        "så den skrives ikke ut som original igjen."
    )
    en = (
        "The original of receipt {value} has already printed or may be on paper, so it is not "
        "printed as an original again."
    )


class CopyMayBeOnPaper(DomainError):
    code = "copy_may_be_on_paper"
    nb = (
        "Kopien av {value} ble avbrutt under utskrift og kan allerede ligge på papiret. "
        "En kvittering kan bare ha én kopi, så den skrives ikke ut igjen."
    )
    en = (
        "The copy of {value} was cut off while printing and may already be on paper. A "
        "receipt may have only one copy, so it is not printed again."
    )


def check_setting(setting: PrinterSetting) -> PrinterSetting:
    """Raise InvalidPrinterSetting unless the URL scheme and width are ones the till drives."""
    scheme = setting.url.split("://", 1)[0].lower() if "://" in setting.url else ""
    if scheme not in TRANSPORT_SCHEMES:
        raise InvalidPrinterSetting(
            setting.url,
            reason_nb="adressen må begynne med " + ", ".join(f"{s}://" for s in TRANSPORT_SCHEMES),
            reason_en="the URL must start with " + ", ".join(f"{s}://" for s in TRANSPORT_SCHEMES),
        )
    if setting.columns not in COLUMNS:
        raise InvalidPrinterSetting(
            str(setting.columns),
            reason_nb="bredden må være 48 (80 mm) eller 32 (58 mm) tegn",
            reason_en="the width must be 48 (80 mm) or 32 (58 mm) columns",
        )
    if not setting.profile.strip():
        raise InvalidPrinterSetting(
            setting.profile, reason_nb="skriverprofil mangler", reason_en="profile missing"
        )
    return setting
