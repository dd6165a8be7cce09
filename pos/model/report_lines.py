"""An X/Z report laid out as printable rows (heading, label, value) in the order of § 2-8-2, with
Norwegian wording: one layout shared by PDF and the receipt printer."""

from __future__ import annotations

from dataclasses import dataclass

from pos.model.documents import SlipDoc
from pos.model.registers import register_label
from pos.model.reports import CountAmount, DrawerReport
from pos.money import Ore, format_nok


@dataclass(frozen=True)
class ReportRow:
    label: str
    value: str = ""
    letter: str = ""
    """The letter of § 2-8-2 (1) the row carries ('' for explanations)."""
    heading: bool = False


def _kr(amount: Ore) -> str:
    return format_nok(amount)


def _ca(value: CountAmount) -> str:
    return f"{value.num} stk  {_kr(value.amount)}"


def report_rows(r: DrawerReport, copy: bool = False) -> list[ReportRow]:
    """The report's rows; a ``copy`` (a Z printed again) says KOPI in its heading."""
    heading = f"{r.heading} – KOPI" if copy else r.heading
    rows = [
        ReportRow(heading, f"nr. {r.z_number}" if r.z_number else "", "a", heading=True),
        ReportRow(r.company_name, "", "b"),
        ReportRow(r.org_line, "", "b"),
        ReportRow("Dato og tid", f"{r.report_date} {r.report_time}", "c"),
        ReportRow("Salgsdag", r.business_date),
        ReportRow("Kassepunkt", register_label(r.register_id, r.register_name), "d"),
        ReportRow("Totalt kontantsalg (netto)", _kr(r.total_cash_sales), "e"),
        ReportRow("Varegrupper", "", "f", heading=True),
    ]
    rows += [
        ReportRow(f"{g.name} ({g.code})", f"{g.num} stk  {_kr(g.amount)}", "f")
        for g in r.art_groups
    ]
    rows.append(ReportRow("Betalingsmidler", "", "g", heading=True))
    rows += [ReportRow(p.name, f"{p.num} stk  {_kr(p.amount)}", "g") for p in r.payments]
    if r.rounding:
        rows.append(ReportRow("herav øreavrunding", _kr(r.rounding), "g"))
    rows.append(ReportRow("Per operatør", "", "h", heading=True))
    rows += [
        ReportRow(
            f"{e.staff_no} {e.staff_name}: {e.name or e.code}", f"{e.num} stk  {_kr(e.amount)}", "h"
        )
        for e in r.emp_payments
    ]
    rows.append(ReportRow("Mva per sats", "", "j", heading=True))
    rows += [
        ReportRow(v.label, f"grunnlag {_kr(v.base)}  mva {_kr(v.vat)}", "j")
        for v in r.vat
        if v.base or v.vat
    ]
    rows += [
        ReportRow("Avgiftspliktig salg", _kr(r.taxable_sales), "j"),
        ReportRow("Avgiftsfritt / utenfor", _kr(r.exempt_sales), "j"),
        ReportRow("Vekselkasse", _kr(r.opening_float), "k"),
        ReportRow("Antall salgskvitteringer", str(r.sales.num), "l"),
        ReportRow("Skuffeåpninger uten salg", str(r.no_sale_openings), "m"),
        ReportRow("Kopikvitteringer", _ca(r.copies), "n"),
        ReportRow("Foreløpige kvitteringer", _ca(r.provisional), "o"),
        ReportRow("Returer", _ca(r.returns), "p"),
        ReportRow("Rabatter", _ca(r.discounts), "q"),
        ReportRow("Annullerte salg", _ca(r.voids), "r"),
    ]
    corrections = sum(c.num for c in r.line_corrections), sum(c.amount for c in r.line_corrections)
    rows.append(ReportRow("Linjekorrigeringer", _ca(CountAmount(*corrections)), "s"))
    lookups = sum(p.num for p in r.price_inquiries), sum(p.amount for p in r.price_inquiries)
    rows.append(ReportRow("Prisforespørsler", _ca(CountAmount(*lookups)), "t"))
    others = sum(o.num for o in r.other_corrections), sum(o.amount for o in r.other_corrections)
    rows += [
        ReportRow("Andre korrigeringer", _ca(CountAmount(*others)), "u"),
        ReportRow("Utleveringskvitteringer", _ca(r.deliveries), "v"),
        ReportRow("Treningskvitteringer", _ca(r.training), "w"),
        ReportRow("Grand total salg", _kr(r.grand_total_sales), "x"),
        ReportRow("Grand total retur", _kr(r.grand_total_returns), "y"),
        ReportRow("Grand total netto", _kr(r.grand_total_net), "z"),
        ReportRow("Kredittsalg", _ca(r.credit_sales), "2"),
        ReportRow("Tilgodelapper utstedt", _ca(r.credit_memos), "2"),
    ]
    rows += [
        ReportRow(f"Innskudd: {p.name}", f"{p.num} stk  {_kr(p.amount)}", "2") for p in r.pay_ins
    ]
    rows += [
        ReportRow(f"Uttak: {p.name}", f"{p.num} stk  {_kr(p.amount)}", "2") for p in r.pay_outs
    ]
    if r.parked.num:
        rows.append(ReportRow("Parkerte kurver", _ca(r.parked)))
    if not r.drawer_owner:
        rows.append(ReportRow("Kassaskuffen eies av senteret: veksel og skuffeåpninger der."))
    return rows


ANCHOR_LABEL = "Journalanker"


def report_slip(r: DrawerReport, anchor: str = "", copy: bool = False) -> SlipDoc:
    """The report for the receipt printer: the same rows as the PDF, headings as sections, and
    the journal anchor at the foot (the journal's head as the report left it, to be typed into
    ``verify-journal --anchor`` later); a copy (a Z printed again) carries the large marking
    KOPI as a receipt's copy does."""
    rows = report_rows(r, copy)
    foot = ((ANCHOR_LABEL, anchor),) if anchor else ()
    return SlipDoc(
        title=rows[0].label,
        subtitle=rows[0].value,
        marking="KOPI" if copy else "",
        rows=tuple(
            ("", row.label) if row.heading else (_lettered(row), row.value) for row in rows[1:]
        )
        + foot,
        barcode=r.report_id.upper()[:24] if r.z_number else "",
        footer="Skrevet ut fra Omigjen kasse",
    )


def _lettered(row: ReportRow) -> str:
    return f"{row.letter}) {row.label}" if row.letter else row.label
