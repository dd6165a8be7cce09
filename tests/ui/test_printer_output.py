"""The sale screen's receipts reach the print queue and a printer (here a file); the printer's
state says "ready" only once a job (or the printer itself) has said so: untried it is "unknown",
and a printer that is off says so before the first sale."""

import time

from PySide6.QtWidgets import QApplication

from pos.model.basket import Basket
from pos.model.payment import Tender, TenderKind
from pos.services import checkout
from printers.printing import Printing
from ui.printer_output import QueuedPrinterOutput


def test_receipts_are_queued_and_printed_off_the_gui_thread(
    counter, ctx, shelf, tmp_path, qtbot
):
    target = tmp_path / "receipts.escpos"
    output = QueuedPrinterOutput(Printing(counter.uow, "K1", override_url=f"file://{target}"))
    output.start()
    try:
        assert output.printer_state().untried  # a file cannot answer: nothing known yet
        basket = Basket()
        basket.add(shelf("KAFFE-MED"))
        basket.add(shelf.one_off("11", 1))
        result = checkout.complete_sale(counter.uow, ctx, basket, [Tender(TenderKind.CASH, 70000)])
        output.print_sale(result)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and b"11-K1-000001" not in _read(target):
            time.sleep(0.05)
        printed = _read(target)
        assert b"Salgskvittering" in printed and b"15-K1-000001" in printed
        assert b"\x1bp" in printed  # the cash sale kicked this register's drawer
        qtbot.waitUntil(lambda: output.printer_state().text == "ready", timeout=5000)
    finally:
        output.stop()


def test_a_printer_that_is_off_is_not_called_ready_before_the_first_sale(counter, qtbot):
    output = QueuedPrinterOutput(Printing(counter.uow, "K1", override_url="tcp://127.0.0.1:9"))
    assert output.printer_state().untried
    output.start()
    try:
        qtbot.waitUntil(lambda: output.printer_state().text == "offline", timeout=5000)
        assert not output.printer_state().ready
    finally:
        output.stop()


def test_no_configured_printer_is_shown_not_hidden(counter):
    output = QueuedPrinterOutput(Printing(counter.uow, "K1"))
    assert output.printer_state().text == "no printer" and not output.printer_state().ready


def _read(path):
    return path.read_bytes() if path.exists() else b""


def test_the_status_strip_says_unknown_then_what_the_printer_answered(counter, clock, qtbot):
    from ui.main_window import MainWindow
    from ui.tasks import ImmediatePool, TaskRunner
    from ui.till_session import TillSession

    output = QueuedPrinterOutput(Printing(counter.uow, "K1", override_url="tcp://127.0.0.1:9"))
    session = TillSession(counter.uow, "K1", counter.signer(), clock=clock, output=output)
    window = MainWindow(session, TaskRunner(ImmediatePool()), centre_name="D", register_name="K")
    qtbot.addWidget(window)
    try:
        shown = window.status.printer
        assert "ukjent" in shown.text() or "unknown" in shown.text()
        assert "#b71c1c" not in shown.styleSheet()  # not red: nothing has failed yet
        output.start()
        qtbot.waitUntil(lambda: "svarer ikke" in shown.text() or "answering" in shown.text())
        assert "#b71c1c" in shown.styleSheet()
    finally:
        output.stop()
        QApplication.instance().removeEventFilter(window.idle)
