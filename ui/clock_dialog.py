"""A manager puts the counter's time right: date and time, their staff number and PIN.

When the PC's clock is before the last record the counter cannot know which of two things
happened, so the manager says: the PC's clock is slow now (confirm the real time, a minute
after the last record at the earliest), or it was fast when the last records were made and is
right now (declare them stamped ahead; the real time offered is the PC's own)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDateTime, Qt, QTimeZone, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QWidget,
)

from pos.clock import OSLO
from pos.model.legal_time import shown
from ui.common import TOUCH_MIN_PX, error_text
from ui.tab_order import tab_leaves
from ui.tasks import TaskRunner
from ui.till_session import TillSession

ZONE = QTimeZone(b"Europe/Oslo")


class FieldDateTimeEdit(QDateTimeEdit):
    """Tab and Shift+Tab go to the next and previous field, as in every other field
    (``tab_leaves``); the date's parts are reached with the arrow keys or by typing the date
    with its separators, which Qt moves through section by section."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        tab_leaves(self)

    def set_moment(self, moment: datetime) -> None:
        start = moment.astimezone(OSLO)
        self.setDateTime(QDateTime.fromSecsSinceEpoch(int(start.timestamp()), ZONE))


class ClockDialog(QDialog):
    time_confirmed = Signal(object)
    """The time was confirmed or the records declared ahead, journaled: (offset in seconds kept
    because the PC's clock is still wrong, or None)."""

    def __init__(
        self,
        session: TillSession,
        tasks: TaskRunner,
        problem: str,
        suggested: datetime | None,
        parent: QWidget | None = None,
        *,
        pc_time: datetime | None = None,
        last_record: datetime | None = None,
        server_says: str | None = None,
    ) -> None:
        """``pc_time`` and ``last_record`` given (the PC's clock is before the last record):
        the manager first says what happened; what the central server's clock says of the PC's
        (``right`` or ``slow``) chooses for them, to be changed if they know better."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Confirm the right time"))
        self._session, self._tasks = session, tasks
        self._suggested, self._pc_time = suggested, pc_time
        self.declared = False
        """The last submit declared the records stamped ahead (not a plain confirmation)."""
        self.message = QLabel(problem, self)
        self.message.setWordWrap(True)
        self.message.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)
        self.slow = QRadioButton(
            self.tr("The PC's clock is slow now: confirm the right time"), self
        )
        self.fast = QRadioButton(
            self.tr(
                "The PC's clock was fast when the last records were made and is right now: "
                "declare them stamped ahead"
            ),
            self,
        )
        self.choice = QButtonGroup(self)
        for button in (self.slow, self.fast):
            self.choice.addButton(button)
            button.setMinimumHeight(TOUCH_MIN_PX)
        self.when = FieldDateTimeEdit(self)
        self.when.setDisplayFormat("dd.MM.yyyy HH:mm")
        self.when.setCalendarPopup(True)
        self.when.setTimeZone(ZONE)
        if suggested is not None:
            self.when.set_moment(suggested)
        self.fast.toggled.connect(self._offer)
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
        self.asks = pc_time is not None and last_record is not None
        if self.asks and pc_time is not None and last_record is not None:
            question = self.tr(
                "What happened? The last record is dated %1, the PC's clock shows %2."
            )
            asked = QLabel(question.replace("%1", shown(last_record)).replace("%2", shown(pc_time)))
            asked.setWordWrap(True)
            layout.addRow(asked)
            hint = self._server_hint(server_says)
            if hint:
                layout.addRow(hint)
            layout.addRow(self.slow)
            layout.addRow(self.fast)
        else:
            self.slow.hide()
            self.fast.hide()
        layout.addRow(self.tr("The right date and time now"), self.when)
        layout.addRow(self.tr("Manager's staff number"), self.staff_no)
        layout.addRow(self.tr("PIN"), self.pin)
        layout.addRow(buttons)
        for first, then in zip(
            (self.slow, self.fast, self.when, self.staff_no),
            (self.fast, self.when, self.staff_no, self.pin),
            strict=True,
        ):
            QWidget.setTabOrder(first, then)
        self.staff_no.returnPressed.connect(self.pin.setFocus)
        self.pin.returnPressed.connect(self.submit)
        first = self.choice.checkedButton() or self.slow  # the server's choice, if it made one
        (first if self.asks else self.when).setFocus()

    def _server_hint(self, server_says: str | None) -> QLabel | None:
        """The server's clock as a witness: the likelier choice is made, and said."""
        if server_says == "right":
            self.fast.setChecked(True)
            text = self.tr(
                "The central server's clock says the PC's clock is right now: the last records "
                "were most likely stamped ahead."
            )
        elif server_says == "slow":
            self.slow.setChecked(True)
            text = self.tr("The central server's clock says the PC's clock is slow now.")
        else:
            return None
        hint = QLabel(text, self)
        hint.setWordWrap(True)
        return hint

    def _offer(self) -> None:
        """The time offered for what the manager says happened."""
        offer = self._pc_time if self.fast.isChecked() else self._suggested
        if offer is not None:
            self.when.set_moment(offer.replace(second=0, microsecond=0))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter is the fields' own (choice → time → staff number → PIN → submit): passed on to
        the dialog it would also press OK, a second submit with the PIN already cleared."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.slow.hasFocus() or self.fast.hasFocus():
                self.when.setFocus(Qt.FocusReason.TabFocusReason)
                self.when.setSelectedSection(QDateTimeEdit.Section.DaySection)  # typed over
            elif self.when.hasFocus():
                self.staff_no.setFocus()
            return
        super().keyPressEvent(event)

    def chosen(self) -> datetime:
        seconds = self.when.dateTime().toSecsSinceEpoch()
        return datetime.fromtimestamp(seconds, OSLO)

    def submit(self) -> None:
        if self._busy:
            return
        if self.asks and self.choice.checkedButton() is None:
            self.message.setText(self.tr("First choose what happened to the clock."))
            self.slow.setFocus()
            return
        self._busy = True
        staff_no, pin, real_now = self.staff_no.text().strip(), self.pin.text(), self.chosen()
        self.pin.clear()
        self.declared = self.asks and self.fast.isChecked()
        declared, session = self.declared, self._session

        def work() -> int | None:
            if declared:
                return session.declare_records_ahead(staff_no, pin, real_now).offset_seconds
            return session.confirm_time(staff_no, pin, real_now)

        self._tasks.run(work, self._done, self._failed)

    def _done(self, offset: int | None) -> None:
        self._busy = False
        self.accept()
        self.time_confirmed.emit(offset)

    def _failed(self, error: Exception) -> None:
        self._busy = False
        self.message.setText(error_text(error))
        self.adjustSize()  # the whole reason, not cut off at the dialog's edge
        self.pin.setFocus()
