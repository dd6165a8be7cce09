"""Write side of the store: reference data, counters, the journal chain, sales and the outbox.

Every method runs on the connection of the current unit of work; none commits.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from functools import lru_cache
from typing import Any, cast

from sqlalchemy import Connection, RowMapping, func, insert, select, text, update
from sqlalchemy.exc import IntegrityError

from pos.adapters import tables as t
from pos.clock import Stamp
from pos.journal import GENESIS_HASH, canonical_json, row_hash
from pos.model.catalogue import ArticleGroup, Item, ItemKind, ItemStatus
from pos.model.legal_time import ClockBehind, shown
from pos.model.staff import Role
from pos.model.tenant import Tenant
from pos.numbering import Heads, Issued, day_text, day_value, tracked, z_day_counter
from pos.vat import VatClass

Row = RowMapping

_NEXT_COUNTER_SQL = (
    "INSERT INTO counters(name, value) VALUES (:name, :n) "
    "ON CONFLICT(name) DO UPDATE SET value = value + :n RETURNING value"
)
_LAST_JOURNAL_HASH_SQL = "SELECT hash, created_at FROM journal ORDER BY seq DESC LIMIT 1"
_CHAIN_HEAD_SQL = (
    "SELECT last_nr, last_signature FROM signature_chains WHERE tenant_id = :t AND register_id = :r"
)
_ADVANCE_CHAIN_SQL = (
    "INSERT INTO signature_chains(tenant_id, register_id, last_nr, last_signature) "
    "VALUES (:t, :r, :n, :s) ON CONFLICT(tenant_id, register_id) DO UPDATE SET "
    "last_nr = excluded.last_nr, last_signature = excluded.last_signature"
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


class Store:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        # The checkout path issues ~50 small statements per sale; going straight to the DBAPI
        # cursor (same connection, same transaction) keeps a sale within a few milliseconds.
        self._raw: sqlite3.Connection = cast(sqlite3.Connection, conn.connection.driver_connection)
        self._tenants: dict[str, Tenant] | None = None
        self.issued = Issued()
        """Numbers this transaction gave out: the high-water mark is raised by them at commit."""

    # -- meta and counters -------------------------------------------------------------------
    def rows(self, sql: str, params: Sequence[Any] | Mapping[str, Any] = ()) -> list[dict]:
        """Rows of a raw query as dicts (hot-path reads; same transaction as the rest)."""
        return dict_rows(self._raw, sql, params)

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

    # -- reference data ----------------------------------------------------------------------
    def add_tenant(self, tenant: Tenant, stamp: Stamp) -> None:
        self._tenants = None
        self.conn.execute(
            insert(t.tenants).values(
                id=tenant.id,
                code=tenant.code,
                name=tenant.name,
                org_no=tenant.org_no,
                vat_registered=tenant.vat_registered,
                receipt_header=tenant.receipt_header,
                receipt_footer=tenant.receipt_footer,
                active=tenant.active,
                created_at=stamp.utc_iso,
            )
        )

    def tenant(self, tenant_id: str) -> Tenant | None:
        """Tenants are few and read on every sale: read them once per unit of work."""
        if self._tenants is None:
            self._tenants = {r["id"]: _tenant(r) for r in self.rows("SELECT * FROM tenants")}
        return self._tenants.get(tenant_id)

    def tenant_by_code(self, code: str) -> Tenant | None:
        row = self.conn.execute(select(t.tenants).where(t.tenants.c.code == code)).first()
        return _tenant(row._mapping) if row else None

    def tenants(self) -> list[Tenant]:
        rows = self.conn.execute(select(t.tenants).order_by(t.tenants.c.code))
        return [_tenant(r._mapping) for r in rows]

    def add_register(self, register_id: str, name: str, label_block: int | None = None) -> None:
        self.insert("registers", {"id": register_id, "name": name, "label_block": label_block})

    def register_name(self, register_id: str) -> str | None:
        return self.conn.scalar(select(t.registers.c.name).where(t.registers.c.id == register_id))

    def update_tenant(self, tenant_id: str, **fields: Any) -> None:
        allowed = {"name", "vat_registered", "receipt_header", "receipt_footer", "active"}
        if not fields or set(fields) - allowed:
            raise KeyError(sorted(set(fields) - allowed))
        self._tenants = None
        assignments = ", ".join(f"{name} = :{name}" for name in fields)
        self._raw.execute(
            f"UPDATE tenants SET {assignments} WHERE id = :id", {**fields, "id": tenant_id}
        )

    def registers(self) -> list[dict]:
        return self.rows("SELECT id, name, label_block FROM registers ORDER BY id")

    def update_register(self, register_id: str, name: str, label_block: int | None) -> None:
        self._raw.execute(
            "UPDATE registers SET name = ?, label_block = ? WHERE id = ?",
            (name, label_block, register_id),
        )

    def register_in_use(self, register_id: str) -> bool:
        """Whether the register has given out a receipt number, a label or a repair ticket id
        (each carries its id or label block, so it must keep both)."""
        row = self._raw.execute(
            "SELECT EXISTS (SELECT 1 FROM receipts WHERE register_id = ?) OR EXISTS (SELECT 1 "
            "FROM counters WHERE name LIKE ? OR name = ?)",
            (register_id, f"label:%:{register_id}", f"repair_ticket:{register_id}"),
        ).fetchone()
        return bool(row[0])

    def register_with_block(self, label_block: int) -> str | None:
        row = self._raw.execute(
            "SELECT id FROM registers WHERE label_block = ?", (label_block,)
        ).fetchone()
        return None if row is None else str(row[0])

    def staff_list(self) -> list[dict]:
        """Every staff member without the PIN hash (shared only with the site's server)."""
        return self.rows(
            "SELECT id, staff_no, name, role, active, failed_pins, locked, locked_until "
            "FROM staff ORDER BY staff_no"
        )

    def add_staff(self, staff_id: str, staff_no: str, name: str, role: Role, pin_hash: str) -> None:
        self.conn.execute(
            insert(t.staff).values(
                id=staff_id,
                staff_no=staff_no,
                name=name,
                role=role.value,
                pin_hash=pin_hash,
            )
        )

    def staff_to_share(self) -> list[dict]:
        """Every staff member with the PIN hash, as the counter shares them with its site."""
        return self.rows("SELECT id, staff_no, name, role, pin_hash, active FROM staff")

    def staff_by_no(self, staff_no: str) -> Row | None:
        row = self.conn.execute(select(t.staff).where(t.staff.c.staff_no == staff_no)).first()
        return row._mapping if row else None

    def add_failed_pin(self, staff_id: str) -> int:
        row = self._raw.execute(
            "UPDATE staff SET failed_pins = failed_pins + 1 WHERE id = ? RETURNING failed_pins",
            (staff_id,),
        ).fetchone()
        return int(row[0])

    def set_failed_pins(self, staff_id: str, count: int, *, locked_until: str | None) -> None:
        """The count of wrong PINs in a row and when the delay they started ends (or None)."""
        self._raw.execute(
            "UPDATE staff SET failed_pins = ?, locked = ?, locked_until = ? WHERE id = ?",
            (count, locked_until is not None, locked_until, staff_id),
        )

    def update_staff(self, staff_id: str, **fields: Any) -> None:
        allowed = {"name", "role", "pin_hash", "active", "failed_pins", "locked", "locked_until"}
        if not fields or set(fields) - allowed:
            raise KeyError(sorted(set(fields) - allowed))
        assignments = ", ".join(f"{name} = :{name}" for name in fields)
        self._raw.execute(
            f"UPDATE staff SET {assignments} WHERE id = :id", {**fields, "id": staff_id}
        )

    def add_article_group(self, group: ArticleGroup) -> None:
        self.conn.execute(
            insert(t.article_groups).values(
                id=group.id,
                name=group.name,
                saft_code=group.saft_code,
            )
        )

    def add_items(self, new_items: Sequence[Item], stamp: Stamp) -> None:
        self.insert(
            "items",
            [
                {
                    "id": i.id,
                    "tenant_id": i.tenant_id,
                    "kind": i.kind.value,
                    "description": i.description,
                    "price": i.price,
                    "vat_class": i.vat_class.key,
                    "article_group_id": i.article_group_id,
                    "barcode": i.barcode,
                    "stock_qty": i.stock_qty,
                    "status": i.status.value,
                    "updated_at": stamp.utc_iso,
                    "condition": i.condition,
                    "purchase_price": i.purchase_price,
                }
                for i in new_items
            ],
        )

    def barcodes_taken(self, barcodes: Sequence[str]) -> set[str]:
        taken: set[str] = set()
        for start in range(0, len(barcodes), 500):
            chunk = list(barcodes[start : start + 500])
            marks = ", ".join("?" * len(chunk))
            rows = self._raw.execute(f"SELECT barcode FROM items WHERE barcode IN ({marks})", chunk)
            taken.update(r[0] for r in rows)
        return taken

    def article_group_ids(self) -> set[str]:
        return {r[0] for r in self._raw.execute("SELECT id FROM article_groups")}

    def label_block(self, register_id: str) -> int | None:
        row = self._raw.execute(
            "SELECT label_block FROM registers WHERE id = ?", (register_id,)
        ).fetchone()
        return None if row is None else row[0]

    def item(self, item_id: str) -> Item | None:
        row = self.conn.execute(select(t.items).where(t.items.c.id == item_id)).first()
        return item_from_row(row._mapping) if row else None

    def item_by_barcode(self, barcode: str) -> Item | None:
        row = self.conn.execute(select(t.items).where(t.items.c.barcode == barcode)).first()
        return item_from_row(row._mapping) if row else None

    def items_by_ids(self, ids: Iterable[str]) -> dict[str, Item]:
        wanted = list(ids)
        marks = ", ".join("?" * len(wanted))
        rows = self.rows(f"SELECT * FROM items WHERE id IN ({marks})", wanted)
        return {r["id"]: item_from_row(r) for r in rows}

    def set_item_status(self, item_id: str, status: ItemStatus, stamp: Stamp) -> None:
        self._raw.execute(
            "UPDATE items SET status = ?, updated_at = ? WHERE id = ?",
            (status.value, stamp.utc_iso, item_id),
        )

    def adjust_stock(self, item_id: str, delta: int, stamp: Stamp) -> None:
        self._raw.execute(
            "UPDATE items SET stock_qty = stock_qty + ?, updated_at = ? WHERE id = ?",
            (delta, stamp.utc_iso, item_id),
        )

    def put_item_state(
        self, item_id: str, status: str, stock_qty: int | None, stamp: Stamp
    ) -> None:
        """An item's status and stock as another copy of the store had them (a salvaged sale)."""
        self._raw.execute(
            "UPDATE items SET status = ?, stock_qty = ?, updated_at = ? WHERE id = ?",
            (status, stock_qty, stamp.utc_iso, item_id),
        )

    def set_item_price(self, item_id: str, price: int, stamp: Stamp) -> None:
        """A new price makes the printed label wrong: flag it for reprint."""
        self._raw.execute(
            "UPDATE items SET price = ?, label_reprint = 1, updated_at = ? WHERE id = ?",
            (price, stamp.utc_iso, item_id),
        )

    def flagged_label_codes(self, tenant_id: str) -> list[str]:
        """Barcodes of the tenant's unsold items whose price changed after the label printed."""
        rows = self._raw.execute(
            "SELECT barcode FROM items WHERE tenant_id = ? AND label_reprint = 1 "
            "AND status = 'available' AND barcode IS NOT NULL ORDER BY rowid",
            (tenant_id,),
        )
        return [str(r[0]) for r in rows]

    def clear_label_reprint(self, barcodes: Sequence[str]) -> None:
        self._raw.executemany(
            "UPDATE items SET label_reprint = 0 WHERE barcode = ?", [(c,) for c in barcodes]
        )

    # -- till --------------------------------------------------------------------------------
    def open_session(self, register_id: str) -> Mapping[str, Any] | None:
        rows = self.rows(
            "SELECT * FROM till_sessions WHERE register_id = ? AND closed_at IS NULL",
            (register_id,),
        )
        return rows[0] if rows else None

    def last_session(self, register_id: str) -> Mapping[str, Any] | None:
        """The register's newest session, open or closed (None before the first opening)."""
        rows = self.rows(
            "SELECT * FROM till_sessions WHERE register_id = ? ORDER BY opened_at DESC, rowid DESC "
            "LIMIT 1",
            (register_id,),
        )
        return rows[0] if rows else None

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

    def close_session(self, session_id: str, stamp: Stamp) -> None:
        self.conn.execute(
            update(t.till_sessions)
            .where(t.till_sessions.c.id == session_id)
            .values(closed_at=stamp.utc_iso)
        )

    # -- signatures --------------------------------------------------------------------------
    def chain_head(self, tenant_id: str, register_id: str) -> tuple[int, str]:
        row = self._raw.execute(_CHAIN_HEAD_SQL, {"t": tenant_id, "r": register_id}).fetchone()
        return (row[0], row[1]) if row else (0, "0")

    def advance_chain(self, tenant_id: str, register_id: str, nr: int, signature: str) -> None:
        self._raw.execute(
            _ADVANCE_CHAIN_SQL, {"t": tenant_id, "r": register_id, "n": nr, "s": signature}
        )
        self.issued.chain((tenant_id, register_id), nr, signature, (nr - 1, ""))

    # -- journal and outbox ------------------------------------------------------------------
    def append_journal(
        self,
        *,
        register_id: str,
        event_code: int,
        stamp: Stamp,
        staff_id: str | None,
        tenant_id: str | None = None,
        amount: int | None = None,
        ref_id: str | None = None,
        details: Mapping[str, Any] | None = None,
        declared_step_back: bool = False,
    ) -> int:
        """Add one event to the register's hash chain; returns its sequence number.

        The legal record's time never goes backwards: a stamp before the newest row is refused
        (``pos.model.legal_time``), whatever clock made it. The one exception is the row of a
        manager's declaration that the rows before it were stamped ahead
        (``declared_step_back``, ``pos.services.records_ahead``)."""
        prev = self.journal_head()
        if prev and stamp.utc_iso < prev[1] and not declared_step_back:
            raise ClockBehind(now=shown(_utc(stamp.utc_iso)), last=shown(_utc(prev[1])))
        row: dict[str, Any] = {
            "seq": self.next_number("journal"),
            "uuid": str(uuid.uuid4()),
            "register_id": register_id,
            "tenant_id": tenant_id,
            "event_code": int(event_code),
            "created_at": stamp.utc_iso,
            "local_date": stamp.local_date,
            "local_time": stamp.local_time,
            "staff_id": staff_id,
            "amount": amount,
            "ref_id": ref_id,
            "details": canonical_json(dict(details or {})),
        }
        row["prev_hash"] = prev[0] if prev else GENESIS_HASH
        row["hash"] = row_hash(row["prev_hash"], row)
        self.insert("journal", row)
        self.issued.journal(row["seq"], row["hash"], (row["seq"] - 1, row["prev_hash"]))
        return int(row["seq"])

    def journal_head(self) -> tuple[str, str] | None:
        """The newest journal row's hash and time (None before the first row)."""
        row = self._raw.execute(_LAST_JOURNAL_HASH_SQL).fetchone()
        return (str(row[0]), str(row[1])) if row else None

    def last_journal_time(self) -> datetime | None:
        """When the newest journal row was recorded: the floor for the next one."""
        head = self.journal_head()
        return _utc(head[1]) if head else None

    def append_outbox(
        self,
        event_type: str,
        tenant_id: str | None,
        stamp: Stamp,
        payload: Mapping[str, Any],
    ) -> int:
        seq = self.next_number("device_seq")
        self.insert("outbox", _outbox_row(seq, event_type, tenant_id, stamp, payload))
        return seq

    def requeue_outbox(self, event: Mapping[str, Any]) -> bool:
        """Queue an event again exactly as it was (same id, type, time and payload) with the next
        device sequence: a salvaged sale's event, which the server takes once whatever happens.
        False when the event is queued here already."""
        if self._raw.execute(
            "SELECT 1 FROM outbox WHERE event_id = ?", (event["event_id"],)
        ).fetchone():
            return False
        row = {k: event[k] for k in ("event_id", "type", "tenant_id", "occurred_at", "payload")}
        self.insert("outbox", {"device_seq": self.next_number("device_seq"), **row})
        return True

    def append_outbox_many(
        self, events: Sequence[tuple[str, str | None, Mapping[str, Any]]], stamp: Stamp
    ) -> None:
        """``append_outbox`` for many events at once (an import): one range of device
        sequence numbers, one insert."""
        if not events:
            return
        first = self.next_number("device_seq", len(events)) - len(events) + 1
        self.insert(
            "outbox",
            [
                _outbox_row(first + n, event_type, tenant_id, stamp, payload)
                for n, (event_type, tenant_id, payload) in enumerate(events)
            ],
        )

    def mark_resumed(self, parked_id: str, stamp: Stamp) -> None:
        self.conn.execute(
            update(t.parked_baskets)
            .where(t.parked_baskets.c.id == parked_id)
            .values(resumed_at=stamp.utc_iso)
        )

    # -- returns and credit notes ------------------------------------------------------------
    def returned_quantities(self, line_ids: Sequence[str]) -> dict[str, int]:
        """How much of each original line has already been returned (as a positive number)."""
        rows = self.conn.execute(
            select(t.sale_lines.c.original_line_id, func.sum(-t.sale_lines.c.qty))
            .where(t.sale_lines.c.original_line_id.in_(list(line_ids)))
            .group_by(t.sale_lines.c.original_line_id)
        )
        return {r[0]: int(r[1]) for r in rows}

    def credit_note(self, number: str) -> tuple[Row, int] | None:
        """The credit note and what is left on it."""
        row = self.conn.execute(
            select(t.credit_notes).where(t.credit_notes.c.number == number)
        ).first()
        if row is None:
            return None
        used = self.conn.scalar(
            select(func.coalesce(func.sum(t.tenders.c.amount), 0)).where(
                t.tenders.c.credit_note_id == row.id, t.tenders.c.amount > 0
            )
        )
        return row._mapping, int(row.amount) - int(used or 0)


def _utc(iso: str) -> datetime:
    return datetime.fromisoformat(iso.replace("Z", "+00:00"))


def _tenant(row: Mapping[Any, Any]) -> Tenant:
    return Tenant(
        id=row["id"],
        code=row["code"],
        name=row["name"],
        org_no=row["org_no"],
        vat_registered=bool(row["vat_registered"]),
        receipt_header=row["receipt_header"],
        receipt_footer=row["receipt_footer"],
        active=bool(row["active"]),
    )


def item_from_row(row: Mapping[Any, Any]) -> Item:
    return Item(
        id=row["id"],
        tenant_id=row["tenant_id"],
        kind=ItemKind(row["kind"]),
        description=row["description"],
        price=row["price"],
        vat_class=VatClass.from_key(row["vat_class"]),
        article_group_id=row["article_group_id"],
        barcode=row["barcode"],
        stock_qty=row["stock_qty"],
        status=ItemStatus(row["status"]),
        condition=row.get("condition") or "",
        purchase_price=row.get("purchase_price"),
        label_reprint=bool(row.get("label_reprint")),
    )


def _outbox_row(
    seq: int, event_type: str, tenant_id: str | None, stamp: Stamp, payload: Mapping[str, Any]
) -> dict[str, Any]:
    return {
        "device_seq": seq,
        "event_id": str(uuid.uuid4()),
        "type": event_type,
        "tenant_id": tenant_id,
        "occurred_at": stamp.utc_iso,
        "payload": json.dumps(payload, ensure_ascii=False),
    }
