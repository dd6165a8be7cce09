"""PDF renderings of the day-end documents: X/Z reports per tenant, the manager's day end (one
summary page, then all tenants side by side) and numbered tenant settlement statements."""

from __future__ import annotations

from pathlib import Path

from pdf.layout import Sheet
from pos.model.day_end import DayEndDoc, TenantDay
from pos.model.report_lines import ANCHOR_LABEL, report_rows
from pos.model.reports import DrawerReport
from pos.model.restore_losses import at_close
from pos.model.settlement import (
    REASON,
    REVERSAL,
    SettlementDoc,
    SettlementLine,
    registers_text,
)
from pos.money import format_nok

COLUMNS_PER_PAGE = 6


def drawer_report_pdf(
    report: DrawerReport, path: Path, anchor: str = "", copy: bool = False
) -> Path:
    """The report as a PDF; ``anchor`` is the journal anchor printed at its foot; ``copy``: a
    Z printed again, marked KOPI."""
    name = f"{report.heading} {report.report_id}" + (" KOPI" if copy else "")
    sheet = Sheet(path, name, footer=f"{report.company_name} · {name}")
    for row in report_rows(report, copy):
        if row.heading and row.letter == "a":
            sheet.title(f"{row.label} {row.value}".strip(), 22)
        elif row.heading:
            sheet.heading(row.label)
        else:
            sheet.row(row.label, row.value, note=row.letter)
    if anchor:
        sheet.row(ANCHOR_LABEL, anchor, bold=True)
    sheet.save()
    return path


def day_end_pdf(doc: DayEndDoc, path: Path) -> Path:
    title = f"Dagsoppgjør {doc.business_date} – kasse {doc.register_id}"
    sheet = Sheet(path, title, wide=True, footer=f"{doc.centre_name} · {title}")
    _summary(sheet, doc, title)
    for start in range(0, len(doc.tenants), COLUMNS_PER_PAGE):
        sheet.new_page()
        sheet.title(
            f"Leietakere side om side ({start + 1}–"
            f"{min(start + COLUMNS_PER_PAGE, len(doc.tenants))})",
            14,
        )
        _side_by_side(sheet, doc.tenants[start : start + COLUMNS_PER_PAGE])
    sheet.save()
    return path


def _kr(amount: int) -> str:
    return format_nok(amount)


def _summary(sheet: Sheet, doc: DayEndDoc, title: str) -> None:
    sheet.title(title)
    centre = f"{doc.centre_name}. " if doc.centre_name.strip() else ""
    sheet.text(f"{centre}{len(doc.tenants)} leietakere med Z-rapport.")
    sheet.heading("Salg per betalingsmiddel")
    for name, amount in doc.payments_by_kind().values():
        sheet.row(name, _kr(amount))
    _tenders(sheet, doc)
    _batches(sheet, doc)
    sheet.heading("Mva per sats")
    for label, (base, vat) in doc.vat_by_rate().items():
        if base or vat:
            sheet.row(label, f"grunnlag {_kr(base)}   mva {_kr(vat)}")
    _control(sheet, doc)
    sheet.heading("Skyldig hver leietaker (netto)")
    for tenant in doc.tenants:
        sheet.row(tenant.report.company_name, _kr(tenant.net_owed))
        note = _deposit_note(tenant)
        if note:
            sheet.text(f"    {note}")


def _deposit_note(tenant: TenantDay) -> str:
    """What the day's deposits in a tenant's amount owed became: still held, used at pickup
    (deducted from what the customer paid), or paid back."""
    taken, used, held = tenant.deposits_held, tenant.deposits_used, tenant.deposits_still_held
    if taken < 0:
        return f"depositum betalt tilbake {_kr(-taken)}"
    if not taken:
        return ""
    if not used:
        return f"herav depositum holdt {_kr(held)}"
    if held <= 0:
        return f"herav depositum {_kr(taken)}, trukket fra ved henting"
    return f"herav depositum {_kr(taken)}: {_kr(used)} trukket fra ved henting, {_kr(held)} holdt"


def _tenders(sheet: Sheet, doc: DayEndDoc) -> None:
    """Every payment means with the repair deposits it took: what the drawer, the card
    terminal and Vipps saw over the day."""
    totals = doc.tender_totals()
    if not any(t.deposits for t in totals):
        return
    sheet.heading("Betalingsmidler med depositum for reparasjon")
    for total in totals:
        sheet.row(
            total.name,
            f"salg {_kr(total.sales)}   depositum {_kr(total.deposits)}   i alt {_kr(total.total)}",
        )


def _batches(sheet: Sheet, doc: DayEndDoc) -> None:
    """The card terminal and Vipps totals typed at each close, against every tender recorded."""
    checks = [(close, batch) for close in doc.closes for batch in close.batches]
    if not checks:
        return
    sheet.heading("Bankterminal og Vipps mot kassen")
    for close, batch in checks:
        recorded = f"registrert {_kr(batch.recorded)}"
        if batch.deposits:
            recorded += f" (salg {_kr(batch.sales)} + depositum {_kr(batch.deposits)})"
        entered = (
            "ikke oppgitt"
            if batch.entered is None
            else f"oppgitt {_kr(batch.entered)}   avvik {_kr(batch.difference or 0)}"
        )
        sheet.row(
            f"{batch.name}, kasseoppgjør kl. {close.local_time[:5]}",
            f"{recorded}   {entered}",
            bold=bool(batch.difference),
        )


def _control(sheet: Sheet, doc: DayEndDoc) -> None:
    reports = [t.report for t in doc.tenants]
    sheet.heading("Kontroll")
    sheet.row("Netto salg", _kr(sum(r.total_cash_sales for r in reports)), bold=True)
    sheet.row(
        "Returer",
        f"{sum(r.returns.num for r in reports)} stk  {_kr(sum(r.returns.amount for r in reports))}",
    )
    sheet.row("Rabatter", _kr(sum(r.discounts.amount for r in reports)))
    sheet.row("Annullerte salg", f"{sum(r.voids.num for r in reports)} stk")
    sheet.row("Kopikvitteringer", f"{sum(r.copies.num for r in reports)} stk")
    sheet.row("Depositum for reparasjon tatt imot (netto)", _kr(doc.total("deposits_held")))
    if doc.total("deposits_used"):
        sheet.row("    herav trukket fra ved henting", _kr(doc.total("deposits_used")))
        sheet.row("    herav fortsatt holdt", _kr(doc.total("deposits_still_held")))
    sheet.row(
        "Senterets provisjon inkl. mva", _kr(doc.total("commission") + doc.total("commission_vat"))
    )
    sheet.row("Husleie inkl. mva", _kr(doc.total("rent") + doc.total("rent_vat")))
    for close in doc.closes:
        what = "Vaktbytte" if close.shift_change else "Kasseoppgjør"
        who = f" ({close.counted_by})" if close.counted_by else ""
        sheet.row(
            f"{what} kl. {close.local_time[:5]}{who}: forventet {_kr(close.expected)}, "
            f"talt {_kr(close.counted)}",
            f"differanse {_kr(close.variance)}",
            bold=bool(close.variance),
        )
        if close.note:
            sheet.text(f"    Merknad: {close.note}")
        if close.restored_from:
            sheet.text(f"    {at_close(close.restored_from)}")
    if len(doc.closes) > 1:  # hand-overs and the close: what the day's counts add up to
        sheet.row("Kassedifferanse i alt", _kr(doc.variance), bold=bool(doc.variance))


_ROWS = [
    ("Z-nummer", lambda t: str(t.report.z_number or "X")),
    ("Salgskvitteringer", lambda t: str(t.report.sales.num)),
    ("Salg", lambda t: _kr(t.report.sales.amount)),
    ("Returer", lambda t: _kr(-t.report.returns.amount)),
    ("Netto salg", lambda t: _kr(t.report.total_cash_sales)),
    ("Rabatter", lambda t: _kr(t.report.discounts.amount)),
    ("Annullert (stk)", lambda t: str(t.report.voids.num)),
    ("Kopier (stk)", lambda t: str(t.report.copies.num)),
    ("Trening (stk)", lambda t: str(t.report.training.num)),
    ("Provisjon", lambda t: _kr(t.commission)),
    ("Mva provisjon", lambda t: _kr(t.commission_vat)),
    ("Husleie inkl. mva", lambda t: _kr(t.rent + t.rent_vat)),
    ("Depositum tatt imot", lambda t: _kr(t.deposits_held)),
    ("Depositum trukket fra ved henting", lambda t: _kr(t.deposits_used)),
    ("Depositum holdt", lambda t: _kr(t.deposits_still_held)),
    ("Kassedifferanse", lambda t: _kr(t.cash_variance)),
    ("Skyldig leietaker", lambda t: _kr(t.net_owed)),
]


def _side_by_side(sheet: Sheet, tenants: tuple[TenantDay, ...]) -> None:
    header = ["", *(t.report.company_name for t in tenants)]
    names = {p.name: None for t in tenants for p in t.report.payments}  # money in, out apart
    labels = sorted({v.label for t in tenants for v in t.report.vat if v.base or v.vat})
    rows = [[label, *(fn(t) for t in tenants)] for label, fn in _ROWS[:5]]
    rows += [
        [name, *(_kr(sum(p.amount for p in t.report.payments if p.name == name)) for t in tenants)]
        for name in names
    ]
    rows += [
        [
            f"Mva {label}",
            *(_kr(sum(v.vat for v in t.report.vat if v.label == label)) for t in tenants),
        ]
        for label in labels
    ]
    rows += [[label, *(fn(t) for t in tenants)] for label, fn in _ROWS[5:]]
    sheet.table(header, rows, 150)


def _counting(sheet: Sheet, lines: list[SettlementLine]) -> None:
    for line in lines:
        base = f"av {_kr(line.base)}   " if line.base else ""
        sheet.row(line.description, f"{base}{_kr(line.amount)}")


def settlement_pdf(doc: SettlementDoc, path: Path, centre_name: str) -> Path:
    title = f"Oppgjør {doc.number_text}"
    footer = " · ".join(part for part in (centre_name.strip(), title, doc.tenant_name) if part)
    sheet = Sheet(path, title, footer=footer)
    sheet.title(title)
    if centre_name.strip():
        sheet.text(f"Fra {centre_name.strip()}")
    sheet.text(f"Til {doc.tenant_name}, org.nr. {doc.org_no}")
    sheet.text(f"Periode {doc.period_from} – {doc.period_to}. Laget {doc.created_date}.")
    if registers_text(doc):
        sheet.text(f"{registers_text(doc)}.")
    if doc.corrects_number:
        sheet.text(f"Korreksjonsoppgjør: korrigerer {doc.corrects_number}.")
        sheet.text("Det som ble oppgjort der, tilbakeføres, og perioden gjøres opp på nytt;")
        sheet.text("beløpet nederst er differansen.")
    for line in doc.lines:
        if line.kind == REASON:
            sheet.text(line.description)
    sheet.heading("Grunnlag (til orientering)")
    for line in doc.lines:
        if not line.counts and line.kind != REASON:
            sheet.row(line.description, _kr(line.amount))
    reversed_ = [ln for ln in doc.lines if ln.kind.startswith(REVERSAL)]
    if reversed_:
        sheet.heading(f"Tilbakeføring av {doc.corrects_number}")
        _counting(sheet, reversed_)
    sheet.heading("Oppgjør på nytt" if reversed_ else "Oppgjør")
    _counting(sheet, [ln for ln in doc.lines if ln.counts and ln not in reversed_])
    net = doc.net_payable
    label = "Til utbetaling til leietaker" if net >= 0 else "Leietaker skylder senteret"
    if doc.corrects_number:
        label = f"Differanse: {label[0].lower()}{label[1:]}"
    sheet.row(label, _kr(abs(net)), bold=True)
    if doc.bank_account:
        sheet.text(f"Kontonummer: {doc.bank_account}")
    sheet.save()
    return path
