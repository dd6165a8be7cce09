"""Keys that come for a window giving way to another reach the new window's focused field, in
order, with their own time; the old window's shortcuts do not fire; it closes once the new one
is active."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget

from ui.key_handover import KeyHandover


class Stamps(QObject):
    """The press times the new window's field receives."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[int] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            self.seen.append(event.timestamp())
        return False


def window_with_field(qtbot) -> tuple[QWidget, QLineEdit]:  # type: ignore[no-untyped-def]
    window = QWidget()
    field = QLineEdit(window)
    QVBoxLayout(window).addWidget(field)
    qtbot.addWidget(window)
    return window, field


def key(target: QWidget, char: str, stamp: int) -> None:
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        event = QKeyEvent(kind, Qt.Key(ord(char.upper())), Qt.KeyboardModifier.NoModifier, char)
        event.setTimestamp(stamp)
        QApplication.sendEvent(target, event)


def test_keys_for_the_old_window_reach_the_new_ones_field(qtbot):
    old, old_field = window_with_field(qtbot)
    fired: list[str] = []
    QShortcut(QKeySequence("Q"), old).activated.connect(lambda: fired.append("Q"))
    old.show()
    old.activateWindow()
    QTest.qWaitForWindowActive(old)
    old_field.setFocus()
    handover = KeyHandover(old)
    key(old_field, "9", 1000)  # typed while the new window is being made: held
    key(old_field, "0", 1060)
    new, new_field = window_with_field(qtbot)
    new_field.setFocus()
    stamps = Stamps()
    new_field.installEventFilter(stamps)
    handover.to(new)
    assert new_field.text() == "90" and old_field.text() == ""
    QTest.keyClick(old_field, Qt.Key.Key_Q, Qt.KeyboardModifier.NoModifier)  # still coming
    assert new_field.text() == "90q" and fired == []
    assert stamps.seen[:2] == [1000, 1060]  # their own time, for the scanner's timing
    new.show()
    new.activateWindow()
    QTest.qWaitForWindowActive(new)
    qtbot.waitUntil(lambda: not old.isVisible())  # closed once the new one has the keyboard
    handover.end()
    key(old_field, "1", 2000)  # the handover is over
    assert new_field.text() == "90q"
