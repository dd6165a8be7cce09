"""The print queue against a fake network printer on loopback that goes offline and runs out of
paper mid-job: the sale always stands, failed jobs show, retry is explicit and never prints a
printed job again, a receipt that may be on paper comes back only as its one copy (a receipt
the printer never took comes back as its original: tests/printers/test_print_again.py)."""

from __future__ import annotations

import time

import pytest

from pos.errors import PermissionDenied
from pos.model.basket import Basket
from pos.model.payment import Tender, TenderKind
from pos.model.printing import (
    InvalidPrinterSetting,
    JobKind,
    JobStatus,
    PrinterNotConfigured,
    PrinterRole,
    PrinterSetting,
    PrintJobAlreadyPrinted,
    PrintJobNotRetryable,
)
from pos.services import checkout, print_queue
from pos.services.context import TillContext
from printers.printing import Printing
from tests.printers.escpos_decoder import decode
from tests.printers.fake_printer import FakeNetworkPrinter


@pytest.fixture
def manager_ctx(counter, manager, clock):
    return TillContext("K1", manager, counter.signer(), clock)


@pytest.fixture
def printing(counter, manager_ctx, fake_printer, clock):
    setting = PrinterSetting("K1", PrinterRole.RECEIPT, fake_printer.url, "TM-T20II", 48)
    print_queue.save_printer_setting(counter.uow, manager_ctx, setting)
    return Printing(counter.uow, "K1", clock=clock)


def worker(printing):
    from printers.worker import PrintWorker

    return PrintWorker(
        printing.uow, printing.register_id, printing.transports(), clock=printing.clock
    )


def sell(counter, ctx, shelf, tenders=None):
    basket = Basket()
    basket.add(shelf.one_off("11", 1))
    basket.add(shelf("KAFFE-MED"), 2)
    basket.add(shelf("SMA-DIV"), 1, 4950)
    return checkout.complete_sale(
        counter.uow, ctx, basket, tenders or [Tender(TenderKind.CASH, 100000)]
    )


def status(counter, job_id):
    return print_queue.job(counter.uow, job_id)


def test_a_cash_sale_kicks_the_drawer_then_prints_all_receipts_in_one_job(
    counter, ctx, shelf, printing, fake_printer
):
    kick, receipts = printing.print_sale(sell(counter, ctx, shelf))
    assert worker(printing).run_pending() == 2
    assert status(counter, kick).status is JobStatus.PRINTED
    assert status(counter, receipts).status is JobStatus.PRINTED
    first, second = fake_printer.printed
    assert decode(first).drawer_kicks == [2]
    decoded = decode(second)
    assert decoded.drawer_kicks == [] and decoded.cuts == 3
    assert [p.barcodes[-1][1] for p in decoded.printed_pages] == [
        "11-K1-000001",
        "12-K1-000001",
        "15-K1-000001",
    ]
    assert "Ullkåpe, Dale, str. M" in decoded.text


def test_a_card_sale_does_not_open_the_drawer(counter, ctx, shelf, printing):
    result = sell(counter, ctx, shelf, [Tender(TenderKind.CARD, 76250, "T1")])
    (only,) = printing.print_sale(result)
    assert status(counter, only).kind is JobKind.RECEIPTS


def test_the_printer_going_offline_mid_job_fails_the_job_but_never_the_sale(
    counter, ctx, shelf, printing, fake_printer
):
    fake_printer.offline_after(300)
    result = sell(counter, ctx, shelf, [Tender(TenderKind.CARD, 76250, "T1")])
    (job_id,) = printing.print_sale(result)
    worker(printing).run_pending()
    failed = status(counter, job_id)
    assert failed.status is JobStatus.FAILED and failed.error.startswith("offline")
    assert len(fake_printer.all_printed) == 300  # half a receipt reached the paper
    with counter.uow.read() as uow:  # the sale is complete whatever the printer did
        assert len(uow.queries.receipts_of_sale(result.sale_id)) == 3
    assert print_queue.jobs(counter.uow, "K1", [JobStatus.FAILED])[0].id == job_id

    test_job = printing.test_print()  # still offline: fails without sending anything
    worker(printing).run_pending()
    assert status(counter, test_job).error.startswith("offline: not sent")

    fake_printer.go_online()
    (copy_job,) = printing.retry(ctx, job_id).job_ids
    worker(printing).run_pending()
    assert status(counter, copy_job).status is JobStatus.PRINTED
    assert status(counter, copy_job).kind is JobKind.COPY
    assert status(counter, job_id).status is JobStatus.RETRIED
    pages = decode(fake_printer.printed[-1]).printed_pages
    assert [p.lines[1].text for p in pages] == ["KOPI"] * 3
    with pytest.raises(PrintJobNotRetryable):
        printing.retry(ctx, job_id)
    with pytest.raises(PrintJobAlreadyPrinted):
        printing.retry(ctx, copy_job)


def test_paper_running_out_mid_job_fails_it_and_nothing_more_is_sent_until_refilled(
    counter, ctx, shelf, printing, fake_printer
):
    fake_printer.paper_out_after(120)
    first = printing.test_print()
    second = printing.test_print()
    worker(printing).run_pending()
    assert status(counter, first).error.startswith("paper_out: during the job")
    assert status(counter, second).error.startswith("paper_out: not sent")
    assert len(fake_printer.printed) == 1
    fake_printer.refill_paper()
    (again,) = printing.retry(ctx, second).job_ids
    worker(printing).run_pending()
    assert status(counter, again).status is JobStatus.PRINTED
    assert "Testutskrift" in decode(fake_printer.printed[-1]).text


def test_retry_refuses_a_printed_job_a_queued_job_and_a_drawer_kick(
    counter, ctx, shelf, printing, fake_printer
):
    kick, receipts = printing.print_sale(sell(counter, ctx, shelf))
    with pytest.raises(PrintJobNotRetryable):
        printing.retry(ctx, receipts)  # still queued
    worker(printing).run_pending()
    with pytest.raises(PrintJobAlreadyPrinted):
        printing.retry(ctx, receipts)
    fake_printer.go_offline()
    late_kick = printing.kick_drawer()
    worker(printing).run_pending()
    assert status(counter, late_kick).status is JobStatus.FAILED
    with pytest.raises(PrintJobNotRetryable, match="drawer"):
        printing.retry(ctx, late_kick)


def test_the_worker_thread_prints_off_the_calling_thread(counter, ctx, shelf, printing):
    printing.start_worker()
    try:
        job_id = printing.test_print()
        deadline = time.monotonic() + 30
        while status(counter, job_id).status is not JobStatus.PRINTED:
            assert time.monotonic() < deadline, "the worker never printed the job"
            time.sleep(0.05)
    finally:
        printing.stop_worker()


def test_jobs_survive_a_restart_and_a_half_sent_job_is_never_resent_by_itself(
    tmp_path, clock, fake_printer
):
    from pos.counter import open_counter
    from pos.demo.centre import seed_demo
    from pos.services import auth

    data_dir = tmp_path / "restart"
    with open_counter(data_dir) as counter:
        seed_demo(counter.uow, counter.signer(), clock=clock)
        boss = TillContext("K1", auth.authenticate(counter.uow, "9001", "9999"), counter.signer())
        setting = PrinterSetting("K1", PrinterRole.RECEIPT, fake_printer.url)
        print_queue.save_printer_setting(counter.uow, boss, setting)
        printing = Printing(counter.uow, "K1", clock=clock)
        ids = [printing.test_print() for _ in range(3)]
        print_queue.claim_next(counter.uow, "K1", clock)  # the crash comes mid-send
    with open_counter(data_dir) as counter:
        printing = Printing(counter.uow, "K1", clock=clock)
        print_queue.recover_interrupted(counter.uow, "K1", clock)
        worker(printing).run_pending()
        found = {j.id: j for j in print_queue.jobs(counter.uow, "K1")}
    assert found[ids[0]].status is JobStatus.FAILED and "interrupted" in found[ids[0]].error
    assert [found[i].status for i in ids[1:]] == [JobStatus.PRINTED] * 2
    assert found[ids[1]].seq < found[ids[2]].seq and len(fake_printer.printed) == 2


def test_the_drawer_opens_only_through_the_registers_own_printer(
    counter, manager, clock, printing, fake_printer
):
    from pos.services import setup, till

    k1 = TillContext("K1", manager, counter.signer(), clock)
    setup.add_register(counter.uow, "K2", "Kasse 2 – verkstedet", ctx=k1)
    k2_printer = FakeNetworkPrinter()
    try:
        k2 = TillContext("K2", manager, counter.signer(), clock)
        till.open_till(counter.uow, k2, 50000)
        print_queue.save_printer_setting(
            counter.uow, k2, PrinterSetting("K2", PrinterRole.RECEIPT, k2_printer.url)
        )
        k2_printing = Printing(counter.uow, "K2", clock=clock)
        with pytest.raises(PrinterNotConfigured):
            printing.open_drawer_no_sale(k2, "Veksle")  # K1's printing never opens for K2
        k2_printing.open_drawer_no_sale(k2, "Veksle penger")
        worker(printing).run_pending()
        worker(k2_printing).run_pending()
        assert fake_printer.printed == []
        assert decode(k2_printer.all_printed).drawer_kicks == [2]
        with counter.uow.read() as uow:
            last = list(uow.queries.journal_rows())[-1]
        assert (last["event_code"], last["register_id"]) == (13005, "K2")
    finally:
        k2_printer.close()


def test_cash_out_kicks_the_drawer_and_prints_a_slip(counter, ctx, printing, fake_printer):
    kick, slip = printing.move_cash(ctx, -20000, "Innkjøp av kaffebønner")
    worker(printing).run_pending()
    assert decode(fake_printer.printed[0]).drawer_kicks == [2]
    text = decode(fake_printer.printed[1]).text
    assert "Uttak fra kasse" in text and "200,00" in text and "kaffebønner" in text
    assert "Kari Kasserer" in text


def test_printer_settings_are_per_register_for_managers_and_journaled(counter, ctx, manager_ctx):
    url = "serial:///dev/ttyUSB0?baudrate=19200"
    with pytest.raises(PermissionDenied):
        print_queue.save_printer_setting(
            counter.uow, ctx, PrinterSetting("K1", PrinterRole.TAG, url)
        )
    with pytest.raises(InvalidPrinterSetting):
        print_queue.save_printer_setting(
            counter.uow, manager_ctx, PrinterSetting("K1", PrinterRole.TAG, "http://x")
        )
    with pytest.raises(InvalidPrinterSetting):
        print_queue.save_printer_setting(
            counter.uow, manager_ctx, PrinterSetting("K1", PrinterRole.TAG, url, columns=40)
        )
    tag = PrinterSetting("K1", PrinterRole.TAG, url, "RP-F10-58mm", 32)
    print_queue.save_printer_setting(counter.uow, manager_ctx, tag)
    assert print_queue.printer_settings(counter.uow, "K1") == {PrinterRole.TAG: tag}
    with counter.uow.read() as uow:
        last = list(uow.queries.journal_rows())[-1]
    assert last["event_code"] == 13999 and "ttyUSB0" in last["details"]


def test_a_register_without_a_printer_says_so_clearly(counter):
    printing = Printing(counter.uow, "K1")
    with pytest.raises(PrinterNotConfigured) as error:
        printing.test_print()
    assert "ingen skriver" in error.value.message("nb")


def test_receipts_of_a_sale_whose_print_job_was_lost_are_printed_at_start(counter, ctx, shelf):
    """A crash between the sale's commit and its print job must not leave a customer without
    a receipt: at start-up the till queues the originals of receipts no job carries."""
    from pos.model.basket import Basket
    from pos.model.payment import Tender, TenderKind
    from pos.services import checkout
    from printers.printing import Printing

    basket = Basket()
    basket.add(shelf("KAFFE-MED"))
    basket.add(shelf.one_off("11", 1))
    sale = checkout.complete_sale(counter.uow, ctx, basket, [Tender(TenderKind.CARD, 68100)])
    printing = Printing(counter.uow, "K1", clock=ctx.clock, override_url="file:///dev/null")
    job_id = printing.print_unqueued_receipts()
    assert job_id is not None
    with counter.uow.read() as uow:
        job = uow.printing.job(job_id)
    assert set(job.receipt_ids) == {r.receipt_id for r in sale.receipts}
    assert "KOPI" not in job.title
    assert printing.print_unqueued_receipts() is None  # queued once, never twice
