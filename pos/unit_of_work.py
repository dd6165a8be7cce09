"""Unit of work over the local store: one database transaction, rolled back unless committed.

Write units take SQLite's write lock at BEGIN (IMMEDIATE) so counters read inside them cannot
change underneath; read units use a plain deferred transaction and never block the till.

A unit that gave out numbers (receipts, signatures, journal rows, Z reports...) raises the
register's high-water mark, kept outside the store, before the store commits: the mark is never
behind the store, so no restore can give a number out twice (``pos/adapters/high_water.py``).
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from pos.adapters.basket_store import BasketStore
from pos.adapters.catalogue_repository import CatalogueRepository
from pos.adapters.day_end_store import DayEndStore
from pos.adapters.db import Connection, Engine, connect, is_storage_full
from pos.adapters.ledger_repository import JournalRepository, OutboxRepository, SignatureChains
from pos.adapters.print_jobs import PrintJobs
from pos.adapters.queries import Queries
from pos.adapters.reference_repository import RegisterRepository, TenantRepository
from pos.adapters.repair_queries import RepairQueries
from pos.adapters.repair_store import RepairStore
from pos.adapters.report_queries import ReportQueries
from pos.adapters.repositories import Store
from pos.adapters.sale_store import SaleStore
from pos.adapters.salvage_store import SalvageStore
from pos.adapters.staff_repository import StaffRepository
from pos.adapters.store_base import MetaRepository, NumberCounters
from pos.adapters.store_check import is_damage, note_damage, noted_damage
from pos.adapters.sync_store import SyncStore
from pos.adapters.till_repository import TillRepository
from pos.errors import StorageFull, StoreDamaged, StoreDamagedInUse
from pos.numbering import Issued

if TYPE_CHECKING:
    from pos.adapters.high_water import HighWaterMark


class UnitOfWork:
    def __init__(
        self, engine: Engine, *, readonly: bool = False, mark: HighWaterMark | None = None
    ) -> None:
        self._engine = engine
        self._readonly = readonly
        self._mark = mark
        self._conn: Connection | None = None
        self._committed = False

    def __enter__(self) -> UnitOfWork:
        conn = connect(self._engine, readonly=self._readonly)
        self._conn = conn
        self.attach(conn, Store(conn))
        self._committed = False
        return self

    def attach(self, conn: Connection, store: Store) -> None:
        """The repositories and queries of this unit, all on its one connection.

        The concern repositories are the one ``store`` seen through each concern's interface,
        so they share its tenant cache and the numbers given out (``repositories.py``)."""
        self.store = store
        self.tenants: TenantRepository = store
        self.registers: RegisterRepository = store
        self.staff: StaffRepository = store
        self.items: CatalogueRepository = store
        self.till: TillRepository = store
        self.journal: JournalRepository = store
        self.signatures: SignatureChains = store
        self.outbox: OutboxRepository = store
        self.meta: MetaRepository = store
        self.numbers: NumberCounters = store
        self.sales = SaleStore(store)
        self.queries = Queries(conn)
        self.printing = PrintJobs(conn)
        self.repairs = RepairStore(store)
        self.repair_queries = RepairQueries(store)
        self.reports = ReportQueries(conn)
        self.day_end = DayEndStore(conn)
        self.sync = SyncStore(conn)
        self.baskets = BasketStore(conn)
        self.salvaged = SalvageStore(store)

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        assert self._conn is not None
        try:
            if not self._committed:
                self._conn.rollback()
        finally:
            self._conn.close()
            self._conn = None
        if exc is not None and is_storage_full(exc):
            raise StorageFull() from exc
        if exc is not None and is_damage(exc):
            note_damage(Path(self._engine.url.database or ".").parent, str(exc))
            raise StoreDamagedInUse(reason=str(exc)) from exc

    def savepoint(self) -> AbstractContextManager[None]:
        """A part of this unit undone on its own when it raises (the error goes on)."""
        return self.store.savepoint()

    def commit(self) -> None:
        assert self._conn is not None
        flushed = None
        if self._mark is not None and self.store.issued:
            flushed = self._mark.record_async(self.store.issued)
        try:
            self._conn.commit()
        finally:
            if flushed is not None:
                flushed()  # the mark on disk before the sale is reported done
        self.store.issued = Issued()
        self._committed = True

    def rollback(self) -> None:
        assert self._conn is not None
        self._conn.rollback()


class UnitOfWorkFactory:
    """What services are given: makes write or read units on one engine.

    Given the counter's data directory, it refuses every write unit once the store was found
    damaged while the till runs (a backup's or a Z's full check, or SQLite in use noted it):
    nothing more is recorded in a damaged store, as the damage message says; reading goes on,
    and the next start checks in full and offers the newest good backup."""

    def __init__(
        self, engine: Engine, mark: HighWaterMark | None = None, *, data_dir: Path | None = None
    ) -> None:
        self.engine = engine
        self.mark = mark
        self.data_dir = data_dir

    def __call__(self) -> UnitOfWork:
        damage = self.damage()
        if damage is not None:
            raise StoreDamaged(str(self.data_dir), reason=damage)
        return UnitOfWork(self.engine, mark=self.mark)

    def damage(self) -> str | None:
        """What damage was noted in the store since the till started (None: none)."""
        return None if self.data_dir is None else noted_damage(self.data_dir)

    def read(self) -> UnitOfWork:
        return UnitOfWork(self.engine, readonly=True)
