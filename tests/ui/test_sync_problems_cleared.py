# ruff: noqa: F811  (the enrolled counter's fixtures are imported from tests/sync)
"""A manager removes the sync problems they have dealt with from the sync page; a cashier
cannot, and an event the server still holds stays listed."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import Qt

from pos.clock import OSLO
from pos.model.basket import Basket
from pos.model.payment import Tender, TenderKind
from pos.services import checkout, sync_state
from tests.sync.conftest import cycle, enrolled, server_url  # noqa: F401  (fixtures)
from tests.ui.conftest import log_in, press


def test_a_manager_removes_a_problem_dealt_with_and_a_cashier_cannot(
    window, enrolled, ctx, shelf, clock
):
    clock.current = datetime.now(OSLO) + timedelta(hours=2)  # the PC's clock ran ahead
    basket = Basket()
    basket.add(shelf("KAFFE-MED"))
    checkout.complete_sale(enrolled.uow, ctx, basket, [Tender(TenderKind.CARD, 3200)])
    assert cycle(enrolled).run().flagged == 1  # clock_ahead: stored, flagged
    log_in(window)
    page = window.show_page("sync")
    assert page.problems.rowCount() == 1 and not page.clear_button.isEnabled()
    window.log_out()
    log_in(window, "9001", "9999")
    page = window.show_page("sync")
    assert page.problems.rowCount() == 1 and page.clear_button.isEnabled()
    page.clear_chosen()  # nothing chosen: says so, removes nothing
    assert page.problems.rowCount() == 1 and page.state.text()
    page.problems.selectRow(0)
    press(page.problems, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    assert page.problems.rowCount() == 0
    assert sync_state.sync_problems(enrolled.uow) == []
    assert sync_state.sync_status(enrolled.uow).problems == 0
