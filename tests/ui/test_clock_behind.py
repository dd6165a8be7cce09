"""The counter window with the PC's clock set back: it says so at login and at the sale screen,
refuses to record, and a manager confirms the right time (journaled) so the day goes on."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from PySide6.QtCore import QDateTime, Qt, QTimeZone
from PySide6.QtWidgets import QApplication

from pos.clock import SteppingClock
from pos.services.legal_time import CounterClock
from ui.clock_dialog import ClockDialog
from ui.main_window import MainWindow
from ui.tasks import ImmediatePool, TaskRunner
from ui.till_session import TillSession

from .conftest import log_in, press, scan, type_slowly

COFFEE = "KAFFE-MED"


class Monotonic:
    def __init__(self) -> None:
        self.value = 500.0

    def __call__(self) -> float:
        return self.value


@pytest.fixture
def pc(clock):
    """The PC's wall clock (starts where the demo was seeded) and its monotonic clock."""
    return SteppingClock(clock.current + timedelta(hours=1)), Monotonic()


@pytest.fixture
def window(qtbot, counter, pc):
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


def journal_kinds(window) -> list[str]:
    with window.session.uow.read() as uow:
        return [json.loads(r["details"]).get("kind", "") for r in uow.queries.journal_rows()]


def test_a_clock_behind_is_shown_at_login_and_a_manager_confirms_the_time(window, pc, qtbot):
    wall, mono = pc
    assert window.clock_banner.isHidden()
    wall.advance(days=-1)
    window.refresh_status()
    assert window.clock_banner.isVisible()
    assert "før siste registrering" in window.clock_text.text()
    type_slowly(window.login.staff_no, "1001")
    press(window.login.staff_no, Qt.Key.Key_Return)
    type_slowly(window.login.pin, "1234")
    press(window.login.pin, Qt.Key.Key_Return)
    assert window.session.operator is None
    assert "før siste registrering" in window.login.message.text()

    window.clock_button.click()
    dialog = next(
        w for w in QApplication.topLevelWidgets() if isinstance(w, ClockDialog) and w.isVisible()
    )
    zone = QTimeZone(b"Europe/Oslo")
    real = wall.current + timedelta(days=1)
    dialog.when.setDateTime(QDateTime.fromSecsSinceEpoch(int(real.timestamp()), zone))
    dialog.staff_no.setText("9001")
    dialog.pin.setText("9999")
    dialog.submit()
    assert not dialog.isVisible()
    assert journal_kinds(window)[-1] == "clock_confirmed"
    assert window.clock_banner.isVisible() and "+1 d 00:00" in window.clock_text.text()

    log_in(window)
    scan(window.sale.code, COFFEE)
    assert len(window.session.basket.lines) == 1


def test_the_sale_screen_refuses_a_scan_once_the_clock_falls_behind(window, pc):
    wall, _ = pc
    log_in(window)
    scan(window.sale.code, COFFEE)
    assert len(window.session.basket.lines) == 1
    wall.advance(days=-2)
    scan(window.sale.code, COFFEE)
    assert len(window.session.basket.lines) == 1
    assert "før siste registrering" in window.sale.message.text()
