"""The till close dialog: lists what is still open, takes the blind count by denomination and the
card/Vipps batch totals, and closes the till session through ``pos.services.till_close``.

With ``hand_over`` it is the shift change instead: the same blind count, no batch totals, and the
counted drawer goes to the next session (``till_day.hand_over``), no Z.
Standalone (the main window wires it in); the expected amount is never shown before the count
is saved. A variance saved without a note is shown then, and the dialog stays until the note is
written (``till_close.explain_variance``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
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
from pos.model.restore_losses import at_close
from pos.model.staff import Operator
from pos.model.till_close import BlindCount, TillCloseDoc
from pos.money import Ore, format_nok, parse_nok
from pos.services import till_close
from pos.services.context import TillContext
from pos.unit_of_work import UnitOfWorkFactory
from ui.count_grid import CountGrid

SAVE_KEY = "Ctrl+Return"
"""Saves the variance's note from inside it (and, before that, the count)."""


class TillCloseDialog(QDialog):
    till_closed = Signal(object)
    """The till session was closed; argument: the ``TillCloseDoc``."""

    def __init__(
        self,
        uow_factory: UnitOfWorkFactory,
        ctx: TillContext,
        approver: Operator | None = None,
        parent: QWidget | None = None,
        *,
        hand_over: Callable[[BlindCount, str], TillCloseDoc] | None = None,
    ) -> None:
        super().__init__(parent)
        self.uow_factory, self.ctx, self.approver = uow_factory, ctx, approver
        self.hand_over = hand_over
        self.result_doc: TillCloseDoc | None = None
        self.saved_doc: TillCloseDoc | None = None
        """The close as saved, while its variance waits for a note."""
        title = (
            self.tr("Shift change – count and hand over – {register}")
            if hand_over
            else self.tr("Close the till – {register}")
        )
        self.setWindowTitle(title.format(register=ctx.register_id))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Still open (stays open after the close):"), self))
        self.pending_list = QListWidget(self)
        layout.addWidget(self.pending_list)
        form = QFormLayout()
        self.grid = CountGrid(self)  # the opening float's count, in the same order
        self.grid.changed.connect(lambda _total: self._update_total())
        self.spin_boxes: dict[Ore, QSpinBox] = self.grid.boxes
        form.addRow(self.tr("Count (pieces)"), self.grid)
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
        self.note_edit.setTabChangesFocus(True)  # Tab goes on to the buttons, as everywhere
        form.addRow(self.tr("Note"), self.note_edit)
        layout.addLayout(form)
        self.outcome_label = QLabel(self)  # the figures, once the count is saved
        self.outcome_label.setWordWrap(True)
        self.outcome_label.hide()
        layout.addWidget(self.outcome_label)
        self.error_label = QLabel(self)
        self.error_label.setStyleSheet("color: #b00020")
        self.error_label.setWordWrap(True)
        layout.addWidget(self.error_label)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("Hand over the till") if hand_over else self.tr("Close the till")
        )
        if hand_over:  # the terminals are settled at the day's close, not per shift
            for edit in (self.card_edit, self.vipps_edit):
                edit.hide()
                label = form.labelForField(edit)
                if label is not None:
                    label.hide()
        self.buttons.accepted.connect(self.close_till)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        for keys in (SAVE_KEY, "Ctrl+Enter"):  # Enter alone is a new line in the note
            QShortcut(QKeySequence(keys), self).activated.connect(ok.click)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._load_pending()
        self._update_total()
        # The count is what is typed: it starts there (the list of open things is only read).
        self.pending_list.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.grid.first().setFocus()

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
        return self.grid.count()

    def _update_total(self) -> None:
        self.total_label.setText(f"{format_nok(self.count().total)} kr")

    def _batch(self, edit: QLineEdit) -> Ore | None:
        text = edit.text().strip()
        return parse_nok(text) if text else None

    def _lang(self) -> str:
        return "nb" if self.tr("Close the till") != "Close the till" else "en"

    def close_till(self) -> None:
        """Save the count; a rule broken shows its message and keeps the dialog. A variance
        without a note is shown only now, and the note is asked for."""
        if self.saved_doc is not None:
            self._explain(self.saved_doc)
            return
        try:
            if self.hand_over is not None:
                doc = self.hand_over(self.count(), self.note_edit.toPlainText())
            else:
                doc = self._close()
        except DomainError as error:
            self.error_label.setText(error.message(self._lang()))
            return
        if doc.note_due:
            self._ask_note(doc)
            return
        self._finish(doc)

    def _ask_note(self, doc: TillCloseDoc) -> None:
        self.saved_doc = doc
        self.grid.setEnabled(False)
        for edit in (self.card_edit, self.vipps_edit):
            edit.setEnabled(False)
        self.outcome_label.setText(
            self.tr("The count is saved: expected %1, counted %2, variance %3. Write a note on "
                    "the variance.")
            .replace("%1", format_nok(doc.expected_cash))
            .replace("%2", format_nok(doc.counted_cash))
            .replace("%3", format_nok(doc.variance))
            + (f"\n{at_close(doc.restored_from, self._lang())}" if doc.restored_from else "")
        )  # fmt: skip
        self.outcome_label.show()
        self.error_label.clear()
        label = self.tr("Save the note")
        shown = QKeySequence(SAVE_KEY).toString(QKeySequence.SequenceFormat.NativeText)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(f"{label}\n{shown}")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setEnabled(False)
        self.note_edit.setFocus()

    def _explain(self, doc: TillCloseDoc) -> None:
        try:
            note = till_close.explain_variance(
                self.uow_factory, self.ctx, doc.close_id, self.note_edit.toPlainText()
            )
        except DomainError as error:
            self.error_label.setText(error.message(self._lang()))
            return
        self._finish(replace(doc, note=note))

    def _finish(self, doc: TillCloseDoc) -> None:
        self.saved_doc = None
        self.result_doc = doc
        self.till_closed.emit(doc)
        self.accept()

    def reject(self) -> None:
        """Escape or closing the window: not while a saved variance waits for its note."""
        if self.saved_doc is not None:
            self.error_label.setText(self.tr("Write a note on the variance first."))
            return
        super().reject()

    def _close(self) -> TillCloseDoc:
        return till_close.close_till(
            self.uow_factory,
            self.ctx,
            self.count(),
            card_batch=self._batch(self.card_edit),
            vipps_batch=self._batch(self.vipps_edit),
            note=self.note_edit.toPlainText(),
            approver=self.approver,
        )
