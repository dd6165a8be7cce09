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

from .conftest import log_in, press, scan

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


def test_offline_printer_told_at_once_retry_prints_the_original_then_one_copy(
    counter_window, qtbot, fake_printer
):
    window = counter_window
    fake_printer.go_offline()
    log_in(window)
    scan(window.sale.code, COFFEE)
    result = pay_by_card(window, qtbot)
    number = result.receipts[0].number
    qtbot.waitUntil(lambda: not window.print_warning.isHidden(), timeout=10_000)
    assert number in window.print_warning.text.text() and "NOT printed" in (
        window.print_warning.text.text()
    )
    assert number in window.sale.message.text()  # said on the sale screen too
    assert number in window.status.printer.text()

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
    assert number in dialog.message.text() and "Original" in dialog.message.text()
    qtbot.waitUntil(lambda: window.print_warning.isHidden(), timeout=10_000)
    assert big_lines(fake_printer.all_printed) == [["Salgskvittering"]]
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
    assert "copy (KOPI)" in page.message.text()
    qtbot.waitUntil(lambda: len(fake_printer.printed) == 2, timeout=10_000)
    assert big_lines(fake_printer.printed[-1]) == [["Salgskvittering", "KOPI"]]
    press(page, Qt.Key.Key_F5)
    assert "bare én kopi" in page.message.text()  # the refusal, in the counter's bokmål
    assert len(fake_printer.printed) == 2


def test_a_sale_is_refused_while_the_printer_reports_the_drawer_open(
    counter_window, qtbot, fake_printer
):
    window = counter_window
    fake_printer.drawer_open = True
    log_in(window)
    scan(window.sale.code, COFFEE)
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
