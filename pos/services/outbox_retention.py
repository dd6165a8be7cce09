"""How long the outbox keeps an event: until the central server has acknowledged it, and then
``RETENTION_DAYS`` more after it happened (sync-protocol.md: "keep acked events for a retention
window, at least 90 days"); after that the event is deleted, so the store does not carry every
sale twice for the life of the counter.

Never deleted: an event the server has not acknowledged (whatever its age: a counter offline
for months sends everything), and anything of the legal record: the journal, the receipts and
their lines are kept as the law requires; the outbox is only the copy on its way to the server.
The database refuses any other delete (migration 0014).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from pos.clock import Stamp
from pos.unit_of_work import UnitOfWorkFactory

RETENTION_DAYS = 90
BATCH = 5000
"""Events deleted per transaction, so the till never waits long for the write lock."""
PRUNED_ON_META = "outbox_pruned_on"
"""The (UTC) day the outbox was last pruned: once a day is enough."""


def prune_outbox(uow_factory: UnitOfWorkFactory, now: datetime) -> int:
    """Delete the acknowledged events that happened more than ``RETENTION_DAYS`` before
    ``now``; returns how many."""
    cutoff = Stamp.of(now - timedelta(days=RETENTION_DAYS)).utc_iso
    deleted = 0
    while True:
        with uow_factory() as uow:
            count = uow.sync.delete_acked_outbox(cutoff, BATCH)
            uow.commit()
        deleted += count
        if count < BATCH:
            return deleted


def prune_daily(uow_factory: UnitOfWorkFactory, now: datetime) -> int:
    """``prune_outbox`` unless it ran today already (every sync cycle asks)."""
    day = Stamp.of(now).utc_iso[:10]
    with uow_factory.read() as uow:
        if uow.meta.get_meta(PRUNED_ON_META) == day:
            return 0
    deleted = prune_outbox(uow_factory, now)
    with uow_factory() as uow:
        uow.meta.set_meta(PRUNED_ON_META, day)
        uow.commit()
    return deleted
