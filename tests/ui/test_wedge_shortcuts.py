"""Typing and then a shortcut at once: a person types a price and presses Ctrl+Enter (register
the item) or Enter on a form whose default action is a shortcut. The wedge filter still holds
the last typed keys while it waits to see whether a scan is forming; the shortcut must find
them in the field, never act on the text without its last digit."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget

from ui.scanner.wedge_filter import WedgeScannerFilter


class StepClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def form(qtbot):
    clock = StepClock()
    wedge = WedgeScannerFilter(clock=clock)
    app = QApplication.instance()
    assert app is not None
    app.installEventFilter(wedge)
    window = QWidget()
    layout = QVBoxLayout(window)
    price = QLineEdit(window)
    layout.addWidget(price)
    seen: list[str] = []
    for keys in ("Ctrl+Return", "Return"):
        shortcut = QShortcut(QKeySequence(keys), window)
        shortcut.activated.connect(lambda keys=keys: seen.append(f"{keys}:{price.text()}"))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    price.setFocus()
    yield price, clock, seen
    app.removeEventFilter(wedge)
    wedge._timer.stop()


def _type(field: QLineEdit, clock: StepClock, text: str, gap_s: float) -> None:
    for char in text:
        QTest.keyClicks(field, char)
        clock.now += gap_s


@pytest.mark.parametrize("keys", ["Ctrl+Return", "Return"])
def test_a_shortcut_right_after_typing_sees_every_typed_key(form, keys):
    price, clock, seen = form
    _type(price, clock, "250", 0.12)  # a brisk typist: 120 ms a key, far slower than a scanner
    modifier = (
        Qt.KeyboardModifier.ControlModifier
        if keys.startswith("Ctrl")
        else Qt.KeyboardModifier.NoModifier
    )
    QTest.keyClick(price, Qt.Key.Key_Return, modifier)
    assert seen == [f"{keys}:250"]
