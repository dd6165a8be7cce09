"""The drawer as the printer reports it (DLE EOT 1, bit 2) on a real socket: no sale while it is
open (§ 2-6 (5)), its closing journaled 13006, nothing decided on a guess when the printer cannot
tell, and a training sale that never opens it."""

from __future__ import annotations

import time

import pytest

from pos.model.basket import Basket
from pos.model.drawer import DrawerOpen, DrawerState
from pos.model.payment import Tender, TenderKind
from pos.model.printing import PrinterRole, PrinterSetting
from pos.services import checkout, print_queue, till
from printers.drawer_watch import DrawerWatch, Watched
from printers.printing import Printing
from printers.worker import PrintWorker
from tests.printers.escpos_decoder import decode


@pytest.fixture
def printing(counter, boss, fake_printer, clock):
    setting = PrinterSetting("K1", PrinterRole.RECEIPT, fake_printer.url, "TM-T20II", 48)
    print_queue.save_printer_setting(counter.uow, boss, setting)
    return Printing(counter.uow, "K1", clock=clock)


def cash_sale(counter, ctx, shelf):
    basket = Basket()
    basket.add(shelf("KAFFE-MED"))
    return checkout.complete_sale(counter.uow, ctx, basket, [Tender(TenderKind.CASH, 10000)])


def codes(counter):
    with counter.uow.read() as uow:
        return [r["event_code"] for r in uow.queries.journal_rows()]


def fast_watch(counter, printing, transport):
    return DrawerWatch(counter.uow, "K1", transport, clock=printing.clock, poll_s=0.02)


def wait_for(condition, seconds=10.0):
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


def test_no_sale_is_registered_while_the_drawer_reports_open_and_its_closing_is_journaled(
    counter, ctx, shelf, printing, fake_printer
):
    ctx.drawer = printing.drawer_state
    transports = printing.transports()
    watch = fast_watch(counter, printing, transports[PrinterRole.RECEIPT])
    worker = PrintWorker(counter.uow, "K1", transports, clock=printing.clock, drawer_watch=watch)
    printing.worker = worker  # the sensor asks through the worker's line, as in the app
    try:
        printing.print_sale(cash_sale(counter, ctx, shelf))
        worker.run_pending()  # the kick goes out; the watch starts asking
        assert decode(fake_printer.printed[0]).drawer_kicks == [2] and fake_printer.drawer_open
        assert printing.drawer_state() is DrawerState.OPEN
        journal_before = codes(counter)
        with pytest.raises(DrawerOpen) as refused:
            cash_sale(counter, ctx, shelf)
        assert "Lukk skuffen" in refused.value.message("nb")
        assert 13006 not in codes(counter) and len(codes(counter)) == len(journal_before)

        fake_printer.close_drawer()
        wait_for(lambda: 13006 in codes(counter))
        assert codes(counter).count(13006) == 1
        cash_sale(counter, ctx, shelf)  # closed: the sale goes through
    finally:
        watch.stop()


def test_a_printer_that_cannot_report_the_drawer_blocks_nothing_and_journals_no_closing(
    counter, ctx, shelf, printing, fake_printer
):
    fake_printer.answers_status = False
    ctx.drawer = printing.drawer_state
    printing.print_sale(cash_sale(counter, ctx, shelf))
    transports = printing.transports()
    PrintWorker(counter.uow, "K1", transports, clock=printing.clock).run_pending()
    assert fake_printer.drawer_open  # it is open, but the printer will not say so
    assert printing.drawer_state() is DrawerState.UNKNOWN
    cash_sale(counter, ctx, shelf)
    watch = fast_watch(counter, printing, transports[PrinterRole.RECEIPT])
    assert watch.watch("kick") is Watched.CANNOT_TELL
    assert 13006 not in codes(counter)


def test_a_drawer_without_a_sensor_is_set_up_with_drawer_none(counter, ctx, shelf, boss, clock):
    from tests.printers.fake_printer import FakeNetworkPrinter

    printer = FakeNetworkPrinter()
    try:
        printer.drawer_open = True
        url = f"{printer.url}?drawer=none"
        print_queue.save_printer_setting(
            counter.uow, boss, PrinterSetting("K1", PrinterRole.RECEIPT, url)
        )
        ctx.drawer = Printing(counter.uow, "K1", clock=clock).drawer_state
        cash_sale(counter, ctx, shelf)  # an open reading on an unwired pin is not believed
        assert printer.status_questions > 0  # it was asked, and answered
    finally:
        printer.close()


def test_a_training_cash_sale_never_opens_the_drawer(counter, ctx, shelf, printing, fake_printer):
    till.set_training(counter.uow, ctx, True, basket=Basket())
    result = cash_sale(counter, ctx, shelf)
    jobs = printing.print_sale(result)
    PrintWorker(counter.uow, "K1", printing.transports(), clock=printing.clock).run_pending()
    assert len(jobs) == 1  # the receipt only: no kick
    assert decode(fake_printer.all_printed).drawer_kicks == []
    assert not fake_printer.drawer_open
    with counter.uow.read() as uow:
        rows = [r for r in uow.queries.journal_rows() if r["ref_id"] == result.sale_id]
    assert [r["event_code"] for r in rows] == []  # no 13005 for the training sale
    page = decode(fake_printer.all_printed).printed_pages[0]
    assert [ln.text for ln in page.lines[:2]] == ["Treningskvittering", "IKKE KVITTERING FOR KJØP"]


def sale_rows(counter, sale_id):
    with counter.uow.read() as uow:
        return [r for r in uow.queries.journal_rows() if r["ref_id"] == sale_id]


def test_a_cash_sale_journals_the_drawer_opened_only_when_the_kick_reached_the_printer(
    counter, ctx, shelf, boss, clock
):
    """Printer offline: the kick fails, no 13005 (the drawer did not open), the failed kick is
    listed; the next cash sale on a working printer journals its 13005 once the kick is sent,
    with the kick's bytes really on the wire."""
    from tests.printers.fake_printer import FakeNetworkPrinter

    offline = PrinterSetting("K1", PrinterRole.RECEIPT, "tcp://127.0.0.1:9", "TM-T20II", 48)
    print_queue.save_printer_setting(counter.uow, boss, offline)
    printing = Printing(counter.uow, "K1", clock=clock)
    first = cash_sale(counter, ctx, shelf)
    kick, _receipt = printing.print_sale(first)
    PrintWorker(counter.uow, "K1", printing.transports(), clock=clock).run_pending()
    assert 13005 not in [r["event_code"] for r in sale_rows(counter, first.sale_id)]
    with counter.uow.read() as uow:
        failed = uow.printing.job(kick)
    assert failed is not None and failed.status.value == "failed"
    numbers = ", ".join(r.number for r in first.receipts)  # the failed job named as people know it
    assert failed.title == f"Skuff: salg {numbers}" and first.sale_id[:8] not in failed.title

    printer = FakeNetworkPrinter()
    try:
        working = PrinterSetting("K1", PrinterRole.RECEIPT, printer.url, "TM-T20II", 48)
        print_queue.save_printer_setting(counter.uow, boss, working)
        printing = Printing(counter.uow, "K1", clock=clock)
        second = cash_sale(counter, ctx, shelf)
        printing.print_sale(second)
        assert 13005 not in [r["event_code"] for r in sale_rows(counter, second.sale_id)]
        PrintWorker(counter.uow, "K1", printing.transports(), clock=clock).run_pending()
        assert len(decode(printer.all_printed).drawer_kicks) == 1
        opened = [r for r in sale_rows(counter, second.sale_id) if r["event_code"] == 13005]
        assert len(opened) == 1 and '"reason":"sale"' in opened[0]["details"]
        assert opened[0]["staff_id"] == ctx.operator.staff_id
        assert print_queue.sale_drawer_opening(counter.uow, second.sale_id) is None  # once
    finally:
        printer.close()
    assert 13005 not in [r["event_code"] for r in sale_rows(counter, first.sale_id)]
