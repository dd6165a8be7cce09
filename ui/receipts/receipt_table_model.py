"""The look-up screen's list of receipts: number, time, seller, amount and where its paper
stands (printed, not printed, copy used), from the pre-formatted rows of ``pos``."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor

from pos.model.printing import NextPrint, ReceiptPaper
from pos.model.receipt import ReceiptKind
from pos.services.receipt_lookup import ReceiptRow
from ui.row_table_model import RIGHT, RowTableModel


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


class ReceiptTableModel(RowTableModel[ReceiptRow]):
    NUMBER, WHEN, KIND, SELLER, AMOUNT, PAPER = range(6)

    def __init__(self) -> None:
        super().__init__(
            [
                QCoreApplication.translate("ReceiptTableModel", "Receipt"),
                QCoreApplication.translate("ReceiptTableModel", "Time"),
                QCoreApplication.translate("ReceiptTableModel", "Kind"),
                QCoreApplication.translate("ReceiptTableModel", "Seller"),
                QCoreApplication.translate("ReceiptTableModel", "Amount"),
                QCoreApplication.translate("ReceiptTableModel", "Paper"),
            ]
        )

    def row_of(self, number: str) -> int | None:
        return next((i for i, r in enumerate(self.rows) if r.number == number), None)

    def cell(self, row: ReceiptRow, column: int) -> str:
        return [
            row.number, f"{row.date} {row.time}", kind_text(row.kind), row.tenant_name,
            row.total, paper_text(row),
        ][column]  # fmt: skip

    def style(self, row: ReceiptRow, column: int, role: int) -> object:
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.AMOUNT:
            return RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and row.next_print is NextPrint.ORIGINAL:
            return QColor("#b71c1c")  # never printed: the customer may be waiting for it
        return None
