"""The till's own records: its sessions (opened with a float, closed by the count), parked
baskets taken up again, and what returns and credit notes already used of a sale."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import func, select, update

from pos.adapters import tables as t
from pos.adapters.store_base import Row, StoreBase
from pos.clock import Stamp
from pos.journal import canonical_json
from pos.model.till_close import TillCloseDoc
from pos.money import Ore


class TillRepository(StoreBase):
    def start_session(
        self, session_id: str, register_id: str, opened_by: str, float_amount: Ore, stamp: Stamp
    ) -> None:
        """A till opened with its float."""
        self.insert(
            "till_sessions",
            {
                "id": session_id,
                "register_id": register_id,
                "opened_at": stamp.utc_iso,
                "opened_by": opened_by,
                "float_amount": float_amount,
            },
        )

    def add_cash_movement(
        self, movement_id: str, session_id: str, amount: Ore, reason: str, staff_id: str,
        stamp: Stamp,
    ) -> None:  # fmt: skip
        """Cash put into (positive) or taken out of (negative) the open till's drawer."""
        self.insert(
            "cash_movements",
            {
                "id": movement_id,
                "till_session_id": session_id,
                "kind": "in" if amount > 0 else "out",
                "amount": amount,
                "reason": reason,
                "staff_id": staff_id,
                "created_at": stamp.utc_iso,
            },
        )

    def add_till_close(
        self, doc: TillCloseDoc, staff_id: str, approved_by: str | None, content: Mapping[str, Any]
    ) -> None:
        """The blind count's close with each tenant's expected cash and variance."""
        self.insert(
            "till_closes",
            {
                "id": doc.close_id,
                "till_session_id": doc.session_id,
                "register_id": doc.register_id,
                "closed_at": doc.closed_at,
                "local_date": doc.local_date,
                "staff_id": staff_id,
                "approved_by": approved_by,
                "float_amount": doc.float_amount,
                "expected_cash": doc.expected_cash,
                "counted_cash": doc.counted_cash,
                "variance": doc.variance,
                "variance_rule": doc.variance_rule.value,
                "note": doc.note,
                "content": canonical_json(dict(content)),
            },
        )
        self.insert(
            "till_close_tenants",
            [
                {
                    "till_close_id": doc.close_id,
                    "tenant_id": tenant.tenant_id,
                    "expected_cash": tenant.expected,
                    "variance": tenant.variance,
                }
                for tenant in doc.tenants
            ],
        )

    def park_basket(
        self,
        *,
        parked_id: str,
        register_id: str,
        staff_id: str,
        stamp: Stamp,
        label: str,
        total: Ore,
        lines_json: str,
        pickups_json: str,
        training: bool,
    ) -> None:
        """A basket set aside to be taken up again (its lines and the jobs picked up in it)."""
        self.insert(
            "parked_baskets",
            {
                "id": parked_id,
                "register_id": register_id,
                "staff_id": staff_id,
                "parked_at": stamp.utc_iso,
                "label": label,
                "total": total,
                "payload": lines_json,
                "pickups": pickups_json,
                "training": training,
            },
        )

    def open_session(self, register_id: str) -> Mapping[str, Any] | None:
        rows = self.rows(
            "SELECT * FROM till_sessions WHERE register_id = ? AND closed_at IS NULL",
            (register_id,),
        )
        return rows[0] if rows else None

    def last_session(self, register_id: str) -> Mapping[str, Any] | None:
        """The register's newest session, open or closed (None before the first opening): the
        open one if any, else the one the journal began last. Never by its clock time, which
        steps back after a clock that ran ahead is declared."""
        rows = self.rows(
            "SELECT s.* FROM till_sessions s WHERE s.register_id = ? "
            "ORDER BY s.closed_at IS NULL DESC, (SELECT MAX(j.seq) FROM journal j "
            "WHERE j.ref_id = s.id AND j.event_code = 13999) DESC, s.rowid DESC LIMIT 1",
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
