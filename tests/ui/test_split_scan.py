"""A scan whose first keys a busy PC delayed past the wedge filter's gap: those keys reach the
code field as typing and the rest comes as a scan of its own. The counter tries the scan
joined with the keys typed just before it, so the start of a scan is never lost — and keys a
person typed before scanning stay theirs."""

from __future__ import annotations

import logging
import time

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit

from tests.acceptance.counter_ui import SCAN_LINE
from ui.main_window import MainWindow
from ui.repairs.intake_page import IntakePage
from ui.scanner.routing import CodeKind, route_code

from .conftest import SCANNER_KEY_DELAY_MS, _KeyStamps, log_in
from .test_sale_flow import COAT


def scan_split(target: QLineEdit, code: str, first: int, gap_ms: int) -> None:
    """A scanner's burst with a gap of ``gap_ms`` after its first ``first`` keys, as the X
    server stamps keys it could not read at once (the keys themselves come without a pause,
    as queued X events do)."""
    app = QApplication.instance()
    assert app is not None
    stamps = _KeyStamps(int(time.monotonic() * 1000))
    app.installEventFilter(stamps)
    try:
        for index, char in enumerate(code):
            if index == first:
                stamps.now_ms += gap_ms
            key = Qt.Key(ord(char.upper()))
            QTest.sendKeyEvent(QTest.KeyAction.Click, target, key, char, Qt.KeyboardModifier(0), 0)
            stamps.now_ms += SCANNER_KEY_DELAY_MS
        QTest.keyClick(target, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, 0)
    finally:
        app.removeEventFilter(stamps)


def test_a_scan_whose_first_keys_came_late_is_taken_whole_and_they_leave_the_field(
    window: MainWindow, caplog
):
    caplog.set_level(logging.INFO, logger="ui.scan_router")
    log_in(window)
    scan_split(window.sale.code, COAT, first=2, gap_ms=150)
    assert len(window.session.basket.lines) == 1
    assert window.sale.code.text() == ""
    assert not window.refusals.isVisible()
    logged = [r.getMessage() for r in caplog.records if r.name == "ui.scan_router"]
    assert logged[-1] == f"scan item {COAT} taken at sale"
    assert "joined with the keys typed just before it" in logged[-2]
    scans = SCAN_LINE.findall("\n".join(logged))  # as the acceptance tests read the log
    assert scans == [(f"item {COAT}", "taken", "sale")]


def test_keys_typed_well_before_a_scan_stay_typed_and_the_scan_alone_is_judged(
    window: MainWindow,
):
    log_in(window)
    scan_split(window.sale.code, COAT, first=2, gap_ms=800)  # a person, then the scanner
    assert window.session.basket.lines == []
    assert window.sale.code.text() == COAT[:2]
    assert window.refusals.isVisible()


def test_a_refused_scan_that_is_refused_joined_too_leaves_the_typed_keys_where_they_were(
    window: MainWindow,
):
    log_in(window)
    wrong = "99" + COAT[2:]
    assert route_code(wrong).kind is CodeKind.INVALID
    scan_split(window.sale.code, wrong, first=2, gap_ms=150)
    assert window.session.basket.lines == []
    assert window.sale.code.text() == "99"
    assert window.refusals.isVisible()


def test_a_serial_label_whose_first_keys_came_late_fills_its_field_whole(window: MainWindow):
    log_in(window, "2001", "2345")
    page = window.show_page("repairs.intake")
    assert isinstance(page, IntakePage)
    page.serial.setFocus()
    scan_split(page.serial, "WTU2019X4471", first=4, gap_ms=150)
    assert page.serial.text() == "WTU2019X4471"
