"""A centre set up from an empty data directory and run over business days, through the window
the app starts with (``CounterApp``) and keys only: set-up, login, the float asked for at once,
sales, cash out, a shift change, the close, the Z, and the next morning's float."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFormLayout, QLabel, QMessageBox

from pos.clock import SteppingClock
from pos.errors import TillNotOpen
from pos.model.events import EventCode
from pos.model.staff import Role
from pos.services import centre_company, first_run, recovery, staff, till_day
from tests.printers.escpos_decoder import decode
from ui.approval_dialog import ApprovalDialog
from ui.common import ui_language
from ui.day_end.day_end_page import DayEndPage
from ui.main_window import MainWindow
from ui.menu_dialog import MenuDialog
from ui.message_line import PROBLEM_COLOUR
from ui.payment_dialog import PaymentDialog
from ui.price_dialog import PriceDialog
from ui.till_close_dialog import TillCloseDialog
from ui.till_day.cash_dialog import CashDialog
from ui.till_day.float_dialog import FloatDialog
from ui.till_day.till_page import TillPage
from ui.window_placement import SETTLE_MS

from .conftest import TYPING_KEY_DELAY_MS
from .first_run_keys import (
    MANAGER,
    MANAGER_PIN,
    day,
    enter,
    focused,
    key,
    log_in_by_keys,
    set_up_by_keys,
    started_counter,
    type_text,
)


@pytest.fixture
def clock() -> SteppingClock:
    return SteppingClock(day(2026, 3, 2, 8, 30))


@pytest.fixture
def counter_app(tmp_path, qtbot, clock):
    with started_counter(tmp_path, qtbot, clock) as started:
        yield started


@pytest.fixture
def window(counter_app, tmp_path, qtbot) -> MainWindow:
    return set_up_by_keys(counter_app, f"file://{tmp_path / 'printer.escpos'}", qtbot)


def journal(window: MainWindow) -> list[tuple[int, int | None, dict]]:
    with window.session.uow.read() as uow:
        rows = list(uow.queries.journal_rows())
    return [(r["event_code"], r["amount"], json.loads(r["details"])) for r in rows]


def open_with_float(window: MainWindow, amount: str) -> None:
    dialog = window.sale.dialog
    assert isinstance(dialog, FloatDialog) and dialog.isVisible()
    figures = dialog.last_figures  # shown only where it is laid out, never over the intro
    laid_out = any(form.indexOf(figures) >= 0 for form in dialog.findChildren(QFormLayout))
    assert figures.isVisible() == laid_out
    assert focused() is dialog.amount
    enter(amount)
    assert not dialog.isVisible(), dialog.error.text()


def sell_quick_item(window: MainWindow, qtbot, price: str, paid: str) -> object:
    """Alt+1 (the first tenant's open-price key), the price, F12, cash, Enter."""
    key(Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    dialog = window.sale.dialog
    assert isinstance(dialog, PriceDialog) and dialog.isVisible(), window.sale.message.text()
    enter(price)
    key(Qt.Key.Key_F12)
    payment = window.sale.dialog
    assert isinstance(payment, PaymentDialog), window.sale.message.text()
    enter(paid)
    with qtbot.waitSignal(window.sale.sale_completed) as completed:
        key(Qt.Key.Key_Return)
    return completed.args[0]


def open_menu_page(window: MainWindow, label: str) -> object:
    """F1 and the digit the menu shows for the page (by its key: 'till', 'day_end')."""
    QTimer.singleShot(0, lambda: _choose(label))
    key(Qt.Key.Key_F1)
    return window.stack.currentWidget()


def _choose(label: str) -> None:
    """Once the menu (run by ``exec``) is up: the digit shown on the page's button."""
    menu = QApplication.activeModalWidget()
    if not isinstance(menu, MenuDialog):
        QTimer.singleShot(20, lambda: _choose(label))
        return
    button = menu.buttons[label]
    shown = button.text().rsplit("\n", 1)[-1]  # its digit or letter
    QTest.keyClick(menu, getattr(Qt.Key, f"Key_{shown}"))


def test_an_empty_data_directory_is_set_up_by_keys_and_the_first_login_opens_the_till(
    window, counter_app, qtbot, tmp_path
):
    assert not first_run.needs_set_up(counter_app.counter.uow)
    assert counter_app.first_run is None and window.isVisible()
    assert window.session.overview().centre_name == "Omigjen Asker"
    company = centre_company.centre_company(window.session.uow)
    assert company == centre_company.CentreCompany("Omigjen Asker AS", "923456783", "97100512347")
    set_up = [d for code, _, d in journal(window) if "centre_company" in d]
    assert set_up and set_up[0]["centre_company"]["org_no"] == "923456783"  # journaled
    assert "closed" in window.login.till_note.text() or "stengt" in window.login.till_note.text()
    printed = decode((tmp_path / "printer.escpos").read_bytes()).text
    assert "Testutskrift" in printed  # the set-up's test page reached the printer
    assert "Gjenopprettingskode" in printed and recovery.has_recovery_code(window.session.uow)
    log_in_by_keys(window)
    open_with_float(window, "1500")
    status = till_day.till_status(window.session.uow, "K1")
    assert status.is_open and status.float_amount == 150000
    assert window.login.till_note.text() == ""
    sale = sell_quick_item(window, qtbot, "249", "300")
    assert sale.receipts[0].number == "11-K1-000001"  # Alt+1: "11 Diverse – Bua Brukte Klær AS"
    assert sale.change == 5100


def printed_text(tmp_path, qtbot, expected: str) -> str:
    """What reached the counter's printer (a file here), once ``expected`` is in it."""
    path = tmp_path / "printed.escpos"

    def arrived() -> bool:
        return path.is_file() and expected in decode(path.read_bytes()).text

    qtbot.waitUntil(arrived, timeout=5000)
    return decode(path.read_bytes()).text


def approve_as_manager() -> None:
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, ApprovalDialog), dialog
    enter(MANAGER)
    enter(MANAGER_PIN)


def test_cash_out_from_the_menu_prints_a_slip_and_a_technician_needs_a_manager(
    window, qtbot, tmp_path
):
    log_in_by_keys(window)
    open_with_float(window, "1500")
    page = open_menu_page(window, "till")
    assert isinstance(page, TillPage) and "1\xa0500,00" in page.state.text()
    key(Qt.Key.Key_F4)
    dialog = page.dialog
    assert isinstance(dialog, CashDialog) and focused() is dialog.amount
    enter("300")
    assert QApplication.focusWidget() is dialog.reason
    enter()  # no reason: refused with a message, nothing recorded
    assert dialog.isVisible() and dialog.error.text()
    dialog.reason.setFocus()
    enter("Bankinnskudd")
    assert not dialog.isVisible()
    withdrawal = [e for e in journal(window) if e[0] == EventCode.CASH_WITHDRAWAL]
    assert [(w[1], w[2]["reason"]) for w in withdrawal] == [(-30000, "Bankinnskudd")]
    assert "300,00" in page.state.text()
    assert "Årsak: Bankinnskudd" in printed_text(tmp_path, qtbot, "Uttak fra kasse")

    boss = window.session.context()
    staff.add(window.session.uow, boss, "2001", "Tor Tekniker", Role.TECHNICIAN, "2345")
    key(Qt.Key.Key_Escape)
    key(Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    log_in_by_keys(window, "2001", "2345")
    assert window.sale.dialog is None or not window.sale.dialog.isVisible()  # the till is open
    page = open_menu_page(window, "till")
    key(Qt.Key.Key_F3)  # cash in
    enter("200")
    enter("Veksel fra banken")
    approve_as_manager()
    cash_in = [e for e in journal(window) if e[2].get("kind") == "cash_in"]
    assert [(c[1], "approved_by" in c[2]) for c in cash_in] == [(20000, True)]
    # Both dialogs gone, the keyboard is back in the counter's window by itself (nothing
    # here activates it): the till page takes its next key, the shift change, at once.
    QTest.qWait(SETTLE_MS + 100)  # the window system has said where the keyboard went
    assert QApplication.activeWindow() is window
    QTest.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_F5)
    assert isinstance(QApplication.activeModalWidget(), ApprovalDialog)  # a technician's


def test_a_closed_till_is_said_at_login_and_at_the_first_item_never_at_payment(window):
    log_in_by_keys(window)
    dialog = window.sale.dialog
    assert isinstance(dialog, FloatDialog)
    enter()  # no float typed: refused, the till stays closed
    assert dialog.isVisible() and dialog.error.text()
    key(Qt.Key.Key_Escape)  # not now
    assert not dialog.isVisible()
    assert "F1" in window.sale.message.text()  # the sale screen says how to open it
    key(Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)  # a quick key: refused before the price
    assert QApplication.activeModalWidget() is None
    assert window.session.basket.lines == []
    assert window.sale.message.text() == TillNotOpen().message(ui_language())


def drawer_kicks(tmp_path) -> int:
    path = tmp_path / "printed.escpos"
    return len(decode(path.read_bytes()).drawer_kicks) if path.is_file() else 0


def test_a_cashier_counts_the_float_by_denomination_a_manager_approves_and_the_drawer_opens(
    window, qtbot, tmp_path
):
    log_in_by_keys(window)
    staff.add(window.session.uow, window.session.context(), "1001", "Kari Kasserer",
              Role.CASHIER, "1234")  # fmt: skip
    key(Qt.Key.Key_Escape)  # the manager leaves the float to the cashier
    key(Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    kicks_before = drawer_kicks(tmp_path)
    log_in_by_keys(window, "1001", "1234")
    dialog = window.sale.dialog
    assert isinstance(dialog, FloatDialog) and focused() is dialog.amount
    for pieces in ("1", "1", "", "3"):  # Tab: 1000, 500, 200, 100 kr
        key(Qt.Key.Key_Tab)
        type_text(pieces)

    def counted() -> None:  # the count decides
        assert dialog.amount.text().replace("\xa0", " ") == "1 800,00 kr"

    # The last digit reaches its box once the wedge filter has seen no burst follow it (a gap
    # of 50 ms, later on a busy machine): the total a person sees then.
    qtbot.waitUntil(counted)
    key(Qt.Key.Key_Return)
    approve_as_manager()  # a cashier opens the till only with a manager's approval
    assert not dialog.isVisible(), dialog.error.text()
    status = till_day.till_status(window.session.uow, "K1")
    assert status.is_open and status.float_amount == 180000
    opening = [e for e in journal(window) if e[2].get("kind") == "till_open"]
    assert [(o[1], o[2]["counted"], o[2]["approved_by"] != "") for o in opening] == [
        (180000, {"100000": 1, "50000": 1, "10000": 3}, True)
    ]
    qtbot.waitUntil(lambda: drawer_kicks(tmp_path) > kicks_before, timeout=5000)
    qtbot.waitUntil(  # journaled once the kick reached the printer
        lambda: any(e[0] == EventCode.DRAWER_OPEN for e in journal(window)), timeout=5000
    )
    assert "1\xa0800,00" in window.sale.message.text()


def test_a_shift_change_hands_over_without_a_z_and_the_next_cashier_sells_at_once(
    window, qtbot, clock
):
    log_in_by_keys(window)
    boss = window.session.context()
    staff.add(window.session.uow, boss, "1001", "Kari Kasserer", Role.CASHIER, "1234")
    open_with_float(window, "1000")
    key(Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    log_in_by_keys(window, "1001", "1234")
    sell_quick_item(window, qtbot, "100", "100")
    clock.advance(hours=5)
    page = open_menu_page(window, "till")
    key(Qt.Key.Key_F5)
    dialog = page.dialog
    assert isinstance(dialog, TillCloseDialog) and not dialog.card_edit.isVisible()
    dialog.spin_boxes[100000].setFocus(Qt.FocusReason.TabFocusReason)
    assert "1\xa0100" not in " ".join(w.text() for w in dialog.findChildren(QLabel))
    enter("1")  # 1 000 kr counted and saved: only now 1 100 kr expected is shown
    assert dialog.isVisible() and "1\xa0100,00" in dialog.outcome_label.text()
    assert focused() is dialog.note_edit  # the note on the variance is asked for
    type_text("100 kr i feil veksel")
    key(Qt.Key.Key_Tab)  # on to "Save the note"
    key(Qt.Key.Key_Return)
    assert window.session.operator is None  # handed over: the next person logs in
    assert "1\xa0100,00" in window.login.message.text()  # counted 1 000, expected 1 100
    assert not window.login.message.problem  # a hand-over is news for the next person
    assert PROBLEM_COLOUR not in window.login.message.styleSheet()
    log_in_by_keys(window, MANAGER, MANAGER_PIN)
    assert window.sale.dialog is None or not window.sale.dialog.isVisible()  # no float asked
    assert till_day.till_status(window.session.uow, "K1").float_amount == 100000
    till_page = open_menu_page(window, "till")
    assert isinstance(till_page, TillPage)
    state = till_page.state.text()  # who holds it now, not who handed it over
    assert state.startswith("The till is held by Mona Leder, handed over by Kari Kasserer at ")
    assert "Mona Leder opened the day at 2026-03-02 08:30." in state
    key(Qt.Key.Key_Escape)
    kinds = [e[2].get("kind") for e in journal(window) if e[0] == EventCode.OTHER]
    assert kinds.count("shift_change") == 1
    assert not [e for e in journal(window) if e[0] == EventCode.Z_REPORT]


def answer_yes_when_asked() -> None:
    """The Z's "cannot be undone" question (run by ``exec``): Enter takes its default, Yes."""
    box = QApplication.activeModalWidget()
    if not isinstance(box, QMessageBox):
        QTimer.singleShot(20, answer_yes_when_asked)
        return
    QTest.keyClick(box, Qt.Key.Key_Return)


def count_and_close(window: MainWindow, page: DayEndPage, pieces: dict[int, str]) -> None:
    """F4 on the day-end page, the pieces typed into their denominations, Enter closes."""
    errors: list[str] = []

    def count() -> None:  # in the dialog's own event loop (the page runs it with exec)
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, TillCloseDialog):
            QTimer.singleShot(20, count)
            return
        for value, number in pieces.items():
            box = dialog.spin_boxes[value]
            box.setFocus(Qt.FocusReason.TabFocusReason)
            box.selectAll()
            QTest.keyClicks(box, number, Qt.KeyboardModifier.NoModifier, TYPING_KEY_DELAY_MS)
            QTest.qWait(TYPING_KEY_DELAY_MS)  # the wedge detector hands the key on
        QTest.keyClick(box, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, 100)
        if dialog.isVisible():
            errors.append(dialog.error_label.text())
            dialog.reject()

    QTimer.singleShot(0, count)
    key(Qt.Key.Key_F4)
    assert not errors, errors


def take_z(page: DayEndPage) -> list:
    QTimer.singleShot(0, answer_yes_when_asked)
    key(Qt.Key.Key_F3)
    return page.last_reports


def test_close_z_and_the_next_morning_the_first_login_opens_the_till_again(window, qtbot, clock):
    log_in_by_keys(window)
    open_with_float(window, "1500")
    first = sell_quick_item(window, qtbot, "249", "300")
    clock.advance(hours=9)  # 17:30
    page = open_menu_page(window, "day_end")
    assert isinstance(page, DayEndPage)
    count_and_close(window, page, {100: "4", 500: "1", 2000: "2", 20000: "1", 50000: "1",
                                   100000: "1"})  # 1 749 kr  # fmt: skip
    assert not till_day.till_status(window.session.uow, "K1").is_open
    day_one = take_z(page)
    assert {(r.company_name, r.z_number, r.business_date) for r in day_one} == {
        ("Omigjen Ombruk AS", 1, "2026-03-02"), ("Bua Brukte Klær AS", 1, "2026-03-02"),
    }  # fmt: skip
    key(Qt.Key.Key_Escape)
    assert window.stack.currentWidget() is window.sale
    assert "F1" in window.sale.message.text()  # the till is closed, and the screen says so
    key(Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.login.till_note.text()

    clock.current = day(2026, 3, 3, 8, 45)  # the next business day
    log_in_by_keys(window)
    dialog = window.sale.dialog
    assert isinstance(dialog, FloatDialog)
    said = dialog.last_figures.text().replace("\xa0", " ")
    closed = till_day.till_status(window.session.uow, "K1").since
    assert said == (
        f"Counted in the drawer at the last close ({closed}): 1 749,00 kr\n"
        "Float when the till was last opened: 1 500,00 kr"
    )  # each figure named: the count held the day's takings on top of the float
    open_with_float(window, "1500")
    second = sell_quick_item(window, qtbot, "99", "99")
    assert first.receipts[0].number == "11-K1-000001"
    assert second.receipts[0].number == "11-K1-000002"
    clock.advance(hours=8)
    page = open_menu_page(window, "day_end")
    count_and_close(window, page, {100: "4", 500: "1", 2000: "2", 5000: "1", 50000: "1",
                                   100000: "1"})  # 1 599 kr  # fmt: skip
    day_two = {r.company_name: r for r in take_z(page)}
    bua = day_two["Bua Brukte Klær AS"]
    assert (bua.z_number, bua.business_date) == (2, "2026-03-03")
    opened = [e for e in journal(window) if e[2].get("kind") == "till_open"]
    assert [o[1] for o in opened] == [150000, 150000]
