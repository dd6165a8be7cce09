"""The repair counter's paper as documents: the customer's claim slip and the item's job tags.

The printers render these like receipts. The claim slip is an order slip, never a receipt:
its heading says so in large type. A job tag carries only what never changes (no status, no
price, no promised date), so a tag on the shelf can not go stale; both carry the ticket id for
CODE128 and QR.
"""

from __future__ import annotations

from dataclasses import dataclass

from pos.money import Ore

CLAIM_SLIP_HEADING = "Reparasjonsbevis"
CLAIM_SLIP_MARKING = "IKKE KVITTERING FOR KJØP"
DEFAULT_TERMS = (
    "Varen hentes mot fremvisning av dette beviset. Overskrider prisen godkjent beløp, "
    "kontakter vi deg før vi fortsetter. Varer som ikke er hentet 3 måneder etter varsel om "
    "at de er klare, kan selges for å dekke kostnadene (håndverkertjenesteloven § 47)."
)


@dataclass(frozen=True)
class ClaimSlipDoc:
    """The customer's proof that the item was left (not a sales receipt)."""

    ticket_id: str
    heading: str
    marking: str
    tenant_name: str
    org_line: str
    header_text: str
    date: str
    time: str
    received_by: str
    customer_name: str
    customer_phone: str
    customer_email: str
    item: str
    serial: str
    fault: str
    condition: str
    accessories: tuple[str, ...]
    photos: int
    estimate: Ore
    approval_limit: Ore
    deposit: Ore
    """Deposit requested at intake (the deposit receipt is its own document)."""
    promised_date: str
    terms: str
    terms_accepted: bool
    print_number: int
    """1 for the first print; reprints say 'Utskrift nr. N' so two slips are never confused."""

    @property
    def barcode(self) -> str:
        """What CODE128 and QR encode: the ticket id, nothing else."""
        return self.ticket_id


@dataclass(frozen=True)
class JobTagDoc:
    """One tag: on the item (1/N) or on an accessory left with it (charger, bag...)."""

    ticket_id: str
    tenant_code: str
    tenant_name: str
    customer_name: str
    item: str
    label: str
    """'' for the item itself, otherwise what this tag is on ('Lader', 'Veske')."""
    received_date: str
    index: int
    count: int

    @property
    def numbering(self) -> str:
        return f"{self.index}/{self.count}"

    @property
    def barcode(self) -> str:
        return self.ticket_id
