"""The line F2, F3 and F9 act on is the one marked on the screen, and a void is asked first.
Items come in through the window's scan entry (``route_scan``), as the wedge filter hands them
on; the keys are real key presses."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from pos.identifiers import make_in_store_ean13
from pos.model.events import EventCode
from ui.approval_dialog import ApprovalDialog
from ui.basket_view import SELECTED_LINE
from ui.discount_dialog import DiscountDialog
from ui.main_window import MainWindow

from .conftest import log_in, press, type_slowly

COAT = make_in_store_ean13("11", 1)
TUBE = "7310750000018"
COFFEE = "KAFFE-MED"


def marked_rows(window: MainWindow) -> list[int]:
    """The rows painted in the selection colour, as the cashier sees them once the line just
    rung up has stopped flashing."""
    for _ in range(150):
        if window.sale.model.flashing is None:
            break
        QTest.qWait(20)
    view = window.sale.view
    image = view.viewport().grab().toImage()
    rows = []
    for row in range(window.sale.model.rowCount()):
        rect = view.visualRect(window.sale.model.index(row, 1))
        colour = QColor(image.pixel(rect.right() - 8, rect.center().y()))  # past the text
        marked = QColor(SELECTED_LINE)
        if max(abs(colour.red() - marked.red()), abs(colour.green() - marked.green()),
               abs(colour.blue() - marked.blue())) <= 8:  # fmt: skip  # the style shades it
            rows.append(row)
    return rows


def descriptions(window: MainWindow) -> list[str]:
    return [line.description for line in window.session.basket.lines]


def test_the_newest_line_is_marked_and_the_arrows_choose_the_line_f9_deletes(window):
    log_in(window)
    for code in (COAT, TUBE, COFFEE):
        window.route_scan(code)
    assert window.sale.code.hasFocus()
    assert marked_rows(window) == [2]
    press(window.sale.code, Qt.Key.Key_Up)
    press(window.sale.code, Qt.Key.Key_Up)
    assert marked_rows(window) == [0]
    press(window.sale.code, Qt.Key.Key_F9)
    assert descriptions(window) == ['Slange 28" Schrader', "Kaffe (ta med)"]
    assert marked_rows(window) == [0]  # the line that took its place
    press(window.sale.code, Qt.Key.Key_Down)
    press(window.sale.code, Qt.Key.Key_F3)
    dialog = window.sale.dialog
    assert isinstance(dialog, DiscountDialog)
    assert dialog._line.description == "Kaffe (ta med)"  # the marked line, not another


def test_a_touched_line_is_the_one_f2_changes(window, qtbot):
    log_in(window)
    window.route_scan(TUBE)
    window.route_scan(COFFEE)
    view = window.sale.view
    first = view.visualRect(view.model().index(0, 1)).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=first)
    assert marked_rows(window) == [0]
    press(window.sale, Qt.Key.Key_F2)
    dialog = window.sale.dialog
    assert "Slange" in dialog.labelText()
    dialog.setIntValue(3)
    dialog.accept()
    assert [ln.qty for ln in window.session.basket.lines] == [3, 1]


def void_box(window: MainWindow) -> QMessageBox:
    press(window.sale, Qt.Key.Key_F9, Qt.KeyboardModifier.ControlModifier)
    box = window.sale.dialog
    assert isinstance(box, QMessageBox) and box.isVisible()
    return box


def button(box: QMessageBox, role: QMessageBox.ButtonRole):  # type: ignore[no-untyped-def]
    return next(b for b in box.buttons() if box.buttonRole(b) is role)


def test_a_managers_void_is_asked_first_and_enter_alone_keeps_the_basket(window, qtbot):
    log_in(window, "9001", "9999")
    window.route_scan(COAT)
    window.route_scan(COFFEE)
    box = void_box(window)
    assert "2" in box.text() and "681,00" in box.text()
    press(box, Qt.Key.Key_Return)  # the default answer keeps it
    assert len(window.session.basket.lines) == 2
    box = void_box(window)
    qtbot.mouseClick(button(box, QMessageBox.ButtonRole.AcceptRole), Qt.MouseButton.LeftButton)
    assert window.session.basket.lines == [] and window.sale.model.rowCount() == 0
    with window.session.uow.read() as uow:
        codes = [row["event_code"] for row in uow.queries.journal_rows()]
    assert codes.count(EventCode.VOID) == 2  # one per tenant


def test_a_cashiers_void_is_asked_first_then_a_manager_approves(window, qtbot):
    log_in(window)
    window.route_scan(COAT)
    box = void_box(window)
    qtbot.mouseClick(button(box, QMessageBox.ButtonRole.AcceptRole), Qt.MouseButton.LeftButton)
    approval = window.sale.dialog
    assert isinstance(approval, ApprovalDialog) and len(window.session.basket.lines) == 1
    type_slowly(approval.staff_no, "9001")
    type_slowly(approval.pin, "9999")
    press(approval.pin, Qt.Key.Key_Return)
    assert window.session.basket.lines == []


def test_enter_after_the_discount_goes_to_its_reason_not_to_ok(window):
    """The amount, Enter, the reason, Enter: the discount is given once, with its reason;
    the first Enter never gives it without one."""
    log_in(window)
    window.route_scan(TUBE)
    press(window.sale.code, Qt.Key.Key_F3)
    dialog = window.sale.dialog
    assert isinstance(dialog, DiscountDialog)
    type_slowly(dialog.amount, "10")
    press(dialog.amount, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.reason.hasFocus()
    assert window.session.basket.lines[0].discount == 0
    type_slowly(dialog.reason, "Riper")
    press(dialog.reason, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert window.session.basket.lines[0].discount == 1000
