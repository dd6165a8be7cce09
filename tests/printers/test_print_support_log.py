"""The support log says who retried a failed print job, who dismissed one and who printed a
receipt again (its original or its one copy, KOPI): staff by number, never a PIN."""

from __future__ import annotations

import logging

import pytest

from pos.model.printing import JobStatus, PrinterRole, PrinterSetting
from pos.services import print_queue
from printers.printing import Printing
from tests.printers.test_print_again import sell, send

PIN = "9999"


def desk_lines(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "pos.services.desk"]


def test_retry_dismiss_and_a_copy_each_leave_one_line(
    counter, ctx, boss, shelf, fake_printer, clock, caplog
):
    setting = PrinterSetting("K1", PrinterRole.RECEIPT, fake_printer.url, "TM-T20II", 48)
    print_queue.save_printer_setting(counter.uow, boss, setting)
    printing = Printing(counter.uow, "K1", clock=clock)
    caplog.set_level(logging.INFO)
    fake_printer.go_offline()
    sale = sell(counter, ctx, shelf)
    (number,) = [r.number for r in sale.receipts]
    (receipt_job,) = printing.print_sale(sale)
    test_page = printing.test_print()
    send(printing)
    assert print_queue.job(counter.uow, test_page).status is JobStatus.FAILED
    assert desk_lines(caplog) == []  # a failure is the worker's warning, not a person's act

    printing.dismiss(ctx, test_page)
    fake_printer.go_online()
    printing.retry(ctx, receipt_job)
    send(printing)
    printing.print_again(boss, number)
    send(printing)

    staff, manager = ctx.operator.staff_no, boss.operator.staff_no
    dismissed, retried, copied = desk_lines(caplog)
    assert dismissed.startswith("print job 'Testutskrift") and dismissed.endswith(")")
    assert f"dismissed at K1 by staff {staff} (it had failed: offline" in dismissed
    assert retried == (
        f"print job 'Kvittering {number}' retried at K1 by staff {staff}: original {number}"
    )
    assert copied == f"receipt {number} queued again as its copy (KOPI) at K1 by staff {manager}"
    assert all(PIN not in r.getMessage() for r in caplog.records)
