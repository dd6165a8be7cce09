"""Opening the till: the float (vekselkasse) typed as an amount or counted by denomination.
Enter opens; a person who may not open the till is asked for a manager's approval first."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from pos.errors import DomainError
from pos.model.staff import Operator
from pos.model.till_close import BlindCount
from pos.money import Ore, parse_nok
from pos.services.till_day import TillStatus, opening_float
from ui.approval_flow import with_approval
from ui.common import TOUCH_MIN_PX, error_text, kr
from ui.count_grid import CountGrid
from ui.tasks import TaskRunner
from ui.till_session import TillSession
from ui.window_placement import roomy


class FloatDialog(QDialog):
    till_opened = Signal(int)
    """The till was opened: (the float in øre)."""

    def __init__(
        self,
        session: TillSession,
        tasks: TaskRunner,
        status: TillStatus,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session, self.tasks = session, tasks
        self.setObjectName("floatDialog")
        self.setWindowTitle(self.tr("Open the till"))
        roomy(self, 560, 480)
        intro = QLabel(
            self.tr(
                "The till is closed. Count the float (the change in the drawer) and enter the "
                "amount, or count it by denomination. Enter opens the till."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.amount = QLineEdit(self)
        self.amount.setObjectName("floatAmount")
        self.amount.setMinimumHeight(TOUCH_MIN_PX)
        self.amount.setPlaceholderText(self.tr("e.g. 1500"))
        self.grid = CountGrid(self)
        self.grid.changed.connect(self._counted)
        self.total = QLabel("", self)
        self.error = QLabel("", self)
        self.error.setObjectName("floatError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020; font-weight: bold;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Open the till"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Not now"))
        for button in self.buttons.buttons():
            button.setMinimumHeight(TOUCH_MIN_PX)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Float (kr)"), self.amount)
        self.last_figures = QLabel(self._last_figures(status), self)
        if status.since and status.float_amount:
            form.addRow("", self.last_figures)
        else:  # never opened: no figures, and no stray label over the text at the top
            self.last_figures.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Or count by denomination (pieces):"), self))
        layout.addWidget(self.grid)
        layout.addWidget(self.total)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setTabOrder(self.amount, self.grid.first())
        self.amount.setFocus(Qt.FocusReason.OtherFocusReason)

    def _last_figures(self, status: TillStatus) -> str:
        """What the last close counted, and the float it had opened with, each named: the
        two differ by the day's cash and any cash taken out or put in."""
        said = []
        if status.last_counted is not None:
            counted = self.tr("Counted in the drawer at the last close (%1): %2")
            said.append(counted.replace("%1", status.since).replace("%2", kr(status.last_counted)))
        opened = self.tr("Float when the till was last opened: %1")
        said.append(opened.replace("%1", kr(status.float_amount)))
        return "\n".join(said)

    def _counted(self, total: Ore) -> None:
        """A count decides the float: the amount field shows it and is not typed in."""
        counting = total > 0
        self.amount.setReadOnly(counting)
        if counting:
            self.amount.setText(kr(total))
        elif self.amount.text().endswith("kr"):
            self.amount.clear()
        self.total.setText(self.tr("Counted: %1").replace("%1", kr(total)) if counting else "")

    def _stated(self) -> tuple[Ore | None, BlindCount | None]:
        count = self.grid.count()
        if count.total > 0:
            return None, count
        text = self.amount.text().strip()
        return (parse_nok(text) if text else None), None

    def submit(self) -> None:
        try:
            amount, count = self._stated()
            float_amount = opening_float(amount, count)
        except DomainError as error:
            self._failed(error_text(error))
            return

        def open_it(approver: Operator | None) -> None:
            self.session.open_till(amount, count, approver)
            self.till_opened.emit(float_amount)
            self.accept()

        with_approval(self, self.session, self.tasks, open_it, self._failed)

    def _failed(self, text: str) -> None:
        self.error.setText(text)
        self.amount.setFocus()


def float_opened(session: TillSession, amount: Ore) -> str:
    """What opening the till says: the float, and with no receipt printer that the drawer is
    opened with its key (a printer that does not answer is said when its kick fails)."""
    text = QCoreApplication.translate("FloatDialog", "The till is open. Float %1.")
    text = text.replace("%1", kr(amount))
    if session.output.printer_state().text == "no printer":
        text += " " + QCoreApplication.translate(
            "FloatDialog", "No receipt printer: open the drawer with its key."
        )
    return text
