"""Write side of the store: reference data, counters, the journal chain, sales and the outbox.

Every method runs on the connection of the current unit of work; none commits.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, RowMapping, func, insert, select, text, update
from sqlalchemy.exc import IntegrityError

from pos.adapters import tables as t
from pos.clock import Stamp
from pos.journal import GENESIS_HASH, canonical_json, row_hash
from pos.model.catalogue import ArticleGroup, Item, ItemKind, ItemStatus
from pos.model.staff import Role
from pos.model.tenant import Tenant
from pos.vat import VatClass

Row = RowMapping

_NEXT_COUNTER = text(
    "INSERT INTO counters(name, value) VALUES (:name, 1) "
    "ON CONFLICT(name) DO UPDATE SET value = value + 1 RETURNING value"
)


_INSERTS = {name: insert(table) for name, table in t.metadata.tables.items()}
_LAST_JOURNAL_HASH = select(t.journal.c.hash).order_by(t.journal.c.seq.desc()).limit(1)
_CHAIN_HEAD = text(
    "SELECT last_nr, last_signature FROM signature_chains WHERE tenant_id = :t AND register_id = :r"
)
_ADVANCE_CHAIN = text(
    "INSERT INTO signature_chains(tenant_id, register_id, last_nr, last_signature) "
    "VALUES (:t, :r, :n, :s) ON CONFLICT(tenant_id, register_id) DO UPDATE SET "
    "last_nr = excluded.last_nr, last_signature = excluded.last_signature"
)


class Store:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self._tenants: dict[str, Tenant] | None = None

    # -- meta and counters -------------------------------------------------------------------
    def get_meta(self, key: str, default: str | None = None) -> str | None:
        value = self.conn.scalar(select(t.meta.c.value).where(t.meta.c.key == key))
        return default if value is None else value

    def set_meta(self, key: str, value: str) -> None:
        self.conn.execute(
            text(
                "INSERT INTO meta(key, value) VALUES (:k, :v) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value"
            ),
            {"k": key, "v": value},
        )

    def next_number(self, name: str) -> int:
        """The next value of a gap-free counter, taken inside the current transaction."""
        return int(self.conn.execute(_NEXT_COUNTER, {"name": name}).scalar_one())

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
            self._tenants = {
                r.id: _tenant(r._mapping) for r in self.conn.execute(select(t.tenants))
            }
        return self._tenants.get(tenant_id)

    def tenant_by_code(self, code: str) -> Tenant | None:
        row = self.conn.execute(select(t.tenants).where(t.tenants.c.code == code)).first()
        return _tenant(row._mapping) if row else None

    def tenants(self) -> list[Tenant]:
        rows = self.conn.execute(select(t.tenants).order_by(t.tenants.c.code))
        return [_tenant(r._mapping) for r in rows]

    def add_register(self, register_id: str, name: str) -> None:
        self.conn.execute(insert(t.registers).values(id=register_id, name=name))

    def register_name(self, register_id: str) -> str | None:
        return self.conn.scalar(select(t.registers.c.name).where(t.registers.c.id == register_id))

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

    def staff_by_no(self, staff_no: str) -> Row | None:
        row = self.conn.execute(select(t.staff).where(t.staff.c.staff_no == staff_no)).first()
        return row._mapping if row else None

    def add_article_group(self, group: ArticleGroup) -> None:
        self.conn.execute(
            insert(t.article_groups).values(
                id=group.id,
                name=group.name,
                saft_code=group.saft_code,
            )
        )

    def add_items(self, new_items: Sequence[Item], stamp: Stamp) -> None:
        self.conn.execute(
            insert(t.items),
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
                }
                for i in new_items
            ],
        )

    def item(self, item_id: str) -> Item | None:
        row = self.conn.execute(select(t.items).where(t.items.c.id == item_id)).first()
        return item_from_row(row._mapping) if row else None

    def item_by_barcode(self, barcode: str) -> Item | None:
        row = self.conn.execute(select(t.items).where(t.items.c.barcode == barcode)).first()
        return item_from_row(row._mapping) if row else None

    def items_by_ids(self, ids: Iterable[str]) -> dict[str, Item]:
        rows = self.conn.execute(select(t.items).where(t.items.c.id.in_(list(ids))))
        return {r.id: item_from_row(r._mapping) for r in rows}

    def set_item_status(self, item_id: str, status: ItemStatus, stamp: Stamp) -> None:
        self.conn.execute(
            update(t.items)
            .where(t.items.c.id == item_id)
            .values(status=status.value, updated_at=stamp.utc_iso)
        )

    def adjust_stock(self, item_id: str, delta: int, stamp: Stamp) -> None:
        self.conn.execute(
            update(t.items)
            .where(t.items.c.id == item_id)
            .values(stock_qty=t.items.c.stock_qty + delta, updated_at=stamp.utc_iso)
        )

    def set_item_price(self, item_id: str, price: int, stamp: Stamp) -> None:
        self.conn.execute(
            update(t.items)
            .where(t.items.c.id == item_id)
            .values(price=price, updated_at=stamp.utc_iso)
        )

    # -- till --------------------------------------------------------------------------------
    def open_session(self, register_id: str) -> Row | None:
        row = self.conn.execute(
            select(t.till_sessions).where(
                t.till_sessions.c.register_id == register_id, t.till_sessions.c.closed_at.is_(None)
            )
        ).first()
        return row._mapping if row else None

    def insert(
        self, table_name: str, rows: Sequence[Mapping[str, Any]] | Mapping[str, Any]
    ) -> None:
        """Insert one row or many into a table of ``pos.adapters.tables``."""
        statement = _INSERTS[table_name]
        if isinstance(rows, Mapping):
            self.conn.execute(statement, dict(rows))
        elif rows:
            self.conn.execute(statement, list(rows))

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
        row = self.conn.execute(_CHAIN_HEAD, {"t": tenant_id, "r": register_id}).first()
        return (row.last_nr, row.last_signature) if row else (0, "0")

    def advance_chain(self, tenant_id: str, register_id: str, nr: int, signature: str) -> None:
        self.conn.execute(
            _ADVANCE_CHAIN, {"t": tenant_id, "r": register_id, "n": nr, "s": signature}
        )

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
    ) -> int:
        """Add one event to the register's hash chain; returns its sequence number."""
        prev = self.conn.scalar(_LAST_JOURNAL_HASH)
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
        row["prev_hash"] = prev or GENESIS_HASH
        row["hash"] = row_hash(row["prev_hash"], row)
        self.conn.execute(_INSERTS["journal"], row)
        return int(row["seq"])

    def append_outbox(
        self,
        event_type: str,
        tenant_id: str | None,
        stamp: Stamp,
        payload: Mapping[str, Any],
    ) -> int:
        seq = self.next_number("device_seq")
        self.conn.execute(
            _INSERTS["outbox"],
            {
                "device_seq": seq,
                "event_id": str(uuid.uuid4()),
                "type": event_type,
                "tenant_id": tenant_id,
                "occurred_at": stamp.utc_iso,
                "payload": json.dumps(payload, ensure_ascii=False),
            },
        )
        return seq

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


def _tenant(row: Row) -> Tenant:
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


def item_from_row(row: Row) -> Item:
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
    )
