"""The store's connection as every repository uses it: the unit of work's SQLAlchemy connection
and its raw DBAPI cursor (same transaction), plain inserts checked against the schema, the meta
table and the gap-free counters with the numbers a transaction gave out.

Every method runs on the connection of the current unit of work; none commits.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from functools import lru_cache
from typing import Any, cast

from sqlalchemy import Connection, RowMapping, insert, text
from sqlalchemy.exc import IntegrityError

from pos.adapters import tables as t
from pos.numbering import Heads, Issued, day_text, day_value, tracked, z_day_counter

Row = RowMapping

_NEXT_COUNTER_SQL = (
    "INSERT INTO counters(name, value) VALUES (:name, :n) "
    "ON CONFLICT(name) DO UPDATE SET value = value + :n RETURNING value"
)
_INSERTS = {name: insert(table) for name, table in t.metadata.tables.items()}


@lru_cache(maxsize=256)
def _insert_sql(table_name: str, columns: tuple[str, ...]) -> str:
    if table_name not in t.metadata.tables:
        raise KeyError(table_name)
    known = t.metadata.tables[table_name].c
    for column in columns:
        if column not in known:
            raise KeyError(f"{table_name}.{column}")
    names = ", ".join(columns)
    values = ", ".join(f":{c}" for c in columns)
    return f"INSERT INTO {table_name} ({names}) VALUES ({values})"


def _raw_insert(table_name: str, row: Mapping[str, Any]) -> str:
    """A plain INSERT for the columns of ``row`` (names checked against the schema)."""
    return _insert_sql(table_name, tuple(row))


def dict_rows(
    raw: sqlite3.Connection, sql: str, params: Sequence[Any] | Mapping[str, Any] = ()
) -> list[dict]:
    """A raw query's rows as dicts keyed by column name (shared by the store's readers)."""
    cursor = raw.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def read_heads(raw: sqlite3.Connection) -> Heads:
    """A store's number heads: every tracked counter (Z numbers also from the reports
    themselves), every signature chain and the journal's last row."""
    counters = {
        str(n): int(v)
        for n, v in raw.execute("SELECT name, value FROM counters").fetchall()
        if tracked(str(n))
    }
    for tenant_id, register_id, number, day in raw.execute(
        "SELECT tenant_id, register_id, max(z_number), max(business_date) FROM z_reports "
        "GROUP BY tenant_id, register_id"
    ).fetchall():
        name = f"z:{tenant_id}:{register_id}"
        counters[name] = max(int(number), counters.get(name, 0))
        day_name = z_day_counter(str(tenant_id), str(register_id))
        counters[day_name] = max(day_value(str(day)), counters.get(day_name, 0))
    chains = {
        (str(tenant), str(register)): (int(nr), str(signature))
        for tenant, register, nr, signature in raw.execute(
            "SELECT tenant_id, register_id, last_nr, last_signature FROM signature_chains"
        ).fetchall()
    }
    last = raw.execute("SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1").fetchone()
    return Heads(counters, chains, (int(last[0]), str(last[1])) if last else (0, ""))


class StoreBase:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        # The checkout path issues ~50 small statements per sale; going straight to the DBAPI
        # cursor (same connection, same transaction) keeps a sale within a few milliseconds.
        self._raw: sqlite3.Connection = cast(sqlite3.Connection, conn.connection.driver_connection)
        self.issued = Issued()
        """Numbers this transaction gave out: the high-water mark is raised by them at commit."""

    def rows(self, sql: str, params: Sequence[Any] | Mapping[str, Any] = ()) -> list[dict]:
        """Rows of a raw query as dicts (hot-path reads; same transaction as the rest)."""
        return dict_rows(self._raw, sql, params)

    @contextmanager
    def savepoint(self) -> Iterator[None]:
        """A part of the transaction undone on its own when it raises (the error goes on)."""
        self._raw.execute("SAVEPOINT part")
        try:
            yield
        except BaseException:
            self._raw.execute("ROLLBACK TO part")
            self._raw.execute("RELEASE part")
            raise
        self._raw.execute("RELEASE part")

    def insert(
        self, table_name: str, rows: Sequence[Mapping[str, Any]] | Mapping[str, Any]
    ) -> None:
        """Insert one row or many into a table of ``pos.adapters.tables``."""
        if isinstance(rows, Mapping):
            rows = [rows]
        if rows:
            self._raw.executemany(_raw_insert(table_name, rows[0]), rows)

    def insert_unique(self, table_name: str, row: Mapping[str, Any]) -> bool:
        """Insert unless a unique constraint says the row exists already; False then."""
        try:
            with self.conn.begin_nested():
                self.conn.execute(_INSERTS[table_name], dict(row))
        except IntegrityError:
            return False
        return True


class MetaRepository(StoreBase):
    """The counter's own settings and marks, one value per key (``uow.meta``)."""

    def get_meta(self, key: str, default: str | None = None) -> str | None:
        row = self._raw.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return default if row is None else str(row[0])

    def set_meta(self, key: str, value: str) -> None:
        self.conn.execute(
            text(
                "INSERT INTO meta(key, value) VALUES (:k, :v) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value"
            ),
            {"k": key, "v": value},
        )


class NumberCounters(StoreBase):
    """The gap-free counters (receipt, journal, Z and label numbers) and the heads a transaction
    started from (``uow.numbers``)."""

    def next_number(self, name: str, count: int = 1) -> int:
        """The next value of a gap-free counter, taken inside the current transaction (with
        ``count``, the last of that many consecutive values)."""
        value = int(self._raw.execute(_NEXT_COUNTER_SQL, {"name": name, "n": count}).fetchone()[0])
        if tracked(name):
            self.issued.counter(name, value, count)
        return value

    def counter(self, name: str) -> int:
        row = self._raw.execute("SELECT value FROM counters WHERE name = ?", (name,)).fetchone()
        return int(row[0]) if row else 0

    def raise_counter(self, name: str, value: int) -> None:
        """Move a counter up to ``value`` (never down): numbers given out elsewhere or before a
        restore are not given out again."""
        before = self.counter(name)
        if value > before:
            self._raw.execute(
                "INSERT INTO counters(name, value) VALUES (?, ?) "
                "ON CONFLICT(name) DO UPDATE SET value = excluded.value",
                (name, value),
            )
            if tracked(name):
                self.issued.counter(name, value, value - before)

    def next_z_number(self, tenant_id: str, register_id: str, last_z: int, day: str) -> int:
        """The next Z number: after the store's last Z and after any a restore skipped; the
        day it closes is raised with it (the high-water mark carries both)."""
        name = f"z:{tenant_id}:{register_id}"
        number = max(last_z, self.counter(name)) + 1
        self.raise_counter(name, number)
        self.raise_counter(z_day_counter(tenant_id, register_id), day_value(day))
        return number

    def z_day_floor(self, tenant_id: str, register_id: str) -> str | None:
        """The last business day a Z closed on this register for the tenant, also one given
        out before a restore whose report this store lacks (None: none known)."""
        value = self.counter(z_day_counter(tenant_id, register_id))
        return day_text(value) if value else None

    def heads(self) -> Heads:
        return read_heads(self._raw)
