"""The outbox keeps an event until the server has acknowledged it and 90 days have passed;
then the day's upkeep deletes it. The legal record (journal, receipts) is never touched, the
unsynced count stays right, and the database refuses any other delete."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta

import pytest

from pos.adapters.db import DB_FILE
from pos.clock import OSLO, SteppingClock
from pos.counter import open_counter
from pos.demo.centre import seed_demo
from pos.model.basket import Basket
from pos.model.payment import Tender, TenderKind
from pos.services import auth, checkout, outbox_retention
from pos.services.context import TillContext
from pos.services.overview import counter_overview
from pos.services.verification import verify_store
from tests.integration.helpers import row_counts


def sell(counter, ctx, shelf, n: int) -> None:
    for _ in range(n):
        basket = Basket()
        basket.add(shelf("KAFFE-MED"))
        checkout.complete_sale(counter.uow, ctx, basket, [Tender(TenderKind.CASH, 5000)])


def acknowledge(counter, seq: int) -> None:
    """What the sync client stores when the server answers ``acked_through``."""
    with counter.uow() as uow:
        uow.sync.set_acked_through(seq)
        uow.commit()


def outbox_seqs(counter) -> list[int]:
    with counter.uow.read() as uow:
        return [
            int(r["device_seq"]) for r in uow.store.rows("SELECT device_seq FROM outbox ORDER BY 1")
        ]


def test_acknowledged_events_go_90_days_after_they_happened_and_the_journal_stays(
    counter, ctx, shelf, clock
):
    sell(counter, ctx, shelf, 3)  # 2026-03-02
    clock.advance(days=10)
    sell(counter, ctx, shelf, 2)  # 2026-03-12
    seqs = outbox_seqs(counter)
    sold = seqs[-5:]  # the five sales' events are the newest
    acknowledge(counter, sold[3])  # the server has everything up to the fourth sale
    before = row_counts(counter)
    day_91 = datetime(2026, 6, 1, 12, tzinfo=OSLO)  # 91 days after the first three sales
    deleted = outbox_retention.prune_outbox(counter.uow, day_91)
    left = outbox_seqs(counter)
    assert deleted == len(seqs) - len(left) and deleted > 0
    assert [s for s in left if s <= sold[3]] == sold[3:4]  # acked but only 81 days old: kept
    assert sold[4] in left  # not acknowledged: kept whatever its age
    after = row_counts(counter)
    assert {k: v for k, v in after.items() if k != "outbox"} == {
        k: v for k, v in before.items() if k != "outbox"
    }
    assert verify_store(counter.uow, counter.keys.verifiers()).ok
    assert counter_overview(counter.uow, "K1").unsynced == 1


def test_the_day_upkeep_prunes_once_a_day_before_the_daily_backup(counter, ctx, shelf):
    sell(counter, ctx, shelf, 2)
    acknowledge(counter, outbox_seqs(counter)[-1])
    taken = counter.backup_if_due(datetime(2026, 6, 2, 9))
    assert taken is not None and outbox_seqs(counter) == []
    with counter.uow.read() as uow:
        assert uow.store.get_meta(outbox_retention.PRUNED_ON_META) == "2026-06-02"
    assert counter_overview(counter.uow, "K1").unsynced == 0


def test_nothing_is_pruned_on_a_counter_that_never_synced(counter, ctx, shelf):
    sell(counter, ctx, shelf, 2)
    before = outbox_seqs(counter)
    assert outbox_retention.prune_outbox(counter.uow, datetime(2027, 6, 1, tzinfo=OSLO)) == 0
    assert outbox_seqs(counter) == before


def test_the_database_refuses_to_delete_an_unacknowledged_or_recent_event(tmp_path, shelf):
    now = datetime.now(OSLO)
    with open_counter(tmp_path / "recent") as recent:
        seed_demo(recent.uow, recent.signer(), clock=SteppingClock(now - timedelta(hours=1)))
        cashier = auth.authenticate(recent.uow, "1001", "1234")
        ctx = TillContext("K1", cashier, recent.signer(), SteppingClock(now))
        basket = Basket()
        with recent.uow.read() as uow:
            coffee = [i for i in uow.queries.items() if i.barcode == "KAFFE-MED"][0]
        basket.add(coffee)
        checkout.complete_sale(recent.uow, ctx, basket, [Tender(TenderKind.CASH, 5000)])
        last = outbox_seqs(recent)[-1]
        db = sqlite3.connect(recent.data_dir / DB_FILE)
        try:
            with pytest.raises(sqlite3.IntegrityError, match="append-only"):
                db.execute("DELETE FROM outbox WHERE device_seq = ?", (last,))  # not acked
            db.execute(
                "INSERT INTO meta(key, value) VALUES ('outbox_acked_through', ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (str(last),),
            )
            with pytest.raises(sqlite3.IntegrityError, match="append-only"):
                db.execute("DELETE FROM outbox WHERE device_seq = ?", (last,))  # an hour old
            with pytest.raises(sqlite3.IntegrityError, match="append-only"):
                db.execute("UPDATE outbox SET payload = '{}' WHERE device_seq = ?", (last,))
        finally:
            db.close()
