"""The basket in progress per register (``basket_drafts``, migration 0013), and the parked
baskets with the name of whoever parked them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import Connection, RowMapping, delete, select, text

from pos.adapters import tables as t

Row = RowMapping


class BasketStore:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def save_draft(self, row: Mapping[str, Any]) -> None:
        """One row per register, replaced as the basket changes."""
        columns = [c.name for c in t.basket_drafts.c]
        names = ", ".join(columns)
        values = ", ".join(f":{c}" for c in columns)
        updates = ", ".join(f"{c} = excluded.{c}" for c in columns if c != "register_id")
        self.conn.execute(
            text(
                f"INSERT INTO basket_drafts ({names}) VALUES ({values}) "
                f"ON CONFLICT(register_id) DO UPDATE SET {updates}"
            ),
            dict(row),
        )

    def delete_draft(self, register_id: str) -> None:
        self.conn.execute(
            delete(t.basket_drafts).where(t.basket_drafts.c.register_id == register_id)
        )

    def draft(self, register_id: str) -> Row | None:
        row = self.conn.execute(
            select(
                t.basket_drafts,
                t.staff.c.name.label("staff_name"),
                t.staff.c.staff_no,
                t.staff.c.role,
            )
            .join(t.staff, t.staff.c.id == t.basket_drafts.c.staff_id)
            .where(t.basket_drafts.c.register_id == register_id)
        ).first()
        return row._mapping if row else None

    def parked(self, register_id: str) -> list[Row]:
        """This register's baskets waiting to be resumed, oldest first, with who parked them."""
        rows = self.conn.execute(
            select(t.parked_baskets, t.staff.c.name.label("staff_name"))
            .join(t.staff, t.staff.c.id == t.parked_baskets.c.staff_id)
            .where(
                t.parked_baskets.c.register_id == register_id,
                t.parked_baskets.c.resumed_at.is_(None),
            )
            .order_by(t.parked_baskets.c.parked_at)
        )
        return [r._mapping for r in rows]
