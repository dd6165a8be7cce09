"""F10 (no sale) and cash in/out on a real print queue: the drawer opening (13005) is journaled
only when the kick reached the printer, and a kick that failed is said at once (over the sale
screen, and on the till page), in the cashier's language; nothing claims an opening that did
not happen."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QInputDialog

from pos.model.events import EventCode
from printers.printing import Printing
from tests.printers.fake_printer import FakeNetworkPrinter
from ui.main_window import MainWindow
from ui.printer_output import QueuedPrinterOutput
from ui.tasks import ImmediatePool, TaskRunner
from ui.till_day.cash_dialog import CashDialog
from ui.till_session import TillSession

from .conftest import log_in, press, type_slowly

OFFLINE = "tcp://127.0.0.1:9"


@contextmanager
def counter_window(qtbot, counter, clock, url: str) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    output = QueuedPrinterOutput(Printing(counter.uow, "K1", clock=clock, override_url=url))
    session = TillSession(counter.uow, "K1", counter.signer(), clock=clock, output=output)
    window = MainWindow(session, TaskRunner(ImmediatePool()), centre_name="D", register_name="K")
    qtbot.addWidget(window)
    output.start()
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    try:
        yield window
    finally:
        output.stop()
        QApplication.instance().removeEventFilter(window.idle)


@pytest.fixture
def printer() -> Iterator[FakeNetworkPrinter]:
    found = FakeNetworkPrinter()
    yield found
    found.close()


def openings(window: MainWindow) -> list[dict]:
    with window.session.uow.read() as uow:
        rows = uow.queries.journal_rows()
        return [json.loads(r["details"]) for r in rows if r["event_code"] == EventCode.DRAWER_OPEN]


def no_sale(window: MainWindow, reason: str) -> None:
    press(window.sale, Qt.Key.Key_F10)
    dialog = window.sale.dialog
    assert isinstance(dialog, QInputDialog)
    dialog.setTextValue(reason)
    dialog.accept()


def cash_out(window: MainWindow, amount: str, reason: str):  # type: ignore[no-untyped-def]
    till = window.show_page("till")
    till.move_cash(out=True)  # type: ignore[attr-defined]
    dialog = till.dialog  # type: ignore[attr-defined]
    assert isinstance(dialog, CashDialog)
    type_slowly(dialog.amount, amount)
    type_slowly(dialog.reason, reason)
    press(dialog.reason, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    return till


def test_an_offline_printer_opens_no_drawer_and_the_cashier_is_told_in_bokmal(
    qtbot, counter, clock, bokmal
):
    with counter_window(qtbot, counter, clock, OFFLINE) as window:
        before = openings(window)
        log_in(window, "9001", "9999")  # a manager: F10 needs no other approval
        no_sale(window, "Veksle 500-lapp")
        assert "sendt til skriveren" in window.sale.message.text()
        qtbot.waitUntil(window.refusals.isVisible, timeout=10000)
        shown = window.refusals.text.text()
        assert "Skuffen åpnet seg IKKE" in shown and "Ingen åpning er journalført" in shown
        assert "Skanning avvist" not in shown  # said as what it is, not as a refused scan
        assert "(tcp://127.0.0.1:9)" in shown and "not sent" not in shown  # no English inside
        assert openings(window) == before

        till = cash_out(window, "100", "Til banken")
        said = till.message.text
        qtbot.waitUntil(lambda: "Slippen ble ikke skrevet ut" in said(), timeout=10000)
        assert "Ut av kassen: 100,00" in said() and "Skuffen åpnet seg IKKE" in said()
        with window.session.uow.read() as uow:
            codes = [r["event_code"] for r in uow.queries.journal_rows()]
        assert EventCode.CASH_WITHDRAWAL in codes  # the money is recorded, the drawer is not
        assert openings(window) == before


def test_a_kick_that_reached_the_printer_journals_its_opening_once(
    qtbot, counter, clock, printer, english
):
    with counter_window(qtbot, counter, clock, printer.url) as window:
        before = len(openings(window))
        log_in(window, "9001", "9999")
        no_sale(window, "Veksle 500-lapp")
        qtbot.waitUntil(lambda: len(openings(window)) == before + 1, timeout=10000)
        qtbot.waitUntil(lambda: "Drawer opened (no sale)" in window.sale.message.text())
        opened = openings(window)[-1]
        assert opened["reason"] == "no_sale" and opened["note"] == "Veksle 500-lapp"
        assert opened["approved_by"] is None  # the manager opened it alone
        assert not window.refusals.isVisible()

        printer.close_drawer()
        till = cash_out(window, "100", "Til banken")
        qtbot.waitUntil(lambda: len(openings(window)) == before + 2, timeout=10000)
        assert openings(window)[-1]["reason"] == "cash_out"
        qtbot.waitUntil(lambda: "The drawer is open" in till.message.text(), timeout=10000)
        assert "Cash out: 100,00" in till.message.text()


def test_a_cash_sales_failed_kick_stays_said_whichever_arrives_first(qtbot, counter, clock):
    """The sale's drawer kick can fail before the sale's completion reaches the window (the
    printer refuses at once): completing the basket clears its refusals, never the alert about
    the drawer of that very sale. Both orders, a person's sale on an offline printer."""
    with counter_window(qtbot, counter, clock, OFFLINE) as window:
        log_in(window)
        window.refusals.add("an earlier refused scan")
        window.refusals.alert("The drawer did NOT open")  # the kick's failure came first
        window.sale.sale_completed.emit(None)  # then the sale's completion
        assert window.refusals.isVisible()
        assert window.refusals.text.text() == "The drawer did NOT open"
        window.refusals.alert("The drawer did NOT open")  # the next sale's drawer too
        assert window.refusals.text.text() == "The drawer did NOT open"  # said once
        window.refusals.acknowledge()  # seen: gone
        assert not window.refusals.isVisible()
