"""Rendering speed: a 30-line, 3-tenant receipt job to ESC/POS bytes against a bare python-escpos
Dummy text print of the same lines; a 24-label A4 PDF against an empty one-page reportlab PDF."""

from __future__ import annotations

import io
import time
from collections.abc import Callable

from escpos.printer import Dummy
from reportlab.pdfgen.canvas import Canvas

from bench import Figure, median
from pos.identifiers import make_in_store_ean13
from pos.model.documents import ItemLabelDoc
from pos.model.receipt import PaymentDoc, ReceiptDoc, ReceiptKind, ReceiptLineDoc
from pos.vat import VatClass, VatSummary
from printers.label_sheet import render_label_sheet
from printers.layout import LAYOUT_80MM
from printers.receipt import render_receipts

RUNS, PDF_RUNS = 300, 30


def receipts() -> list[ReceiptDoc]:
    docs = []
    for tenant in range(3):
        lines = tuple(
            ReceiptLineDoc(f"Brukt vare nr. {n} – blåbærfarget", 1, 14900, 0, "", 14900, 25)
            for n in range(10)
        )
        docs.append(
            ReceiptDoc(
                receipt_id=f"r{tenant}",
                kind=ReceiptKind.SALE,
                heading="Salgskvittering",
                marking="",
                number=f"1{tenant}-K1-000123",
                tenant_name=f"Leietaker {tenant} Ærlig Øko AS",
                org_line="Org.nr. 921 100 221 MVA",
                header_text="Knud Askers vei 1, 1383 Asker",
                footer_text="Takk for handelen!",
                register_id="K1",
                register_name="Kasse 1",
                cashier="Kari Kasserer",
                date="2026-03-02",
                time="10:15:00",
                lines=lines,
                vat=(VatSummary(VatClass.HIGH, 149000, 29800),),
                total=149000,
                rounding=0,
                payments=(PaymentDoc("Bankkort", 149000, "T123456"),),
            )
        )
    return docs


def bare_dummy(docs: list[ReceiptDoc]) -> bytes:
    printer = Dummy(profile="TM-T20II")
    for doc in docs:
        for line in doc.lines:
            printer.text(f"{line.description} {line.amount}\n")
    return bytes(printer.output)


def empty_pdf() -> bytes:
    buffer = io.BytesIO()
    pdf = Canvas(buffer)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def timed(work: Callable[[], object], runs: int) -> list[float]:
    samples = []
    for _ in range(runs):
        began = time.perf_counter()
        work()
        samples.append((time.perf_counter() - began) * 1000)
    return samples


def run() -> list[Figure]:
    docs = receipts()
    labels = [
        ItemLabelDoc(
            "Bua Brukte Klær AS", f"Ullkåpe nr. {n}, str. M", 64900, make_in_store_ean13("11", n)
        )
        for n in range(24)
    ]
    render_receipts(docs, LAYOUT_80MM), render_label_sheet(labels), empty_pdf()  # warm up
    bare = median(timed(lambda: bare_dummy(docs), RUNS))
    receipt = median(timed(lambda: render_receipts(docs, LAYOUT_80MM), RUNS))
    empty = median(timed(empty_pdf, PDF_RUNS))
    sheet = median(timed(lambda: render_label_sheet(labels), PDF_RUNS))
    return [
        Figure("bare Dummy text of the 30 lines, median", bare, "ms"),
        Figure(
            "30-line 3-tenant receipt job, median", receipt, "ms", "<= 5 ms", receipt <= 5, bare
        ),
        Figure("empty one-page reportlab PDF, median", empty, "ms"),
        Figure("24-label A4 sheet PDF, median", sheet, "ms", "<= 300 ms", sheet <= 300, empty),
    ]
