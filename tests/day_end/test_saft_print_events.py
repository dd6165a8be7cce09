"""What the SAF-T file says about paper: SALREC (13012) only for a receipt that printed, NORECEIPT
(13030) for one the printer never took, both naming the transaction; a training receipt's copy
is a training event and never counted as a copy (``receiptCopyNum``); the file still validates."""

from __future__ import annotations

import pytest
from lxml import etree

from pos.model.basket import Basket
from pos.model.payment import Tender, TenderKind
from pos.model.printing import PrinterRole, PrinterSetting
from pos.services import checkout, copies, print_queue, till
from pos.services.saft_export import export_saft
from printers.printing import Printing
from printers.worker import PrintWorker
from tests.day_end.test_saft_export import NS, SCHEMA_FILE
from tests.printers.fake_printer import FakeNetworkPrinter


@pytest.fixture
def fake_printer():
    printer = FakeNetworkPrinter()
    yield printer
    printer.close()


def sell(counter, ctx, shelf):
    basket = Basket()
    basket.add(shelf("KAFFE-MED"))
    return checkout.complete_sale(
        counter.uow, ctx, basket, [Tender(TenderKind.CARD, basket.total, "T")]
    )


def test_salrec_only_for_a_printed_receipt_and_a_training_copy_is_no_copy(
    counter, ctx, boss, shelf, fake_printer, clock, tmp_path
):
    setting = PrinterSetting("K1", PrinterRole.RECEIPT, fake_printer.url)
    print_queue.save_printer_setting(counter.uow, boss, setting)
    printing = Printing(counter.uow, "K1", clock=clock)
    printed = sell(counter, ctx, shelf)
    printing.print_sale(printed)
    PrintWorker(counter.uow, "K1", printing.transports(), clock=clock).run_pending()
    fake_printer.go_offline()
    unprinted = sell(counter, ctx, shelf)
    printing.print_sale(unprinted)
    PrintWorker(counter.uow, "K1", printing.transports(), clock=clock).run_pending()
    till.set_training(counter.uow, ctx, True, basket=Basket())
    training = sell(counter, ctx, shelf)
    copies.make_copy(counter.uow, ctx, training.receipts[0].number)
    till.set_training(counter.uow, ctx, False, basket=Basket())

    result = export_saft(counter.uow, boss, "15", "2026-03-01", "2026-03-31", tmp_path)
    doc = etree.parse(str(result.path))
    assert etree.XMLSchema(etree.parse(str(SCHEMA_FILE))).validate(doc)
    events = [
        (e.findtext("s:eventType", namespaces=NS), e.findtext("s:transID", namespaces=NS))
        for e in doc.iterfind(".//s:event", NS)
    ]
    first, second, third = (r.receipts[0].number for r in (printed, unprinted, training))
    assert [t for t, ref in events if ref == first] == ["SALEREG", "SALREC"]
    assert [t for t, ref in events if ref == second] == ["SALEREG", "NORECEIPT"]
    assert [t for t, ref in events if ref == third] == ["TRAINREC", "TRAINREC"]  # sale, copy
    copy_nums = {
        t.findtext("s:transID", namespaces=NS): t.findtext("s:receiptCopyNum", namespaces=NS)
        for t in doc.iterfind(".//s:cashtransaction", NS)
    }
    assert copy_nums == {first: "0", second: "0", third: "0"}
