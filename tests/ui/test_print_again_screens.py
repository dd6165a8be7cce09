"""The cashier's path when the printer is off, on the real window with the real print queue and
a fake printer on a real socket: the sale is recorded and the cashier is told at once; with the
printer back, a click on the printer state retries and the ORIGINAL prints; the look-up (F1, K)
finds the receipt by its scanned barcode and prints its one KOPI; a second copy is refused."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from pos.model.printing import PrinterRole, PrinterSetting
from pos.services import print_queue
from printers.printing import Printing
from tests.printers.escpos_decoder import decode
from tests.printers.fake_printer import FakeNetworkPrinter
from ui.main_window import MainWindow
from ui.menu_dialog import MenuDialog
from ui.pages import PageContext
from ui.payment_dialog import PaymentDialog
from ui.print_jobs_dialog import PrintJobsDialog
from ui.printer_output import QueuedPrinterOutput
from ui.receipts.lookup_page import ReceiptLookupPage
from ui.scanner.wedge_filter import WedgeScannerFilter
from ui.tasks import ImmediatePool, TaskRunner
from ui.till_session import TillSession

from .conftest import log_in, press, scan, type_slowly

COFFEE = "KAFFE-MED"


@pytest.fixture
def fake_printer() -> Iterator[FakeNetworkPrinter]:
    printer = FakeNetworkPrinter()
    yield printer
    printer.close()


@pytest.fixture
def counter_window(qtbot, counter, boss, clock, fake_printer) -> Iterator[MainWindow]:
    setting = PrinterSetting("K1", PrinterRole.RECEIPT, fake_printer.url)
    print_queue.save_printer_setting(counter.uow, boss, setting)
    printing = Printing(counter.uow, "K1", clock=clock)
    output = QueuedPrinterOutput(printing)
    output.start()
    session = TillSession(counter.uow, "K1", counter.signer(), clock=clock, output=output)
    tasks = TaskRunner(ImmediatePool())
    win = MainWindow(
        session, tasks, centre_name="Demo", register_name="Kasse 1",
        page_context=PageContext(session, tasks, printing, counter.data_dir),
    )  # fmt: skip
    qtbot.addWidget(win)
    wedge = WedgeScannerFilter(parent=win)
    app = QApplication.instance()
    assert app is not None
    app.installEventFilter(wedge)
    wedge.scanned.connect(win.route_scan)
    win.show()
    win.activateWindow()
    qtbot.waitExposed(win)
    yield win
    output.stop()
    app.removeEventFilter(wedge)
    app.removeEventFilter(win.idle)


def ring_up_coffee(window: MainWindow) -> None:
    """The coffee's code typed and Enter (the scanner's own path is the look-up's here; on a
    loaded test machine a burst may be split, which is the scanner tests' concern)."""
    type_slowly(window.sale.code, COFFEE)
    press(window.sale.code, Qt.Key.Key_Return)
    assert len(window.session.basket.lines) == 1, window.sale.message.text()


def pay_by_card(window: MainWindow, qtbot) -> object:
    press(window.sale, Qt.Key.Key_F12)
    dialog = window.sale.dialog
    assert isinstance(dialog, PaymentDialog)
    press(dialog.amount, Qt.Key.Key_F2)
    with qtbot.waitSignal(window.sale.sale_completed) as completed:
        press(dialog.amount, Qt.Key.Key_F12)
    return completed.args[0]


def big_lines(data: bytes) -> list[list[str]]:
    return [
        [ln.text for ln in page.lines[:3] if ln.width == 2] for page in decode(data).printed_pages
    ]


def receipt_codes(window: MainWindow, receipt_id: str) -> list[int]:
    """Event codes the journal holds about this receipt's paper (13012, 13014, 13030)."""
    with window.session.uow.read() as uow:
        rows = list(uow.queries.journal_rows())
    return [
        r["event_code"] for r in rows
        if r["ref_id"] == receipt_id and r["event_code"] in (13012, 13014, 13030)
    ]  # fmt: skip


def test_offline_printer_told_at_once_retry_prints_the_original_then_one_copy(
    counter_window, qtbot, fake_printer
):
    window = counter_window
    fake_printer.go_offline()
    log_in(window)
    ring_up_coffee(window)
    result = pay_by_card(window, qtbot)
    number = result.receipts[0].number
    qtbot.waitUntil(lambda: not window.print_warning.isHidden(), timeout=10_000)
    assert number in window.print_warning.text.text() and "NOT printed" in (
        window.print_warning.text.text()
    )
    assert number in window.sale.message.text()  # said on the sale screen too
    assert number in window.status.printer.text()
    receipt_id = result.receipts[0].receipt_id
    assert receipt_codes(window, receipt_id) == [13030]  # owed, never said to be printed

    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    press(window.sale, Qt.Key.Key_P, ctrl_shift)  # the key opens the list too
    assert isinstance(window.print_dialog, PrintJobsDialog) and window.print_dialog.isVisible()
    window.print_dialog.accept()
    fake_printer.go_online()
    qtbot.mouseClick(window.status.printer, Qt.MouseButton.LeftButton)
    dialog = window.print_dialog
    assert isinstance(dialog, PrintJobsDialog) and dialog.isVisible()
    assert dialog.table.item(0, 3).text() == "The original (not marked KOPI)"
    qtbot.mouseClick(dialog.retry_button, Qt.MouseButton.LeftButton)
    assert number in dialog.message.text() and "original" in dialog.message.text()
    assert "Waiting for the printer" in dialog.message.text()  # queued, not yet printed
    qtbot.waitUntil(lambda: dialog.message.text() == f"Printed: original {number}.")
    assert window.print_warning.isHidden()
    assert big_lines(fake_printer.all_printed) == [["Salgskvittering"]]
    assert receipt_codes(window, receipt_id) == [13030, 13012]  # printed now: the original
    dialog.accept()

    seen: list[str] = []

    def choose_receipts() -> None:  # the menu runs its own loop: act from inside it
        menu = QApplication.activeModalWidget()
        if not isinstance(menu, MenuDialog):
            return
        poll.stop()
        seen.append(menu.buttons["receipts"].text())
        QTest.keyClick(menu, Qt.Key.Key_K)

    poll = QTimer(window)
    poll.timeout.connect(choose_receipts)
    poll.start(20)
    press(window.sale, Qt.Key.Key_F1)
    poll.stop()
    assert seen and seen[0].endswith("\nK")
    page = window.stack.currentWidget()
    assert isinstance(page, ReceiptLookupPage)
    scan(page.number, number)  # the receipt's own barcode
    assert page.selected() is not None and page.selected().number == number
    assert page.print_button.text().startswith("Print the copy (KOPI)")
    press(page, Qt.Key.Key_F5)
    assert "KOPI" in page.message.text() and number in page.message.text()  # sent, or printed
    qtbot.waitUntil(lambda: len(fake_printer.printed) == 2, timeout=10_000)
    assert big_lines(fake_printer.printed[-1]) == [["Salgskvittering", "KOPI"]]
    qtbot.waitUntil(lambda: page.message.text() == f"Printed: KOPI {number}.", timeout=10_000)
    assert page.print_button.text().startswith("Copy already printed")
    press(page, Qt.Key.Key_F5)
    assert "bare én kopi" in page.message.text()  # the refusal, in the counter's bokmål
    assert len(fake_printer.printed) == 2


def test_each_message_of_the_failed_jobs_list_says_what_happened_and_the_status_bar_follows(
    counter_window, qtbot, fake_printer
):
    window = counter_window
    fake_printer.go_offline()
    log_in(window)
    ring_up_coffee(window)
    press(window.sale, Qt.Key.Key_F12)
    payment = window.sale.dialog
    assert isinstance(payment, PaymentDialog)
    press(payment.amount, Qt.Key.Key_Return)  # the rest in cash
    with qtbot.waitSignal(window.sale.sale_completed) as completed:
        press(payment.amount, Qt.Key.Key_Return)  # the receipt and the drawer kick fail
    number = completed.args[0].receipts[0].number
    qtbot.waitUntil(lambda: not window.print_warning.isHidden(), timeout=10_000)
    window.show_print_jobs()
    dialog = window.print_dialog
    assert isinstance(dialog, PrintJobsDialog)
    qtbot.waitUntil(lambda: len(dialog.rows) == 2, timeout=10_000)
    kinds = [row.kind.value for row in dialog.rows]
    assert sorted(kinds) == ["drawer_kick", "receipts"], kinds

    dialog.table.selectRow(kinds.index("receipts"))
    qtbot.mouseClick(dialog.retry_button, Qt.MouseButton.LeftButton)  # still offline
    assert "Waiting for the printer" in dialog.message.text()
    qtbot.waitUntil(lambda: "NOT printed" in dialog.message.text(), timeout=10_000)
    assert number in dialog.message.text() and "Printed" not in dialog.message.text()
    assert fake_printer.all_printed == b""

    qtbot.waitUntil(lambda: len(dialog.rows) == 2, timeout=10_000)
    fake_printer.go_online()
    dialog.table.selectRow([row.kind.value for row in dialog.rows].index("receipts"))
    press(dialog.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.message.text() == f"Printed: original {number}.")
    assert "1 failed print job" in window.status.printer.text()  # the drawer kick left
    (kick,) = dialog.rows
    press(dialog.table, Qt.Key.Key_Delete)
    assert dialog.message.text() == f"Dismissed, nothing printed: {kick.title}."
    assert dialog.rows == [] and dialog.isVisible()
    assert "failed" not in window.status.printer.text()  # follows the list, not the next screen


def test_a_sale_is_refused_while_the_printer_reports_the_drawer_open(
    counter_window, qtbot, fake_printer
):
    window = counter_window
    fake_printer.drawer_open = True
    log_in(window)
    ring_up_coffee(window)
    press(window.sale, Qt.Key.Key_F12)
    dialog = window.sale.dialog
    assert isinstance(dialog, PaymentDialog)
    press(dialog.amount, Qt.Key.Key_F2)
    press(dialog.amount, Qt.Key.Key_F12)
    assert "Kassaskuffen er åpen" in dialog.message.text()
    assert dialog.isVisible() and len(window.session.basket.lines) == 1  # nothing lost
    fake_printer.close_drawer()
    with qtbot.waitSignal(window.sale.sale_completed):
        press(dialog.amount, Qt.Key.Key_F12)


def open_lookup(window: MainWindow) -> ReceiptLookupPage:
    """F1, then K: the menu runs its own loop, so the key is pressed from inside it."""

    def choose() -> None:
        menu = QApplication.activeModalWidget()
        if isinstance(menu, MenuDialog):
            poll.stop()
            QTest.keyClick(menu, Qt.Key.Key_K)

    poll = QTimer(window)
    poll.timeout.connect(choose)
    poll.start(20)
    press(window.sale, Qt.Key.Key_F1)
    poll.stop()
    page = window.stack.currentWidget()
    assert isinstance(page, ReceiptLookupPage)
    return page


def copies_journaled(window: MainWindow, receipt_id: str) -> int:
    return receipt_codes(window, receipt_id).count(13014)


def test_a_copy_the_offline_printer_did_not_take_is_printed_again_as_the_same_copy(
    counter_window, qtbot, fake_printer
):
    window = counter_window
    log_in(window)
    ring_up_coffee(window)
    receipt = pay_by_card(window, qtbot).receipts[0]
    number = receipt.number
    qtbot.waitUntil(lambda: len(fake_printer.printed) == 1, timeout=10_000)
    fake_printer.go_offline()
    page = open_lookup(window)
    scan(page.number, number)
    press(page, Qt.Key.Key_F5)  # the copy is made, and the printer does not take it
    qtbot.waitUntil(lambda: "copy NOT printed" in page.detail.text(), timeout=10_000)
    assert page.print_button.text().startswith("Print the copy (KOPI)")  # not "already printed"
    assert copies_journaled(window, receipt.receipt_id) == 1
    fake_printer.go_online()
    press(page, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: len(fake_printer.printed) == 2, timeout=10_000)
    assert big_lines(fake_printer.printed[-1]) == [["Salgskvittering", "KOPI"]]
    assert copies_journaled(window, receipt.receipt_id) == 1  # the same copy, not a second one
    qtbot.waitUntil(lambda: "copy printed" in page.detail.text(), timeout=10_000)
    assert page.print_button.text().startswith("Copy already printed")


def test_a_training_receipts_copy_from_the_look_up_stays_training_and_opens_no_drawer(
    counter_window, qtbot, fake_printer
):
    window = counter_window
    log_in(window)
    press(window.sale, Qt.Key.Key_F11)  # training on
    ring_up_coffee(window)
    press(window.sale, Qt.Key.Key_F12)
    dialog = window.sale.dialog
    assert isinstance(dialog, PaymentDialog)
    press(dialog.amount, Qt.Key.Key_F1)  # cash: in training the real drawer stays shut
    with qtbot.waitSignal(window.sale.sale_completed) as completed:
        press(dialog.amount, Qt.Key.Key_F12)
    receipt = completed.args[0].receipts[0]
    assert "T" in receipt.number.rsplit("-", 1)[-1]  # the training series
    qtbot.waitUntil(lambda: len(fake_printer.printed) == 1, timeout=10_000)
    training_events = training_receipt_events(window, receipt.receipt_id)
    page = open_lookup(window)
    scan(page.number, receipt.number)
    press(page, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: len(fake_printer.printed) == 2, timeout=10_000)
    copy = decode(fake_printer.printed[-1])
    assert "IKKE KVITTERING FOR KJØP" in copy.text and "KOPI" in copy.text
    assert not decode(fake_printer.all_printed).drawer_kicks
    assert receipt_codes(window, receipt.receipt_id) == []  # no 13014: not a copy in X/Z
    assert training_receipt_events(window, receipt.receipt_id) == training_events + 1


def training_receipt_events(window: MainWindow, receipt_id: str) -> int:
    """13017 rows about this receipt: its sale, and its copy in the training series."""
    with window.session.uow.read() as uow:
        rows = list(uow.queries.journal_rows())
    return sum(1 for r in rows if r["ref_id"] == receipt_id and r["event_code"] == 13017)


def test_the_red_warning_stays_while_the_retry_waits_and_goes_once_it_printed(
    counter_window, qtbot, fake_printer
):
    """A retry queued is not a receipt printed: the warning says it was sent again and stays
    until the printer has taken it."""
    window = counter_window
    output = window.session.output
    assert isinstance(output, QueuedPrinterOutput)
    fake_printer.go_offline()
    log_in(window)
    ring_up_coffee(window)
    number = pay_by_card(window, qtbot).receipts[0].number  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: not window.print_warning.isHidden(), timeout=10_000)
    output.printing.stop_worker()  # the printer is slow to take the retry: it stays queued
    fake_printer.go_online()
    press(window.sale, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier | (
        Qt.KeyboardModifier.ShiftModifier))  # fmt: skip
    dialog = window.print_dialog
    assert isinstance(dialog, PrintJobsDialog) and dialog.isVisible()
    qtbot.mouseClick(dialog.retry_button, Qt.MouseButton.LeftButton)
    assert "Waiting for the printer" in dialog.message.text()
    dialog.accept()
    window.refresh_status()
    assert not window.print_warning.isHidden()
    said = window.print_warning.text.text()
    assert number in said and "NOT printed" in said and "Sent to the printer again" in said
    assert number in window.status.printer.text()

    events = output.events
    output.printing.start_worker(events.worker_finished, events.worker_saw_drawer_closed)
    qtbot.waitUntil(lambda: window.print_warning.isHidden(), timeout=10_000)
    assert big_lines(fake_printer.all_printed) == [["Salgskvittering"]]
    assert number not in window.status.printer.text()
