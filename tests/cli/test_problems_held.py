"""``sync --problems`` says an event the server holds is held (it is stored once the operator
releases it), not rejected, in the interface's language."""

from __future__ import annotations

from pos.counter import open_counter
from tests.cli.test_cli import run


def test_held_and_flagged_events_are_listed_as_such(tmp_path):
    run(tmp_path, "demo")
    with open_counter(tmp_path) as counter, counter.uow() as uow:
        uow.sync.add_problems([
            {"event_id": "ev-held", "device_seq": 7, "type": "sale.completed",
             "status": "rejected", "code": "tenant_pending"},
            {"event_id": "ev-flagged", "device_seq": 8, "type": "z_report.taken",
             "status": "flagged", "code": "clock_ahead"},
        ])  # fmt: skip
        uow.commit()
    listed = run(tmp_path, "sync", "--problems").stdout.splitlines()
    assert listed == ["8\tmerket\tclock_ahead\tz_report.taken\tev-flagged",
                      "7\tholdt\ttenant_pending\tsale.completed\tev-held"]  # fmt: skip
    english = run(tmp_path, "--lang", "en", "sync", "--problems").stdout
    assert "7\theld\ttenant_pending" in english and "rejected" not in english
