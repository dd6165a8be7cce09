"""Payment at the speed of a practised cashier: a tender key takes exactly what was typed before
it, however fast; removing a tender leaves clean fields."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from pos.identifiers import make_in_store_ean13
from pos.model.basket import Basket
from pos.model.payment import Tender, TenderKind
from pos.services import catalogue, checkout, returns
from pos.services.context import TillContext
from ui.payment_dialog import PaymentDialog

from .conftest import log_in, press

COAT = make_in_store_ean13("11", 1)  # 649,00
TUBE = "7310750000018"  # 129,00


def open_payment(window) -> PaymentDialog:  # type: ignore[no-untyped-def]
    log_in(window)
    window.route_scan(COAT)
    window.route_scan(TUBE)
    press(window.sale, Qt.Key.Key_F12)
    dialog = window.sale.dialog
    assert isinstance(dialog, PaymentDialog) and dialog.isVisible()
    return dialog


def test_an_amount_typed_at_once_before_the_card_key_is_what_goes_on_the_card(window):
    dialog = open_payment(window)
    QTest.keyClicks(dialog.amount, "500")  # no wait between the keys
    QTest.keyClick(dialog.amount, Qt.Key.Key_F2)  # nor before the tender key
    assert [(t.kind, t.amount) for t in dialog.tenders] == [(TenderKind.CARD, 50000)]
    assert dialog.amount.text() == ""
    QTest.qWait(80)  # nothing held back lands in the field afterwards
    assert dialog.amount.text() == ""


def test_a_click_on_card_at_once_after_typing_takes_the_typed_amount(window):
    dialog = open_payment(window)
    QTest.keyClicks(dialog.amount, "300")
    QTest.mouseClick(dialog.card_button, Qt.MouseButton.LeftButton)
    assert [(t.kind, t.amount) for t in dialog.tenders] == [(TenderKind.CARD, 30000)]


def test_a_split_typed_as_fast_as_keys_go_records_each_part_as_typed(window, qtbot):
    dialog = open_payment(window)
    QTest.keyClicks(dialog.amount, "500")
    QTest.keyClick(dialog.amount, Qt.Key.Key_F2)  # card 500
    QTest.keyClicks(dialog.amount, "150")
    QTest.keyClick(dialog.amount, Qt.Key.Key_F3)  # Vipps 150
    QTest.keyClick(dialog.amount, Qt.Key.Key_F1)  # the rest in cash
    assert [(t.kind, t.amount) for t in dialog.tenders] == [
        (TenderKind.CARD, 50000),
        (TenderKind.VIPPS, 15000),
        (TenderKind.CASH, 12800),
    ]
    with qtbot.waitSignal(window.sale.sale_completed) as completed:
        QTest.keyClick(dialog.amount, Qt.Key.Key_F12)
    paid: dict[str, int] = {}
    with window.session.uow.read() as uow:
        for receipt in uow.queries.receipts_of_sale(completed.args[0].sale_id):
            for payment in uow.queries.payments_of_receipt(receipt["id"]):
                paid[payment["kind"]] = paid.get(payment["kind"], 0) + payment["amount"]
    assert paid == {"card": 50000, "vipps": 15000, "cash": 12800}


def test_removing_a_payment_clears_what_was_half_typed_for_the_next(window):
    dialog = open_payment(window)
    QTest.keyClicks(dialog.amount, "500")
    QTest.keyClick(dialog.amount, Qt.Key.Key_F2)
    QTest.keyClicks(dialog.amount, "200")
    QTest.keyClicks(dialog.reference, "T-889")
    QTest.keyClick(dialog.amount, Qt.Key.Key_F5)
    assert dialog.tenders == []
    assert dialog.amount.text() == "" and dialog.reference.text() == ""
    QTest.qWait(80)
    assert dialog.amount.text() == ""
    assert dialog.focusWidget() is dialog.amount


def test_a_credit_note_typed_at_payment_pays_only_its_tenants_share_and_unknown_ones_are_said(
    window, counter, manager, clock
):
    sold = Basket()
    sold.add(catalogue.find_item(counter.uow, make_in_store_ean13("11", 5)))
    manager_ctx = TillContext("K1", manager, counter.signer(), clock)
    sale = checkout.complete_sale(counter.uow, manager_ctx, sold, [Tender(TenderKind.CASH, 35000)])
    number = sale.receipts[0].number
    (line,) = returns.returnable_lines(counter.uow, number)
    returned = returns.complete_return(
        counter.uow, manager_ctx, number, [returns.ReturnRequest(line.line_id, 1)],
        [Tender(TenderKind.CREDIT_NOTE, 0)],
    )  # fmt: skip
    with counter.uow.read() as uow:
        doc = uow.queries.receipt_doc(returned.receipts[0].receipt_id)
    ((note_number, _),) = doc.credit_notes_issued
    dialog = open_payment(window)  # the coat (Bua, 649,00) and a tube (another tenant)
    dialog.credit_note.setText("TG99999999")
    press(dialog.credit_note, Qt.Key.Key_Return)
    assert "TG99999999" in dialog.message.text() and not dialog.tenders
    dialog.credit_note.setText(note_number.lower())
    press(dialog.credit_note, Qt.Key.Key_Return)
    (taken,) = dialog.tenders
    assert taken.amount == 34900 and taken.tenant_id == window.session.basket.lines[0].tenant_id
    assert dialog.cash_needed() == 64900 + 12900 - 34900
