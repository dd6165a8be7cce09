"""A manager approves one action with their own staff number and PIN."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from pos.model.staff import Operator
from ui.common import TOUCH_MIN_PX, error_text
from ui.tasks import TaskRunner
from ui.window_placement import grow_to_fit


class ApprovalDialog(QDialog):
    approved = Signal(object)
    """A manager proved their PIN: (the approving Operator)."""

    def __init__(
        self,
        what: str,
        authenticate: Callable[[str, str], Operator],
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Manager approval"))
        self._authenticate = authenticate
        self._tasks = tasks
        self.staff_no = QLineEdit(self)
        self.pin = QLineEdit(self)
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel(what, self)
        self.message.setWordWrap(True)
        for field in (self.staff_no, self.pin):
            field.setMinimumHeight(TOUCH_MIN_PX)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        for button in buttons.buttons():
            button.setMinimumHeight(TOUCH_MIN_PX)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QFormLayout(self)
        layout.addRow(self.message)
        layout.addRow(self.tr("Manager's staff number"), self.staff_no)
        layout.addRow(self.tr("PIN"), self.pin)
        layout.addRow(buttons)
        self.staff_no.returnPressed.connect(self.pin.setFocus)
        self.pin.returnPressed.connect(self.submit)
        self.staff_no.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter is the fields' own (staff number → PIN → submit): passed on to the dialog,
        it would also press OK and submit the empty PIN, counting a wrong one."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return
        super().keyPressEvent(event)

    def submit(self) -> None:
        staff_no, pin = self.staff_no.text().strip(), self.pin.text()
        self.pin.clear()
        self._tasks.run(lambda: self._authenticate(staff_no, pin), self._done, self._failed)

    def _done(self, operator: Operator) -> None:
        self.accept()
        self.approved.emit(operator)

    def _failed(self, error: Exception) -> None:
        self.message.setText(error_text(error))
        grow_to_fit(self)  # the reason may wrap to more lines: OK and Cancel stay in view
        self.pin.setFocus()
