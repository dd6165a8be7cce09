"""The counter window with the PC's clock set back: it says so at login and at the sale screen,
refuses to record, and a manager confirms the right time (journaled) so the day goes on."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from PySide6.QtCore import QDateTime, Qt, QTimeZone
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import window_on_the_pcs_clock
from ui.clock_dialog import ClockDialog

from .conftest import log_in, press, scan, type_slowly

COFFEE = "KAFFE-MED"
OSLO_ZONE = QTimeZone(b"Europe/Oslo")
SHIFT_CTRL = Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.ControlModifier





@pytest.fixture
def window(qtbot, counter, pc, bokmal):
    yield from window_on_the_pcs_clock(qtbot, counter, pc)


def journal_kinds(window) -> list[str]:
    with window.session.uow.read() as uow:
        return [json.loads(r["details"]).get("kind", "") for r in uow.queries.journal_rows()]


def test_a_clock_behind_is_shown_at_login_and_a_manager_confirms_the_time(
    window, pc, qtbot, caplog
):
    wall, mono = pc
    assert window.clock_banner.isHidden()
    wall.advance(days=-1)
    window.refresh_status()
    assert window.clock_banner.isVisible()
    assert "før siste registrering" in window.clock_text.text()
    type_slowly(window.login.staff_no, "1001")
    press(window.login.staff_no, Qt.Key.Key_Return)
    type_slowly(window.login.pin, "1234")
    with caplog.at_level("INFO", logger="pos.services.auth"):
        press(window.login.pin, Qt.Key.Key_Return)
    assert window.session.operator is None
    assert "før siste registrering" in window.login.message.text()
    refused = [r.getMessage() for r in caplog.records if r.name == "pos.services.auth"]
    assert refused == [refused[0]] and refused[0].startswith("login refused at K1: ")
    assert "1001" not in refused[0]  # what was typed is not logged before it is checked

    window.clock_button.click()
    dialog = next(
        w for w in QApplication.topLevelWidgets() if isinstance(w, ClockDialog) and w.isVisible()
    )
    dialog.slow.setChecked(True)  # the PC's clock is slow now (not: the records were ahead)
    zone = QTimeZone(b"Europe/Oslo")
    real = wall.current + timedelta(days=1)
    dialog.when.setDateTime(QDateTime.fromSecsSinceEpoch(int(real.timestamp()), zone))
    dialog.staff_no.setText("9001")
    dialog.pin.setText("9999")
    dialog.submit()
    assert not dialog.isVisible()
    assert journal_kinds(window)[-1] == "clock_confirmed"
    assert window.clock_banner.isVisible()
    assert "PC-klokken går 1 d for sakte" in window.clock_text.text()

    log_in(window)
    scan(window.sale.code, COFFEE)
    assert len(window.session.basket.lines) == 1


def open_clock_dialog(window) -> ClockDialog:
    """The dialog this window opened (not one an earlier test left open)."""
    window.clock_button.click()
    return next(
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, ClockDialog) and w.isVisible() and w.parentWidget() is window
    )


def test_enter_confirms_the_offered_time_once_and_the_banner_says_slow(window, pc, caplog):
    """The offered time is after the last record, so it is accepted as offered; Enter from the
    staff number moves to the PIN and Enter there submits once (no wrong PIN counted)."""
    wall, _ = pc
    last = window.session.clock_state().last_record
    wall.advance(seconds=-(wall.current - last).total_seconds() - 64 * 60)  # 1 h 4 min behind
    window.refresh_status()
    dialog = open_clock_dialog(window)
    assert dialog.focusWidget() is dialog.slow and dialog.choice.checkedButton() is None
    press(dialog.slow, Qt.Key.Key_Space)  # the PC's clock is slow now
    press(dialog.slow, Qt.Key.Key_Return)
    assert dialog.when.hasFocus()
    offered = dialog.chosen()
    assert last < offered <= last + timedelta(minutes=1)
    press(dialog.when, Qt.Key.Key_Tab)  # Tab leaves the date for the next field
    assert dialog.staff_no.hasFocus()
    type_slowly(dialog.staff_no, "9001")
    press(dialog.staff_no, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.pin.hasFocus()
    type_slowly(dialog.pin, "9999")
    press(dialog.pin, Qt.Key.Key_Return)
    assert not dialog.isVisible(), dialog.message.text()
    assert journal_kinds(window).count("clock_confirmed") == 1
    assert not [r for r in caplog.records if "wrong PIN" in r.getMessage()]
    assert "PC-klokken går 1 t 5 min for sakte" in window.clock_text.text()


def test_the_right_time_is_typed_with_its_separators_and_stays_in_the_date(window, pc):
    """A manager types the whole date and time: the dots, the space and the colon move through
    the date's parts, never out of the field (only Tab leaves it)."""
    wall, _ = pc
    wall.advance(days=-1)
    window.refresh_status()
    real = (wall.current + timedelta(days=1, hours=1)).replace(second=0, microsecond=0)
    dialog = open_clock_dialog(window)
    press(dialog.slow, Qt.Key.Key_Space)
    press(dialog.slow, Qt.Key.Key_Return)
    type_slowly(dialog.when, f"{real:%d.%m.%Y %H:%M}")
    # (What the typed time becomes is read from the journal by the acceptance week, typed
    # with real X key events; offscreen key clicks don't move through the parts as X does.)
    assert dialog.when.hasFocus() and dialog.staff_no.text() == ""
    press(dialog.when, Qt.Key.Key_Tab)
    assert dialog.staff_no.hasFocus()
    dialog.reject()


def test_after_a_restart_the_offer_is_the_pcs_time_not_an_old_correction(window, pc):
    """A confirmed correction the counter can no longer trust (restart) is not offered again:
    the manager is offered the PC's own time when it is after the last record."""
    wall, mono = pc
    wall.advance(days=-1)
    window.refresh_status()
    real = wall.current + timedelta(days=1)
    dialog = open_clock_dialog(window)
    dialog.slow.setChecked(True)
    dialog.when.setDateTime(QDateTime.fromSecsSinceEpoch(int(real.timestamp()), OSLO_ZONE))
    dialog.staff_no.setText("9001")
    dialog.pin.setText("9999")
    dialog.submit()
    mono.value = 10.0  # the machine restarted; the PC's clock now runs a day ahead of it
    wall.advance(days=2)
    window.refresh_status()
    assert "bekrefte riktig tid igjen" in window.clock_text.text()
    again = open_clock_dialog(window)
    assert not again.asks and again.slow.isHidden()  # not behind the record: nothing to choose
    assert again.chosen() == wall.current.replace(second=0, microsecond=0)
    again.reject()


def test_a_refused_time_is_said_in_full(window, pc, qtbot):
    wall, _ = pc
    wall.advance(days=-1)
    window.refresh_status()
    dialog = open_clock_dialog(window)
    dialog.submit()  # nothing chosen yet
    assert dialog.isVisible() and "Velg først hva som har skjedd" in dialog.message.text()
    dialog.slow.setChecked(True)
    dialog.when.setDateTime(QDateTime.fromSecsSinceEpoch(int(wall.current.timestamp()), OSLO_ZONE))
    dialog.staff_no.setText("9001")
    dialog.pin.setText("9999")
    dialog.submit()
    assert dialog.isVisible() and "er før siste registrering" in dialog.message.text()
    label = dialog.message
    assert label.height() >= label.heightForWidth(label.width())  # nothing cut off


def test_the_sale_screen_refuses_a_scan_once_the_clock_falls_behind(window, pc):
    wall, _ = pc
    log_in(window)
    scan(window.sale.code, COFFEE)
    assert len(window.session.basket.lines) == 1
    wall.advance(days=-2)
    scan(window.sale.code, COFFEE)
    assert len(window.session.basket.lines) == 1
    assert "før siste registrering" in window.sale.message.text()


def test_the_time_is_confirmed_from_the_keyboard_and_the_problem_logged_once(
    window, pc, qtbot, caplog
):
    """Nobody can log in while the clock is behind, so the banner's button has a key of its
    own (shown on it); the support log says once what is wrong, not at every refresh."""
    wall, _ = pc
    wall.advance(days=-1)
    with caplog.at_level("WARNING", logger="pos.services.day"):
        window.refresh_status()
        window.refresh_status()
    said = [r.getMessage() for r in caplog.records if "records nothing" in r.getMessage()]
    assert len(said) == 1 and "before the last record" in said[0], said
    assert "Ctrl+Shift+T" in window.clock_button.text()
    press(window.login.staff_no, Qt.Key.Key_T, SHIFT_CTRL)
    dialog = next(
        w for w in QApplication.topLevelWidgets() if isinstance(w, ClockDialog) and w.isVisible()
    )
    dialog.reject()
    wall.advance(days=1)  # the PC's clock put right: a later problem is said again
    window.refresh_status()
    assert window.clock_banner.isHidden()
    with caplog.at_level("WARNING", logger="pos.services.day"):
        wall.advance(days=-1)
        window.refresh_status()
    said = [r.getMessage() for r in caplog.records if "records nothing" in r.getMessage()]
    assert len(said) == 2

