"""Recording a repair's outcome for the Open Repair Data Standard: fixed, repairable or end of
life, and for end of life the barrier (why it could not be repaired), with the product's year."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from pos.model.ords import Outcome
from pos.services import repair_outcome
from ui.common import error_text
from ui.repairs.desk import RepairDesk


class OutcomeDialog(QDialog):
    def __init__(self, desk: RepairDesk, ticket_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk, self.ticket_id = desk, ticket_id
        self.setWindowTitle(self.tr("Repair outcome"))
        self.outcome = QComboBox(self)
        for outcome, text in (
            (Outcome.FIXED, self.tr("Fixed")),
            (Outcome.REPAIRABLE, self.tr("Repairable (not finished here)")),
            (Outcome.END_OF_LIFE, self.tr("End of life")),
        ):
            self.outcome.addItem(text, outcome.value)
        self.barrier = QComboBox(self)
        self.barrier.addItem(self.tr("(no barrier)"), 0)
        for code, text in (
            (1, self.tr("Spare parts not available")),
            (2, self.tr("Spare parts too expensive")),
            (3, self.tr("No way to open the product")),
            (4, self.tr("Repair information not available")),
            (5, self.tr("Lack of equipment")),
            (6, self.tr("Product too worn out")),
        ):
            self.barrier.addItem(text, code)
        self.year = QSpinBox(self)
        self.year.setRange(0, 2100)
        self.year.setSpecialValueText(self.tr("unknown"))
        self.message = QLabel("", self)
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Outcome"), self.outcome)
        form.addRow(self.tr("Barrier (end of life)"), self.barrier)
        form.addRow(self.tr("Year of manufacture"), self.year)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.outcome.currentIndexChanged.connect(self._outcome_changed)
        self._outcome_changed()

    def _outcome_changed(self) -> None:
        end_of_life = self.outcome.currentData() == Outcome.END_OF_LIFE.value
        self.barrier.setEnabled(end_of_life)
        if not end_of_life:
            self.barrier.setCurrentIndex(0)

    def save(self) -> None:
        try:
            repair_outcome.record_outcome(
                self.desk.uow,
                self.desk.session.context(),
                self.ticket_id,
                str(self.outcome.currentData()),
                barrier=int(self.barrier.currentData()) or None,
                year_of_manufacture=self.year.value() or None,
            )
        except Exception as error:  # noqa: BLE001 - shown, nothing was written
            self.message.setText(error_text(error))
            return
        self.accept()
