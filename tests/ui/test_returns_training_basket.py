"""Returns, training mode, park/resume, void and line deletes through the real sale screen."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from pos.identifiers import make_in_store_ean13
from pos.model.events import EventCode
from pos.model.payment import Tender, TenderKind
from ui.approval_dialog import ApprovalDialog
from ui.main_window import MainWindow
from ui.returns_dialog import ReturnsDialog

from .conftest import log_in, press, scan, type_slowly

COAT = make_in_store_ean13("11", 1)
JEANS = make_in_store_ean13("11", 2)


def journal_codes(window: MainWindow) -> list[int]:
    with window.session.uow.read() as uow:
        return [row["event_code"] for row in uow.queries.journal_rows()]


def approve(dialog: object, staff_no: str = "9001", pin: str = "9999") -> None:
    assert isinstance(dialog, ApprovalDialog)
    type_slowly(dialog.staff_no, staff_no)
    type_slowly(dialog.pin, pin)
    press(dialog.pin, Qt.Key.Key_Return)


def test_a_scanned_receipt_number_opens_the_return_and_a_manager_approves_it(window):
    log_in(window)
    scan(window.sale.code, COAT)
    scan(window.sale.code, JEANS)
    sale = window.session.pay([Tender(TenderKind.CASH, 100000)])
    window.sale.model.reset()
    number = sale.receipts[0].number

    scan(window.sale.code, number)
    dialog = window.sale.dialog
    assert isinstance(dialog, ReturnsDialog) and dialog.table.rowCount() == 2
    dialog.set_quantity(1, 1)  # the jeans only
    dialog.refund.setCurrentIndex(dialog.refund.findData(TenderKind.CASH.value))
    press(dialog, Qt.Key.Key_F12)
    approve(dialog.approval)
    with window.session.uow.read() as uow:
        original = uow.queries.receipt_by_number(number)
        returned = [
            dict(r)
            for r in uow.queries.receipts_in_chain_order()
            if r["original_receipt_id"] == original["id"]
        ]
    assert [r["number_text"] for r in returned] == ["11-K1-R000001"]
    assert returned[0]["total"] == -29900
    assert not dialog.isVisible()
    assert "11-K1-R000001" in window.sale.message.text()


def test_training_shows_a_banner_and_its_receipts_are_marked_and_not_counted(window):
    log_in(window)
    press(window.sale, Qt.Key.Key_F11)
    assert window.banner.isVisible() and window.status.training.text()
    scan(window.sale.code, COAT)
    result = window.session.pay([Tender(TenderKind.CARD, 64900)])
    with window.session.uow.read() as uow:
        (receipt,) = uow.queries.receipts_of_sale(result.sale_id)
        doc = uow.queries.receipt_doc(receipt["id"])
        coat = uow.store.item_by_barcode(COAT)
    assert receipt["kind"] == "training" and receipt["number_text"] == "11-K1-T000001"
    assert doc.marking == "IKKE KVITTERING FOR KJØP"
    assert coat is not None and coat.status.value == "available"  # not sold for real
    press(window.sale, Qt.Key.Key_F11)
    assert not window.banner.isVisible()
    scan(window.sale.code, COAT)
    real = window.session.pay([Tender(TenderKind.CARD, 64900)])
    assert real.receipts[0].number == "11-K1-000001"  # the real series did not move
    codes = journal_codes(window)
    assert EventCode.TRAINING_ON in codes and EventCode.TRAINING_OFF in codes


def test_park_resume_delete_and_void_are_journaled(window):
    log_in(window)
    scan(window.sale.code, COAT)
    scan(window.sale.code, "KAFFE-MED")
    press(window.sale, Qt.Key.Key_F6)
    assert window.session.basket.lines == [] and window.sale.model.rowCount() == 0
    press(window.sale, Qt.Key.Key_F7)
    window.sale.dialog.resume_row(0)
    assert len(window.session.basket.lines) == 2 and window.sale.model.rowCount() == 2
    press(window.sale, Qt.Key.Key_F9)  # the newest line is the one marked
    assert [ln.description for ln in window.session.basket.lines] == ["Ullkåpe, Dale, str. M"]
    press(window.sale, Qt.Key.Key_F9, Qt.KeyboardModifier.ControlModifier)
    confirm = window.sale.dialog
    assert isinstance(confirm, QMessageBox)
    accept = QMessageBox.ButtonRole.AcceptRole
    next(b for b in confirm.buttons() if confirm.buttonRole(b) is accept).click()
    approve(window.sale.dialog)  # cashier may not void: a manager approves
    assert window.session.basket.lines == [] and window.sale.model.rowCount() == 0
    codes = journal_codes(window)
    for code in (EventCode.PARK, EventCode.RESUME, EventCode.OTHER, EventCode.VOID):
        assert code in codes


def test_a_wrong_pin_is_refused_with_a_message_and_logout_returns_to_the_login(window):
    type_slowly(window.login.staff_no, "1001")
    press(window.login.staff_no, Qt.Key.Key_Return)
    type_slowly(window.login.pin, "0000")
    press(window.login.pin, Qt.Key.Key_Return)
    assert window.session.operator is None
    assert "PIN" in window.login.message.text()
    window.login.reset()
    log_in(window)
    press(window.sale, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.session.operator is None and window.stack.currentWidget() is window.login
    window.idle.idle.emit()  # locking when nobody is logged in does nothing
    assert window.stack.currentWidget() is window.login


def test_item_search_finds_by_words_within_a_tenant_and_rings_up(window):
    log_in(window)
    press(window.sale, Qt.Key.Key_F4)
    dialog = window.sale.dialog
    dialog.text.setText("kaffe ta")
    dialog.search()
    assert dialog.model.rowCount() == 1
    press(dialog.text, Qt.Key.Key_Return)
    assert [ln.description for ln in window.session.basket.lines] == ["Kaffe (ta med)"]


def test_a_return_from_the_keyboard_alone_quantities_typed_and_f4_for_a_credit_note(window):
    """Once the receipt is found the first quantity has the focus; Tab goes to the next
    line's; F1–F4 choose the refund as at payment; the table's texts cannot be edited."""
    log_in(window)
    scan(window.sale.code, COAT)
    scan(window.sale.code, JEANS)
    number = window.session.pay([Tender(TenderKind.CASH, 100000)]).receipts[0].number
    window.sale.model.reset()
    scan(window.sale.code, number)
    dialog = window.sale.dialog
    assert isinstance(dialog, ReturnsDialog)
    first = dialog.focusWidget()
    assert first is dialog.table.cellWidget(0, 3)
    type_slowly(first, "0")  # not the coat
    press(first, Qt.Key.Key_Tab)
    second = dialog.focusWidget()
    assert second is dialog.table.cellWidget(1, 3)
    type_slowly(second, "1")  # the jeans (already 0: a receipt of two lines starts at none)
    press(second, Qt.Key.Key_F4)
    assert dialog.refund.currentData() == TenderKind.CREDIT_NOTE
    press(second, Qt.Key.Key_F2)
    assert dialog.refund.currentData() == TenderKind.CARD
    press(second, Qt.Key.Key_F4)
    assert dialog.table.editTriggers() == dialog.table.EditTrigger.NoEditTriggers
    press(second, Qt.Key.Key_F12)
    approve(dialog.approval)
    with window.session.uow.read() as uow:
        returned = uow.queries.receipt_by_number("11-K1-R000001")
        doc = uow.queries.receipt_doc(returned["id"])
    assert returned["total"] == -29900
    assert [amount for _code, amount in doc.credit_notes_issued] == [29900]
