"""Streams for the SAF-T Cash Register export of one tenant over a date range (raw SQL, read
transaction of the caller; every stream reads rows in batches)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pos.adapters.report_queries import ReportQueries

ART_ID = "substr(COALESCE(i.barcode, replace(i.id, '-', '')), 1, 35)"
_EVENT_COLUMNS = (
    "seq, event_code, staff_id, local_date, local_time, amount, ref_id, details, tenant_id"
)
_DRAWER_EVENT = (
    "event_code IN (13005, 13006, 13010, 13011, 13019) OR (event_code = 13999 AND "
    "json_extract(details, '$.kind') IN ('cash_in', 'till_open', 'till_close'))"
)


class SaftQueries:
    def __init__(self, rq: ReportQueries) -> None:
        self.rq = rq

    def installed_on(self) -> tuple[str, str]:
        rows = self.rq.rows("SELECT local_date, local_time FROM journal ORDER BY seq LIMIT 1")
        return (
            (rows[0]["local_date"], rows[0]["local_time"]) if rows else ("2000-01-01", "00:00:00")
        )

    def tenant_created(self, tenant_id: str) -> str:
        return str(self.rq.scalar("SELECT created_at FROM tenants WHERE id = ?", (tenant_id,)))

    def staff(self) -> list[dict[str, Any]]:
        return self.rq.rows("SELECT id, staff_no, name, role FROM staff ORDER BY staff_no")

    def article_groups(self) -> list[dict[str, Any]]:
        return self.rq.rows("SELECT id, name, saft_code FROM article_groups ORDER BY id")

    def registers(self) -> list[dict[str, Any]]:
        return self.rq.rows("SELECT id, name FROM registers ORDER BY id")

    def articles(self, tenant_id: str, date_from: str, date_to: str) -> Iterator[dict[str, Any]]:
        """Every item the tenant sold or took back in the period, once."""
        return self.rq.stream(
            f"SELECT {ART_ID} AS art_id, i.article_group_id, i.description, "
            "COALESCE((SELECT MIN(j.local_date) FROM journal j WHERE j.ref_id = i.id "
            "AND j.event_code = 13021), substr(i.updated_at, 1, 10)) AS entered "
            "FROM items i WHERE i.id IN (SELECT l.item_id FROM receipts r "
            "JOIN sale_lines l ON l.receipt_id = r.id WHERE r.tenant_id = ? "
            "AND r.local_date BETWEEN ? AND ?) ORDER BY 1",
            (tenant_id, date_from, date_to),
        )

    def events(
        self, tenant_id: str, register_id: str, date_from: str, date_to: str, drawer_owner: bool
    ) -> Iterator[dict[str, Any]]:
        """The tenant's own events on the register and the register's shared ones; the shared
        drawer's events (float, openings, cash in and out, old parked-basket rows) only in the
        drawer owner's file, whose Z counts them. A Z belongs to the period of its business
        day (a Z taken after midnight closes the day before)."""
        shared = "tenant_id IS NULL" + ("" if drawer_owner else f" AND NOT ({_DRAWER_EVENT})")
        return self.rq.stream(
            f"SELECT {_EVENT_COLUMNS} FROM journal WHERE register_id = :r "
            "AND local_date BETWEEN :f AND :t AND event_code != 13009 "
            f"AND (tenant_id = :tenant OR ({shared})) "
            f"UNION ALL SELECT {_EVENT_COLUMNS} FROM journal WHERE seq IN ("
            "SELECT journal_seq FROM z_reports WHERE tenant_id = :tenant AND register_id = :r "
            "AND business_date BETWEEN :f AND :t) ORDER BY seq",
            {"r": register_id, "f": date_from, "t": date_to, "tenant": tenant_id},
        )

    def receipt_number(self, receipt_id: str) -> str | None:
        found = self.rq.scalar("SELECT number_text FROM receipts WHERE id = ?", (receipt_id,))
        return None if found is None else str(found)

    def receipts(
        self, tenant_id: str, register_id: str, date_from: str, date_to: str
    ) -> Iterator[dict[str, Any]]:
        return self.rq.stream(
            "SELECT r.*, s.staff_id, s.training, "
            "EXISTS(SELECT 1 FROM receipt_copies c WHERE c.receipt_id = r.id) AS copied "
            "FROM receipts r JOIN sales s ON s.id = r.sale_id "
            "WHERE r.tenant_id = ? AND r.register_id = ? AND r.local_date BETWEEN ? AND ? "
            "ORDER BY r.sig_nr",
            (tenant_id, register_id, date_from, date_to),
        )

    def lines(self, receipt_id: str) -> list[dict[str, Any]]:
        return self.rq.rows(
            f"SELECT l.*, {ART_ID} AS art_id FROM sale_lines l JOIN items i ON i.id = l.item_id "
            "WHERE l.receipt_id = ? ORDER BY l.line_no",
            (receipt_id,),
        )

    def payments(self, receipt_id: str) -> list[dict[str, Any]]:
        return self.rq.rows(
            "SELECT t.kind, p.amount, t.reference, cn.number AS credit_note "
            "FROM receipt_payments p JOIN tenders t ON t.id = p.tender_id "
            "LEFT JOIN credit_notes cn ON cn.id = t.credit_note_id "
            "WHERE p.receipt_id = ? ORDER BY t.position",
            (receipt_id,),
        )

    def previous_signature(self, tenant_id: str, register_id: str, sig_nr: int) -> str:
        """The signature ``sig_nr`` chains from: the receipt before it, or, where a restore
        skipped the numbers before it, the signature the journal's declaration names."""
        found = self.rq.scalar(
            "SELECT signature FROM receipts WHERE tenant_id = ? AND register_id = ? AND sig_nr = ?",
            (tenant_id, register_id, sig_nr - 1),
        )
        if found is None and sig_nr > 1:
            found = self.rq.scalar(
                "SELECT json_extract(details, '$.chains.' || json_quote(?) || "
                "'.previous_signature') FROM journal WHERE event_code = 13999 AND tenant_id = ? "
                "AND json_extract(details, '$.kind') = 'numbers_skipped' "
                "AND json_extract(details, '$.chains.' || json_quote(?) || '.to') = ? "
                "ORDER BY seq DESC LIMIT 1",
                (register_id, tenant_id, register_id, sig_nr - 1),
            )
        return "0" if found is None else str(found)
