"""The manager logs in just after midnight to close the till that counted the day before and
takes its Z: neither the log-in nor the close makes the new calendar day one with use, so no Z
is asked for it (a closed Sunday is not nagged for one)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox

from pos.model.basket import Basket
from pos.model.payment import Tender, TenderKind
from pos.services import auth, checkout, reports
from pos.services.catalogue import find_item
from pos.services.context import TillContext
from tests.ui.conftest import log_in
from ui.till_close_dialog import TillCloseDialog


def test_a_log_in_and_close_after_midnight_leave_the_new_day_without_use(
    window, counter, ctx, clock, qtbot
):
    basket = Basket()
    basket.add(find_item(counter.uow, "KAFFE-MED"))
    checkout.complete_sale(counter.uow, ctx, basket, [Tender(TenderKind.CARD, 3200)])
    day = clock.now().date().isoformat()
    clock.advance(hours=13, minutes=54)  # 00:09 the next day
    log_in(window, "9001", "9999")
    boss = TillContext("K1", auth.authenticate(counter.uow, "9001", "9999"), counter.signer(),
                       clock)  # fmt: skip
    dialog = TillCloseDialog(counter.uow, boss)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.spin_boxes[100000].setValue(1)
    dialog.spin_boxes[50000].setValue(1)
    dialog.card_edit.setText("32")
    dialog.vipps_edit.setText("0")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.result_doc is not None and dialog.result_doc.local_date == day
    made = reports.z_reports(counter.uow, boss)
    assert made and {r.business_date for r in made} == {day}
    assert reports.open_days(counter.uow, boss) == []
