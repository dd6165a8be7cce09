"""The till close dialog, offscreen: parked baskets listed, the blind count summed, a variance
without a note refused with a message, then the close recorded and announced."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox

from pos.model.basket import Basket
from pos.services import parking, till
from pos.services.context import TillContext
from tests.day_end.helpers import db_rows
from ui.till_close_dialog import TillCloseDialog


def test_the_dialog_lists_open_baskets_counts_blind_and_closes(
    qtbot, counter, ctx, manager, clock, shelf
):
    basket = Basket()
    basket.add(shelf("KAFFE-MED"))
    parking.park(counter.uow, ctx, basket, "Bord 2")
    mgr = TillContext("K1", manager, counter.signer(), clock)
    dialog = TillCloseDialog(counter.uow, mgr)
    qtbot.addWidget(dialog)
    assert dialog.pending_list.count() == 1 and "Bord 2" in dialog.pending_list.item(0).text()
    dialog.spin_boxes[100000].setValue(1)
    dialog.spin_boxes[20000].setValue(2)
    dialog.spin_boxes[100].setValue(3)
    assert dialog.total_label.text().startswith("1\u00a0403,00")
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok.click()
    assert dialog.error_label.text() and dialog.result_doc is None
    assert till.current_session_id(counter.uow, "K1") is not None
    dialog.note_edit.setPlainText("Mangler 97 kr")
    dialog.card_edit.setText("0")
    with qtbot.waitSignal(dialog.till_closed) as closed:
        ok.click()
    doc = closed.args[0]
    assert doc.counted_cash == 140300 and doc.variance == 140300 - 150000
    assert db_rows(counter, "SELECT note FROM till_closes") == [("Mangler 97 kr",)]
    assert till.current_session_id(counter.uow, "K1") is None


def test_without_an_open_till_the_dialog_says_so(qtbot, counter, manager, clock):
    mgr = TillContext("K1", manager, counter.signer(), clock)
    from pos.model.till_close import BlindCount
    from pos.services import till_close

    till_close.close_till(counter.uow, mgr, BlindCount({100000: 1, 50000: 1}))
    dialog = TillCloseDialog(counter.uow, mgr)
    qtbot.addWidget(dialog)
    assert dialog.error_label.text()
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
