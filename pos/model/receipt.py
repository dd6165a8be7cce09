"""Receipts as documents: what a tenant's receipt says, independent of paper or screen.

Printing (ESC/POS, PDF) renders these; the wording follows the Norwegian rules
(kassasystemforskrifta § 2-8): the heading at the top, the seller's name and org.no (with
MVA when VAT-registered), consecutive number, date and time, lines, VAT per rate, payment means.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from pos.money import Ore
from pos.vat import VatSummary


class ReceiptKind(StrEnum):
    SALE = "sale"
    RETURN = "return"
    TRAINING = "training"
    COPY = "copy"
    PROVISIONAL = "provisional"
    DEPOSIT = "deposit"
    """Money received against a later repair sale (or paid back): no lines, no VAT, never a
    sale; its own number series; SAF-T transaction type 11005 "Receiving payment"."""

    @property
    def heading(self) -> str:
        return {
            "sale": "Salgskvittering",
            "return": "Returkvittering",
            "training": "Treningskvittering",
            "copy": "KOPI",
            "provisional": "Foreløpig kvittering",
            "deposit": "Kvittering for depositum",
        }[self.value]


NOT_A_RECEIPT = "IKKE KVITTERING FOR KJØP"


def deposit_note(ticket_id: str, item: str, *, paid_back: bool) -> str:
    """What a deposit receipt is for: the repair job and its item, and that it is not a sale
    (a deposit is held against the job, never a credit note the customer can spend)."""
    job = "Depositum for reparasjon" + (f" {ticket_id}" if ticket_id else "")
    job += f": {item}" if item else ""
    if paid_back:
        return f"{job}, betalt tilbake. Ingen merverdiavgift: dette er ikke et salg."
    return (
        f"{job}. Holdes mot reparasjonsbeviset og trekkes fra ved henting. "
        "Ingen merverdiavgift: dette er ikke et salg."
    )


@dataclass(frozen=True)
class ReceiptLineDoc:
    description: str
    qty: int
    unit_price: Ore
    discount: Ore
    discount_reason: str
    amount: Ore
    vat_percent: int


@dataclass(frozen=True)
class PaymentDoc:
    label: str
    amount: Ore
    reference: str = ""


@dataclass(frozen=True)
class ReceiptDoc:
    """Everything printed on one tenant's receipt."""

    receipt_id: str
    kind: ReceiptKind
    heading: str
    marking: str
    """Large extra marking: 'KOPI', or 'IKKE KVITTERING FOR KJØP' on training/provisional; a
    copy of a training receipt has both, one per line."""
    number: str
    tenant_name: str
    org_line: str
    header_text: str
    footer_text: str
    register_id: str
    register_name: str
    cashier: str
    date: str
    time: str
    lines: tuple[ReceiptLineDoc, ...]
    vat: tuple[VatSummary, ...]
    total: Ore
    rounding: Ore
    payments: tuple[PaymentDoc, ...]
    original_number: str = ""
    """For a return or copy: the receipt it refers to."""
    credit_notes_issued: tuple[tuple[str, Ore], ...] = ()
    note: str = ""
    """Printed under the lines, e.g. what a deposit is held against."""

    @property
    def markings(self) -> tuple[str, ...]:
        return tuple(m for m in self.marking.split("\n") if m)

    @property
    def to_pay(self) -> Ore:
        return self.total + self.rounding

    @property
    def balanced(self) -> bool:
        return sum(p.amount for p in self.payments) == self.to_pay
