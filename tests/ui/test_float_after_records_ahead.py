"""The till was opened and closed while the PC's clock ran a day ahead; set right and declared,
the next login asks for the float and opens the till at the real time: the window says it is
open (never 'already open') and the till page agrees, whatever the clock times of the records."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from pos.model.till_close import BlindCount
from pos.services import auth, records_ahead, till_close
from tests.ui.conftest import log_in, press, speaking, type_slowly, window_on_the_pcs_clock
from ui.till_day.float_dialog import FloatDialog


@pytest.fixture
def screens_in_bokmal(qapp):
    yield from speaking(qapp, "nb")


@pytest.fixture
def counter_window(qtbot, counter, pc, screens_in_bokmal):
    yield from window_on_the_pcs_clock(qtbot, counter, pc)


def test_the_float_after_a_records_ahead_declaration_opens_the_till(counter_window, counter, pc):
    window = counter_window
    wall, _mono = pc
    wall.advance(days=1)  # the PC's clock a day ahead: the till closed, opened and closed again
    log_in(window, "9001", "9999")
    ctx = window.session.context()
    till_close.close_till(counter.uow, ctx, BlindCount({50000: 3}))
    window.session.open_till(150000, None)
    till_close.close_till(counter.uow, window.session.context(), BlindCount({50000: 3}))
    window.log_out()
    wall.advance(days=-1, minutes=5)  # set right, and the manager declares it
    manager = auth.authenticate(counter.uow, "9001", "9999")
    records_ahead.declare(counter.uow, window.session.clock, manager, wall.current)

    log_in(window, "9001", "9999")
    dialog = window.sale.dialog
    assert isinstance(dialog, FloatDialog)  # closed: the float is asked for
    type_slowly(dialog.amount, "1500")
    press(dialog.amount, Qt.Key.Key_Return)
    assert not dialog.isVisible(), dialog.error.text()
    assert "Kassen er åpnet" in window.sale.message.text()
    status = window.session.till_status()
    assert status.is_open and status.opened_by == "Mona Leder"
