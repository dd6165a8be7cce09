"""While the store is damaged the print worker says so once in the support log and waits,
looking again less and less often, instead of a traceback at every poll; once the store can be
used again it prints what is queued."""

from __future__ import annotations

import logging
import time

import pytest

from pos.adapters.store_check import clear_damage_note, note_damage
from pos.model.printing import JobStatus, PrinterRole, PrinterSetting
from pos.services import print_queue
from printers.printing import Printing
from printers.worker import PrintWorker


def worker_records(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.name == "printers.worker"]


def test_a_damaged_store_is_logged_once_and_printing_resumes_after(
    counter, boss, fake_printer, clock, caplog
):
    setting = PrinterSetting("K1", PrinterRole.RECEIPT, fake_printer.url, "TM-T20II", 48)
    print_queue.save_printer_setting(counter.uow, boss, setting)
    printing = Printing(counter.uow, "K1", clock=clock)
    caplog.set_level(logging.INFO)
    note_damage(counter.data_dir, "database disk image is malformed")
    worker = PrintWorker(counter.uow, "K1", printing.transports(), clock=clock,
                         poll_seconds=0.01)  # fmt: skip
    worker.start()
    try:
        time.sleep(0.6)  # some 60 polls at the plain pace
        damaged = worker_records(caplog)
        assert len(damaged) == 1, [r.getMessage() for r in damaged]
        assert damaged[0].exc_info is None  # no traceback
        assert "the store is damaged (database disk image is malformed)" in (
            damaged[0].getMessage()
        )
        clear_damage_note(counter.data_dir)  # put right (a restore clears the note)
        job = printing.test_print()
        deadline = time.monotonic() + 10
        while print_queue.job(counter.uow, job).status is not JobStatus.PRINTED:
            assert time.monotonic() < deadline, "the worker never looked again"
            worker.wake()
            time.sleep(0.05)
    finally:
        worker.stop()
    assert "the store can be used again" in worker_records(caplog)[-1].getMessage()
