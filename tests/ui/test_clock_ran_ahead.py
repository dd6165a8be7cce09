"""The counter window after the PC's clock ran a day ahead and was set right: the banner says
both things that can have happened, the manager declares the records stamped ahead in the
confirm-time dialog (the PC's own time offered, journaled), and the till goes on at the real
time; in bokmål by default and in English."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from pos.model.payment import Tender, TenderKind
from pos.services import clock_skew
from tests.ui.conftest import window_on_the_pcs_clock
from ui.clock_dialog import ClockDialog

from .conftest import log_in, press, scan, speaking, type_slowly


@pytest.fixture(params=["nb", "en"])
def lang(request, qapp):
    yield from speaking(qapp, request.param)




@pytest.fixture
def window(qtbot, counter, pc, lang):
    yield from window_on_the_pcs_clock(qtbot, counter, pc)


WORDS = {
    "nb": {
        "banner": "gikk for fort da de siste registreringene ble gjort",
        "fast": "PC-klokken gikk for fort",
        "done": "stemplet for langt fram er erklært",
    },
    "en": {
        "banner": "was fast when the last records were made",
        "fast": "The PC's clock was fast",
        "done": "records stamped ahead are declared",
    },
}


def test_records_stamped_a_day_ahead_are_declared_from_the_dialog(window, pc, request):
    words = WORDS[request.node.callspec.params["lang"]]
    wall, _mono = pc
    wall.advance(days=1)  # the PC's clock runs a day ahead: a sale is signed with it
    log_in(window)
    scan(window.sale.code, "KAFFE-MED")
    window.session.pay([Tender(TenderKind.CARD, window.session.basket.total)])
    window.log_out()
    wall.advance(days=-1, minutes=5)  # set right
    window.refresh_status()
    assert window.clock_banner.isVisible() and words["banner"] in window.clock_text.text()

    window.clock_button.click()
    dialog = next(
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, ClockDialog) and w.isVisible() and w.parentWidget() is window
    )
    assert words["fast"] in dialog.fast.text()
    press(dialog.slow, Qt.Key.Key_Down)  # the arrow moves to the second choice, Space takes it
    assert dialog.fast.hasFocus()
    press(dialog.fast, Qt.Key.Key_Space)
    assert dialog.fast.isChecked()
    assert dialog.chosen() == wall.current.replace(second=0, microsecond=0)  # the PC's time
    press(dialog.fast, Qt.Key.Key_Tab)
    assert dialog.when.hasFocus()
    press(dialog.when, Qt.Key.Key_Tab)
    type_slowly(dialog.staff_no, "9001")
    press(dialog.staff_no, Qt.Key.Key_Tab)
    type_slowly(dialog.pin, "9999")
    press(dialog.pin, Qt.Key.Key_Return)
    assert not dialog.isVisible(), dialog.message.text()

    with window.session.uow.read() as uow:
        rows = uow.queries.journal_rows()
        last = json.loads(list(rows)[-1]["details"])
    assert last["kind"] == "clock_ahead_declared" and last["offset_seconds"] == 0
    assert window.clock_banner.isHidden()
    assert words["done"] in window.login.message.text()
    log_in(window)
    scan(window.sale.code, "KAFFE-MED")
    assert len(window.session.basket.lines) == 1


def test_the_servers_clock_saying_the_pc_is_right_chooses_records_ahead(window, pc, request):
    """Enrolled, a sync after the PC's clock was set right measured it against the server's:
    the dialog makes the likelier choice, says why, and offers the PC's own time."""
    wall, _mono = pc
    wall.advance(days=1)
    log_in(window)
    window.log_out()
    wall.advance(days=-1)
    with window.session.uow() as uow:
        uow.sync.set_meta(clock_skew.READING_META, clock_skew.measured(0).to_json())
        uow.commit()
    window.refresh_status()
    window.clock_button.click()
    dialog = next(
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, ClockDialog) and w.isVisible() and w.parentWidget() is window
    )
    assert dialog.fast.isChecked() and dialog.focusWidget() is dialog.fast
    assert dialog.chosen() == wall.current.replace(second=0, microsecond=0)
    said = {
        "nb": "serverens klokke sier at PC-klokken går riktig",
        "en": "server's clock says the PC's clock is right",
    }
    texts = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert said[request.node.callspec.params["lang"]] in texts
    dialog.reject()
