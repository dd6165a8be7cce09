"""Parked baskets at the real sale screen: F7 lists who parked each, when, its tenants and its
first item; Enter resumes the marked one. Logging out parks the basket for its cashier."""

from __future__ import annotations

import logging
import re

from PySide6.QtCore import Qt

from pos.identifiers import make_in_store_ean13
from pos.money import format_nok
from ui.resume_dialog import ResumeDialog

from .conftest import log_in, press

COAT = make_in_store_ean13("11", 1)
COFFEE = "KAFFE-MED"
TUBE = "7310750000018"


def cells(dialog: ResumeDialog, row: int) -> list[str]:
    table = dialog.table
    return [table.item(row, column).text() for column in range(table.columnCount())]


def test_f7_lists_who_when_tenants_and_first_item_and_enter_resumes_the_marked_one(window, caplog):
    caplog.set_level(logging.INFO)
    log_in(window)
    window.route_scan(COAT)
    window.route_scan(COFFEE)
    press(window.sale, Qt.Key.Key_F6)
    window.route_scan(TUBE)
    press(window.sale, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)  # parked at logout
    log_in(window, "9001", "9999")
    press(window.sale, Qt.Key.Key_F7)
    dialog = window.sale.dialog
    assert isinstance(dialog, ResumeDialog) and dialog.table.rowCount() == 2
    assert cells(dialog, 0) == [
        "10:15",
        "Kari Kasserer",
        "Ullkåpe, Dale, str. M",
        "11 Bua Brukte Klær AS, 15 Kafé Kvisten SA",
        "2",
        "681,00 kr",
    ]
    assert cells(dialog, 1)[1:4] == [
        "Kari Kasserer",
        'Slange 28" Schrader',
        "13 Sykkelfikseren Asker AS",
    ]
    press(dialog.table, Qt.Key.Key_Down)
    press(dialog.table, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert [line.description for line in window.session.basket.lines] == ['Slange 28" Schrader']
    said = [r.getMessage().replace("\xa0", " ") for r in caplog.records
            if r.name in ("pos.services.money", "pos.services.auth")]  # fmt: skip
    first, second = (re.search(r"basket (\w+) parked", line) for line in said[1:3])
    assert first and second
    assert said[1:5] == [
        f"basket {first[1]} parked at K1 by staff 1001: 2 line(s), total 681,00 kr",
        f"basket {second[1]} parked at K1 by staff 1001 at log-out: 1 line(s), total "
        f"{format_nok(window.session.basket.total)} kr",
        "staff 1001 logged out at K1",
        "staff 9001 logged in at K1",
    ]
    assert said[5] == (
        f"basket {second[1]} fetched at K1 by staff 9001: 1 line(s), total "
        f"{format_nok(window.session.basket.total)} kr"
    )


def test_a_basket_left_by_a_crash_is_back_for_its_cashier_at_login(
    window, counter, clock, qtbot, qapp
):
    from ui.main_window import MainWindow
    from ui.tasks import ImmediatePool, TaskRunner
    from ui.till_session import TillSession

    log_in(window)
    window.route_scan(COAT)
    window.route_scan(COFFEE)
    # the counter stops without a logout (the power went): a new window on the same store
    session = TillSession(counter.uow, "K1", counter.signer(), clock=clock)
    restarted = MainWindow(
        session, TaskRunner(ImmediatePool()), centre_name="Demo", register_name="K1"
    )
    qtbot.addWidget(restarted)
    restarted.show()
    log_in(restarted)
    assert [ln.description for ln in session.basket.lines] == [
        "Ullkåpe, Dale, str. M",
        "Kaffe (ta med)",
    ]
    assert restarted.sale.model.rowCount() == 2
    assert "10:15" in restarted.sale.message.text()
