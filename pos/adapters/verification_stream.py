"""Reads for ``verify-journal`` that stay small however long the history: each receipt comes
with its sale, its journal row, its lines and its payments in one row of one query (SQLite
gathers the lines and payments as JSON), in chain order, so memory does not grow with the
years; and the look-ups that let a check start at an anchor instead of at the first row.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from pos.adapters import tables as t
from pos.adapters.report_queries import ReportQueries

_DIGEST_ROW = "instr(details, '\"digest\"') > 0"
_LINE = "json_object(" + ", ".join(f"'{c.name}', l.{c.name}" for c in t.sale_lines.c) + ")"
_PAYMENT = (
    "json_object('receipt_id', p.receipt_id, 'tender_id', p.tender_id, 'amount', p.amount, "
    "'kind', d.kind, 'reference', d.reference, 'credit_note_id', d.credit_note_id, "
    "'tender_amount', d.amount, 'tendered', d.tendered)"
)
_SALE = ("id", "kind", "staff_id", "approved_by", "training")
_ROW = ("seq", "tenant_id", "amount", "staff_id", "details")
_RECEIPT_FACTS = (
    "SELECT r.*, "
    + ", ".join(f"s.{c} AS sale__{c}" for c in _SALE)
    + ", "
    + ", ".join(f"j.{c} AS row__{c}" for c in _ROW)
    + f", (SELECT json_group_array({_LINE}) FROM (SELECT * FROM sale_lines "
    "WHERE receipt_id = r.id ORDER BY line_no) l) AS lines__json"
    f", (SELECT json_group_array({_PAYMENT}) FROM receipt_payments p "
    "LEFT JOIN tenders d ON d.id = p.tender_id WHERE p.receipt_id = r.id) AS payments__json "
    "FROM receipts r LEFT JOIN sales s ON s.id = r.sale_id "
    "LEFT JOIN journal j ON j.seq = (SELECT MAX(seq) FROM journal "
    f"WHERE ref_id = r.id AND {_DIGEST_ROW}) "
    "WHERE r.rowid > ? ORDER BY r.tenant_id, r.register_id, r.sig_nr"
)


@dataclass(frozen=True)
class ReceiptFacts:
    receipt: dict[str, Any]
    sale: dict[str, Any] | None
    row: dict[str, Any] | None
    """The journal row carrying the receipt's digest (None: never journaled)."""
    lines: list[dict[str, Any]]
    payments: list[dict[str, Any]]


class VerificationStream:
    def __init__(self, rq: ReportQueries) -> None:
        self.rq = rq

    def receipt_facts(self, after_rowid: int = 0) -> Iterator[ReceiptFacts]:
        """Every receipt stored after ``after_rowid`` (0: all), in chain order, with its facts."""
        for found in self.rq.stream(_RECEIPT_FACTS, (after_rowid,)):
            receipt = {k: v for k, v in found.items() if "__" not in k}
            sale = {c: found[f"sale__{c}"] for c in _SALE}
            row = {c: found[f"row__{c}"] for c in _ROW}
            yield ReceiptFacts(
                receipt,
                sale if sale["id"] is not None else None,
                row if row["seq"] is not None else None,
                json.loads(found["lines__json"]),
                json.loads(found["payments__json"]),
            )

    def receipt_count(self, after_rowid: int = 0) -> int:
        return int(self.rq.scalar("SELECT COUNT(*) FROM receipts WHERE rowid > ?", (after_rowid,)))

    def last_receipt_rowid_through(self, seq: int) -> int:
        """The store position of the newest receipt journaled at or before journal row ``seq``
        (receipts are stored in the order they are made)."""
        found = self.rq.scalar(
            "SELECT r.rowid FROM receipts r WHERE r.id = (SELECT ref_id FROM journal "
            f"WHERE seq <= ? AND ref_id IS NOT NULL AND {_DIGEST_ROW} ORDER BY seq DESC LIMIT 1)",
            (seq,),
        )
        return int(found or 0)

    def signature_at(self, chain: tuple[str, str], nr: int) -> str | None:
        return self.rq.scalar(
            "SELECT signature FROM receipts WHERE tenant_id = ? AND register_id = ? AND sig_nr = ?",
            (*chain, nr),
        )

    def chain_end(self, chain: tuple[str, str]) -> tuple[int, str] | None:
        rows = self.rq.rows(
            "SELECT sig_nr, signature FROM receipts WHERE tenant_id = ? AND register_id = ? "
            "ORDER BY sig_nr DESC LIMIT 1",
            chain,
        )
        return (int(rows[0]["sig_nr"]), rows[0]["signature"]) if rows else None

    def series_head(self, kind: str, tenant_id: str, register_id: str) -> int:
        found = self.rq.scalar(
            "SELECT MAX(number) FROM receipts WHERE tenant_id = ? AND register_id = ? AND kind = ?",
            (tenant_id, register_id, kind),
        )
        return int(found or 0)

    def journaled_without_receipt(self, after_seq: int = 0) -> list[dict[str, Any]]:
        return self.rq.rows(
            "SELECT seq, ref_id, details FROM journal j WHERE seq > ? AND ref_id IS NOT NULL "
            f"AND {_DIGEST_ROW} AND NOT EXISTS (SELECT 1 FROM receipts r WHERE r.id = j.ref_id)",
            (after_seq,),
        )

    def unbalanced_tenders(self, after_rowid: int = 0) -> list[dict[str, Any]]:
        """Tenders (of the sales of receipts stored after ``after_rowid``) whose amount is not
        what their receipts took from them."""
        if not after_rowid:
            return self.rq.rows(
                "SELECT t.id, t.sale_id, t.amount, COALESCE(SUM(p.amount), 0) AS shared "
                "FROM tenders t LEFT JOIN receipt_payments p ON p.tender_id = t.id "
                "GROUP BY t.id HAVING t.amount <> COALESCE(SUM(p.amount), 0)"
            )
        return self.rq.rows(  # a sale's receipts are stored together: all are in scope
            "WITH r AS (SELECT id, sale_id FROM receipts WHERE rowid > :after), "
            "p AS (SELECT p.tender_id, p.amount FROM receipt_payments p JOIN r "
            "ON r.id = p.receipt_id) "
            "SELECT t.id, t.sale_id, t.amount, COALESCE(SUM(p.amount), 0) AS shared "
            "FROM tenders t LEFT JOIN p ON p.tender_id = t.id "
            "WHERE t.sale_id IN (SELECT sale_id FROM r) "
            "GROUP BY t.id HAVING t.amount <> COALESCE(SUM(p.amount), 0)",
            {"after": after_rowid},
        )

    def journal_from(self, seq: int) -> Iterator[dict[str, Any]]:
        return self.rq.stream("SELECT * FROM journal WHERE seq >= ? ORDER BY seq", (seq,))

    def gap_declarations_before(self, seq: int) -> list[dict[str, Any]]:
        """The rows before ``seq`` that declare numbers skipped (a later chain may rely on
        them)."""
        return self.rq.rows(
            "SELECT * FROM journal WHERE seq < ? AND event_code = 13999 "
            "AND instr(details, 'numbers_skipped') > 0 ORDER BY seq",
            (seq,),
        )

    def journal_time_at(self, seq: int) -> str:
        """When journal row ``seq`` was recorded ('' when the journal does not reach it)."""
        return str(self.rq.scalar("SELECT created_at FROM journal WHERE seq = ?", (seq,)) or "")

    def row_hash_at(self, seq: int) -> str | None:
        return self.rq.scalar("SELECT hash FROM journal WHERE seq = ?", (seq,))

    def last_z_row_seq(self) -> int:
        return int(self.rq.scalar("SELECT MAX(seq) FROM journal WHERE event_code = 13009") or 0)
