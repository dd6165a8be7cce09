"""A return paid out as a new credit note (tilgodelapp): the sale screen says its number and
amount when the return is recorded, and the slip the printer got carries the same number in
words and as its barcode (read back from the ESC/POS bytes)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from pos.identifiers import make_in_store_ean13
from pos.model.payment import Tender, TenderKind
from printers.printing import Printing
from tests.printers.escpos_decoder import decode
from ui.common import kr
from ui.main_window import MainWindow
from ui.printer_output import QueuedPrinterOutput
from ui.returns_dialog import ReturnsDialog
from ui.tasks import ImmediatePool, TaskRunner
from ui.till_session import TillSession

from .conftest import log_in, press, scan
from .test_returns_training_basket import approve

COAT = make_in_store_ean13("11", 1)


@pytest.fixture
def printed_window(qtbot, counter, clock, tmp_path) -> Iterator[tuple[MainWindow, Path]]:  # type: ignore[no-untyped-def]
    paper = tmp_path / "printed.escpos"
    output = QueuedPrinterOutput(
        Printing(counter.uow, "K1", override_url=f"file://{paper}", clock=clock)
    )
    output.start()
    session = TillSession(counter.uow, "K1", counter.signer(), clock=clock, output=output)
    win = MainWindow(session, TaskRunner(ImmediatePool()), centre_name="Demo",
                     register_name="Kasse 1")  # fmt: skip
    qtbot.addWidget(win)
    win.show()
    win.activateWindow()
    qtbot.waitExposed(win)
    yield win, paper
    output.stop()
    app = QApplication.instance()
    assert app is not None
    app.removeEventFilter(win.idle)


def test_the_credit_note_of_a_return_is_named_on_screen_and_on_its_slip(printed_window, qtbot):
    window, paper = printed_window
    log_in(window)
    scan(window.sale.code, COAT)
    total = window.session.basket.total
    sold = window.session.pay([Tender(TenderKind.CARD, total)]).receipts[0].number
    window.sale.model.reset()
    scan(window.sale.code, sold)
    dialog = window.sale.dialog
    assert isinstance(dialog, ReturnsDialog) and dialog.table.rowCount() == 1
    press(dialog, Qt.Key.Key_F4)  # a new credit note
    press(dialog, Qt.Key.Key_F12)
    approve(dialog.approval)
    assert not dialog.isVisible(), dialog.message.text()
    with window.session.uow.read() as uow:
        returned = uow.queries.receipt_by_number("11-K1-R000001")
        ((note, amount),) = uow.queries.receipt_doc(returned["id"]).credit_notes_issued
    assert (note, amount) == ("TG11000001", total)
    said = window.sale.message.text()
    assert "11-K1-R000001" in said and note in said and kr(total) in said, said

    def slip() -> list:  # type: ignore[type-arg]
        data = paper.read_bytes() if paper.exists() else b""
        return [p for p in decode(data).printed_pages if "11-K1-R000001" in p.text]

    qtbot.waitUntil(lambda: bool(slip()), timeout=10_000)
    (page,) = slip()
    assert f"Tilgodelapp {note}" in page.text
    assert note in [code for _kind, code in page.barcodes]


def test_the_find_button_clicked_with_the_mouse_loads_the_typed_receipt(printed_window, qtbot):
    """Find by the mouse reads the number typed, as Enter does (the button's ``checked`` flag
    must never stand in for the receipt number)."""
    window, _paper = printed_window
    log_in(window)
    scan(window.sale.code, COAT)
    sold = window.session.pay([Tender(TenderKind.CARD, window.session.basket.total)])
    window.sale.model.reset()
    scan(window.sale.code, sold.receipts[0].number)
    dialog = window.sale.dialog
    assert isinstance(dialog, ReturnsDialog)
    dialog.table.setRowCount(0)
    buttons = dialog.findChildren(QPushButton)
    find = next(b for b in buttons if b.text().startswith(("Finn", "Find")))
    qtbot.mouseClick(find, Qt.MouseButton.LeftButton)
    assert dialog.table.rowCount() == 1, dialog.message.text()
