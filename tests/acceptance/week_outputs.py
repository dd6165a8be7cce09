"""What the acceptance week reads back, all of it outputs a person or an auditor has: the
documented commands (run at a set time with libfaketime), the printer's ESC/POS bytes, the
label sheet's barcodes, and the SAF-T files."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from pos.clock import OSLO
from tests.faketime import main_at
from tests.printers.escpos_decoder import Page, decode


def local(day: date, hour: int, minute: int = 0) -> datetime:
    """A moment of a business day, in Norwegian time."""
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=OSLO)


def utc_text(moment: datetime) -> str:
    """How libfaketime is told a moment (the programs run with TZ=UTC)."""
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")


def command(
    data: Path, moment: datetime, *args: str, ok: bool = True
) -> subprocess.CompletedProcess[str]:
    """``python main.py --data-dir DATA ARGS`` with the PC's clock at ``moment``: never a
    traceback; exit 0 unless ``ok`` is False."""
    done = main_at(utc_text(moment), data, *args)
    assert "Traceback" not in done.stderr, done.stderr
    if ok:
        assert done.returncode == 0, (args, done.stdout, done.stderr)
    return done


# -- the printer -----------------------------------------------------------------------------
def printed_pages(printer: Path) -> list[Page]:
    """Every page the printer has cut, in the order printed."""
    if not printer.exists():
        return []
    return decode(printer.read_bytes()).printed_pages


def pages_with(printer: Path, *fragments: str) -> list[Page]:
    return [p for p in printed_pages(printer) if all(f in p.text for f in fragments)]


def barcodes_on(page: Page) -> list[str]:
    return [code for _kind, code in page.barcodes]


# -- the label sheet -------------------------------------------------------------------------
def label_sheet_codes(pdf: Path, work: Path) -> list[str]:
    """The barcodes on an A4 label sheet as a scanner reads them off the paper: the PDF
    rendered at 200 dpi (pdftoppm), read with zxing-cpp."""
    import zxingcpp
    from PIL import Image

    prefix = work / pdf.stem
    subprocess.run(["pdftoppm", "-r", "200", "-gray", "-png", str(pdf), str(prefix)], check=True)
    codes: list[str] = []
    for image in sorted(work.glob(f"{pdf.stem}*.png")):
        with Image.open(image) as page:
            codes += [found.text for found in zxingcpp.read_barcodes(page.convert("L"))]
    return codes


@dataclass(frozen=True)
class Money:
    """An amount in øre read from a document ("1 234,50" or SAF-T's "1234.50")."""

    ore: int

    @classmethod
    def of(cls, text: str) -> Money:
        cleaned = text.replace("\xa0", "").replace(" ", "").replace("kr", "").replace(",", ".")
        negative = cleaned.startswith("-")
        whole, _, fraction = cleaned.lstrip("-+").partition(".")
        ore = int(whole or "0") * 100 + int((fraction + "00")[:2])
        return cls(-ore if negative else ore)


# -- SAF-T: the Z reports recomputed from the file's own transactions ------------------------
NS = {"s": "urn:StandardAuditFile-Taxation-CashRegister:NO"}
SALES = ("CASHSAL", "RETURNSAL")
"""Transactions a Z report sums (a deposit taken, DEPOSITIN, is no sale)."""


def ore(element: Any, path: str) -> int:
    return Money.of(element.findtext(path, namespaces=NS) or "0").ore


@dataclass(frozen=True)
class ZFigures:
    """What a Z report says, or what the day's transactions add up to."""

    total: int
    grand_sales: int
    grand_returns: int
    """The grand totals: every sale and return of the register since its first, to this Z."""
    receipts: int
    returns: tuple[int, int]
    art_groups: dict[str, tuple[int, int]]
    payments: dict[tuple[str, str], tuple[int, int]]
    """(payment type, "+" or "-") → (how many, amount): money in and out kept apart."""
    vat: dict[str, tuple[int, int]]
    """VAT code → (base, VAT), codes with an amount only."""
    copies: int
    credit_memos: tuple[int, int]


def z_reports(doc: Any) -> dict[str, tuple[ZFigures, int]]:
    """Each Z report in the file by its business day: its figures and its opening float."""
    found = {}
    for report in doc.iterfind(".//s:event/s:eventReport", NS):
        if report.findtext("s:reportType", namespaces=NS) != "Z report":
            continue
        day = report.findtext("s:reportDate", namespaces=NS)
        assert day not in found, f"two Z reports of {day}"
        found[day] = (_stated(report), ore(report, "s:reportOpeningChangeFloat"))
    return found


def _stated(r: Any) -> ZFigures:
    def rows(path: str, key: str, num: str, amount: str) -> list[tuple[str, int, int]]:
        return [
            (e.findtext(key, namespaces=NS), int(e.findtext(num, namespaces=NS)), ore(e, amount))
            for e in r.iterfind(path, NS)
        ]

    payments = {
        (kind, "-" if amount < 0 else "+"): (num, amount)
        for kind, num, amount in rows(
            "s:reportPayments/s:reportPayment", "s:paymentType", "s:paymentNum", "s:paymentAmnt"
        )
        if num
    }
    groups = {
        group: (num, amount)
        for group, num, amount in rows(
            "s:reportArtGroups/s:reportArtGroup",
            "s:artGroupID",
            "s:artGroupNum",
            "s:artGroupAmnt",
        )  # fmt: skip
        if num or amount  # an empty report's line (INGENSALG) names no sale
    }
    vat = {
        v.findtext("s:vatCode", namespaces=NS): (ore(v, "s:cashSaleAmnt"), ore(v, "s:vatAmnt"))
        for v in r.iterfind("s:reportCashSalesVat/s:reportCashSaleVat", NS)
        if ore(v, "s:cashSaleAmnt") or ore(v, "s:vatAmnt")
    }
    return ZFigures(
        total=ore(r, "s:reportTotalCashSales/s:totalCashSaleAmnt"),
        grand_sales=ore(r, "s:reportGrandTotalSales"),
        grand_returns=ore(r, "s:reportGrandTotalReturn"),
        receipts=int(r.findtext("s:reportReceiptNum", namespaces=NS)),
        returns=(
            int(r.findtext("s:reportReturnNum", namespaces=NS)),
            ore(r, "s:reportReturnAmnt"),
        ),
        art_groups=groups,
        payments=payments,
        vat=vat,
        copies=int(r.findtext("s:reportReceiptCopyNum", namespaces=NS)),
        credit_memos=(
            int(r.findtext("s:reportCreditMemos/s:creditMemosNum", namespaces=NS)),
            ore(r, "s:reportCreditMemos/s:creditMemosAmnt"),
        ),
    )


def recomputed_z(doc: Any, day: str) -> ZFigures:
    """A day's Z figures added up from the file's transactions of that business day alone (the
    grand totals from every day up to it: the file must start at the register's first)."""
    so_far = [
        t
        for t in doc.iterfind(".//s:cashtransaction", NS)
        if t.findtext("s:transType", namespaces=NS) in SALES
        and t.findtext("s:transDate", namespaces=NS) <= day
        and t.findtext("s:trainingID", namespaces=NS) == "false"
    ]
    ever = [ore(t, "s:transAmntIn") for t in so_far]
    sales = [t for t in so_far if t.findtext("s:transDate", namespaces=NS) == day]
    amounts = [ore(t, "s:transAmntIn") for t in sales]
    returns = [a for t, a in zip(sales, amounts, strict=True)
               if t.findtext("s:transType", namespaces=NS) == "RETURNSAL"]  # fmt: skip
    groups: dict[str, tuple[int, int]] = {}
    vat: dict[str, tuple[int, int]] = {}
    payments: dict[tuple[str, str], tuple[int, int]] = {}
    for t in sales:
        for line in t.iterfind("s:ctLine", NS):
            _add(groups, line.findtext("s:artGroupID", namespaces=NS),
                 int(line.findtext("s:qnt", namespaces=NS)), ore(line, "s:lineAmntIn"))  # fmt: skip
        for v in t.iterfind("s:vat", NS):
            _add(vat, v.findtext("s:vatCode", namespaces=NS), ore(v, "s:vatBasAmnt"),
                 ore(v, "s:vatAmnt"))  # fmt: skip
        for p in t.iterfind("s:payment", NS):
            paid = ore(p, "s:paidAmnt")
            _add(payments, (p.findtext("s:paymentType", namespaces=NS), "-" if paid < 0 else "+"),
                 1, paid)  # fmt: skip
    issued = [a for key, (_n, a) in payments.items() if key == ("CREDITNOTE", "-")]
    return ZFigures(
        total=sum(amounts),
        grand_sales=sum(a for a in ever if a > 0),
        grand_returns=-sum(a for a in ever if a < 0),
        receipts=len(sales) - len(returns),
        returns=(len(returns), -sum(returns)),
        art_groups={group: both for group, both in groups.items() if any(both)},
        payments=payments,
        vat={code: both for code, both in vat.items() if any(both)},
        copies=sum(int(t.findtext("s:receiptCopyNum", namespaces=NS)) for t in sales),
        credit_memos=(payments.get(("CREDITNOTE", "-"), (0, 0))[0], -sum(issued)),
    )


def _add(sums: dict[Any, tuple[int, int]], key: Any, first: int, second: int) -> None:
    old = sums.get(key, (0, 0))
    sums[key] = (old[0] + first, old[1] + second)


def sales_days(doc: Any) -> set[str]:
    """The business days the file has sales or returns on."""
    return {
        t.findtext("s:transDate", namespaces=NS)
        for t in doc.iterfind(".//s:cashtransaction", NS)
        if t.findtext("s:transType", namespaces=NS) in SALES
    }


# -- receipts on paper -----------------------------------------------------------------------
RECEIPT_HEADINGS = ("Salgskvittering", "Returkvittering", "Kvittering for depositum")
AMOUNT = r"(-?\d{1,3}(?:[ \xa0]\d{3})*,\d\d)"


@dataclass(frozen=True)
class PrintedReceipt:
    """A receipt as the printer put it on paper, read back from the bytes."""

    heading: str
    number: str
    copy: bool
    org_lines: list[str]
    barcodes: list[str]
    items: list[int]
    rounding: int
    total: int
    paid: list[int]
    text: str


def printed_receipts(printer: Path) -> list[PrintedReceipt]:
    return [_receipt(page) for page in printed_pages(printer)
            if page.lines and page.lines[0].text in RECEIPT_HEADINGS]  # fmt: skip


def _receipt(page: Page) -> PrintedReceipt:
    import re

    lines = [line.text for line in page.lines]
    rules = [i for i, text in enumerate(lines) if set(text) == {"-"}]
    body = lines[rules[1] + 1 : rules[2]]
    ending = re.compile(rf"\s{AMOUNT}$")
    items = [Money.of(m.group(1)).ore for text in body
             if not text.startswith(" ") and (m := ending.search(text))]  # fmt: skip
    total_line = next(t for t in lines if t.startswith("TOTALT"))
    paid_from = next(i for i, t in enumerate(lines) if t.endswith("med:"))
    paid = []
    for text in lines[paid_from + 1 :]:
        if not text.startswith("  "):
            break
        paid.append(Money.of(ending.search(text).group(1)).ore)  # type: ignore[union-attr]
    rounding = next((t for t in lines if t.startswith("Øreavrunding")), None)
    return PrintedReceipt(
        heading=lines[0],
        number=next(t.split()[-1] for t in lines if t.startswith("Kvittering nr.")),
        copy="KOPI" in lines,
        org_lines=[t for t in lines if t.startswith("Org.nr.")],
        barcodes=barcodes_on(page),
        items=items,
        rounding=Money.of(rounding.split()[-1]).ore if rounding else 0,
        total=Money.of(re.search(AMOUNT, total_line).group(1)).ore,  # type: ignore[union-attr]
        paid=paid,
        text=page.text,
    )
