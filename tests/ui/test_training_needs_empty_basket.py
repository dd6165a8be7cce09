"""Training mode through the real sale screen: switched only with an empty basket, a parked
training basket stays training, and logging out parks the basket under the cashier's name."""

from __future__ import annotations

from PySide6.QtCore import Qt

from pos.identifiers import make_in_store_ean13
from pos.model.events import EventCode
from ui.main_window import MainWindow

from .conftest import log_in, press

COAT = make_in_store_ean13("11", 1)
COFFEE = "KAFFE-MED"


def journal_codes(window: MainWindow) -> list[int]:
    with window.session.uow.read() as uow:
        return [row["event_code"] for row in uow.queries.journal_rows()]


def resume_first(window: MainWindow) -> None:
    press(window.sale, Qt.Key.Key_F7)
    press(window.sale.dialog, Qt.Key.Key_Return)  # the first (oldest) is marked


def test_f11_with_lines_in_the_basket_is_refused_and_said(window):
    log_in(window)
    window.route_scan(COAT)
    press(window.sale, Qt.Key.Key_F11)
    assert not window.session.training and not window.banner.isVisible()
    assert "tom kurv" in window.sale.message.text() or "empty basket" in window.sale.message.text()
    assert EventCode.TRAINING_ON not in journal_codes(window)
    assert len(window.session.basket.lines) == 1  # nothing of the basket was lost
    press(window.sale, Qt.Key.Key_F6)  # parked, the basket is empty: now it switches
    press(window.sale, Qt.Key.Key_F11)
    assert window.session.training and window.banner.isVisible()
    window.route_scan(COFFEE)
    press(window.sale, Qt.Key.Key_F11)  # and not back while training lines are there
    assert window.session.training and window.banner.isVisible()


def test_a_basket_parked_in_training_is_not_resumed_as_a_real_sale(window):
    log_in(window)
    press(window.sale, Qt.Key.Key_F11)
    window.route_scan(COAT)
    press(window.sale, Qt.Key.Key_F6)
    press(window.sale, Qt.Key.Key_F11)
    assert not window.session.training
    resume_first(window)
    assert window.session.basket.lines == []
    assert "treningsmodus" in window.sale.message.text() or "training" in window.sale.message.text()
    press(window.sale, Qt.Key.Key_F11)
    resume_first(window)
    assert [ln.description for ln in window.session.basket.lines] == ["Ullkåpe, Dale, str. M"]


def test_logging_out_parks_the_basket_for_the_cashier_and_the_next_one_starts_empty(window):
    log_in(window)
    window.route_scan(COAT)
    window.route_scan(COFFEE)
    window.idle.idle.emit()  # locked after a quiet spell: the same as logging out
    assert window.stack.currentWidget() is window.login
    assert "F7" in window.login.message.text()
    log_in(window, "9001", "9999")
    assert window.session.basket.lines == [] and window.sale.model.rowCount() == 0
    with window.session.uow.read() as uow:
        (parked,) = uow.queries.parked_baskets("K1")
        cashier = uow.store.staff_by_no("1001")
    assert parked["staff_id"] == cashier["id"] and parked["total"] == 64900 + 3200
    resume_first(window)
    assert window.sale.model.rowCount() == 2


def test_logging_out_in_training_parks_the_training_basket_and_ends_training(window):
    log_in(window)
    press(window.sale, Qt.Key.Key_F11)
    window.route_scan(COFFEE)
    press(window.sale, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.session.operator is None and not window.banner.isVisible()
    codes = journal_codes(window)
    assert codes[-3:] == [EventCode.PARK, EventCode.TRAINING_OFF, EventCode.LOGOUT]
    with window.session.uow.read() as uow:
        (parked,) = uow.queries.parked_baskets("K1")
    assert parked["training"]
