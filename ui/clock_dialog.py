"""A manager confirms the real time when the PC's clock is behind the legal record (or was
changed since the last confirmation): date and time, their staff number and PIN."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDateTime, Qt, QTimeZone, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from pos.clock import OSLO
from ui.common import TOUCH_MIN_PX, error_text
from ui.tasks import TaskRunner
from ui.till_session import TillSession


class ClockDialog(QDialog):
    time_confirmed = Signal(object)
    """The time was confirmed and journaled: (offset in seconds, or None when none is kept)."""

    def __init__(
        self,
        session: TillSession,
        tasks: TaskRunner,
        problem: str,
        suggested: datetime | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Confirm the right time"))
        self._session, self._tasks = session, tasks
        self.message = QLabel(problem, self)
        self.message.setWordWrap(True)
        self.message.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)
        self.when = QDateTimeEdit(self)
        self.when.setDisplayFormat("dd.MM.yyyy HH:mm")
        self.when.setCalendarPopup(True)
        zone = QTimeZone(b"Europe/Oslo")
        self.when.setTimeZone(zone)
        if suggested is not None:
            start = suggested.astimezone(OSLO)
            self.when.setDateTime(QDateTime.fromSecsSinceEpoch(int(start.timestamp()), zone))
        self.staff_no = QLineEdit(self)
        self.pin = QLineEdit(self)
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        for field in (self.when, self.staff_no, self.pin):
            field.setMinimumHeight(TOUCH_MIN_PX)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self._busy = False
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QFormLayout(self)
        layout.addRow(self.message)
        layout.addRow(self.tr("The right date and time now"), self.when)
        layout.addRow(self.tr("Manager's staff number"), self.staff_no)
        layout.addRow(self.tr("PIN"), self.pin)
        layout.addRow(buttons)
        self.staff_no.returnPressed.connect(self.pin.setFocus)
        self.pin.returnPressed.connect(self.submit)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter is the fields' own (time → staff number → PIN → submit): passed on to the
        dialog it would also press OK, a second submit with the PIN already cleared."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.when.hasFocus():
                self.staff_no.setFocus()
            return
        super().keyPressEvent(event)

    def chosen(self) -> datetime:
        seconds = self.when.dateTime().toSecsSinceEpoch()
        return datetime.fromtimestamp(seconds, OSLO)

    def submit(self) -> None:
        if self._busy:
            return
        self._busy = True
        staff_no, pin, real_now = self.staff_no.text().strip(), self.pin.text(), self.chosen()
        self.pin.clear()
        self._tasks.run(
            lambda: self._session.confirm_time(staff_no, pin, real_now), self._done, self._failed
        )

    def _done(self, offset: int | None) -> None:
        self._busy = False
        self.accept()
        self.time_confirmed.emit(offset)

    def _failed(self, error: Exception) -> None:
        self._busy = False
        self.message.setText(error_text(error))
        self.adjustSize()  # the whole reason, not cut off at the dialog's edge
        self.pin.setFocus()
