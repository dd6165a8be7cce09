"""Local side of sync in the store: the device row, outbox reads by cursor, the acked
watermark, sync problems, and reference data pulled from the server (with its staging copy).

Every method runs inside the caller's unit of work, so an acknowledgement and the problems it
reports, or a pulled page and its cursor, are committed together or not at all.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any, cast

from sqlalchemy import Connection

ACKED_KEY = "outbox_acked_through"
CURSOR_KEY = "pull_cursor"
STAGING_CURSOR_KEY = "pull_staging_cursor"

_SET_META = (
    "INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = "
    "excluded.value"
)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class SyncStore:
    def __init__(self, conn: Connection) -> None:
        self._raw = cast(sqlite3.Connection, conn.connection.driver_connection)

    # -- meta --------------------------------------------------------------------------------
    def meta(self, key: str) -> str | None:
        row = self._raw.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def set_meta(self, key: str, value: str | None) -> None:
        if value is None:
            self._raw.execute("DELETE FROM meta WHERE key = ?", (key,))
        else:
            self._raw.execute(_SET_META, (key, value))

    # -- device ------------------------------------------------------------------------------
    def device(self) -> dict[str, Any] | None:
        cursor = self._raw.execute("SELECT * FROM sync_device WHERE id = 1")
        row = cursor.fetchone()
        if row is None:
            return None
        return dict(zip([d[0] for d in cursor.description], row, strict=True))

    def registration_queued(self, item_id: str) -> bool:
        """Whether the outbox holds this item's ``item.registered`` event."""
        found = self._raw.execute(
            "SELECT 1 FROM outbox WHERE type = 'item.registered' "
            "AND json_extract(payload, '$.item_id') = ? LIMIT 1",
            (item_id,),
        ).fetchone()
        return found is not None

    def queued_registrations(self) -> set[str]:
        """The item ids whose ``item.registered`` the outbox holds."""
        rows = self._raw.execute(
            "SELECT json_extract(payload, '$.item_id') FROM outbox WHERE type = 'item.registered'"
        )
        return {str(row[0]) for row in rows}

    def save_device(self, values: Mapping[str, Any]) -> None:
        row = {"id": 1, "state": "active", "state_detail": "", "enrolled_at": _now(), **values}
        names = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        self._raw.execute(
            f"INSERT OR REPLACE INTO sync_device ({names}) VALUES ({marks})", tuple(row.values())
        )

    def set_device_state(self, state: str, detail: str = "") -> None:
        self._raw.execute(
            "UPDATE sync_device SET state = ?, state_detail = ? WHERE id = 1", (state, detail)
        )

    def set_token(self, token: str) -> None:
        self._raw.execute("UPDATE sync_device SET token = ? WHERE id = 1", (token,))

    # -- outbox ------------------------------------------------------------------------------
    def acked_through(self) -> int:
        return int(self.meta(ACKED_KEY) or 0)

    def set_acked_through(self, seq: int) -> None:
        self.set_meta(ACKED_KEY, str(seq))

    def take_off_unsent_sales(self, item_ids: Sequence[str]) -> None:
        """Items whose count came from the server: less the quantities of this counter's sales
        and returns not yet acknowledged (returns have negative quantities). An item counted
        here since (``item.stock_counted`` not yet acknowledged) keeps that count, less the
        unsent sales after it: the server's count does not hold the count yet."""
        acked = self.acked_through()
        moves = self._raw.execute(
            "SELECT o.device_seq, json_extract(l.value, '$.item_id'), json_extract(l.value, "
            "'$.qty') FROM outbox o, json_each(o.payload, '$.lines') l WHERE o.device_seq > ? "
            "AND o.type IN ('sale.completed', 'return.completed') "
            "AND NOT COALESCE(json_extract(o.payload, '$.training'), 0)",
            (acked,),
        ).fetchall()
        counts = {
            str(item): (int(counted), int(seq))
            for seq, item, counted in self._raw.execute(
                "SELECT device_seq, json_extract(payload, '$.item_id'), json_extract(payload, "
                "'$.counted') FROM outbox WHERE device_seq > ? AND type = 'item.stock_counted' "
                "ORDER BY device_seq",
                (acked,),
            )
        }  # the last count of each item
        wanted = set(item_ids)
        sold: dict[str, int] = {}
        for seq, item, qty in moves:
            if item in wanted and isinstance(qty, int) and seq > counts.get(item, (0, 0))[1]:
                sold[item] = sold.get(item, 0) + qty
        self._raw.executemany(
            "UPDATE items SET stock_qty = ? WHERE id = ?",
            [(counted - sold.get(item, 0), item) for item, (counted, _) in counts.items()
             if item in wanted],
        )  # fmt: skip
        self._raw.executemany(
            "UPDATE items SET stock_qty = stock_qty - ? WHERE id = ?",
            [(qty, item) for item, qty in sold.items() if item not in counts and qty],
        )

    def has_unsent(self, seq: int, types: Iterable[str]) -> bool:
        """Whether an event of one of ``types`` after ``seq`` is still waiting to be sent."""
        kinds = sorted(types)
        marks = ", ".join("?" for _ in kinds)
        row = self._raw.execute(
            f"SELECT 1 FROM outbox WHERE device_seq > ? AND type IN ({marks}) LIMIT 1",
            (seq, *kinds),
        ).fetchone()
        return row is not None

    def has_unsent_for(self, seq: int, kind: str, tenant_id: str) -> bool:
        """Whether an event ``kind`` of the tenant after ``seq`` is still waiting to be sent."""
        row = self._raw.execute(
            "SELECT 1 FROM outbox WHERE device_seq > ? AND type = ? AND tenant_id = ? LIMIT 1",
            (seq, kind, tenant_id),
        ).fetchone()
        return row is not None

    def outbox_after(self, seq: int, limit: int) -> list[tuple[Any, ...]]:
        """(device_seq, event_id, type, tenant_id, occurred_at, payload) rows after ``seq``."""
        return self._raw.execute(
            "SELECT device_seq, event_id, type, tenant_id, occurred_at, payload FROM outbox "
            "WHERE device_seq > ? ORDER BY device_seq LIMIT ?",
            (seq, limit),
        ).fetchall()

    def delete_acked_outbox(self, before: str, limit: int) -> int:
        """Delete up to ``limit`` acknowledged events that happened before ``before`` (UTC ISO),
        oldest first; returns how many (``pos.services.outbox_retention``)."""
        cursor = self._raw.execute(
            "DELETE FROM outbox WHERE device_seq IN (SELECT device_seq FROM outbox "
            "WHERE device_seq <= ? AND occurred_at < ? ORDER BY device_seq LIMIT ?)",
            (self.acked_through(), before, limit),
        )
        return int(cursor.rowcount)

    def outbox_last_seq(self) -> int:
        return int(
            self._raw.execute("SELECT COALESCE(MAX(device_seq), 0) FROM outbox").fetchone()[0]
        )

    # -- problems ----------------------------------------------------------------------------
    def add_problems(self, problems: Iterable[Mapping[str, Any]]) -> None:
        rows = [
            (
                p["event_id"],
                p["device_seq"],
                p["type"],
                p.get("tenant_id"),
                p["status"],
                p["code"],
                json.dumps(list(p.get("codes") or [p["code"]])),
                _now(),
            )
            for p in problems
        ]
        self._raw.executemany(
            "INSERT OR REPLACE INTO sync_problems (event_id, device_seq, type, tenant_id, status,"
            " code, codes, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )

    def problems(self, limit: int = 500) -> list[dict[str, Any]]:
        cursor = self._raw.execute(
            "SELECT event_id, device_seq, type, tenant_id, status, code, codes, recorded_at "
            "FROM sync_problems ORDER BY device_seq DESC LIMIT ?",
            (limit,),
        )
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def sold_twice(self, event_ids: Sequence[str]) -> dict[str, tuple[str, list[str]]]:
        """For sales flagged as selling a one-off another counter sold too: the receipt
        number and the one-offs on it, read from the outbox while the sale is still there."""
        found: dict[str, tuple[str, list[str]]] = {}
        for event_id in event_ids:
            row = self._raw.execute(
                "SELECT json_extract(o.payload, '$.receipt.number_text'), (SELECT json_group_array("
                "json_extract(l.value, '$.description')) FROM json_each(o.payload, '$.lines') l "
                "JOIN items i ON i.id = json_extract(l.value, '$.item_id') "
                "WHERE i.kind = 'one_off') FROM outbox o WHERE o.event_id = ?",
                (event_id,),
            ).fetchone()
            if row is not None and row[0]:
                found[event_id] = (str(row[0]), [str(d) for d in json.loads(row[1] or "[]")])
        return found

    def refused_refs(self, entity: str) -> list[dict[str, Any]]:
        """Pulled rows of ``entity`` that were refused locally (kept to be tried again)."""
        rows = self._raw.execute(
            "SELECT r.id, r.tenant_id, r.version, r.data FROM sync_problems p JOIN ref_entities r "
            "ON p.event_id = 'ref:' || r.entity || ':' || r.id WHERE r.entity = ? "
            "AND p.code = 'reference_conflict'",
            (entity,),
        ).fetchall()
        return [
            {"entity": entity, "op": "upsert", "id": r[0], "tenant_id": r[1], "version": r[2],
             "data": json.loads(r[3])}
            for r in rows
        ]  # fmt: skip

    def tickets_lacking_lines(self, item_ids: Sequence[str]) -> list[dict[str, Any]]:
        """Pulled tickets with a line for one of ``item_ids`` that this counter lacks (it was
        skipped while the item was unknown here)."""
        rows = self._raw.execute(
            "SELECT DISTINCT r.id, r.tenant_id, r.version, r.data FROM ref_entities r, "
            "json_each(r.data, '$.lines') l WHERE r.entity = 'ticket' AND l.type = 'object' "
            "AND CASE WHEN l.type = 'object' THEN json_extract(l.value, '$.item_id') END IN "
            "(SELECT value FROM json_each(?)) AND NOT EXISTS (SELECT 1 FROM repair_lines x "
            "WHERE x.id = CASE WHEN l.type = 'object' THEN json_extract(l.value, '$.id') END)",
            (json.dumps(list(item_ids)),),
        ).fetchall()
        return [
            {"entity": "ticket", "op": "upsert", "id": r[0], "tenant_id": r[1], "version": r[2],
             "data": json.loads(r[3])}
            for r in rows
        ]  # fmt: skip

    def clear_problems(self, event_ids: Iterable[str]) -> None:
        self._raw.executemany(
            "DELETE FROM sync_problems WHERE event_id = ?", [(i,) for i in event_ids]
        )

    def obsolete_problems(self) -> list[str]:
        """Flagged ``item_exists`` of this counter's own registrations that the server holds for
        the same tenant (pulled back: item ids are random, so the server's is this one)."""
        rows = self._raw.execute(
            "SELECT p.event_id FROM sync_problems p JOIN outbox o ON o.event_id = p.event_id "
            "JOIN ref_entities r ON r.entity = 'item' "
            "AND r.id = json_extract(o.payload, '$.item_id') AND r.tenant_id = p.tenant_id "
            "WHERE p.type = 'item.registered' AND p.status = 'flagged' "
            "AND p.codes = '[\"item_exists\"]'"
        ).fetchall()
        return [str(r[0]) for r in rows]

    def held_event_ids(self) -> list[str]:
        rows = self._raw.execute(
            "SELECT event_id FROM sync_problems WHERE status = 'rejected' "
            "AND event_id NOT LIKE 'ref:%' ORDER BY device_seq"
        ).fetchall()
        return [str(r[0]) for r in rows]

    def set_problem_status(self, event_id: str, status: str, codes: Sequence[str]) -> None:
        self._raw.execute(
            "UPDATE sync_problems SET status = ?, code = ?, codes = ? WHERE event_id = ?",
            (status, codes[0], json.dumps(list(codes)), event_id),
        )

    def problem_count(self) -> int:
        return int(self._raw.execute("SELECT COUNT(*) FROM sync_problems").fetchone()[0])

    # -- reference data ----------------------------------------------------------------------
    def keep_refs(self, changes: Sequence[Mapping[str, Any]], *, staged: bool) -> None:
        """A pulled page's upserts and deletes, kept in the reference data or, during a full
        resync, in the staged snapshot."""
        table = "ref_staging" if staged else "ref_entities"
        self._upsert_refs(table, [c for c in changes if c["op"] == "upsert"])
        self._delete_refs(table, [c for c in changes if c["op"] == "delete"])

    def _upsert_refs(self, table: str, changes: Sequence[Mapping[str, Any]]) -> None:
        self._raw.executemany(
            f"INSERT INTO {_ref_table(table)} (entity, id, tenant_id, version, data) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT(entity, id) DO UPDATE SET tenant_id = "
            "excluded.tenant_id, version = excluded.version, data = excluded.data "
            "WHERE excluded.version >= version",
            [
                (
                    c["entity"],
                    c["id"],
                    c.get("tenant_id"),
                    c["version"],
                    json.dumps(c.get("data") or {}, ensure_ascii=False),
                )
                for c in changes
            ],
        )

    def _delete_refs(self, table: str, changes: Sequence[Mapping[str, Any]]) -> None:
        self._raw.executemany(
            f"DELETE FROM {_ref_table(table)} WHERE entity = ? AND id = ?",
            [(c["entity"], c["id"]) for c in changes],
        )

    def ref_ids(self) -> set[tuple[str, str]]:
        """(entity, id) of every reference row kept now."""
        return {
            (r[0], r[1])
            for r in self._raw.execute("SELECT entity, id FROM ref_entities").fetchall()
        }

    def refs(self, entity: str) -> list[dict[str, Any]]:
        rows = self._raw.execute(
            "SELECT id, tenant_id, version, data FROM ref_entities WHERE entity = ? ORDER BY id",
            (entity,),
        ).fetchall()
        return [
            {"id": r[0], "tenant_id": r[1], "version": r[2], "data": json.loads(r[3])} for r in rows
        ]

    def staged_refs(self) -> list[dict[str, Any]]:
        """Every row of the staged snapshot (a full resync about to be swapped in)."""
        rows = self._raw.execute(
            "SELECT entity, id, tenant_id, version, data FROM ref_staging"
        ).fetchall()
        return [
            {
                "entity": r[0],
                "id": r[1],
                "tenant_id": r[2],
                "version": r[3],
                "data": json.loads(r[4]),
            }
            for r in rows
        ]

    def swap_staging(self) -> None:
        """The staged snapshot becomes the reference data (one statement pair, one txn)."""
        self._raw.execute("DELETE FROM ref_entities")
        self._raw.execute("INSERT INTO ref_entities SELECT * FROM ref_staging")
        self._raw.execute("DELETE FROM ref_staging")

    def clear_staging(self) -> None:
        self._raw.execute("DELETE FROM ref_staging")

    # -- projection into the till's own tables -----------------------------------------------
    def project(self, sql: str, rows: Sequence[Sequence[Any]]) -> list[int]:
        """Run an upsert for many rows; returns the indexes of rows that broke a constraint."""
        try:
            self._raw.execute("SAVEPOINT project")
            self._raw.executemany(sql, rows)
            self._raw.execute("RELEASE project")
            return []
        except sqlite3.IntegrityError:
            self._raw.execute("ROLLBACK TO project")
            self._raw.execute("RELEASE project")
        failed = []
        for index, row in enumerate(rows):  # slow path: find the offending rows one by one
            try:
                self._raw.execute("SAVEPOINT one")
                self._raw.execute(sql, row)
                self._raw.execute("RELEASE one")
            except sqlite3.IntegrityError:
                self._raw.execute("ROLLBACK TO one")
                self._raw.execute("RELEASE one")
                failed.append(index)
        return failed

    def project_items(
        self, sql: str, rows: Sequence[Sequence[Any]], ids: Sequence[str]
    ) -> list[int]:
        """``project`` for many catalogue items at once. The search index's per-row triggers
        make SQLite flush the FTS5 index for every row (each trigger statement opens a
        savepoint), about 25 µs a row; so for this transaction they are set aside and the
        index is updated in two statements: the old entries out, the stored rows in."""
        triggers = self._raw.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN (?, ?) "
            "ORDER BY name",
            _ITEM_FTS_TRIGGERS,
        ).fetchall()
        if len(triggers) != len(_ITEM_FTS_TRIGGERS):  # not the schema this was made for
            return self.project(sql, rows)
        unique = json.dumps(list(dict.fromkeys(ids)))
        for name, _ in triggers:
            self._raw.execute(f'DROP TRIGGER "{name}"')
        for out in _FTS_OUT:
            self._raw.execute(out, (unique,))
        failed = self.project(sql, rows)
        for back in _FTS_IN:  # rows that failed are put back as they were
            self._raw.execute(back, (unique,))
        for _, create in triggers:
            self._raw.execute(create)
        return failed

    def execute_many(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        self._raw.executemany(sql, rows)


_ITEM_FTS_TRIGGERS = ("items_fts_after_insert", "items_fts_after_update")
_FTS_OUT = (
    "INSERT INTO items_fts(items_fts, rowid, description, barcode) SELECT 'delete', i.rowid, "
    "i.description, coalesce(i.barcode, '') FROM json_each(?) AS j JOIN items AS i ON i.id = "
    "j.value",
    "INSERT INTO items_trigram(items_trigram, rowid, description) SELECT 'delete', i.rowid, "
    "i.description FROM json_each(?) AS j JOIN items AS i ON i.id = j.value",
)
_FTS_IN = (
    "INSERT INTO items_fts(rowid, description, barcode) SELECT i.rowid, i.description, "
    "coalesce(i.barcode, '') FROM json_each(?) AS j JOIN items AS i ON i.id = j.value",
    "INSERT INTO items_trigram(rowid, description) SELECT i.rowid, i.description "
    "FROM json_each(?) AS j JOIN items AS i ON i.id = j.value",
)
"""The two search indexes' entries of the given items (whole words, and any part: 0017)."""


def _ref_table(table: str) -> str:
    if table not in ("ref_entities", "ref_staging"):
        raise ValueError(table)
    return table
