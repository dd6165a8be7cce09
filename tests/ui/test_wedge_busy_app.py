"""The wedge filter while the app is busy (a sale being written, a repaint on a loaded PC): keys
then reach it late, several at once, each with the time the X server stamped it. Typing that
waited stays typing, and a scan that waited stays one scan — decided by when the keys were
pressed, never by when the app got round to them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit

from ui.scanner.wedge_filter import WedgeScannerFilter


class AppClock:
    """The app's monotonic clock, set by the test: when the app handles each key."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def field(qtbot):
    line = QLineEdit()
    qtbot.addWidget(line)
    return line


@pytest.fixture
def wedge(qtbot):
    clock = AppClock()
    found = WedgeScannerFilter(clock=clock)
    found.scans = []  # type: ignore[attr-defined]
    found.scanned.connect(lambda code, _aim: found.scans.append(code))  # type: ignore[attr-defined]
    found.app_clock = clock  # type: ignore[attr-defined]
    yield found
    found._timer.stop()


def handle(wedge, field, char: str, pressed_ms: int, handled_s: float) -> None:
    """The X server stamped the key at ``pressed_ms``; the app handles it at ``handled_s``.
    What the wedge filter does not keep reaches the field, as Qt would deliver it."""
    wedge.app_clock.now = handled_s
    key = Qt.Key.Key_Return if char == "\n" else Qt.Key(ord(char.upper()))
    for kind in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
        event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, "" if char == "\n" else char)
        event.setTimestamp(pressed_ms)
        if not wedge.eventFilter(field, event) and kind == QEvent.Type.KeyPress:
            field.event(event)


def test_typing_the_app_handles_in_a_bunch_after_a_busy_moment_stays_typing(wedge, field):
    """A name typed 80 ms a key while the app was busy for 0.6 s, handled all at once: the
    keys were pressed 80 ms apart, so it is typing (it used to come out as a scan)."""
    for index, char in enumerate("Nordmann\n"):
        handle(wedge, field, char, 50_000 + 80 * index, 100.6 + index / 1000)
    assert wedge.scans == []
    assert field.text() == "Nordmann"


def test_a_scan_whose_keys_wait_behind_a_busy_moment_stays_one_scan(wedge, field):
    """The first key is handled, then the app is busy for 60 ms: the gap timer comes due
    before the next keys (pressed 6 ms apart, queued meanwhile) are handled. It waits for
    them instead of calling the first key typing."""
    code = "WTU2019X4471"
    handle(wedge, field, code[0], 50_000, 100.0)
    wedge.app_clock.now = 100.060
    wedge._on_gap()  # the gap timer, late behind the busy moment
    for index, char in enumerate(code[1:] + "\n", start=1):
        handle(wedge, field, char, 50_000 + 6 * index, 100.0601 + index / 10_000)
    assert wedge.scans == [code]
    assert field.text() == ""


def test_keys_held_with_nothing_after_them_are_typing_once_the_timer_has_waited(wedge, field):
    """Three quick keys and then nothing: the timer waits for keys still on their way from the
    X server and its extra turn, then they are typing (no scan of too few keys, none lost)."""
    for index, char in enumerate("123"):
        handle(wedge, field, char, 50_000 + 6 * index, 100.0 + index / 1000)
    wedge.app_clock.now = 100.1  # the gap is over, but the next key may be in flight
    wedge._on_gap()
    assert field.text() == ""  # one more turn for keys queued behind the timer
    wedge._on_gap()
    assert field.text() == ""  # and the time a key may take to come from the X server
    wedge.app_clock.now = 100.3
    wedge._on_gap()
    assert field.text() == "123" and wedge.scans == []
