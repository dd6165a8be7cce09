"""When a dialog and the dialog that opened it close one after the other (a manager's approval,
then the cash in or out it approved), the counter's window has the keyboard again and its page
takes its next key: no Esc or click first. The window system may say a moment later that the
dialog just closed is active (the offscreen platform does, as an X server's late FocusIn can);
``ActiveWindowKeeper`` looks again once that has settled."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QVBoxLayout,
    QWidget,
)

from ui.window_placement import SETTLE_MS, ActiveWindowKeeper


@pytest.fixture
def keeper(qapp: QApplication) -> Iterator[ActiveWindowKeeper]:
    installed = ActiveWindowKeeper()
    qapp.installEventFilter(installed)
    yield installed
    qapp.removeEventFilter(installed)


def dialog(parent: QWidget, title: str) -> QDialog:
    shown = QDialog(parent)
    shown.setWindowTitle(title)
    QVBoxLayout(shown).addWidget(QLineEdit(shown))
    shown.open()
    shown.activateWindow()
    assert QTest.qWaitForWindowActive(shown)
    return shown


def test_the_page_takes_its_key_after_an_approval_and_its_dialog_close(qtbot, keeper) -> None:  # type: ignore[no-untyped-def]
    window = QMainWindow()
    qtbot.addWidget(window)
    page = QLabel("Kassen", window)
    window.setCentralWidget(page)
    pressed: list[str] = []
    QShortcut(QKeySequence("F5"), page).activated.connect(lambda: pressed.append("F5"))
    window.show()
    window.activateWindow()
    assert QTest.qWaitForWindowActive(window)
    cash = dialog(window, "Penger inn i kassen")
    approval = dialog(cash, "Godkjenning av leder")
    approval.accept()  # approved: the cash is recorded and its dialog closes at once
    cash.accept()
    QTest.qWait(SETTLE_MS + 200)
    assert QApplication.activeWindow() is window
    QTest.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_F5)
    assert pressed == ["F5"]
