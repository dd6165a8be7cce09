"""The till close dialog: lists what is still open, takes the blind count by denomination and the
card/Vipps batch totals, and closes the till session through ``pos.services.till_close``.

Standalone (the main window wires it in); the expected amount is never shown before the count.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from pos.errors import DomainError
from pos.model.staff import Operator
from pos.model.till_close import DENOMINATIONS, BlindCount, TillCloseDoc
from pos.money import Ore, format_nok, parse_nok
from pos.services import till_close
from pos.services.context import TillContext
from pos.unit_of_work import UnitOfWorkFactory


class TillCloseDialog(QDialog):
    till_closed = Signal(object)
    """The till session was closed; argument: the ``TillCloseDoc``."""

    def __init__(
        self,
        uow_factory: UnitOfWorkFactory,
        ctx: TillContext,
        approver: Operator | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.uow_factory, self.ctx, self.approver = uow_factory, ctx, approver
        self.result_doc: TillCloseDoc | None = None
        self.setWindowTitle(self.tr("Close the till – {register}").format(register=ctx.register_id))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Still open (stays open after the close):"), self))
        self.pending_list = QListWidget(self)
        layout.addWidget(self.pending_list)
        form = QFormLayout()
        self.spin_boxes: dict[Ore, QSpinBox] = {}
        for value in DENOMINATIONS:
            box = QSpinBox(self)
            box.setRange(0, 100_000)
            box.valueChanged.connect(self._update_total)
            self.spin_boxes[value] = box
            form.addRow(self.tr("{amount} kr").format(amount=value // 100), box)
        self.total_label = QLabel(self)
        form.addRow(self.tr("Counted cash"), self.total_label)
        self.card_edit = QLineEdit(self)
        self.card_edit.setPlaceholderText(self.tr("total from the card terminal"))
        form.addRow(self.tr("Card batch"), self.card_edit)
        self.vipps_edit = QLineEdit(self)
        self.vipps_edit.setPlaceholderText(self.tr("total from Vipps"))
        form.addRow(self.tr("Vipps batch"), self.vipps_edit)
        self.note_edit = QPlainTextEdit(self)
        self.note_edit.setMaximumHeight(60)
        form.addRow(self.tr("Note"), self.note_edit)
        layout.addLayout(form)
        self.error_label = QLabel(self)
        self.error_label.setStyleSheet("color: #b00020")
        self.error_label.setWordWrap(True)
        layout.addWidget(self.error_label)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Close the till"))
        self.buttons.accepted.connect(self.close_till)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._load_pending()
        self._update_total()

    def _load_pending(self) -> None:
        try:
            preview = till_close.close_preview(self.uow_factory, self.ctx.register_id)
        except DomainError as error:
            self.error_label.setText(error.message(self._lang()))
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
            return
        for item in preview.pending:
            self.pending_list.addItem(f"{item.label}  {format_nok(item.amount)} kr")

    def count(self) -> BlindCount:
        return BlindCount({value: box.value() for value, box in self.spin_boxes.items()})

    def _update_total(self) -> None:
        self.total_label.setText(f"{format_nok(self.count().total)} kr")

    def _batch(self, edit: QLineEdit) -> Ore | None:
        text = edit.text().strip()
        return parse_nok(text) if text else None

    def _lang(self) -> str:
        return "nb" if self.tr("Close the till") != "Close the till" else "en"

    def close_till(self) -> None:
        """Close with what was typed; a rule broken shows its message and keeps the dialog."""
        try:
            doc = till_close.close_till(
                self.uow_factory,
                self.ctx,
                self.count(),
                card_batch=self._batch(self.card_edit),
                vipps_batch=self._batch(self.vipps_edit),
                note=self.note_edit.toPlainText(),
                approver=self.approver,
            )
        except DomainError as error:
            self.error_label.setText(error.message(self._lang()))
            return
        self.result_doc = doc
        self.till_closed.emit(doc)
        self.accept()
