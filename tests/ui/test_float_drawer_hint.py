"""Opening the till in the window when the drawer cannot be kicked gives the hint the command
line gives: with the printer not answering, or no receipt printer at all, open the drawer with
its key to put the float in."""

from __future__ import annotations

from PySide6.QtCore import Qt

from pos.model.till_close import BlindCount
from pos.services import till_close
from tests.ui.conftest import log_in, press, type_slowly
from tests.ui.test_drawer_kick_outcome import OFFLINE, counter_window
from ui.till_day.float_dialog import FloatDialog


def open_with_float(window) -> None:  # type: ignore[no-untyped-def]
    log_in(window, "9001", "9999")  # the till is closed: the float is asked for
    dialog = window.sale.dialog
    assert isinstance(dialog, FloatDialog)
    type_slowly(dialog.amount, "1500")
    press(dialog.amount, Qt.Key.Key_Return)
    assert not dialog.isVisible()


def test_the_float_with_the_printer_offline_says_open_the_drawer_with_its_key(
    qtbot, counter, clock, boss, bokmal
):
    till_close.close_till(counter.uow, boss, BlindCount({100000: 1, 50000: 1}))
    with counter_window(qtbot, counter, clock, OFFLINE) as window:
        open_with_float(window)
        assert "Kassen er åpnet" in window.sale.message.text()
        qtbot.waitUntil(window.refusals.isVisible, timeout=10000)
        shown = window.refusals.text.text()
        assert "Skuffen åpnet seg IKKE for vekselkassen" in shown and "med nøkkel" in shown
        assert "F10" not in shown


def test_the_float_without_a_receipt_printer_says_open_the_drawer_with_its_key(
    window, counter, boss, bokmal
):
    till_close.close_till(counter.uow, boss, BlindCount({100000: 1, 50000: 1}))
    open_with_float(window)
    said = window.sale.message.text()
    assert "Kassen er åpnet" in said and "åpne skuffen med nøkkel" in said, said
