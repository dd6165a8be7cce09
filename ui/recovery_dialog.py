""""Forgot manager PIN?" from the login screen: the recovery code, the manager's staff number and
a new PIN (twice) give that manager the new PIN and lift any lock; the next code is then shown
once, to be written down. The rules are ``pos.services.recovery``'s."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from pos.clock import Clock
from pos.services import recovery
from pos.unit_of_work import UnitOfWorkFactory
from ui.common import TOUCH_MIN_PX, error_text
from ui.tasks import TaskRunner


class RecoveryDialog(QDialog):
    recovered = Signal(str)
    """A manager got a new PIN: (their staff number)."""

    def __init__(
        self,
        uow: UnitOfWorkFactory,
        register_id: str,
        tasks: TaskRunner,
        clock: Clock,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Forgot manager PIN"))
        self.setMinimumWidth(520)
        self._uow, self._register_id, self._tasks, self._clock = uow, register_id, tasks, clock
        self.message = QLabel(
            self.tr(
                "Type the recovery code from the sheet kept for this, the manager's staff number "
                "and a new PIN."
            ),
            self,
        )
        self.message.setWordWrap(True)
        self.code = QLineEdit(self)
        self.code.setPlaceholderText("ABCD-EFGH-JKLM-NPQR-STUV")
        self.staff_no = QLineEdit(self)
        self.pin = QLineEdit(self)
        self.repeat = QLineEdit(self)
        for field in (self.pin, self.repeat):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        for field in (self.code, self.staff_no, self.pin, self.repeat):
            field.setMinimumHeight(TOUCH_MIN_PX)
        self.new_code = QLabel("", self)
        self.new_code.setObjectName("newRecoveryCode")
        self.new_code.setFont(QFont("monospace", 20, QFont.Weight.Bold))
        self.new_code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.new_code.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        for button in self.buttons.buttons():
            button.setMinimumHeight(TOUCH_MIN_PX)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.form = QFormLayout(self)
        self.form.addRow(self.message)
        self.form.addRow(self.tr("Recovery code"), self.code)
        self.form.addRow(self.tr("Manager's staff number"), self.staff_no)
        self.form.addRow(self.tr("New PIN"), self.pin)
        self.form.addRow(self.tr("New PIN again"), self.repeat)
        self.form.addRow(self.new_code)
        self.form.addRow(self.buttons)

    def submit(self) -> None:
        if self.new_code.isVisible():  # the new code was shown: done
            self.accept()
            return
        code, staff_no, pin = self.code.text(), self.staff_no.text().strip(), self.pin.text()
        same = pin == self.repeat.text()
        self.pin.clear()
        self.repeat.clear()
        if not same:
            self.message.setText(self.tr("The two PINs differ. Type the new PIN twice."))
            return
        self._tasks.run(
            lambda: recovery.recover_manager(
                self._uow, code, staff_no, pin, register_id=self._register_id, clock=self._clock
            ),
            self._done,
            self._failed,
        )

    def _done(self, done: recovery.Recovered) -> None:
        self.code.clear()
        for field in (self.code, self.staff_no, self.pin, self.repeat):
            field.setEnabled(False)
        self.message.setText(
            self.tr(
                "%1 has a new PIN and can log in. The code is used up; this is the new one. "
                "Write it down now and keep it safe, away from the till: it is shown only once."
            ).replace("%1", done.name)
        )
        self.new_code.setText(done.new_code)
        self.new_code.show()
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).hide()
        self.recovered.emit(done.staff_no)

    def _failed(self, error: Exception) -> None:
        self.message.setText(error_text(error))
