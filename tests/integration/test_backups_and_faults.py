"""Faults that must never cost a sale: a full disk, a damaged database (refused, never copied,
the newest good backup offered), and the backups themselves (checked, bundled, flushed, bounded,
and copied to a second place)."""

import json
import os
import zipfile
from datetime import datetime, timedelta

import pytest
from sqlalchemy import event

from pos.adapters.backup import BACKUP_DIR, KEEP_MONTHS, KEEP_NEWEST, backups, prune
from pos.adapters.backup_bundle import read_manifest
from pos.adapters.db import DB_FILE
from pos.adapters.store_check import integrity_check
from pos.counter import open_counter
from pos.errors import NoBackup, StorageFull, StoreDamaged
from pos.model.basket import Basket
from pos.model.payment import Tender, TenderKind
from pos.services import checkout
from pos.services.restore import RestoreSession
from tests.integration.helpers import row_counts
from tests.reliability.damage import damage_schema_page, flip_bytes_in_table, truncate


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


def test_a_backup_is_a_checked_bundle_with_what_a_restore_elsewhere_needs(counter, ctx, shelf):
    sell_coffee(counter, ctx, shelf)
    photos = counter.data_dir / "photos" / "T1"
    photos.mkdir(parents=True)
    (photos / "01.jpg").write_bytes(b"\xff\xd8 a photo")
    daily = counter.backup_if_due(datetime(2026, 3, 2, 9))
    assert daily is not None  # the first of the day
    assert counter.backup_if_due(datetime(2026, 3, 2, 15)) is None  # once a day
    taken = counter.backup("manual", datetime(2026, 3, 2, 16))
    assert taken.path.stat().st_mode & 0o777 == 0o600
    with zipfile.ZipFile(taken.path) as bundle:
        names = set(bundle.namelist())
        assert {"manifest.json", "store.sqlite3", "keys/rsa-v1.pub.pem"} <= names
        assert "photos/T1/01.jpg" in names
        assert not any(n.endswith((".sealed", "rsa-v1.pem")) for n in names)  # no private key
    manifest = read_manifest(taken.path)
    with counter.uow.read() as uow:
        assert manifest.heads == uow.store.heads()
    assert [b.reason for b in backups(counter.data_dir)] == ["manual", "daily"]


def test_retention_keeps_the_folder_bounded_whatever_the_clock(counter):
    now = datetime(2026, 6, 1, 12)
    for days in range(0, 400, 6):
        counter.backup("daily", now - timedelta(days=400 - days))
    counter.backup("daily", now + timedelta(days=300))  # the clock was ahead once
    prune(counter.data_dir / BACKUP_DIR, now)
    kept = backups(counter.data_dir)
    assert len(kept) <= KEEP_NEWEST + KEEP_MONTHS
    assert kept[0].taken == now + timedelta(days=300)  # newest by journal position
    assert kept[-1].taken >= now - timedelta(days=31 * (KEEP_MONTHS + 1))


def test_a_backup_dated_in_the_future_does_not_stop_the_daily_one(counter):
    counter.backup("manual", datetime(2027, 1, 1, 9))  # taken while the clock was ahead
    assert counter.backup_if_due(datetime(2026, 3, 2, 9)) is not None
    assert counter.backup_if_due(datetime(2026, 3, 2, 10)) is None


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda db: flip_bytes_in_table(db, "journal"), id="data pages"),
        pytest.param(damage_schema_page, id="schema page"),
        pytest.param(truncate, id="cut short"),
    ],
)
def test_a_damaged_store_is_refused_at_start_and_never_backed_up(counter, ctx, shelf, damage):
    sell_coffee(counter, ctx, shelf)
    good = counter.backup("daily").path
    data_dir = counter.data_dir
    counter.close()
    damage(data_dir / DB_FILE)
    with pytest.raises(StoreDamaged) as caught:
        open_counter(data_dir)
    said = caught.value.message("nb")
    assert "skadet" in said and "består full kontroll" in said
    assert "restore-backup --staff" in caught.value.message("en")
    from pos.services.backups import take

    with pytest.raises(StoreDamaged):
        take(data_dir, "manual")
    assert [b.path for b in backups(data_dir)] == [good]


def test_a_large_store_starts_at_once_and_the_days_upkeep_finds_its_damage(
    counter, ctx, shelf, monkeypatch
):
    """Years of history: the start checks the file only; the page check before the daily
    backup finds a bad page, notes it, and the next start refuses the store as above."""
    import pos.counter

    sell_coffee(counter, ctx, shelf)
    good = counter.backup("daily", datetime(2026, 3, 2, 12)).path
    data_dir = counter.data_dir
    counter.close()
    flip_bytes_in_table(data_dir / DB_FILE, "sale_lines")
    monkeypatch.setattr(pos.counter, "QUICK_CHECK_AT_START_BYTES", 0)  # as for a 5 GB store
    with open_counter(data_dir) as started:  # the till opens: nothing it reads is damaged
        with pytest.raises(StoreDamaged):
            started.backup_if_due(datetime(2026, 3, 3, 9))
    assert [b.path for b in backups(data_dir)] == [good]
    with pytest.raises(StoreDamaged) as caught:
        open_counter(data_dir)
    assert "består full kontroll" in caught.value.message("nb")


def test_restore_chooses_the_newest_backup_that_passes_the_integrity_check(
    counter, ctx, shelf, clock
):
    sell_coffee(counter, ctx, shelf)
    older = counter.backup("daily", datetime(2026, 3, 2, 9)).path
    sell_coffee_again(counter, ctx, shelf)
    newer = counter.backup("manual", datetime(2026, 3, 2, 10)).path
    data_dir = counter.data_dir
    counter.close()
    damage_store_inside(newer)
    with RestoreSession(data_dir, clock=clock) as session:
        assert session.preview.backup.path == older
        assert [name for name, _ in session.preview.passed_over] == [newer.name]
        session.run(session.authenticate("9001", "9999"))
    assert integrity_check(data_dir / DB_FILE) is None


def sell_coffee_again(counter, ctx, shelf):
    basket = Basket()
    basket.add(shelf("KAFFE-MED"))
    checkout.complete_sale(counter.uow, ctx, basket, [Tender(TenderKind.CARD, 3200)])


def damage_store_inside(bundle):
    """A backup whose store unpacks (the ZIP is whole) but fails SQLite's integrity check."""
    with zipfile.ZipFile(bundle) as z:
        manifest, store = z.read("manifest.json"), bytearray(z.read("store.sqlite3"))
    page_size = int.from_bytes(store[16:18], "big")
    for page in range(2, len(store) // page_size, 3):
        start = page * page_size
        store[start : start + 16] = bytes(b ^ 0xFF for b in store[start : start + 16])
    with zipfile.ZipFile(bundle, "w") as z:
        z.writestr("manifest.json", manifest)
        z.writestr("store.sqlite3", bytes(store))


def test_leftovers_of_an_interrupted_backup_are_removed_at_the_next_start(counter):
    folder = counter.data_dir / BACKUP_DIR
    folder.mkdir(exist_ok=True)
    leftover = folder / "omigjen-20260302-101500-j000000009-daily.zip.partial"
    leftover.write_bytes(b"half a backup")
    data_dir = counter.data_dir
    counter.close()
    with open_counter(data_dir):
        assert not leftover.exists()


def test_every_backup_is_also_copied_to_the_second_place(counter, boss, tmp_path):
    from pos.services.backups import second_place, set_second_place

    usb = tmp_path / "usb"
    usb.mkdir()
    set_second_place(counter.uow, boss, str(usb))
    assert second_place(counter.uow) == str(usb)
    taken = counter.backup("manual")
    assert taken.second == usb / taken.path.name
    assert taken.second.read_bytes() == taken.path.read_bytes()
    assert taken.second.stat().st_mode & 0o777 == 0o600
    os.rename(usb, tmp_path / "unplugged")
    missing = counter.backup("manual", datetime.now() + timedelta(seconds=2))
    assert missing.path.exists() and missing.second is None
    assert missing.second_problem is not None
    assert "finnes ikke" in missing.second_problem.message("nb")
    assert "not there" in missing.second_problem.message("en")


def test_restoring_with_no_backup_says_so(tmp_path):
    with pytest.raises(NoBackup):
        RestoreSession(tmp_path)


def test_the_manifest_says_what_the_backup_holds(counter, ctx, shelf):
    sell_coffee(counter, ctx, shelf)
    taken = counter.backup("manual")
    with zipfile.ZipFile(taken.path) as bundle:
        manifest = json.loads(bundle.read("manifest.json"))
    assert manifest["format"] == 1 and manifest["kind"] == "full"
    assert manifest["private_key"] == "none" and manifest["key_versions"] == ["1"]
    assert manifest["heads"]["journal"][0] > 0


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
