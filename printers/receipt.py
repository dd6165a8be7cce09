"""Tenant receipts to ESC/POS bytes, with the markings of kassasystemforskrifta § 2-8: the heading
("Salgskvittering", "Returkvittering"...) at the top and "KOPI" / "IKKE KVITTERING FOR KJØP" at
double size (twice the amount text), seller and org.no, number, date and time, register, cashier,
lines, VAT per rate, total, cash rounding, payments with terminal references, and a CODE128 of the
receipt number for returns. One basket prints as one job, cut between the tenants' receipts.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence

from pos.model.receipt import ReceiptDoc, ReceiptKind, ReceiptLineDoc
from pos.vat import VatClass, VatSummary
from printers.builder import EscposBuilder
from printers.layout import Layout
from printers.text import money


def render_receipt(doc: ReceiptDoc, layout: Layout, logo: bytes | None = None) -> bytes:
    """One receipt, ending with a cut."""
    return render_receipts([doc], layout, {doc.tenant_name: logo} if logo else None)


def render_receipts(
    docs: Sequence[ReceiptDoc], layout: Layout, logos: Mapping[str, bytes] | None = None
) -> bytes:
    """The receipts of one basket as one job: each tenant's receipt followed by a cut.

    ``logos`` maps a tenant name to a PNG/BMP image printed under the heading.
    """
    out = EscposBuilder(layout)
    for doc in docs:
        write_receipt(out, doc, (logos or {}).get(doc.tenant_name))
        out.cut()
    return out.output()


def write_receipt(out: EscposBuilder, doc: ReceiptDoc, logo: bytes | None = None) -> None:
    _heading(out, doc, logo)
    _facts(out, doc)
    out.rule()
    for line in doc.lines:
        _line(out, line)
    if doc.note:  # what a deposit is for: the job and its item
        out.paragraph(doc.note)
    out.rule()
    _totals(out, doc)
    _vat(out, doc.vat)
    _payments(out, doc)
    if doc.footer_text:
        out.feed()
        out.paragraph(doc.footer_text, align="center")
    for marking in doc.markings:  # repeated at the foot: a torn-off half is still marked
        out.big(marking)
    out.feed()
    out.barcode128(doc.number)


def _heading(out: EscposBuilder, doc: ReceiptDoc, logo: bytes | None) -> None:
    out.big(doc.heading)
    for marking in doc.markings:
        out.big(marking)
    if logo:
        from PIL import Image  # a logo only: not loaded at start

        out.image(Image.open(io.BytesIO(logo)))
    out.line(doc.tenant_name, align="center", bold=True)
    out.line(doc.org_line, align="center")
    if doc.header_text:
        out.paragraph(doc.header_text, align="center")
    out.rule()


def _facts(out: EscposBuilder, doc: ReceiptDoc) -> None:
    out.columns_line("Kvittering nr.", doc.number, bold=True)
    if doc.original_number and doc.kind is not ReceiptKind.COPY:
        out.columns_line("Gjelder kvittering", doc.original_number)
    out.columns_line("Dato", f"{_norwegian_date(doc.date)} kl. {doc.time}")
    out.columns_line("Kasse", f"{doc.register_id} {doc.register_name}".strip())
    out.columns_line("Kasserer", doc.cashier)


def _norwegian_date(iso_date: str) -> str:
    parts = iso_date.split("-")
    return ".".join(reversed(parts)) if len(parts) == 3 else iso_date


def _line(out: EscposBuilder, line: ReceiptLineDoc) -> None:
    gross = line.qty * line.unit_price
    out.columns_line(line.description, money(gross))
    if line.qty != 1:
        out.line(f"  {line.qty} x {money(line.unit_price)}")
    discount = gross - line.amount
    if discount:
        reason = f"Rabatt: {line.discount_reason}" if line.discount_reason else "Rabatt"
        out.columns_line(f"  {reason}", money(-discount))


def _totals(out: EscposBuilder, doc: ReceiptDoc) -> None:
    if doc.rounding:
        out.columns_line("Sum", money(doc.total))
        out.columns_line("Øreavrunding", money(doc.rounding))
    label = "TOTALT Å BETALE" if doc.to_pay >= 0 else "TOTALT TIL GODE"
    out.columns_line(label, f"{money(doc.to_pay)} kr", bold=True)


def _vat_label(vat_class: VatClass) -> str:
    if vat_class is VatClass.NONE:
        return "Uten mva"
    if vat_class is VatClass.EXEMPT:
        return "Unntatt"
    return f"{vat_class.percent} %"


def _vat(out: EscposBuilder, summaries: Sequence[VatSummary]) -> None:
    if not summaries:
        return
    out.feed()
    wide = out.columns >= 40
    cells = ("Mva-sats", "Grunnlag", "Mva", "Sum") if wide else ("Sats", "Grunnlag", "Mva")
    out.line(_row(cells, out.columns))
    for summary in summaries:
        values = [_vat_label(summary.vat_class), money(summary.base), money(summary.vat)]
        if wide:
            values.append(money(summary.gross))
        out.line(_row(values, out.columns))
    if any(s.vat_class is VatClass.NONE for s in summaries):
        out.paragraph("Selger er ikke registrert i Merverdiavgiftsregisteret.")


def _row(cells: Sequence[str], columns: int) -> str:
    first = 10 if columns >= 40 else 9
    rest = (columns - first) // (len(cells) - 1)
    return cells[0].ljust(first) + "".join(c.rjust(rest) for c in cells[1:])


def _payments(out: EscposBuilder, doc: ReceiptDoc) -> None:
    if not doc.payments and not doc.credit_notes_issued:
        return
    out.feed()
    out.line("Betalt med:" if doc.to_pay >= 0 else "Tilbakebetalt med:")
    for payment in doc.payments:
        out.columns_line(f"  {payment.label}", money(payment.amount))
        if payment.reference:
            out.line(f"    Ref. {payment.reference}")
    for number, amount in doc.credit_notes_issued:
        out.feed()
        out.columns_line(f"Tilgodelapp {number}", money(amount), bold=True)
        out.line("Gjelder kun varer fra denne selgeren.")
        out.barcode128(number, height=48)
