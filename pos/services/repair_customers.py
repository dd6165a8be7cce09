"""Returning repair customers, found at intake by what is typed into the name or the phone:
the counter fills in who they are from their last job instead of having it typed again (and
typed differently). Consent to be contacted is never carried over: it is asked for each job."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from pos.clock import Stamp
from pos.errors import DomainError
from pos.model.contact import parse_phone
from pos.unit_of_work import UnitOfWorkFactory

MIN_DIGITS = 3
MIN_LETTERS = 2
MOST = 6


@dataclass(frozen=True)
class KnownCustomer:
    name: str
    phone: str
    """As people read it (``912 34 567``); empty when no phone was given."""
    email: str
    last_job: str
    """The day of their newest job, ``dd.mm.yyyy`` in Norwegian time."""
    jobs: int


def find_customers(
    uow_factory: UnitOfWorkFactory, *, name: str = "", phone: str = ""
) -> tuple[KnownCustomer, ...]:
    """Earlier customers whose phone holds the digits typed (three at least) and whose name
    holds every word typed (two letters at least); newest first, a handful at most. Nothing
    typed enough yet: none."""
    digits = "".join(ch for ch in phone if ch.isdigit())
    if phone.strip().startswith(("+47", "0047")) and len(digits) > 8:
        digits = digits[-8:]
    words = [w for w in name.casefold().split() if w]
    if len(digits) < MIN_DIGITS:
        digits = ""
    if sum(len(w) for w in words) < MIN_LETTERS:
        words = []
    if not digits and not words:
        return ()
    with uow_factory.read() as uow:
        rows = uow.repairs.customers(digits, words, MOST)
    return tuple(_customer(row) for row in rows)


def _customer(row: dict) -> KnownCustomer:
    return KnownCustomer(
        name=row["customer_name"],
        phone=_shown(row["customer_phone"]),
        email=row["customer_email"],
        last_job=_day(row["last_job"]),
        jobs=int(row["jobs"]),
    )


def _shown(stored: str) -> str:
    try:
        return parse_phone(stored).display if stored else ""
    except DomainError:
        return stored


def _day(utc_iso: str) -> str:
    stamp = Stamp.of(datetime.fromisoformat(utc_iso.replace("Z", "+00:00")))
    return f"{date.fromisoformat(stamp.local_date):%d.%m.%Y}"
