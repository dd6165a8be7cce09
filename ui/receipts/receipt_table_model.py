"""The look-up screen's list of receipts: number, time, seller, amount and where its paper
stands (printed, not printed, copy used), from the pre-formatted rows of ``pos``."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from pos.model.printing import NextPrint, ReceiptPaper
from pos.model.receipt import ReceiptKind
from pos.services.receipt_lookup import ReceiptRow

Index = QModelIndex | QPersistentModelIndex


def paper_text(row: ReceiptRow) -> str:
    """Where the receipt's paper stands, in the person's language."""
    state = {
        ReceiptPaper.NONE: QCoreApplication.translate("ReceiptTableModel", "NOT printed"),
        ReceiptPaper.QUEUED: QCoreApplication.translate("ReceiptTableModel", "printing now"),
        ReceiptPaper.PRINTED: QCoreApplication.translate("ReceiptTableModel", "printed"),
        ReceiptPaper.UNCERTAIN: QCoreApplication.translate(
            "ReceiptTableModel", "may be partly printed"
        ),
    }[row.paper]
    if not row.has_copy:
        return state
    copy = {
        ReceiptPaper.NONE: QCoreApplication.translate("ReceiptTableModel", "copy NOT printed"),
        ReceiptPaper.QUEUED: QCoreApplication.translate("ReceiptTableModel", "copy printing now"),
        ReceiptPaper.UNCERTAIN: QCoreApplication.translate("ReceiptTableModel", "copy cut off"),
    }.get(row.copy_paper or ReceiptPaper.PRINTED)
    return state + ", " + (copy or QCoreApplication.translate("ReceiptTableModel", "copy printed"))


def kind_text(kind: ReceiptKind) -> str:
    return {
        ReceiptKind.SALE: QCoreApplication.translate("ReceiptTableModel", "Sale"),
        ReceiptKind.RETURN: QCoreApplication.translate("ReceiptTableModel", "Return"),
        ReceiptKind.TRAINING: QCoreApplication.translate("ReceiptTableModel", "Training"),
        ReceiptKind.DEPOSIT: QCoreApplication.translate("ReceiptTableModel", "Deposit"),
    }.get(kind, kind.value)


class ReceiptTableModel(QAbstractTableModel):
    NUMBER, WHEN, KIND, SELLER, AMOUNT, PAPER = range(6)

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[ReceiptRow] = []
        self._headers = [
            QCoreApplication.translate("ReceiptTableModel", "Receipt"),
            QCoreApplication.translate("ReceiptTableModel", "Time"),
            QCoreApplication.translate("ReceiptTableModel", "Kind"),
            QCoreApplication.translate("ReceiptTableModel", "Seller"),
            QCoreApplication.translate("ReceiptTableModel", "Amount"),
            QCoreApplication.translate("ReceiptTableModel", "Paper"),
        ]

    def set_rows(self, rows: list[ReceiptRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_of(self, number: str) -> int | None:
        return next((i for i, r in enumerate(self.rows) if r.number == number), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> str | None:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return [
                row.number, f"{row.date} {row.time}", kind_text(row.kind), row.tenant_name,
                row.total, paper_text(row),
            ][index.column()]  # fmt: skip
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == self.AMOUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and row.next_print is NextPrint.ORIGINAL:
            return QColor("#b71c1c")  # never printed: the customer may be waiting for it
        return None
