"""A small reportlab canvas writer for report PDFs: lines of label and right-aligned value,
headings, simple tables, page breaks and page numbers. Direct canvas drawing keeps twenty
Z-report PDFs well inside a second."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas

FONT, BOLD = "Helvetica", "Helvetica-Bold"
TABLE_SIZE, TABLE_LEADING = 7.5, 9


class Sheet:
    def __init__(self, path: Path, title: str, *, wide: bool = False, footer: str = "") -> None:
        self.size = landscape(A4) if wide else A4
        self.canvas = Canvas(str(path), pagesize=self.size)
        self.canvas.setTitle(title)
        self.canvas.setAuthor("Omigjen POS")
        self.margin = 18 * mm
        self.footer = footer
        self.page = 1
        self.y = self.size[1] - self.margin

    @property
    def width(self) -> float:
        return self.size[0] - 2 * self.margin

    def _room(self, needed: float) -> None:
        if self.y - needed < self.margin + 8 * mm:
            self.new_page()

    def new_page(self) -> None:
        self._footer()
        self.canvas.showPage()
        self.page += 1
        self.y = self.size[1] - self.margin

    def _footer(self) -> None:
        self.canvas.setFont(FONT, 7)
        self.canvas.drawString(self.margin, self.margin - 2 * mm, self.footer)
        self.canvas.drawRightString(
            self.size[0] - self.margin, self.margin - 2 * mm, f"Side {self.page}"
        )

    def title(self, text: str, size: int = 18) -> None:
        self._room(size + 6)
        self.canvas.setFont(BOLD, size)
        self.canvas.drawString(self.margin, self.y - size, text)
        self.y -= size + 8

    def heading(self, text: str) -> None:
        self._room(24)
        self.y -= 4
        self.canvas.setFont(BOLD, 10)
        self.canvas.drawString(self.margin, self.y - 10, text)
        self.canvas.line(self.margin, self.y - 13, self.margin + self.width, self.y - 13)
        self.y -= 17

    def row(self, label: str, value: str = "", *, bold: bool = False, note: str = "") -> None:
        self._room(13)
        self.canvas.setFont(BOLD if bold else FONT, 9)
        if note:
            self.canvas.setFont(FONT, 7)
            self.canvas.drawString(self.margin, self.y - 9, note)
            self.canvas.setFont(BOLD if bold else FONT, 9)
        self.canvas.drawString(self.margin + 10 * mm, self.y - 9, label[:90])
        self.canvas.drawRightString(self.margin + self.width, self.y - 9, value)
        self.y -= 12

    def text(self, text: str, size: int = 9) -> None:
        self._room(size + 4)
        self.canvas.setFont(FONT, size)
        self.canvas.drawString(self.margin, self.y - size, text[:140])
        self.y -= size + 3

    def table(self, header: Sequence[str], rows: Sequence[Sequence[str]], first: float) -> None:
        """Columns: the first ``first`` points wide, the rest share the width, right-aligned.
        A text wider than its column wraps onto more lines; nothing is cut off (a tenant's
        whole name heads its column)."""
        others = (self.width - first) / max(len(header) - 1, 1)
        widths = [first - 4, *([others - 4] * (len(header) - 1))]
        for index, cells in enumerate([header, *rows]):
            font = BOLD if index == 0 else FONT
            lines = [
                simpleSplit(str(cell), font, TABLE_SIZE, w) or [""]
                for cell, w in zip(cells, widths, strict=True)
            ]
            height = TABLE_LEADING * max(len(cell) for cell in lines) + 2
            self._room(height)
            self.canvas.setFont(font, TABLE_SIZE)
            for n, cell in enumerate(lines):
                for k, line in enumerate(cell):
                    baseline = self.y - 8 - k * TABLE_LEADING
                    if n == 0:
                        self.canvas.drawString(self.margin, baseline, line)
                    else:
                        right = self.margin + first + n * others
                        self.canvas.drawRightString(right - 2, baseline, line)
            if index == 0:
                rule = self.y - height + 0.5
                self.canvas.line(self.margin, rule, self.margin + self.width, rule)
            self.y -= height

    def save(self) -> None:
        self._footer()
        self.canvas.save()
