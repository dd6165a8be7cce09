"""Print jobs and printer settings as the till sees them: ids, order, status, and the rules.

A job moves ``queued -> printing -> printed`` or ``-> failed``; a failed job may be retried once
(explicitly), which marks it ``retried`` and queues a new job. ``printed`` is final: the store
refuses to change it, so a receipt is never printed twice by a retry. A job found ``printing``
after a restart may have reached the paper, so it becomes ``failed`` and is never resent by itself.
"""

from __future__ import annotations

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
    def retried_as_copy(self) -> bool:
        """A receipt that may not have printed is printed again only as the one copy."""
        return self in (JobKind.RECEIPTS, JobKind.COPY)


@dataclass(frozen=True)
class PrinterSetting:
    register_id: str
    role: PrinterRole
    url: str
    profile: str = "TM-T20II"
    columns: int = 48


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


class NothingToReprint(DomainError):
    code = "nothing_to_reprint"
    nb = "Kasse {value} har ingen kvittering å skrive ut på nytt."
    en = "Register {value} has no receipt to print again."


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
