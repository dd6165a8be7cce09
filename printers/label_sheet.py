"""Item labels as an A4 PDF (3 × 8 labels of 70 × 37 mm, reportlab) for tenants without a label
printer: seller, description, price and a scannable EAN-13 (or CODE128) with its digits."""

from __future__ import annotations

import io
from collections.abc import Sequence

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode import createBarcodeDrawing
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from pos.identifiers import is_valid_gtin
from pos.model.documents import ItemLabelDoc
from printers.price_tag import price_text
from printers.text import printable

COLUMNS, ROWS = 3, 8
LABEL_W, LABEL_H = 70 * mm, 37.125 * mm
PADDING = 3 * mm
CODEC = "cp1252"
"""reportlab's built-in Helvetica uses WinAnsi (CP1252): æøå and – fit, emoji do not."""


def render_label_sheet(labels: Sequence[ItemLabelDoc], *, title: str = "Etiketter") -> bytes:
    """A PDF with 24 labels per A4 page, in the order given; empty positions stay blank."""
    buffer = io.BytesIO()
    pdf = Canvas(buffer, pagesize=A4, pageCompression=1)
    pdf.setTitle(title)
    pdf.setAuthor("Omigjen POS")
    per_page = COLUMNS * ROWS
    for start in range(0, max(len(labels), 1), per_page):
        for index, label in enumerate(labels[start : start + per_page]):
            row, column = divmod(index, COLUMNS)
            x = column * LABEL_W
            y = A4[1] - (row + 1) * LABEL_H
            _draw_label(pdf, label, x, y)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def _draw_label(pdf: Canvas, label: ItemLabelDoc, x: float, y: float) -> None:
    left, top, width = x + PADDING, y + LABEL_H - PADDING, LABEL_W - 2 * PADDING
    pdf.setFont("Helvetica", 7)
    pdf.drawString(left, top - 7, _fit(label.tenant_name, "Helvetica", 7, width))
    pdf.setFont("Helvetica-Bold", 9)
    for number, text in enumerate(_two_lines(label.description, width)):
        pdf.drawString(left, top - 17 - 10 * number, text)
    price = printable(price_text(label), CODEC)
    size = 14 if label.price is not None else 7
    pdf.setFont("Helvetica-Bold", size)
    pdf.drawRightString(x + LABEL_W - PADDING, top - 17, price)
    if label.vat_note:
        pdf.setFont("Helvetica", 6)
        pdf.drawRightString(x + LABEL_W - PADDING, top - 24, label.vat_note)
    _draw_barcode(pdf, label.barcode, left, y + PADDING, width)


def _draw_barcode(pdf: Canvas, code: str, left: float, bottom: float, width: float) -> None:
    if len(code) == 13 and is_valid_gtin(code):
        drawing = createBarcodeDrawing(
            "EAN13", value=code[:12], barHeight=12 * mm, barWidth=0.33 * mm, humanReadable=True
        )
    else:
        drawing = createBarcodeDrawing(
            "Code128", value=code, barHeight=11 * mm, barWidth=0.3 * mm, humanReadable=True
        )
    offset = max(0.0, (width - drawing.width) / 2)
    renderPDF.draw(drawing, pdf, left + offset, bottom)


def _fit(text: str, font: str, size: float, width: float) -> str:
    text = printable(text, CODEC).replace("\n", " ")
    while text and stringWidth(text, font, size) > width:
        text = text[:-1]
    return text


def _two_lines(text: str, width: float) -> list[str]:
    """The description on at most two lines beside the price (the second cut if need be)."""
    room = width - 26 * mm
    words = printable(text, CODEC).replace("\n", " ").split()
    lines: list[str] = [""]
    for word in words:
        candidate = f"{lines[-1]} {word}".strip()
        if stringWidth(candidate, "Helvetica-Bold", 9) <= room or not lines[-1]:
            lines[-1] = candidate
        elif len(lines) == 2:
            break
        else:
            lines.append(word)
    return [_fit(line, "Helvetica-Bold", 9, room) for line in lines]
