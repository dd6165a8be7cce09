"""The repair counter's paper on the till's printers: the claim slip (receipt printer) and the job
tags (tag printer), each a generic slip with the ticket id as CODE128 and QR.

The claim slip says "IKKE KVITTERING FOR KJØP" in large type under its heading; a tag carries
only what never changes (no status, no price, no promised date), so it never goes stale.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from pos.model.documents import SlipDoc
from pos.model.printing import PrinterRole
from pos.model.repair_docs import ClaimSlipDoc, JobTagDoc
from pos.money import format_nok
from printers.printing import Printing

ITEM_ITSELF = "Selve gjenstanden"


def _date_nb(iso: str) -> str:
    try:
        return date.fromisoformat(iso).strftime("%d.%m.%Y")
    except ValueError:
        return iso


def _kr(amount: int) -> str:
    return f"kr {format_nok(amount)}"


def claim_slip_doc(doc: ClaimSlipDoc) -> SlipDoc:
    """The customer's claim slip as a printable slip."""
    rows: list[tuple[str, str]] = [
        ("Reparasjon", doc.ticket_id),
        ("Mottatt", f"{_date_nb(doc.date)} {doc.time[:5]}"),
        ("Mottatt av", doc.received_by),
    ]
    if doc.print_number > 1:
        rows.append(("Utskrift nr.", str(doc.print_number)))
    rows += [("", "Kunde"), ("Navn", doc.customer_name)]
    if doc.customer_phone:
        rows.append(("Telefon", doc.customer_phone))
    if doc.customer_email:
        rows.append(("E-post", doc.customer_email))
    rows += [("", "Gjenstand"), ("Vare", doc.item)]
    if doc.serial:
        rows.append(("Serienr.", doc.serial))
    if doc.accessories:
        rows.append(("Levert med", ", ".join(doc.accessories)))
    if doc.photos:
        rows.append(("Bilder", str(doc.photos)))
    rows += [
        ("", "Pris"),
        ("Prisoverslag", _kr(doc.estimate)),
        ("Godkjent inntil", _kr(doc.approval_limit)),
    ]
    if doc.deposit:
        rows.append(("Depositum", _kr(doc.deposit)))
    if doc.promised_date:
        rows.append(("Lovet ferdig", _date_nb(doc.promised_date)))
    blocks = [f"Feil: {doc.fault}"]
    if doc.condition:
        blocks.append(f"Tilstand: {doc.condition}")
    blocks.append(doc.terms)
    if doc.terms_accepted:
        blocks.append("Kunden har godtatt vilkårene.")
    subtitle = "\n".join(x for x in (doc.tenant_name, doc.org_line, doc.header_text) if x)
    return SlipDoc(
        title=doc.heading,
        marking=doc.marking,
        subtitle=subtitle,
        rows=tuple(rows),
        blocks=tuple(blocks),
        barcode=doc.barcode,
        qr=doc.barcode,
        footer="Ta med dette beviset når du henter. Depositum har egen kvittering.",
    )


def job_tag_doc(tag: JobTagDoc) -> SlipDoc:
    """One tag for the item or an accessory: ids and names only."""
    return SlipDoc(
        title=tag.ticket_id,
        subtitle=f"{tag.tenant_code} {tag.tenant_name}",
        rows=(
            ("Kunde", tag.customer_name),
            ("Vare", tag.item),
            ("Gjelder", tag.label or ITEM_ITSELF),
            ("Mottatt", _date_nb(tag.received_date)),
            ("Lapp", tag.numbering),
        ),
        barcode=tag.barcode,
        qr=tag.barcode,
    )


def print_claim_slip(printing: Printing, doc: ClaimSlipDoc) -> str:
    """Queue the claim slip on the receipt printer; returns the job id."""
    return printing.print_slip(claim_slip_doc(doc), PrinterRole.RECEIPT)


def print_job_tags(printing: Printing, tags: Sequence[JobTagDoc]) -> list[str]:
    """Queue each tag on the tag printer (the receipt printer if there is none)."""
    return [printing.print_slip(job_tag_doc(tag), PrinterRole.TAG) for tag in tags]
