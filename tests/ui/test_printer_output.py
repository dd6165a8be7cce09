"""The sale screen's receipts reach the print queue and a printer (here a file)."""

import time

from pos.model.basket import Basket
from pos.model.payment import Tender, TenderKind
from pos.services import checkout
from printers.printing import Printing
from ui.printer_output import QueuedPrinterOutput


def test_receipts_are_queued_and_printed_off_the_gui_thread(counter, ctx, shelf, tmp_path):
    target = tmp_path / "receipts.escpos"
    output = QueuedPrinterOutput(Printing(counter.uow, "K1", override_url=f"file://{target}"))
    output.start()
    try:
        assert output.printer_state().text == "ready"
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
    finally:
        output.stop()


def test_no_configured_printer_is_shown_not_hidden(counter):
    output = QueuedPrinterOutput(Printing(counter.uow, "K1"))
    assert output.printer_state().text == "no printer" and not output.printer_state().ready


def _read(path):
    return path.read_bytes() if path.exists() else b""
