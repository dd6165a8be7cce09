"""The real counter window on a seeded demo centre, with tasks run in line and the wedge filter
installed on the application (removed again after each test)."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, QLocale, QObject, Qt, QTranslator
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from pos.counter import Counter
from ui.i18n import install_translator
from ui.main_window import MainWindow
from ui.scanner.wedge_filter import WedgeScannerFilter
from ui.tasks import ImmediatePool, TaskRunner
from ui.till_session import TillSession

SCANNER_KEY_DELAY_MS = 5
"""A wedge scanner's gap between characters (real ones: ~8-16 ms)."""
TYPING_KEY_DELAY_MS = 80
"""A quick person's gap between keys: well above the 50 ms threshold."""


def speaking(qapp: QApplication, lang: str) -> Iterator[None]:
    """The screens in ``lang`` for one test; the translators and the default locale (dates,
    numbers) as they were afterwards, so no later test inherits the language."""
    before = QLocale()
    install_translator(qapp, lang)
    yield
    for translator in qapp.findChildren(QTranslator):
        QApplication.removeTranslator(translator)
        translator.deleteLater()
    QLocale.setDefault(before)


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    yield from speaking(qapp, "en")


@pytest.fixture
def bokmal(qapp: QApplication) -> Iterator[None]:
    yield from speaking(qapp, "nb")


@pytest.fixture
def session(counter: Counter, clock) -> TillSession:  # type: ignore[no-untyped-def]
    return TillSession(counter.uow, "K1", counter.signer(), clock=clock)


@pytest.fixture
def window(qtbot, session: TillSession) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    tasks = TaskRunner(ImmediatePool())
    win = MainWindow(session, tasks, centre_name="Demo", register_name="Kasse 1")
    qtbot.addWidget(win)
    wedge = WedgeScannerFilter(parent=win)
    app = QApplication.instance()
    assert app is not None
    app.installEventFilter(wedge)
    win.listen_to(wedge)
    win.wedge = wedge  # type: ignore[attr-defined]
    win.show()
    win.activateWindow()
    qtbot.waitExposed(win)
    yield win
    app.removeEventFilter(wedge)
    app.removeEventFilter(win.idle)


class _KeyStamps(QObject):
    """Gives QTest's key events the press time a real one carries from the X server or
    Windows (QTest leaves it 0), so a scan's gaps are the scanner's, however busy this
    machine is while the test runs."""

    def __init__(self, start_ms: int) -> None:
        super().__init__()
        self.now_ms = start_ms

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if isinstance(event, QKeyEvent) and not event.timestamp():
            event.setTimestamp(self.now_ms)
        return False


def scan(target: QWidget, code: str, line_ends: int = 1) -> None:
    """What a keyboard-wedge scanner does: the code in a burst, Shift pressed and released
    around each capital (as X11 and Windows deliver it), then Enter (``line_ends=2``: CR LF
    as two Enters). The keys carry press times 5 ms apart and are sent without a pause, as
    queued X events are, so no timer of the app runs inside the burst."""
    shift, none = Qt.KeyboardModifier.ShiftModifier, Qt.KeyboardModifier.NoModifier
    app = QApplication.instance()
    assert app is not None
    stamps = _KeyStamps(int(time.monotonic() * 1000))
    app.installEventFilter(stamps)  # after the wedge filter, so it sees each key first
    try:
        for char in code:
            held = shift if char.isupper() else none
            if held:
                QTest.keyPress(target, Qt.Key.Key_Shift, shift, 0)
            key = Qt.Key(ord(char.upper())) if char.isascii() else Qt.Key.Key_unknown
            QTest.sendKeyEvent(QTest.KeyAction.Click, target, key, char, held, 0)
            if held:
                QTest.keyRelease(target, Qt.Key.Key_Shift, none, 0)
            stamps.now_ms += SCANNER_KEY_DELAY_MS
        for _ in range(line_ends):
            QTest.keyClick(target, Qt.Key.Key_Return, none, 0)
            stamps.now_ms += SCANNER_KEY_DELAY_MS
    finally:
        app.removeEventFilter(stamps)


def type_slowly(target: QWidget, text: str) -> None:
    QTest.keyClicks(target, text, Qt.KeyboardModifier.NoModifier, TYPING_KEY_DELAY_MS)


def press(target: QWidget, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    """A key as a person presses it, in the window it belongs to (shortcuts need that window
    active; the offscreen platform does not reactivate a window when a dialog closes)."""
    window = target.window()
    if QApplication.activeWindow() is not window:
        window.activateWindow()
        QTest.qWaitForWindowActive(window)
    QTest.keyClick(target, key, modifier, TYPING_KEY_DELAY_MS)


def log_in(window: MainWindow, staff_no: str = "1001", pin: str = "1234") -> None:
    type_slowly(window.login.staff_no, staff_no)
    press(window.login.staff_no, Qt.Key.Key_Return)
    type_slowly(window.login.pin, pin)
    press(window.login.pin, Qt.Key.Key_Return)
    assert window.session.operator is not None, window.login.message.text()


class Monotonic:
    """A PC's monotonic clock a test sets by hand (a restart: back to a small value)."""

    def __init__(self) -> None:
        self.value = 500.0

    def __call__(self) -> float:
        return self.value


@pytest.fixture
def pc(clock):  # type: ignore[no-untyped-def]
    """The PC's wall clock (starts an hour after the demo was seeded) and its monotonic clock."""
    from datetime import timedelta

    from pos.clock import SteppingClock

    return SteppingClock(clock.current + timedelta(hours=1)), Monotonic()


def window_on_the_pcs_clock(qtbot, counter: Counter, pc) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    """The counter window whose legal time is read from ``pc`` (wall and monotonic)."""
    from pos.services.legal_time import CounterClock

    wall, mono = pc
    session = TillSession(
        counter.uow, "K1", counter.signer(), clock=CounterClock(counter.uow, "K1", wall, mono)
    )
    win = MainWindow(
        session, TaskRunner(ImmediatePool()), centre_name="Demo", register_name="Kasse 1"
    )
    qtbot.addWidget(win)
    win.show()
    win.activateWindow()
    qtbot.waitExposed(win)
    yield win
    QApplication.instance().removeEventFilter(win.idle)
