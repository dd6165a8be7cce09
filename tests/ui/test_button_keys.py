"""A key shown on a button does what the button does, even when the field with the focus has
an editing key of its own on it (Ctrl+End goes to the end of the text on every platform; on X11
Ctrl+E and Ctrl+U are Emacs-style editing keys too); copying and pasting stay the field's. The
X11 case on the real items page: tests/acceptance/test_button_keys_x11.py."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget

from ui.button_keys import ButtonKeysFirst
from ui.common import touch_button

from .conftest import press


def form(qtbot, key: str) -> tuple[QWidget, QLineEdit, list[str]]:  # type: ignore[no-untyped-def]
    window = QWidget()
    qtbot.addWidget(window)
    field = QLineEdit("200 kr", window)
    clicked: list[str] = []
    button = touch_button("Fjern", window, key)
    button.clicked.connect(lambda: clicked.append(field.text()))
    layout = QVBoxLayout(window)
    layout.addWidget(field)
    layout.addWidget(button)
    window.show()
    qtbot.waitExposed(window)
    field.setFocus()
    field.setCursorPosition(0)
    return window, field, clicked


def test_a_buttons_key_acts_though_the_focused_field_edits_with_it(qtbot, qapp: QApplication):
    keys = ButtonKeysFirst()
    qapp.installEventFilter(keys)
    try:
        _window, field, clicked = form(qtbot, "Ctrl+End")
        press(field, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
        assert clicked == ["200 kr"] and field.cursorPosition() == 0
    finally:
        qapp.removeEventFilter(keys)


def test_copying_stays_the_fields_though_a_button_has_the_key(qtbot, qapp: QApplication):
    keys = ButtonKeysFirst()
    qapp.installEventFilter(keys)
    try:
        _window, field, clicked = form(qtbot, "Ctrl+C")
        field.setSelection(0, 3)
        press(field, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
        assert clicked == [] and QApplication.clipboard().text() == "200"  # copied
    finally:
        qapp.removeEventFilter(keys)
