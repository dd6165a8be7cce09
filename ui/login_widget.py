"""The login screen: staff number and PIN, typed on the keyboard or on a touch PIN pad."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.common import touch_button
from ui.message_line import MessageLine

PAD_BUTTON_PX = 72


class LoginWidget(QWidget):
    login_requested = Signal(str, str)
    """The cashier asked to log in: (staff number, PIN)."""
    recovery_requested = Signal()
    """Someone asked for the recovery code path (no manager can log in)."""

    def __init__(self, register_name: str, centre_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("login")
        title = QLabel(f"<h1>{centre_name}</h1><h2>{register_name}</h2>", self)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.staff_no = QLineEdit(self)
        self.staff_no.setPlaceholderText(self.tr("Staff number"))
        self.pin = QLineEdit(self)
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setPlaceholderText(self.tr("PIN"))
        for field in (self.staff_no, self.pin):
            field.setMinimumHeight(PAD_BUTTON_PX * 2 // 3)
            field.setFont(QFont(field.font().family(), 18))
            field.setMaxLength(8)
        self.till_note = QLabel(self)
        self.till_note.setObjectName("tillNote")
        self.till_note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.till_note.setWordWrap(True)
        self.till_note.setStyleSheet("font-size: 15px;")
        self.message = MessageLine(self)
        self.message.setObjectName("loginMessage")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        form = QFormLayout()
        form.addRow(self.tr("Staff number"), self.staff_no)
        form.addRow(self.tr("PIN"), self.pin)
        column = QVBoxLayout()
        column.addStretch(1)
        column.addWidget(title)
        column.addWidget(self.till_note)
        column.addLayout(form)
        column.addWidget(self.message)
        column.addLayout(self._pad())
        self.forgot = touch_button(self.tr("Forgot manager PIN?"), self)
        self.forgot.setObjectName("forgotManagerPin")
        self.forgot.setFlat(True)
        self.forgot.clicked.connect(self.recovery_requested.emit)
        column.addWidget(self.forgot)
        column.addStretch(1)
        # A pad of fixed width in the middle of the counter's screen, however wide it is.
        holder = QWidget(self)
        holder.setLayout(column)
        holder.setMaximumWidth(520)
        layout = QHBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(holder, 3)
        layout.addStretch(1)
        self.staff_no.returnPressed.connect(self._staff_entered)
        self.pin.returnPressed.connect(self.submit)

    def _pad(self) -> QGridLayout:
        grid = QGridLayout()
        self.pad_buttons: list[QPushButton] = []
        keys = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "⌫", "0", "OK"]
        for position, key in enumerate(keys):
            label = self.tr("Log in") if key == "OK" else key
            button = touch_button(label, self)
            button.setObjectName(f"pad_{key}")
            button.setMinimumSize(PAD_BUTTON_PX, PAD_BUTTON_PX)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the field being typed keeps focus
            button.clicked.connect(lambda _=False, k=key: self._pad_pressed(k))
            grid.addWidget(button, position // 3, position % 3)
            self.pad_buttons.append(button)
        return grid

    def set_pad_enabled(self, enabled: bool) -> None:
        """The touch pad and the recovery link; the keyboard fields stay usable."""
        for button in (*self.pad_buttons, self.forgot):
            button.setEnabled(enabled)

    def _field(self) -> QLineEdit:
        return self.pin if self.pin.hasFocus() or self.staff_no.text() else self.staff_no

    def _pad_pressed(self, key: str) -> None:
        field = self.pin if self.pin.hasFocus() else self.staff_no
        if not self.pin.hasFocus() and not self.staff_no.hasFocus():
            field = self._field()
        if key == "OK":
            if field is self.staff_no:
                self._staff_entered()
            else:
                self.submit()
        elif key == "⌫":
            field.backspace()
        else:
            field.insert(key)

    def _staff_entered(self) -> None:
        if self.staff_no.text().strip():
            self.pin.setFocus()

    def submit(self) -> None:
        staff_no, pin = self.staff_no.text().strip(), self.pin.text()
        if not staff_no or not pin:
            self.message.say(self.tr("Enter your staff number and PIN."), problem=True)
            return
        self.pin.clear()
        self.message.say(self.tr("Checking…"))
        self.login_requested.emit(staff_no, pin)

    def show_till_closed(self, closed: bool) -> None:
        self.till_note.setText(
            self.tr("The till is closed: whoever logs in first opens it with the float.")
            if closed
            else ""
        )

    def refused(self, text: str) -> None:
        self.message.say(text, problem=True)
        self.pin.setFocus()

    def reset(self, message: str = "", *, problem: bool = False) -> None:
        """A fresh login for the next person, with what they should know (a hand-over, a lock,
        a parked basket: news, shown as such; ``problem`` only for what went wrong)."""
        self.staff_no.clear()
        self.pin.clear()
        self.message.say(message, problem=problem)
        self.staff_no.setFocus()
