"""The CSV import preview as a table: every line of the file, good rows with what will be made
and broken rows with what is wrong with them (red), in file order."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor

from pos.money import format_nok
from pos.services.item_import import ImportPreview
from ui.row_table_model import RowTableModel

PreviewRow = tuple[int, bool, tuple[str, ...]]
"""(line in the file, good, cells after the line number)."""
ERROR_COLOUR = QColor("#ffd6d6")


class ImportPreviewModel(RowTableModel[PreviewRow]):
    def __init__(self) -> None:
        super().__init__(
            [
                QCoreApplication.translate("ImportPreviewModel", "Line"),
                QCoreApplication.translate("ImportPreviewModel", "Item or error"),
                QCoreApplication.translate("ImportPreviewModel", "Price"),
                QCoreApplication.translate("ImportPreviewModel", "VAT"),
                QCoreApplication.translate("ImportPreviewModel", "Group"),
                QCoreApplication.translate("ImportPreviewModel", "Condition"),
                QCoreApplication.translate("ImportPreviewModel", "Code"),
            ]
        )

    def show(self, preview: ImportPreview | None, lang: str) -> None:
        rows: list[PreviewRow] = []
        if preview is not None:
            for row in preview.rows:
                price = format_nok(row.price) if row.price is not None else "…"
                group = row.group
                if row.category and preview.groups.match(row.category) != row.group:
                    group = f"{row.group} («{row.category}»)"  # mapped: the file's word too
                cells = (row.description, price, row.vat_class.key, group, row.condition)
                rows.append((row.line, True, (*cells, row.barcode or "")))
            for error in preview.errors:
                text = error.message(lang).split(": ", 1)[-1]
                rows.append((error.line, False, (text, "", "", "", "", "")))
            rows.sort(key=lambda r: (r[0], r[1]))
        self.set_rows(rows)

    def cell(self, row: PreviewRow, column: int) -> str:
        line, _, cells = row
        return str(line) if column == 0 else cells[column - 1]

    def style(self, row: PreviewRow, column: int, role: int) -> object:
        return ERROR_COLOUR if role == Qt.ItemDataRole.BackgroundRole and not row[1] else None

    def is_error(self, row: int) -> bool:
        return not self.rows[row][1]
