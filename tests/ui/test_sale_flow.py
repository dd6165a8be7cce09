"""A whole mixed-tenant sale at the real counter window: keyboard and wedge scans only."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from pos.identifiers import make_in_store_ean13
from pos.model.receipt import ReceiptKind
from ui.main_window import MainWindow
from ui.payment_dialog import PaymentDialog

from .conftest import log_in, press, scan, type_slowly

COAT = make_in_store_ean13("11", 1)  # Ullkåpe, 649,00 (Bua Brukte Klær)
TUBE = "7310750000018"  # Slange 28", 129,00 (Sykkelfikseren)
COFFEE = "KAFFE-MED"  # 32,00 (Kafé Kvisten)


def receipts_of(window: MainWindow, sale_id: str) -> list[dict]:
    with window.session.uow.read() as uow:
        return [dict(r) for r in uow.queries.receipts_of_sale(sale_id)]


def test_a_mixed_basket_scanned_and_paid_in_cash_records_one_receipt_per_tenant(window, qtbot):
    log_in(window)
    assert window.stack.currentWidget() is window.sale
    focus = window.sale.code
    for code in (COAT, TUBE, COFFEE):
        scan(focus, code)
    assert [ln.description for ln in window.session.basket.lines] == [
        "Ullkåpe, Dale, str. M",
        'Slange 28" Schrader',
        "Kaffe (ta med)",
    ]
    assert window.sale.model.rowCount() == 3
    assert focus.text() == ""  # the scanned characters never reached the field
    assert window.status.tenants.text().endswith("3")

    press(window.sale, Qt.Key.Key_F12)
    dialog = window.sale.dialog
    assert isinstance(dialog, PaymentDialog) and dialog.isVisible()
    assert dialog.total == 64900 + 12900 + 3200
    type_slowly(dialog.amount, "1000")
    press(dialog.amount, Qt.Key.Key_Return)
    assert dialog.settlement is not None and dialog.settlement.change == 19000
    with qtbot.waitSignal(window.sale.sale_completed) as completed:
        press(dialog.amount, Qt.Key.Key_Return)
    result = completed.args[0]

    receipts = receipts_of(window, result.sale_id)
    assert sorted(r["number_text"] for r in receipts) == [
        "11-K1-000001",
        "13-K1-000001",
        "15-K1-000001",
    ]
    assert all(r["kind"] == ReceiptKind.SALE.value for r in receipts)
    assert sum(r["total"] for r in receipts) == 81000
    assert window.session.basket.lines == []
    assert "11-K1-000001" in window.sale.message.text()


def test_a_scan_while_the_cash_field_has_focus_does_not_change_the_amount(window):
    log_in(window)
    scan(window.sale.code, COAT)
    press(window.sale, Qt.Key.Key_F12)
    dialog = window.sale.dialog
    assert isinstance(dialog, PaymentDialog)
    dialog.amount.setFocus()
    type_slowly(dialog.amount, "700")
    scan(dialog.amount, TUBE)
    assert dialog.amount.text() == "700"
    assert len(window.session.basket.lines) == 1
    assert "Slange" not in dialog.message.text() and TUBE in dialog.message.text()
    assert QApplication.activeModalWidget() is dialog


def test_digits_typed_slower_than_a_scanner_are_typing_not_a_scan(window):
    log_in(window)
    type_slowly(window.sale.code, TUBE)
    assert window.session.basket.lines == []  # nothing scanned ...
    assert window.sale.code.text() == TUBE  # ... the digits are in the field
    press(window.sale.code, Qt.Key.Key_Return)  # and Enter adds it as a typed code
    assert [ln.description for ln in window.session.basket.lines] == ['Slange 28" Schrader']


def test_a_wrong_check_digit_is_refused_and_an_unknown_label_sells_once_for_its_tenant(
    window, qtbot
):
    """An in-store label this counter never saw (right check digit, a known tenant) is asked
    its price and what it is, registered as a one-off item of that tenant (journaled, shared
    with the other counters) and sold; scanned again it is refused as sold."""
    log_in(window)
    scan(window.sale.code, "7310750000019")
    assert window.session.basket.lines == []
    assert "kontrollsiffer" in window.sale.message.text()
    unknown = make_in_store_ean13("12", 777)  # Småfolk's label, not in the catalogue
    scan(window.sale.code, unknown)
    dialog = window.sale.dialog
    assert dialog is not None and dialog.tenant.currentText().startswith("12 ")
    assert not dialog.tenant.isEnabled()  # the label's own tenant, no other to choose
    assert dialog.focusWidget() is dialog.price
    type_slowly(dialog.price, "45")
    press(dialog.price, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.description
    type_slowly(dialog.description, "Regnbukse str. 98")
    press(dialog.description, Qt.Key.Key_Return)
    (line,) = window.session.basket.lines
    assert (line.description, line.amount) == ("Regnbukse str. 98", 4500)
    with window.session.uow.read() as uow:
        item = uow.store.item_by_barcode(unknown)
        prices = [r for r in uow.queries.journal_rows() if r["event_code"] == 13021]
        shared = uow.store.rows("SELECT payload FROM outbox WHERE type = 'item.registered'")
    assert item is not None and item.kind.value == "one_off" and item.id == line.item_id
    assert [r["ref_id"] for r in prices if r["ref_id"] == item.id] == [item.id]
    assert [item.id in r["payload"] for r in shared] == [True]

    press(window.sale, Qt.Key.Key_F12)
    payment = window.sale.dialog
    assert isinstance(payment, PaymentDialog)
    press(payment.amount, Qt.Key.Key_F2)  # card, the rest
    with qtbot.waitSignal(window.sale.sale_completed):
        press(payment.amount, Qt.Key.Key_F12)
    scan(window.sale.code, unknown)  # the same coat again: it was sold
    assert window.session.basket.lines == []
    assert "allerede solgt" in window.sale.message.text(), window.sale.message.text()


def test_a_second_read_of_the_same_one_off_item_is_counted_once(window):
    log_in(window)
    scan(window.sale.code, COAT)
    scan(window.sale.code, COAT)
    assert len(window.session.basket.lines) == 1
    assert "Ullkåpe" in window.sale.message.text()


def test_the_quick_keys_work_the_moment_a_login_has_made_them(window):
    """Each login makes the quick keys anew; they are shown at once, not when the layout gets
    round to it, so Alt+1 pressed right after the login opens its price and never types "1"
    into the code field (a hidden button's shortcut does nothing)."""
    log_in(window)
    window.sale._fill_quick_keys()  # as the login does, with no event handled since
    buttons = window.sale.quick_keys.buttons
    assert buttons and all(button.isVisible() for button in buttons)
