"""The device token never leaves the data directory in a backup: backups are scrubbed (the
token's bytes are not in the file), and a counter restored from one is told to enrol again
instead of pushing with a rewound outbox; after re-enrolment nothing is lost."""

from __future__ import annotations

import sqlite3
import zipfile
from datetime import datetime

import pytest

from main import VERSION
from pos.adapters.backup import backups
from pos.adapters.db import DB_FILE
from pos.counter import open_counter
from pos.services import sync_state
from pos.services.backups import backup_after_z
from pos.services.context import TillContext
from pos.services.restore import RestoreSession
from sync.enrolment import enrol
from sync.http import SyncError
from tests.conftest import Shelf
from tests.sync.conftest import cycle, public_keys, sell


def restore(data_dir, backup, clock=None):
    with RestoreSession(data_dir, backup, clock=clock) as session:
        return session.run(session.authenticate("9001", "9999"))


def test_backups_hold_no_device_token_and_a_restore_must_re_enrol(
    enrolled, central, server_url, ctx, shelf, clock, tmp_path
):
    sell(enrolled, ctx, shelf, 2)
    assert cycle(enrolled).run().drained
    found = sync_state.enrolment(enrolled.uow)
    token, device_id = found.token, found.device_id
    made = [enrolled.backup("manual").path,
            backup_after_z(enrolled.data_dir, datetime(2030, 1, 1)).path]  # fmt: skip
    for path in made:
        store = tmp_path / f"{path.name}.sqlite3"
        with zipfile.ZipFile(path) as bundle:
            store.write_bytes(bundle.read("store.sqlite3"))
        assert token.encode() not in store.read_bytes()
        with sqlite3.connect(store) as copy:
            assert copy.execute("SELECT token, state FROM sync_device").fetchone() == (
                "",
                "reenrol_needed",
            )
    assert sync_state.enrolment(enrolled.uow).token == token  # the running counter still syncs
    sell(enrolled, ctx, shelf, 1)
    assert cycle(enrolled).run().drained
    data_dir = enrolled.data_dir
    enrolled.close()

    restore(data_dir, made[0], clock)
    with open_counter(data_dir, clock) as restored:
        again = sync_state.enrolment(restored.uow)
        assert again.state == "reenrol_needed" and again.token == ""
        with pytest.raises(SyncError, match="enrol again"):
            cycle(restored).run()
        sell(restored, TillContext("K1", ctx.operator, restored.signer(), clock), Shelf(restored))
        code = central.enrolment_code(device_id=device_id)
        done = enrol(restored.uow, server_url, code, device_name="K1", app_version=VERSION,
                     public_keys=public_keys(restored))  # fmt: skip
        assert done.device_id == device_id and done.device_epoch == 2
        assert cycle(restored).run().drained


def test_restoring_an_old_backup_that_still_holds_a_token_does_not_use_it(enrolled, tmp_path):
    token = sync_state.enrolment(enrolled.uow).token
    old = tmp_path / "omigjen-20260101-120000-manual.sqlite3"
    with sqlite3.connect(enrolled.data_dir / DB_FILE) as source, sqlite3.connect(old) as copy:
        source.backup(copy)  # as backups were made before they were scrubbed
    assert token.encode() in old.read_bytes()
    data_dir = enrolled.data_dir
    enrolled.close()
    restore(data_dir, old)
    with open_counter(data_dir) as restored:
        assert sync_state.enrolment(restored.uow).token == ""
        assert sync_state.enrolment(restored.uow).state == "reenrol_needed"
    assert token.encode() not in (data_dir / DB_FILE).read_bytes()
    assert all(token.encode() not in b.path.read_bytes() for b in backups(data_dir))
    assert not list(data_dir.glob("*.partial"))  # the unpacked copy is gone too


def test_sales_brought_back_by_a_restore_reach_the_server_once(
    enrolled, central, server_url, ctx, shelf, clock
):
    """One sale synced before the restore, one not: after the restore and a new enrolment both
    are on the server exactly once, nothing is quarantined or flagged."""
    sell(enrolled, ctx, shelf, 1)
    backup = enrolled.backup("manual").path
    sell(enrolled, ctx, shelf, 1)
    assert cycle(enrolled).run().drained  # the server holds the sale after the backup
    sell(enrolled, ctx, shelf, 1)  # and this one only the counter
    device_id = sync_state.enrolment(enrolled.uow).device_id
    data_dir = enrolled.data_dir
    enrolled.close()

    result = restore(data_dir, backup, clock)
    assert len(result.salvage.salvaged) == 2  # both sales after the backup
    with open_counter(data_dir, clock) as restored:
        enrol(restored.uow, server_url, central.enrolment_code(device_id=device_id),
              device_name="K1", app_version=VERSION, public_keys=public_keys(restored))  # fmt: skip
        assert cycle(restored).run().drained
        with restored.uow.read() as uow:
            numbers = [r["number_text"] for r in uow.store.rows("SELECT number_text FROM receipts")]
    assert len(numbers) == 3
    for number in numbers:
        stored = central.scalar(
            "SELECT count(*) FROM events WHERE type = 'sale.completed' "
            "AND payload->'receipt'->>'number_text' = :n",
            n=number,
        )
        assert stored == 1, number
    assert central.scalar("SELECT count(*) FROM quarantine") == 0
    assert central.scalar("SELECT count(*) FROM event_flags") == 0
