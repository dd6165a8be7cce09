"""The till's own records: its sessions (opened with a float, closed by the count), parked
baskets taken up again, and what returns and credit notes already used of a sale."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import func, select, update

from pos.adapters import tables as t
from pos.adapters.store_base import Row, StoreBase
from pos.clock import Stamp


class TillRepository(StoreBase):
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

    def close_session(self, session_id: str, stamp: Stamp) -> None:
        self.conn.execute(
            update(t.till_sessions)
            .where(t.till_sessions.c.id == session_id)
            .values(closed_at=stamp.utc_iso)
        )

    def mark_resumed(self, parked_id: str, stamp: Stamp) -> None:
        self.conn.execute(
            update(t.parked_baskets)
            .where(t.parked_baskets.c.id == parked_id)
            .values(resumed_at=stamp.utc_iso)
        )

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
