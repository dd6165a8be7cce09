"""A receipt the printer never took: the sale stands, the journal says 13030 (never 13012), the
next successful print is the original and its one copy stays available; a receipt that may be
on paper comes back only as its copy, so no retry and no crash puts two originals on paper.
Real bytes on a real socket, read back with the independent decoder."""

from __future__ import annotations

import json

import pytest

from pos.errors import CopyAlreadyPrinted
from pos.model.basket import Basket
from pos.model.payment import Tender, TenderKind
from pos.model.printing import (
    CopyMayBeOnPaper,
    JobKind,
    JobStatus,
    NextPrint,
    PrinterRole,
    PrinterSetting,
    ReceiptBeingPrinted,
    ReceiptPaper,
)
from pos.services import checkout, print_queue, receipt_lookup, reports
from pos.services.context import TillContext
from printers.printing import Printing
from printers.worker import PrintWorker
from tests.printers.escpos_decoder import decode


@pytest.fixture
def printing(counter, boss, fake_printer, clock):
    setting = PrinterSetting("K1", PrinterRole.RECEIPT, fake_printer.url, "TM-T20II", 48)
    print_queue.save_printer_setting(counter.uow, boss, setting)
    return Printing(counter.uow, "K1", clock=clock)


def send(printing):
    return PrintWorker(
        printing.uow, "K1", printing.transports(), clock=printing.clock
    ).run_pending()


def sell(counter, ctx, shelf, *codes):
    basket = Basket()
    for code in codes or ("KAFFE-MED",):
        basket.add(shelf(code))
    tender = Tender(TenderKind.CARD, basket.total, "T1")
    return checkout.complete_sale(counter.uow, ctx, basket, [tender])


def sell_mixed(counter, ctx, shelf):
    basket = Basket()
    basket.add(shelf.one_off("11", 1))
    basket.add(shelf("KAFFE-MED"))
    total = basket.total
    return checkout.complete_sale(counter.uow, ctx, basket, [Tender(TenderKind.CARD, total, "T")])


def journal(counter, *codes):
    with counter.uow.read() as uow:
        rows = [dict(r) for r in uow.queries.journal_rows()]
    return [r for r in rows if r["event_code"] in codes]


def headings(data: bytes) -> list[list[str]]:
    """The big lines at the top of each printed receipt: heading and markings."""
    pages = decode(data).printed_pages
    return [[ln.text for ln in page.lines[:3] if ln.width == 2] for page in pages]


def test_an_offline_printer_leaves_13030_and_the_retry_prints_the_original_with_the_copy_left(
    counter, ctx, boss, shelf, printing, fake_printer
):
    fake_printer.go_offline()
    result = sell(counter, ctx, shelf)
    (job_id,) = printing.print_sale(result)
    send(printing)
    failed = print_queue.job(counter.uow, job_id)
    assert failed.status is JobStatus.FAILED and failed.unsent and not failed.may_be_on_paper
    (number,) = [r.number for r in result.receipts]
    assert journal(counter, 13012) == []
    (not_printed,) = journal(counter, 13030)
    assert json.loads(not_printed["details"])["on_paper"] == "no"
    assert json.loads(not_printed["details"])["number"] == number
    attention = receipt_lookup.print_attention(counter.uow, "K1")
    assert attention.waiting == (number,)

    fake_printer.go_online()
    again = printing.retry(ctx, job_id)
    assert again.originals == (number,) and again.copies == ()
    send(printing)
    assert print_queue.job(counter.uow, again.job_ids[0]).status is JobStatus.PRINTED
    assert headings(fake_printer.all_printed) == [["Salgskvittering"]]  # no KOPI on it
    (printed,) = journal(counter, 13012)
    assert printed["ref_id"] == result.receipts[0].receipt_id
    assert receipt_lookup.print_attention(counter.uow, "K1").failed == ()

    row = receipt_lookup.find_receipt_row(counter.uow, number)
    assert (row.paper, row.has_copy, row.next_print) == (ReceiptPaper.PRINTED, False, "copy")
    copy = printing.print_again(ctx, number)
    send(printing)
    assert copy.copies == (number,)
    assert headings(fake_printer.printed[-1]) == [["Salgskvittering", "KOPI"]]
    with pytest.raises(CopyAlreadyPrinted) as refused:
        printing.print_again(ctx, number)
    assert "bare én kopi" in refused.value.message("nb")
    (x_report,) = reports.x_reports(counter.uow, boss, ["15"])
    assert (x_report.copies.num, x_report.sales.num) == (1, 1)


def test_the_printer_at_tcp_port_9_is_offline_and_nothing_is_lost(counter, ctx, boss, shelf, clock):
    setting = PrinterSetting("K1", PrinterRole.RECEIPT, "tcp://127.0.0.1:9")
    print_queue.save_printer_setting(counter.uow, boss, setting)
    printing = Printing(counter.uow, "K1", clock=clock)
    result = sell(counter, ctx, shelf)
    (job_id,) = printing.print_sale(result)
    send(printing)
    failed = print_queue.job(counter.uow, job_id)
    assert failed.unsent and failed.error.startswith("offline")
    assert len(journal(counter, 13030)) == 1 and journal(counter, 13012) == []


def test_look_up_prints_the_original_of_a_never_printed_receipt_and_the_retry_only_the_rest(
    counter, ctx, shelf, printing, fake_printer
):
    fake_printer.go_offline()
    result = sell_mixed(counter, ctx, shelf)
    (job_id,) = printing.print_sale(result)
    send(printing)
    first, second = (r.number for r in result.receipts)
    fake_printer.go_online()
    looked_up = printing.print_again(ctx, second)
    assert looked_up.originals == (second,)
    with pytest.raises(ReceiptBeingPrinted):
        printing.print_again(ctx, second)  # queued: not twice
    again = printing.retry(ctx, job_id)
    assert again.originals == (first,)
    send(printing)
    printed = [p.barcodes[-1][1] for p in decode(fake_printer.all_printed).printed_pages]
    assert sorted(printed) == sorted([first, second])  # each original once, no copy used
    assert "KOPI" not in decode(fake_printer.all_printed).text
    assert {json.loads(r["details"])["number"] for r in journal(counter, 13012)} == {first, second}
    with counter.uow.read() as uow:
        assert uow.queries.copied_receipt_ids([r.receipt_id for r in result.receipts]) == set()


def test_a_job_that_broke_off_comes_back_only_as_the_copy_and_is_journaled_maybe_on_paper(
    counter, ctx, shelf, printing, fake_printer
):
    fake_printer.offline_after(200)
    result = sell(counter, ctx, shelf)
    (job_id,) = printing.print_sale(result)
    send(printing)
    (number,) = [r.number for r in result.receipts]
    (event,) = journal(counter, 13030)
    assert json.loads(event["details"])["on_paper"] == "maybe"
    row = receipt_lookup.find_receipt_row(counter.uow, number)
    assert (row.paper, row.next_print) == (ReceiptPaper.UNCERTAIN, NextPrint.COPY)
    fake_printer.go_online()
    again = printing.retry(ctx, job_id)
    assert again.copies == (number,) and again.originals == ()
    send(printing)
    assert headings(fake_printer.printed[-1]) == [["Salgskvittering", "KOPI"]]


def test_a_crash_while_the_original_is_sent_never_gives_a_second_original(
    tmp_path, clock, fake_printer
):
    """13030, then the retry's original is claimed and the program dies mid-send: after the
    restart that original may be on paper, so nothing can print it as an original again."""
    from pos.counter import open_counter
    from pos.demo.centre import seed_demo
    from pos.services import auth

    data_dir = tmp_path / "crash"
    with open_counter(data_dir) as counter:
        seed_demo(counter.uow, counter.signer(), clock=clock)
        manager = auth.authenticate(counter.uow, "9001", "9999")
        boss = TillContext("K1", manager, counter.signer(), clock)
        ctx = TillContext(
            "K1", auth.authenticate(counter.uow, "1001", "1234"), counter.signer(), clock
        )
        setting = PrinterSetting("K1", PrinterRole.RECEIPT, fake_printer.url)
        print_queue.save_printer_setting(counter.uow, boss, setting)
        printing = Printing(counter.uow, "K1", clock=clock)
        from pos.services.catalogue import find_item

        basket = Basket()
        basket.add(find_item(counter.uow, "KAFFE-MED"))
        result = checkout.complete_sale(
            counter.uow, ctx, basket, [Tender(TenderKind.CARD, basket.total, "T")]
        )
        fake_printer.go_offline()
        (job_id,) = printing.print_sale(result)
        send(printing)
        fake_printer.go_online()
        (retry_id,) = printing.retry(ctx, job_id).job_ids
        claimed = print_queue.claim_next(counter.uow, "K1", clock)  # the crash comes mid-send
        assert claimed is not None and claimed[0].id == retry_id
        number = result.receipts[0].number
    with open_counter(data_dir) as counter:
        cashier = auth.authenticate(counter.uow, "1001", "1234")
        ctx = TillContext("K1", cashier, counter.signer(), clock)
        printing = Printing(counter.uow, "K1", clock=clock)
        assert print_queue.recover_interrupted(counter.uow, "K1", clock) == 1
        assert printing.print_unqueued_receipts() is None
        interrupted = print_queue.job(counter.uow, retry_id)
        assert interrupted.status is JobStatus.FAILED and interrupted.may_be_on_paper
        row = receipt_lookup.find_receipt_row(counter.uow, number)
        assert row.next_print is NextPrint.COPY
        again = printing.retry(ctx, retry_id)
        assert again.copies == (number,) and again.originals == ()
        send(printing)
        with pytest.raises(CopyAlreadyPrinted):
            printing.print_again(ctx, number)
        with counter.uow.read() as uow:
            carrying = uow.printing.jobs_carrying([result.receipts[0].receipt_id])
    originals = carrying[result.receipts[0].receipt_id]
    assert [j.may_be_on_paper for j in originals] == [False, True]  # one original at most
    assert headings(fake_printer.all_printed) == [["Salgskvittering", "KOPI"]]


def test_a_failed_copy_that_never_reached_the_printer_is_sent_again_as_the_same_copy(
    counter, ctx, shelf, printing, fake_printer
):
    result = sell(counter, ctx, shelf)
    printing.print_sale(result)
    send(printing)
    number = result.receipts[0].number
    fake_printer.go_offline()
    (copy_job,) = printing.print_again(ctx, number).job_ids
    send(printing)
    assert print_queue.job(counter.uow, copy_job).unsent
    fake_printer.go_online()
    (resent,) = printing.retry(ctx, copy_job).job_ids
    send(printing)
    assert print_queue.job(counter.uow, resent).kind is JobKind.COPY
    assert headings(fake_printer.printed[-1]) == [["Salgskvittering", "KOPI"]]
    assert len(journal(counter, 13014)) == 1  # the same copy, not a second one


def test_printing_again_sends_a_copy_the_printer_never_took_and_refuses_one_it_may_have(
    counter, ctx, shelf, printing, fake_printer
):
    """Print again (the look-up, ``print-copy``) after the copy was made: the copy the printer
    provably never took is sent again as the same copy; one cut off midway may be on paper, so
    nothing more is printed. Either way there is one copy, journaled once."""
    never, cut_off = sell(counter, ctx, shelf), sell(counter, ctx, shelf)
    for sale in (never, cut_off):
        printing.print_sale(sale)
    send(printing)
    first, second = never.receipts[0].number, cut_off.receipts[0].number
    fake_printer.go_offline()
    printing.print_again(ctx, first)
    send(printing)
    fake_printer.go_online()
    fake_printer.offline_after(100)  # the printer stops inside the second copy
    printing.print_again(ctx, second)
    send(printing)
    fake_printer.go_online()
    rows = {n: receipt_lookup.find_receipt_row(counter.uow, n) for n in (first, second)}
    assert [(r.copy_paper, r.next_print) for r in rows.values()] == [
        (ReceiptPaper.NONE, NextPrint.COPY), (ReceiptPaper.UNCERTAIN, NextPrint.NOTHING)
    ]  # fmt: skip
    before = len(fake_printer.printed)
    again = printing.print_again(ctx, first)
    send(printing)
    assert again.copies == (first,)
    assert headings(fake_printer.printed[-1]) == [["Salgskvittering", "KOPI"]]
    assert len(fake_printer.printed) == before + 1
    with pytest.raises(CopyMayBeOnPaper):
        printing.print_again(ctx, second)
    with pytest.raises(CopyAlreadyPrinted):
        printing.print_again(ctx, first)
    assert len(journal(counter, 13014)) == 2  # one copy of each receipt
