"""Putting a salvaged sale's rows back into the restored store exactly as the replaced store
held them (``uow.salvaged``): the sale all or nothing, and the rows it points to only where
the restored store lacks them."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from pos.adapters.repositories import Store
from pos.adapters.salvage_reader import SaleRows
from pos.clock import Stamp

_SALE_TABLES = ("sales", "receipts", "credit_notes", "tenders", "sale_lines", "receipt_payments")
"""In the order their references need."""


class RowsDoNotFit(Exception):
    """Something the rows point to is in neither store: nothing of them was put back."""


class SalvageStore:
    def __init__(self, store: Store) -> None:
        self._store = store

    @contextmanager
    def all_or_nothing(self) -> Iterator[None]:
        """Everything put back inside stays only if all of it fits (a savepoint)."""
        savepoint = self._store.conn.begin_nested()
        try:
            yield
        except Exception as error:
            if not _is_constraint(error):
                raise
            savepoint.rollback()
            raise RowsDoNotFit() from error
        savepoint.commit()

    def put_back_registration(self, kind: str, row: Mapping[str, Any]) -> bool:
        """A staff member, article group or item (``SaleRows.needs``'s keys) unless the
        restored store has it already; False then."""
        return self._store.insert_unique(kind, row)

    def put_back_item_from_line(self, line: Mapping[str, Any], stamp: Stamp) -> bool:
        """An item that cannot be read, recorded as the sold one-off its sale line describes."""
        return self._store.insert_unique(
            "items",
            {
                "id": line["item_id"],
                "tenant_id": line["tenant_id"],
                "kind": "one_off",
                "description": line["description"],
                "price": line["unit_price"],
                "vat_class": line["vat_class"],
                "article_group_id": line["article_group_id"],
                "barcode": None,
                "stock_qty": None,
                "status": "sold",
                "updated_at": stamp.utc_iso,
            },
        )

    def put_back_sale(self, rows: SaleRows) -> None:
        """The sale, its till session (unless here already), receipts, credit notes, tenders,
        lines and payments."""
        if rows.session is not None:
            self._store.insert_unique("till_sessions", rows.session)
        tables = {
            "sales": [rows.sale],
            "receipts": rows.receipts,
            "credit_notes": rows.credit_notes,
            "tenders": rows.tenders,
            "sale_lines": rows.lines,
            "receipt_payments": rows.payments,
        }
        for name in _SALE_TABLES:
            self._store.insert(name, tables[name])

    def put_back_cash_movement(
        self, movement: Mapping[str, Any], session: Mapping[str, Any]
    ) -> None:
        """Cash put in or taken out after the backup, with its till session unless here."""
        self._store.insert_unique("till_sessions", session)
        self._store.insert("cash_movements", movement)

    def put_back_till_open(self, session: Mapping[str, Any]) -> None:
        """A till session opened after the backup (a second open one does not fit)."""
        self._store.insert("till_sessions", {**session, "closed_at": None})

    def put_back_till_close(self, rows: Mapping[str, Any]) -> None:
        """A till close after the backup: its session closed as it was (put back first when
        the restored store lacks it), the close and its tenants' lines."""
        session = rows["session"]
        self._store.insert_unique("till_sessions", session)
        self._store.conn.exec_driver_sql(
            "UPDATE till_sessions SET closed_at = ? WHERE id = ?",
            (session["closed_at"], session["id"]),
        )
        self._store.insert("till_closes", rows["close"])
        self._store.insert("till_close_tenants", rows["tenants"])

    def put_back_parked(self, parked: Mapping[str, Any]) -> None:
        """A basket parked after the backup, waiting as it was parked (once per basket)."""
        self._store.insert_unique("parked_baskets", {**parked, "resumed_at": None})

    def put_back_resumed(self, parked: Mapping[str, Any]) -> None:
        """A parked basket resumed after the backup: no longer waiting."""
        self._store.conn.exec_driver_sql(
            "UPDATE parked_baskets SET resumed_at = ? WHERE id = ? AND resumed_at IS NULL",
            (parked["resumed_at"], parked["id"]),
        )

    def put_back_copy(self, copy: Mapping[str, Any]) -> None:
        """A receipt's copy record: its one copy stays used up."""
        self._store.insert("receipt_copies", copy)


def _is_constraint(error: BaseException) -> bool:
    cause: BaseException | None = error
    while cause is not None:
        if isinstance(cause, sqlite3.IntegrityError):
            return True
        cause = cause.__cause__ or getattr(cause, "orig", None)
    return False
