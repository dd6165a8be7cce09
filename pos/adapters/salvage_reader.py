"""Reading what can still be read from a store that a restore is about to replace (it may be
damaged): its heads, the signed sales it holds beyond the backup, every row they need, and its
journal tail. Every read stands alone; one that hits a damaged page answers None or stops, and
the restore exports and lists what it could not bring back."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pos.adapters.repositories import dict_rows, read_heads
from pos.numbering import Heads


@dataclass(frozen=True)
class SaleRows:
    """Everything one sale wrote that a restored store needs to hold it again."""

    sale: dict[str, Any]
    session: dict[str, Any] | None
    receipts: list[dict[str, Any]]
    credit_notes: list[dict[str, Any]]
    tenders: list[dict[str, Any]]
    lines: list[dict[str, Any]]
    payments: list[dict[str, Any]]
    journal: dict[str, dict[str, Any]]
    """The receipt's own journal row, by receipt id."""
    outbox: dict[str, dict[str, Any]]
    """The receipt's outbox event, by receipt id."""
    items: list[dict[str, Any]]
    """The sold items as the replaced store left them (status, stock)."""
    needs: dict[str, list[dict[str, Any]]] | None = None
    """Rows its rows point to (``staff``, ``article_groups``, ``items``), as the replaced
    store holds them: registered after the backup, they are not in the restored store."""
    print_jobs: list[dict[str, Any]] | None = None
    """The print jobs that carried its receipts, oldest first, with ``receipt_ids`` of this
    sale only (None: they cannot be read). Where its paper stands: an original that printed
    before the restore is never printed again as one."""


class ReplacedStore:
    """A read-only view of the store being replaced; ``close`` before it is moved aside."""

    def __init__(self, path: Path) -> None:
        self.tail_cut = False
        """A read of the journal tail failed: rows after it may exist that nothing can list."""
        self._db: sqlite3.Connection | None
        try:
            self._db = sqlite3.connect(path)
            self._db.execute("PRAGMA query_only = ON")
        except sqlite3.DatabaseError:
            self._db = None

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    def _rows(self, sql: str, params: tuple | dict = ()) -> list[dict[str, Any]] | None:
        if self._db is None:
            return None
        try:
            return dict_rows(self._db, sql, params)
        except sqlite3.DatabaseError:
            return None

    def heads(self) -> Heads | None:
        if self._db is None:
            return None
        try:
            return read_heads(self._db)
        except sqlite3.DatabaseError:
            return None

    def receipts_beyond(self, restored: Heads) -> list[dict[str, Any]] | None:
        """Receipts signed after the restored store's chain heads, in signing order."""
        chains = self._rows("SELECT DISTINCT tenant_id, register_id FROM signature_chains")
        if chains is None:
            return None
        found: list[dict[str, Any]] = []
        for chain in chains:
            after = restored.chains.get((chain["tenant_id"], chain["register_id"]), (0, ""))[0]
            rows = self._rows(
                "SELECT id, sale_id, tenant_id, register_id, sig_nr, number_text, kind, total "
                "FROM receipts WHERE tenant_id = ? AND register_id = ? AND sig_nr > ? "
                "ORDER BY sig_nr",
                (chain["tenant_id"], chain["register_id"], after),
            )
            if rows is None:
                return None
            found += rows
        return found

    def signature(self, tenant_id: str, register_id: str, nr: int) -> str | None:
        if nr == 0:
            return "0"
        rows = self._rows(
            "SELECT signature FROM receipts WHERE tenant_id = ? AND register_id = ? AND sig_nr = ?",
            (tenant_id, register_id, nr),
        )
        return rows[0]["signature"] if rows else None

    def outbox_after(self, device_seq: int) -> dict[str, dict[str, Any]]:
        """The receipt events queued after ``device_seq``, by receipt id (as far as readable)."""
        rows = self._rows("SELECT * FROM outbox WHERE device_seq > ? ORDER BY device_seq",
                          (device_seq,))  # fmt: skip
        return {r: o for o in rows or () if (r := _receipt_of(o))}

    def registrations_after(self, device_seq: int) -> dict[str, dict[str, Any]]:
        """The ``item.registered`` and ``staff.registered`` events queued after ``device_seq``,
        by the item's or staff member's id (the newest of each; as far as readable)."""
        rows = self._rows(
            "SELECT * FROM outbox WHERE device_seq > ? "
            "AND type IN ('item.registered', 'staff.registered') ORDER BY device_seq",
            (device_seq,),
        )
        return {key: o for o in rows or () if (key := _registered_id(o))}

    def sale_rows(self, sale_id: str, outbox: dict[str, dict[str, Any]]) -> SaleRows | None:
        """The sale and all it wrote, or None if any of it cannot be read."""
        sale = self._rows("SELECT * FROM sales WHERE id = ?", (sale_id,))
        if not sale:
            return None
        receipts = self._rows(
            "SELECT * FROM receipts WHERE sale_id = ? ORDER BY tenant_id", (sale_id,)
        )
        tenders = self._rows(
            "SELECT * FROM tenders WHERE sale_id = ? ORDER BY position", (sale_id,)
        )
        lines = self._rows(
            "SELECT * FROM sale_lines WHERE sale_id = ? ORDER BY receipt_id, line_no", (sale_id,)
        )
        session = self._rows(
            "SELECT * FROM till_sessions WHERE id = ?", (sale[0]["till_session_id"],)
        )
        if receipts is None or tenders is None or lines is None or not session:
            return None
        ids = tuple(r["id"] for r in receipts)
        marks = ",".join("?" * len(ids))
        payments = self._rows(f"SELECT * FROM receipt_payments WHERE receipt_id IN ({marks})", ids)
        notes = self._rows(f"SELECT * FROM credit_notes WHERE issued_receipt_id IN ({marks})", ids)
        journal = self._rows(f"SELECT * FROM journal WHERE ref_id IN ({marks})", ids)
        item_ids = tuple({ln["item_id"] for ln in lines})
        item_marks = ",".join("?" * len(item_ids))
        items = self._rows(
            f"SELECT id, status, stock_qty FROM items WHERE id IN ({item_marks})", item_ids
        )
        if payments is None or notes is None or items is None:
            return None
        journal = journal or []  # its journal rows may be lost: the receipt still stands
        return SaleRows(
            sale[0], session[0], receipts, notes, tenders, lines, payments,
            {j["ref_id"]: j for j in journal if '"digest"' in j["details"]},
            {i: outbox[i] for i in ids if i in outbox},
            items, self._needs(sale[0], session[0], item_ids), self._print_jobs(ids),
        )  # fmt: skip

    def _needs(
        self, sale: dict[str, Any], session: dict[str, Any], item_ids: tuple[str, ...]
    ) -> dict[str, list[dict[str, Any]]]:
        """Whole rows of the staff, items and their article groups a sale points to, as far
        as readable (what cannot be read is missing here; the caller makes do)."""
        staff_ids = tuple({sale["staff_id"], sale["approved_by"], session["opened_by"]} - {None})
        staff = self._rows(
            f"SELECT * FROM staff WHERE id IN ({','.join('?' * len(staff_ids))})", staff_ids
        )
        items = (
            self._rows(
                f"SELECT * FROM items WHERE id IN ({','.join('?' * len(item_ids))})", item_ids
            )
            or []
        )
        group_ids = tuple({i["article_group_id"] for i in items})
        groups = self._rows(
            f"SELECT * FROM article_groups WHERE id IN ({','.join('?' * len(group_ids))})",
            group_ids,
        )
        return {"staff": staff or [], "article_groups": groups or [], "items": items}

    def _print_jobs(self, receipt_ids: tuple[str, ...]) -> list[dict[str, Any]] | None:
        marks = ",".join("?" * len(receipt_ids))
        links = self._rows(
            f"SELECT receipt_id, job_id FROM print_job_receipts WHERE receipt_id IN ({marks})",
            receipt_ids,
        )
        if links is None:
            return None
        job_ids = tuple({link["job_id"] for link in links})
        jobs = self._rows(
            f"SELECT * FROM print_jobs WHERE id IN ({','.join('?' * len(job_ids))}) ORDER BY seq",
            job_ids,
        )
        if jobs is None:
            return None
        for job in jobs:
            job["receipt_ids"] = [r["receipt_id"] for r in links if r["job_id"] == job["id"]]
        return jobs

    def z_counting(
        self, tenant_id: str, register_id: str, journal_seq: int | None, local_date: str
    ) -> int | None:
        """The number of the Z report (in the replaced store) that counted a receipt: by its
        journal row, or when that is lost, a Z of its day or later."""
        if journal_seq is not None:
            rows = self._rows(
                "SELECT z_number FROM z_reports WHERE tenant_id = ? AND register_id = ? "
                "AND from_seq < ? AND through_seq >= ?",
                (tenant_id, register_id, journal_seq, journal_seq),
            )
        else:
            rows = self._rows(
                "SELECT z_number FROM z_reports WHERE tenant_id = ? AND register_id = ? "
                "AND business_date >= ? ORDER BY z_number LIMIT 1",
                (tenant_id, register_id, local_date),
            )
        return int(rows[0]["z_number"]) if rows else None

    def cash_movement(self, movement_id: str) -> tuple[dict[str, Any], dict[str, Any]] | None:
        """A cash movement and the till session it belongs to (None: either cannot be read)."""
        movement = self._rows("SELECT * FROM cash_movements WHERE id = ?", (movement_id,))
        if not movement:
            return None
        session = self._rows(
            "SELECT * FROM till_sessions WHERE id = ?", (movement[0]["till_session_id"],)
        )
        return (movement[0], session[0]) if session else None

    def till_rows(self, kind: str, ref_id: str) -> dict[str, Any] | None:
        """What a till event after the backup wrote, as the replaced store holds it: an
        opening's (or shift change's) session; a close's row, its tenants and its session
        (None: any of them cannot be read)."""
        if kind != "till_close":
            session = self._rows("SELECT * FROM till_sessions WHERE id = ?", (ref_id,))
            return {"session": session[0]} if session else None
        close = self._rows("SELECT * FROM till_closes WHERE id = ?", (ref_id,))
        if not close:
            return None
        tenants = self._rows("SELECT * FROM till_close_tenants WHERE till_close_id = ?", (ref_id,))
        session = self._rows(
            "SELECT * FROM till_sessions WHERE id = ?", (close[0]["till_session_id"],)
        )
        if tenants is None or not session:
            return None
        return {"close": close[0], "tenants": tenants, "session": session[0]}

    def parked_basket(self, parked_id: str) -> dict[str, Any] | None:
        rows = self._rows("SELECT * FROM parked_baskets WHERE id = ?", (parked_id,))
        return rows[0] if rows else None

    def receipt_copy(self, receipt_id: str) -> dict[str, Any] | None:
        rows = self._rows("SELECT * FROM receipt_copies WHERE receipt_id = ?", (receipt_id,))
        return rows[0] if rows else None

    def outbox_by(self, device_seq: int, event_type: str, key: str) -> dict[str, dict[str, Any]]:
        """Events of ``event_type`` queued after ``device_seq``, by their payload's ``key``
        (as far as readable)."""
        import json

        rows = self._rows(
            "SELECT * FROM outbox WHERE device_seq > ? AND type = ? ORDER BY device_seq",
            (device_seq, event_type),
        )
        found = {}
        for event in rows or ():
            try:
                value = json.loads(event["payload"]).get(key)
            except (ValueError, TypeError, AttributeError):
                continue
            if isinstance(value, str):
                found[value] = event
        return found

    def z_counting_row(self, register_id: str, journal_seq: int) -> int | None:
        """The number of a Z report (any tenant's, in the replaced store) whose journal span
        holds ``journal_seq``: a drawer's event it counted."""
        rows = self._rows(
            "SELECT z_number FROM z_reports WHERE register_id = ? AND from_seq < ? "
            "AND through_seq >= ? ORDER BY z_number LIMIT 1",
            (register_id, journal_seq, journal_seq),
        )
        return int(rows[0]["z_number"]) if rows else None

    def journal_tail(self, after_seq: int) -> Iterator[dict[str, Any]]:
        """Journal rows after ``after_seq`` in order, as far as they can be read (a read that
        fails sets ``tail_cut``)."""
        if self._db is None:
            self.tail_cut = True
            return
        seq = after_seq
        while True:
            rows = self._rows("SELECT * FROM journal WHERE seq > ? ORDER BY seq LIMIT 500", (seq,))
            if rows is None:
                self.tail_cut = True
            if not rows:
                return
            yield from rows
            seq = rows[-1]["seq"]


def _receipt_of(event: dict[str, Any]) -> str | None:
    import json

    try:
        receipt = json.loads(event["payload"]).get("receipt")
    except (ValueError, TypeError, AttributeError):
        return None
    return receipt.get("id") if isinstance(receipt, dict) else None


def _registered_id(event: dict[str, Any]) -> str | None:
    import json

    try:
        payload = json.loads(event["payload"])
        found = payload.get("item_id") or (payload.get("staff") or {}).get("id")
    except (ValueError, TypeError, AttributeError):
        return None
    return found if isinstance(found, str) else None
