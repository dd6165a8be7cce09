"""The till's own backups are differential: a full backup, then each day only the pages that
changed since. A differential restores whole (its full backup plus its pages), the folder keeps
every full backup a kept differential needs, and whenever a differential cannot be made
exactly, a full backup is taken instead."""

from __future__ import annotations

import sqlite3
import zipfile
from datetime import datetime, timedelta

from pos.adapters.backup import BACKUP_DIR, KEEP_NEWEST, backups, prune, unpack_store
from pos.adapters.backup_bundle import DIFFERENTIAL, FULL, read_manifest
from pos.adapters.db import DB_FILE
from pos.adapters.store_check import integrity_check
from pos.counter import open_counter
from pos.model.basket import Basket
from pos.model.payment import Tender, TenderKind
from pos.services import checkout
from pos.services.catalogue import find_item
from pos.services.restore import RestoreSession
from pos.services.verification import verify_store
from tests.reliability.damage import flip_bytes_in_table

MORNING = datetime(2026, 3, 2, 9)


def sell(counter, ctx, n: int = 1) -> list[str]:
    numbers = []
    for _ in range(n):
        basket = Basket()
        basket.add(find_item(counter.uow, "KAFFE-MED"))
        sale = checkout.complete_sale(
            counter.uow, ctx, basket, [Tender(TenderKind.CARD, basket.total, "T")]
        )
        numbers.append(sale.receipts[0].number)
    return numbers


def kind(path) -> str:
    return read_manifest(path).kind


def test_the_next_days_backup_holds_the_changed_pages_and_restores_whole(counter, ctx, clock):
    sell(counter, ctx, 30)
    full = counter.backup_if_due(MORNING)
    assert full is not None and kind(full.path) == FULL
    clock.advance(days=1)
    later = sell(counter, ctx, 5)
    daily = counter.backup_if_due(MORNING + timedelta(days=1))
    assert daily is not None and kind(daily.path) == DIFFERENTIAL
    manifest = read_manifest(daily.path)
    assert manifest.base == full.path.name
    with counter.uow.read() as uow:
        assert manifest.heads == uow.store.heads()
    with zipfile.ZipFile(daily.path) as bundle:
        names = set(bundle.namelist())
        changed = bundle.getinfo("pages.bin").file_size // (manifest.page_size + 4)
    assert "store.sqlite3" not in names and "keys/rsa-v1.pub.pem" in names
    assert 0 < changed < manifest.page_count // 2
    data_dir = counter.data_dir
    counter.close()
    flip_bytes_in_table(data_dir / DB_FILE, "journal")
    with RestoreSession(data_dir, clock=clock) as session:
        assert session.preview.backup.path == daily.path
        assert session.preview.signed_beyond == 0
        session.run(session.authenticate("9001", "9999"))
    with open_counter(data_dir, clock) as restored:
        assert verify_store(restored.uow, restored.keys.verifiers()).ok
        with restored.uow.read() as uow:
            numbers = {r["number_text"] for r in uow.store.rows("SELECT number_text FROM receipts")}
    assert set(later) <= numbers


def test_a_differential_without_its_full_backup_is_passed_over(counter, ctx, clock):
    sell(counter, ctx, 3)
    older = counter.backup("manual", MORNING - timedelta(days=8)).path  # too old a base
    full = counter.backup_if_due(MORNING)
    clock.advance(days=1)
    sell(counter, ctx, 2)
    daily = counter.backup_if_due(MORNING + timedelta(days=1))
    assert full is not None and daily is not None and kind(daily.path) == DIFFERENTIAL
    full.path.unlink()
    counter.close()
    with RestoreSession(counter.data_dir, clock=clock) as session:
        assert session.preview.backup.path == older
        assert "full backup is missing" in session.preview.passed_over[0][1]


def test_a_week_on_the_daily_backup_is_full_again(counter, ctx, clock):
    sell(counter, ctx)
    kinds = []
    for day in range(9):
        clock.advance(days=1)
        sell(counter, ctx)
        taken = counter.backup_if_due(MORNING + timedelta(days=day))
        assert taken is not None
        kinds.append(kind(taken.path))
    assert kinds == [FULL] + [DIFFERENTIAL] * 7 + [FULL]


def test_retention_keeps_the_full_backup_of_every_differential_it_keeps(counter, ctx, clock):
    for day in range(KEEP_NEWEST + 6):
        clock.advance(days=1)
        sell(counter, ctx)
        counter.backup_if_due(MORNING + timedelta(days=day))
    folder = counter.data_dir / BACKUP_DIR
    prune(folder, MORNING + timedelta(days=KEEP_NEWEST + 6))
    kept = {b.path.name for b in backups(counter.data_dir)}
    for backup in backups(counter.data_dir):
        manifest = read_manifest(backup.path)
        assert manifest.kind == FULL or manifest.base in kept
        assert integrity_check_of(backup.path, counter.data_dir) is None


def integrity_check_of(path, data_dir):
    target = data_dir / "check.sqlite3"
    found = [b for b in backups(data_dir) if b.path == path][0]
    unpack_store(found, target)
    try:
        return integrity_check(target)
    finally:
        target.unlink()


def test_a_till_writing_all_through_the_backup_gets_a_full_one(counter, ctx, clock):
    sell(counter, ctx)
    counter.backup_if_due(MORNING)
    clock.advance(days=1)
    sell(counter, ctx)
    writer = sqlite3.connect(counter.data_dir / DB_FILE, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")  # the till in the middle of a sale, the whole time
    writer.execute("INSERT INTO meta(key, value) VALUES ('bench_marker', 'x')")
    try:
        taken = counter.backup("daily", MORNING + timedelta(days=1))
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert taken is not None and kind(taken.path) == FULL


def test_a_new_device_token_makes_the_next_backup_full(counter, ctx, clock):
    sell(counter, ctx)
    counter.backup_if_due(MORNING)
    with counter.uow() as uow:
        uow.sync.save_device(
            {"id": 1, "server_url": "https://sentral.example", "ca_file": "",
             "device_id": "dev-1", "device_epoch": 1, "token": "s3cret-token-0123456789",
             "site_id": "site-1", "state": "active", "state_detail": "",
             "enrolled_at": "2026-03-02T10:00:00+00:00"}
        )  # fmt: skip
        uow.commit()
    clock.advance(days=1)
    taken = counter.backup_if_due(MORNING + timedelta(days=1))
    assert taken is not None and kind(taken.path) == FULL
    unpacked = counter.data_dir / "unpacked.sqlite3"
    unpack_store([b for b in backups(counter.data_dir) if b.path == taken.path][0], unpacked)
    assert b"s3cret-token" not in unpacked.read_bytes()
