"""A manager confirms the real time when the PC's clock is behind the legal record (or was
changed since the last confirmation): date and time, their staff number and PIN."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDateTime, QTimeZone, Signal
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
        earliest: datetime | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Confirm the right time"))
        self._session, self._tasks = session, tasks
        self.message = QLabel(problem, self)
        self.message.setWordWrap(True)
        self.when = QDateTimeEdit(self)
        self.when.setDisplayFormat("dd.MM.yyyy HH:mm")
        self.when.setCalendarPopup(True)
        zone = QTimeZone(b"Europe/Oslo")
        self.when.setTimeZone(zone)
        if earliest is not None:
            start = earliest.astimezone(OSLO)
            self.when.setDateTime(QDateTime.fromSecsSinceEpoch(int(start.timestamp()), zone))
        self.staff_no = QLineEdit(self)
        self.pin = QLineEdit(self)
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        for field in (self.when, self.staff_no, self.pin):
            field.setMinimumHeight(TOUCH_MIN_PX)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
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

    def chosen(self) -> datetime:
        seconds = self.when.dateTime().toSecsSinceEpoch()
        return datetime.fromtimestamp(seconds, OSLO)

    def submit(self) -> None:
        staff_no, pin, real_now = self.staff_no.text().strip(), self.pin.text(), self.chosen()
        self.pin.clear()
        self._tasks.run(
            lambda: self._session.confirm_time(staff_no, pin, real_now), self._done, self._failed
        )

    def _done(self, offset: int | None) -> None:
        self.accept()
        self.time_confirmed.emit(offset)

    def _failed(self, error: Exception) -> None:
        self.message.setText(error_text(error))
        self.pin.setFocus()
