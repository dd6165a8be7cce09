"""The fast path that makes years of history in minutes: the real services write into a store
that keeps a batch of sales in memory and then writes it with one INSERT per table.

A sale still goes through ``checkout.complete_sale`` and ``recording.record``: the same checks,
numbers, signatures, journal rows (hash-chained) and outbox events as at the till. Only the
storage differs: numbers, chain heads and the journal's head are kept in memory between
flushes, the rows wait in memory, and a flush writes them in the tables' order in one
transaction (with ``synchronous=OFF``: a throwaway store needs no flush to the disk per sale).
The high-water mark is not raised while building; the next ``open_counter`` brings it up to
the store, as it does after any start.

Anything that is not a plain sale (returns, repairs, copies, Z reports) runs on ordinary units
of work after a flush, so it reads and writes the rows as they are.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Engine, event

from pos.adapters.repositories import Store, _raw_insert
from pos.clock import Stamp
from pos.model.catalogue import ItemStatus
from pos.unit_of_work import UnitOfWork, UnitOfWorkFactory

FLUSH_ORDER = (
    "sales",
    "receipts",
    "credit_notes",
    "tenders",
    "sale_lines",
    "receipt_payments",
    "journal",
    "outbox",
)
"""Parents before children, so the foreign keys hold at every INSERT."""


def unsynchronised(engine: Engine) -> None:
    """No flush to the disk at commit on this engine's new connections (a throwaway store)."""
    event.listen(engine, "connect", lambda dbapi, _record: dbapi.execute("PRAGMA synchronous=OFF"))
    engine.dispose()


class BufferedStore(Store):
    """``Store`` whose sale-path writes wait in memory until ``flush``."""

    def __init__(self, conn: Any) -> None:
        super().__init__(conn)
        self._pending: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
        self._item_updates: list[tuple[str, str, str]] = []
        self._counters: dict[str, int] = {}
        self._chains: dict[tuple[str, str], tuple[int, str]] = {}
        self._head: tuple[str, str] | None | bool = False  # False: not read yet
        self.waiting = 0

    def next_number(self, name: str, count: int = 1) -> int:
        if name not in self._counters:
            self._counters[name] = self.counter(name)
        self._counters[name] += count
        return self._counters[name]

    def chain_head(self, tenant_id: str, register_id: str) -> tuple[int, str]:
        key = (tenant_id, register_id)
        if key not in self._chains:
            self._chains[key] = super().chain_head(tenant_id, register_id)
        return self._chains[key]

    def advance_chain(self, tenant_id: str, register_id: str, nr: int, signature: str) -> None:
        self._chains[(tenant_id, register_id)] = (nr, signature)

    def journal_head(self) -> tuple[str, str] | None:
        if self._head is False:
            self._head = super().journal_head()
        return self._head  # type: ignore[return-value]

    def insert(
        self, table_name: str, rows: Sequence[Mapping[str, Any]] | Mapping[str, Any]
    ) -> None:
        if table_name not in FLUSH_ORDER:
            super().insert(table_name, rows)
            return
        batch = [rows] if isinstance(rows, Mapping) else list(rows)
        self._pending[table_name].extend(batch)
        self.waiting += len(batch)
        if table_name == "journal" and batch:
            self._head = (batch[-1]["hash"], batch[-1]["created_at"])

    def set_item_status(self, item_id: str, status: ItemStatus, stamp: Stamp) -> None:
        self._item_updates.append((status.value, stamp.utc_iso, item_id))

    def flush(self) -> None:
        """Write what waits (the caller commits) and forget the cached heads."""
        for table in FLUSH_ORDER:
            rows = self._pending.pop(table, [])
            for columns, group in _by_columns(rows).items():
                self._raw.executemany(_raw_insert(table, dict.fromkeys(columns)), group)
        self._raw.executemany(
            "UPDATE items SET status = ?, updated_at = ? WHERE id = ?", self._item_updates
        )
        self._raw.executemany(
            "INSERT INTO counters(name, value) VALUES (?, ?) "
            "ON CONFLICT(name) DO UPDATE SET value = excluded.value",
            list(self._counters.items()),
        )
        self._raw.executemany(
            "INSERT INTO signature_chains(tenant_id, register_id, last_nr, last_signature) "
            "VALUES (?, ?, ?, ?) ON CONFLICT(tenant_id, register_id) DO UPDATE SET "
            "last_nr = excluded.last_nr, last_signature = excluded.last_signature",
            [(t, r, nr, sig) for (t, r), (nr, sig) in self._chains.items()],
        )
        self._item_updates.clear()
        self._counters.clear()
        self._chains.clear()
        self._head = False
        self.waiting = 0


def _by_columns(rows: list[Mapping[str, Any]]) -> dict[tuple[str, ...], list[Mapping[str, Any]]]:
    groups: dict[tuple[str, ...], list[Mapping[str, Any]]] = defaultdict(list)
    for row in rows:
        groups[tuple(row)].append(row)
    return groups


class BufferedUnit(UnitOfWork):
    """A unit of work on the batch's connection. Its commit only ends the unit (the batch is
    committed by ``BufferedUnits.flush``); a unit that fails after writing something cannot be
    undone here, so it stops the build."""

    def __init__(self, owner: BufferedUnits) -> None:
        self._owner = owner
        self._committed = False

    def __enter__(self) -> BufferedUnit:
        conn, store = self._owner.begin(), self._owner.store
        self._conn = conn
        self._written = store.waiting, dict(store._counters)
        self.attach(conn, store)
        return self

    def __exit__(self, exc_type: Any, exc: BaseException | None, tb: Any) -> None:
        store = self._owner.store
        if exc is not None and self._written != (store.waiting, store._counters):
            raise RuntimeError("a buffered unit of work failed after writing") from exc

    def commit(self) -> None:
        self._committed = True


class BufferedUnits(UnitOfWorkFactory):
    """What the services are given while a batch of sales is made: every unit on one
    connection, in one transaction until ``flush``."""

    def __init__(self, engine: Engine) -> None:
        super().__init__(engine, None)
        self.conn = engine.connect()
        self.store = BufferedStore(self.conn)

    def begin(self) -> Any:
        if not self.conn.in_transaction():
            self.conn.begin()  # BEGIN IMMEDIATE (``pos.adapters.db``): the batch holds the lock
        return self.conn

    def __call__(self) -> UnitOfWork:
        return BufferedUnit(self)

    def read(self) -> UnitOfWork:
        return BufferedUnit(self)

    def flush(self) -> None:
        """Write the batch and commit it, so ordinary units see it and may write after it."""
        if self.conn.in_transaction():
            self.store.flush()
            self.conn.commit()
        self.store.issued = type(self.store.issued)()

    def close(self) -> None:
        self.flush()
        self.conn.close()
