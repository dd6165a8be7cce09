"""The CSV import preview as a table: every line of the file, good rows with what will be made
and broken rows with what is wrong with them (red), in file order."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from pos.money import format_nok
from pos.services.item_import import ImportPreview

_Index = QModelIndex | QPersistentModelIndex
ERROR_COLOUR = QColor("#ffd6d6")


class ImportPreviewModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self._rows: list[tuple[int, bool, tuple[str, ...]]] = []
        self._headers = [
            QCoreApplication.translate("ImportPreviewModel", "Line"),
            QCoreApplication.translate("ImportPreviewModel", "Item or error"),
            QCoreApplication.translate("ImportPreviewModel", "Price"),
            QCoreApplication.translate("ImportPreviewModel", "VAT"),
            QCoreApplication.translate("ImportPreviewModel", "Group"),
            QCoreApplication.translate("ImportPreviewModel", "Condition"),
            QCoreApplication.translate("ImportPreviewModel", "Code"),
        ]

    def show(self, preview: ImportPreview | None, lang: str) -> None:
        self.beginResetModel()
        self._rows = []
        if preview is not None:
            for row in preview.rows:
                price = format_nok(row.price) if row.price is not None else "…"
                group = row.group
                if row.category and preview.groups.match(row.category) != row.group:
                    group = f"{row.group} («{row.category}»)"  # mapped: the file's word too
                cells = (row.description, price, row.vat_class.key, group, row.condition)
                self._rows.append((row.line, True, (*cells, row.barcode or "")))
            for error in preview.errors:
                text = error.message(lang).split(": ", 1)[-1]
                self._rows.append((error.line, False, (text, "", "", "", "", "")))
            self._rows.sort(key=lambda r: (r[0], r[1]))
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._headers)

    def headerData(  # noqa: N802 - Qt override
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        line, ok, cells = self._rows[index.row()]
        if role == Qt.ItemDataRole.BackgroundRole and not ok:
            return ERROR_COLOUR
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return str(line) if index.column() == 0 else cells[index.column() - 1]

    def is_error(self, row: int) -> bool:
        return not self._rows[row][1]
