"""A Z taken on the day-end page says what became of its printouts: with the printer offline it
says in red that the PDFs are saved and the printout did not print (it waits in the print jobs),
never that the reports were printed; with the printer there it says printed once they are."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from pos.model.basket import Basket
from pos.model.payment import Tender, TenderKind
from pos.services import checkout
from tests.printers.fake_printer import FakeNetworkPrinter
from tests.ui.conftest import log_in
from tests.ui.test_drawer_kick_outcome import OFFLINE, counter_window
from ui.pages import PageContext


@pytest.fixture
def sold(counter, ctx, shelf):
    basket = Basket()
    basket.add(shelf("KAFFE-MED"), 2)
    return checkout.complete_sale(counter.uow, ctx, basket, [Tender(TenderKind.CASH, 80000)])


def take_z(window, counter_dir, monkeypatch):  # type: ignore[no-untyped-def]
    log_in(window, "9001", "9999")
    printing = window.session.output.printing
    window.page_context = PageContext(window.session, window.tasks, printing, counter_dir)
    page = window.show_page("day_end")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.z_reports()
    assert page.last_reports and all(p.is_file() for p in page.last_pdfs)
    return page


def test_a_z_with_the_printer_offline_says_the_printout_failed_in_red(
    qtbot, counter, clock, sold, tmp_path, monkeypatch, bokmal
):
    with counter_window(qtbot, counter, clock, OFFLINE) as window:
        page = take_z(window, counter.data_dir, monkeypatch)
        qtbot.waitUntil(lambda: "IKKE" in page.message.text(), timeout=20000)
        said = page.message.text()
        assert "lagret i" in said and "Ctrl+Shift+P" in said and "PDF" in said, said
        assert "skrevet ut og lagret" not in said and page.message.problem


def test_a_z_with_the_printer_there_says_printed(
    qtbot, counter, clock, sold, tmp_path, monkeypatch, bokmal
):
    printer = FakeNetworkPrinter()
    try:
        with counter_window(qtbot, counter, clock, printer.url) as window:
            page = take_z(window, counter.data_dir, monkeypatch)
            qtbot.waitUntil(lambda: "Skrevet ut." in page.message.text(), timeout=20000)
            assert not page.message.problem
    finally:
        printer.close()
