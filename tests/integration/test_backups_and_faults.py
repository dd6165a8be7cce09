"""Faults that must never cost a sale: a full disk, a damaged database (refused, with the newest
automatic backup offered), and the backups themselves."""

import os
from datetime import datetime, timedelta

import pytest
from sqlalchemy import event

from pos.adapters.backup import backups, full_check, prune
from pos.adapters.db import DB_FILE
from pos.counter import open_counter, restore_latest
from pos.errors import NoBackup, StorageFull, StoreDamaged
from pos.model.basket import Basket
from pos.model.payment import Tender, TenderKind
from pos.services import checkout
from tests.integration.helpers import row_counts


def sell_coffee(counter, ctx, shelf):
    basket = Basket()
    basket.add(shelf("KAFFE-MED"))
    basket.add(shelf.one_off("11", 1))
    return checkout.complete_sale(counter.uow, ctx, basket, [Tender(TenderKind.CARD, 68100)])


def test_a_full_disk_gives_a_clear_message_and_no_partial_sale(counter, ctx, shelf):
    """A size-capped database behaves like a full disk: SQLITE_FULL mid-transaction."""
    with counter.uow.read() as uow:
        pages = uow.store.conn.exec_driver_sql("PRAGMA page_count").scalar_one()

    def cap(dbapi_connection, _record):
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages + 2}")

    counter.engine.pool.dispose()
    event.listen(counter.engine, "connect", cap)
    try:
        coffee = shelf("KAFFE-MED")
        with pytest.raises(StorageFull) as caught:
            for _ in range(200):
                before = row_counts(counter)
                basket = Basket()
                basket.add(coffee)
                checkout.complete_sale(counter.uow, ctx, basket, [Tender(TenderKind.CASH, 5000)])
        assert "Disken er full" in caught.value.message("nb")
        assert row_counts(counter) == before  # the failed sale left nothing behind
    finally:
        event.remove(counter.engine, "connect", cap)
        counter.engine.pool.dispose()


def test_backups_are_consistent_copies_that_verify(counter, ctx, shelf):
    sell_coffee(counter, ctx, shelf)
    daily = counter.backup_if_due(datetime(2026, 3, 2, 9))
    assert daily is not None  # the first of the day
    assert counter.backup_if_due(datetime(2026, 3, 2, 15)) is None  # once a day
    path = counter.backup("manual", datetime(2026, 3, 2, 16))
    assert path.stat().st_mode & 0o777 == 0o600
    assert full_check(path) is None
    assert [b.reason for b in backups(counter.data_dir)] == ["manual", "daily"]


def test_old_backups_are_pruned_but_the_newest_kept(counter):
    now = datetime(2026, 6, 1, 12)
    for days in range(40):
        counter.backup("daily", now - timedelta(days=days))
    prune(counter.data_dir, now)
    kept = backups(counter.data_dir)
    assert len(kept) == 31 and kept[0].taken == now


def test_a_damaged_database_is_refused_and_the_latest_backup_restored(counter, ctx, shelf):
    sell_coffee(counter, ctx, shelf)
    counter.backup("daily")
    data_dir = counter.data_dir
    counter.close()
    db = data_dir / DB_FILE
    with open(db, "r+b") as handle:  # scribble over the file header
        handle.write(os.urandom(100))
    with pytest.raises(StoreDamaged) as caught:
        open_counter(data_dir)
    assert "backups" in caught.value.message("en") and "skadet" in caught.value.message("nb")
    restore_latest(data_dir)
    with open_counter(data_dir) as reopened, reopened.uow.read() as uow:
        assert uow.queries.count("receipts") == 2
    assert any(p.name.startswith(f"{DB_FILE}.damaged-") for p in data_dir.iterdir())


def test_restoring_with_no_backup_says_so(tmp_path):
    with pytest.raises(NoBackup):
        restore_latest(tmp_path)


def test_the_wal_is_copied_back_by_the_idle_checkpoint(counter, ctx, shelf):
    import sqlite3

    sell_coffee(counter, ctx, shelf)
    wal = counter.data_dir / (DB_FILE + "-wal")
    assert wal.exists()
    counter.checkpoint()
    probe = sqlite3.connect(counter.data_dir / DB_FILE)
    busy, log_pages, copied = probe.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
    probe.close()
    assert busy == 0 and copied == log_pages  # nothing left to copy
