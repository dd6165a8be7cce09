"""A restore never gives out a receipt number twice and loses no sale it can still read: the
readable sales beyond the backup come back (and are queued for the server again), the rest is
skipped with the reason journaled, and the next sale continues after the highest number ever
given out."""

import json

import pytest

from pos.adapters.db import DB_FILE
from pos.counter import open_counter
from pos.errors import PermissionDenied, WrongPin
from pos.model.basket import Basket
from pos.model.payment import Tender, TenderKind
from pos.services import auth, checkout
from pos.services.catalogue import find_item
from pos.services.context import TillContext
from pos.services.restore import RestoreSession
from pos.services.verification import verify_store
from tests.reliability.damage import flip_bytes_in_table


def sell(counter, ctx, code="KAFFE-MED", price=3200):
    basket = Basket()
    basket.add(find_item(counter.uow, code))
    return checkout.complete_sale(counter.uow, ctx, basket, [Tender(TenderKind.CARD, price)])


def reopened_ctx(counter, clock):
    return TillContext(
        "K1", auth.authenticate(counter.uow, "1001", "1234"), counter.signer(), clock
    )


def journal(counter, kind):
    with counter.uow.read() as uow:
        rows = uow.store.rows(
            "SELECT seq, tenant_id, details FROM journal WHERE event_code = 13999 "
            "AND json_extract(details, '$.kind') = ? ORDER BY seq",
            (kind,),
        )
    return [dict(r, details=json.loads(r["details"])) for r in rows]


@pytest.fixture
def sold_after_backup(counter, ctx):
    """One sale, a backup, two more sales (receipts 2 and 3), the counter closed."""
    sell(counter, ctx)
    backup = counter.backup("manual").path
    later = [sell(counter, ctx), sell(counter, ctx)]
    with counter.uow.read() as uow:
        events = {r["event_id"] for r in uow.store.rows("SELECT event_id FROM outbox")}
    counter.close()
    return counter.data_dir, backup, later, events


def test_a_restore_brings_back_the_sales_it_can_read_and_continues_after_them(
    sold_after_backup, clock
):
    data_dir, backup, later, events = sold_after_backup
    with RestoreSession(data_dir, clock=clock) as session:
        assert session.preview.backup.path == backup
        assert session.preview.signed_beyond == 2 and session.preview.readable_beyond == 2
        result = session.run(session.authenticate("9001", "9999"))
    assert result.salvage.salvaged == [s.receipts[0].number for s in later]
    assert result.replaced_file is not None and result.replaced_file.exists()
    with open_counter(data_dir, clock) as restored:
        next_sale = sell(restored, reopened_ctx(restored, clock))
        assert next_sale.receipts[0].number.endswith("000004")
        assert verify_store(restored.uow, restored.keys.verifiers()).ok
        with restored.uow.read() as uow:
            queued = {r["event_id"] for r in uow.store.rows("SELECT event_id FROM outbox")}
        assert events <= queued  # the salvaged sales' events are queued again, same ids
        restore_row = journal(restored, "restore")[0]["details"]
        assert restore_row["backup"] == backup.name
        assert restore_row["signed_beyond_backup"] == 2
        assert restore_row["replaced_file"] == result.replaced_file.name
        assert restore_row["journal_skipped"][0] == restore_row["backup_journal_head"][0] + 1


def test_receipts_that_cannot_be_read_are_skipped_with_the_reason_journaled(
    sold_after_backup, clock
):
    data_dir, _backup, later, _events = sold_after_backup
    flip_bytes_in_table(data_dir / DB_FILE, "receipts")
    with RestoreSession(data_dir, clock=clock) as session:
        assert session.preview.current_problem is not None
        assert session.preview.signed_beyond == 2  # the high-water mark knows, not the store
        result = session.run(session.authenticate("9001", "9999"))
    assert result.salvage.salvaged == []
    with open_counter(data_dir, clock) as restored:
        next_sale = sell(restored, reopened_ctx(restored, clock))
        numbers = {s.receipts[0].number for s in later}
        assert next_sale.receipts[0].number not in numbers
        assert next_sale.receipts[0].number.endswith("000004")
        skipped = [r for r in journal(restored, "numbers_skipped") if r["tenant_id"]]
        chain = next(iter(skipped[0]["details"]["chains"].values()))
        assert (chain["from"], chain["to"]) == (2, 3)
        assert skipped[0]["details"]["reason"] == "restored_from_backup"
        assert verify_store(restored.uow, restored.keys.verifiers()).ok


def test_a_restore_needs_a_manager(sold_after_backup, clock):
    data_dir, *_ = sold_after_backup
    with RestoreSession(data_dir, clock=clock) as session:
        with pytest.raises(PermissionDenied):
            session.authenticate("1001", "1234")
        with pytest.raises(WrongPin):
            session.authenticate("9001", "0000")
    assert (data_dir / DB_FILE).exists()
    assert not list(data_dir.glob(f"{DB_FILE}.replaced-*"))


def test_sales_whose_journal_and_queue_were_damaged_still_come_back(sold_after_backup, clock):
    data_dir, _backup, later, _events = sold_after_backup
    flip_bytes_in_table(data_dir / DB_FILE, "journal")
    flip_bytes_in_table(data_dir / DB_FILE, "outbox")
    with RestoreSession(data_dir, clock=clock) as session:
        assert session.preview.readable_beyond == 2
        result = session.run(session.authenticate("9001", "9999"))
    assert result.salvage.salvaged == [s.receipts[0].number for s in later]
    with open_counter(data_dir, clock) as restored:
        with restored.uow.read() as uow:
            rebuilt = [
                json.loads(r["payload"])
                for r in uow.store.rows("SELECT payload FROM outbox ORDER BY device_seq")
            ]
        again = [p for p in rebuilt if p.get("salvaged")]
        assert [p["receipt"]["number_text"] for p in again] == result.salvage.salvaged
        assert all(p["payments"] and p["vat"] for p in again)
        assert verify_store(restored.uow, restored.keys.verifiers()).ok
        assert sell(restored, reopened_ctx(restored, clock)).receipts[0].number.endswith("04")


def test_salvaged_sales_no_z_counted_are_in_the_next_z(sold_after_backup, clock):
    from pos.services import reports

    data_dir, *_ = sold_after_backup
    with RestoreSession(data_dir, clock=clock) as session:
        session.run(session.authenticate("9001", "9999"))
    with open_counter(data_dir, clock) as restored:
        sell(restored, reopened_ctx(restored, clock))
        manager = auth.authenticate(restored.uow, "9001", "9999")
        boss = TillContext("K1", manager, restored.signer(), clock)
        made = reports.z_reports(restored.uow, boss)
    cafe = next(r for r in made if r.company_name == "Kafé Kvisten SA")
    assert cafe.sales.num == 4  # before the backup, the two brought back, and the one after


def test_a_salvaged_receipt_already_on_paper_is_never_printed_again_as_an_original(
    counter, ctx, boss, clock, tmp_path
):
    """The print jobs of the sales brought back come back with them: the start-up prints no
    second original of a receipt the customer already has (its next print is its copy), and
    one whose job was still waiting prints once, as the original."""
    from pos.model.printing import NextPrint, PrinterRole, PrinterSetting
    from pos.services import print_queue, receipt_lookup
    from printers.printing import Printing
    from printers.worker import PrintWorker
    from tests.printers.escpos_decoder import decode

    paper = tmp_path / "printer.bin"
    setting = PrinterSetting("K1", PrinterRole.RECEIPT, f"file://{paper}", "TM-T20II", 48)
    print_queue.save_printer_setting(counter.uow, boss, setting)
    printing = Printing(counter.uow, "K1", clock=clock)
    before = sell(counter, ctx)
    printing.print_sale(before)
    PrintWorker(counter.uow, "K1", printing.transports(), clock=clock).run_pending()
    counter.backup("manual")
    printed, waiting = sell(counter, ctx), sell(counter, ctx)
    printing.print_sale(printed)
    PrintWorker(counter.uow, "K1", printing.transports(), clock=clock).run_pending()
    printing.print_sale(waiting)  # queued; the counter stops before it is sent
    counter.close()
    with RestoreSession(counter.data_dir, clock=clock) as session:
        session.run(session.authenticate("9001", "9999"))

    with open_counter(counter.data_dir, clock) as restored:
        again = Printing(restored.uow, "K1", clock=clock)
        assert again.print_unqueued_receipts() is None  # both have their jobs again
        on_paper = printed.receipts[0].number
        row = receipt_lookup.find_receipt_row(restored.uow, on_paper)
        assert row.next_print is NextPrint.COPY
        PrintWorker(restored.uow, "K1", again.transports(), clock=clock).run_pending()
    numbers = [code for page in decode(paper.read_bytes()).printed_pages
               for _kind, code in page.barcodes]  # fmt: skip
    firsts = [before.receipts[0].number, on_paper, waiting.receipts[0].number]
    assert numbers == firsts  # each original once
