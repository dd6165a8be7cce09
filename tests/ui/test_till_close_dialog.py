"""The till close dialog, offscreen: parked baskets listed, the blind count summed and saved
before anything expected is shown, then the variance shown and its note asked for (the dialog
stays until it is written), the close and note recorded and announced; the opening
float and the close count the denominations in one order, largest first."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox, QLabel

from pos.model.basket import Basket
from pos.services import parking, till, till_day
from pos.services.context import TillContext
from tests.day_end.helpers import db_rows
from tools.tab_check import walk
from ui.tasks import ImmediatePool, TaskRunner
from ui.till_close_dialog import TillCloseDialog
from ui.till_day.float_dialog import FloatDialog
from ui.till_session import TillSession


def test_the_dialog_lists_open_baskets_counts_blind_and_closes(
    qtbot, counter, ctx, manager, clock, shelf
):
    basket = Basket()
    basket.add(shelf("KAFFE-MED"))
    parking.park(counter.uow, ctx, basket, "Bord 2")
    mgr = TillContext("K1", manager, counter.signer(), clock)
    dialog = TillCloseDialog(counter.uow, mgr)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.pending_list.count() == 1 and "Bord 2" in dialog.pending_list.item(0).text()
    dialog.spin_boxes[100000].setValue(1)
    dialog.spin_boxes[20000].setValue(2)
    dialog.spin_boxes[100].setValue(3)
    assert dialog.total_label.text().startswith("1\u00a0403,00")
    dialog.card_edit.setText("0")
    shown_before = [w.text() for w in dialog.findChildren(QLabel) if w.isVisible()]
    assert shown_before and not [t for t in shown_before if "1\u00a0500" in t or "97" in t]
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok.click()  # the count is saved first: blind
    assert till.current_session_id(counter.uow, "K1") is None
    assert db_rows(counter, "SELECT counted_cash FROM till_closes") == [(140300,)]
    shown = dialog.outcome_label.text()
    assert "1\u00a0500,00" in shown and "-97,00" in shown  # only now: expected and variance
    assert dialog.result_doc is None and not dialog.grid.isEnabled()
    dialog.reject()  # Escape: not before the note
    assert dialog.isVisible() and dialog.error_label.text()
    ok.click()  # no note yet
    assert dialog.result_doc is None and dialog.error_label.text()
    assert ok.text().endswith("Ctrl+Return")  # the note's own key, shown on its button
    dialog.note_edit.setPlainText("Mangler 97 kr")
    dialog.activateWindow()
    assert QTest.qWaitForWindowActive(dialog)
    with qtbot.waitSignal(dialog.till_closed, timeout=2000) as closed:
        QTest.keyClick(dialog.note_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    doc = closed.args[0]
    assert doc.counted_cash == 140300 and doc.variance == 140300 - 150000
    assert doc.note == "Mangler 97 kr"
    with counter.uow.read() as uow:
        (kept,) = uow.reports.till_closes("K1", doc.local_date)
    assert kept["note"] == "Mangler 97 kr"


def test_without_an_open_till_the_dialog_says_so(qtbot, counter, manager, clock):
    mgr = TillContext("K1", manager, counter.signer(), clock)
    from pos.model.till_close import BlindCount
    from pos.services import till_close

    till_close.close_till(counter.uow, mgr, BlindCount({100000: 1, 50000: 1}))
    dialog = TillCloseDialog(counter.uow, mgr)
    qtbot.addWidget(dialog)
    assert dialog.error_label.text()
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()


def test_the_float_and_the_close_count_the_denominations_in_one_order_largest_first(
    qtbot, counter, manager, clock
):
    mgr = TillContext("K1", manager, counter.signer(), clock)
    close = TillCloseDialog(counter.uow, mgr)
    session = TillSession(counter.uow, "K1", counter.signer(), clock=clock)
    status = till_day.till_status(counter.uow, "K1")
    opening = FloatDialog(session, TaskRunner(ImmediatePool()), status)
    orders = []
    for dialog, grid in ((opening, opening.grid), (close, close.grid)):
        qtbot.addWidget(dialog)
        dialog.show()
        value_of = {id(box): value // 100 for value, box in grid.boxes.items()}
        walked, _stuck = walk(dialog)  # Tab, as a person goes through the count
        orders.append([value_of[id(w)] for w in walked if id(w) in value_of])
        dialog.close()
    assert orders[0] == orders[1] == [1000, 500, 200, 100, 50, 20, 10, 5, 1]


def test_the_close_after_a_restore_that_lost_records_names_it_beside_the_variance(
    qtbot, tmp_path, clock
):
    """The replaced store could not be read: 200 kr put in after the backup is lost, and the
    close's variance is said with the restore that explains it."""
    from pos.adapters.db import DB_FILE
    from pos.counter import open_counter
    from pos.demo.centre import seed_demo
    from pos.services import auth
    from pos.services.restore import RestoreSession
    from tests.reliability.damage import damage_schema_page

    data = tmp_path / "data"
    with open_counter(data) as counter:
        seed_demo(counter.uow, counter.signer(), clock=clock)
        counter.backup("manual")
        boss = TillContext("K1", auth.authenticate(counter.uow, "9001", "9999"),
                           counter.signer(), clock)  # fmt: skip
        clock.advance(minutes=5)
        till.move_cash(counter.uow, boss, 20000, "Mynt")
    damage_schema_page(data / DB_FILE)
    clock.advance(minutes=5)
    with RestoreSession(data, clock=clock) as session:
        since = session.preview.lost_since
        session.run(session.authenticate("9001", "9999"))
    clock.advance(minutes=5)
    with open_counter(data) as counter:
        mgr = TillContext("K1", auth.authenticate(counter.uow, "9001", "9999"),
                          counter.signer(), clock)  # fmt: skip
        dialog = TillCloseDialog(counter.uow, mgr)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.spin_boxes[100000].setValue(1)
        dialog.spin_boxes[50000].setValue(1)
        dialog.spin_boxes[20000].setValue(1)  # the 200 kr the restored store does not know
        dialog.card_edit.setText("0")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        shown = dialog.outcome_label.text()
        assert "variance 200,00" in shown.replace("\u00a0", " ")
        assert f"The store was restored from a backup taken {since}" in shown
        dialog.note_edit.setPlainText("200 kr inn etter sikkerhetskopien")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        assert dialog.result_doc is not None and dialog.result_doc.restored_from == since
