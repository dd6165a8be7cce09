"""Reads for ``verify-journal``: every fact a report depends on, in bulk (one query per kind of
fact, not one per receipt), so a year of sales verifies in seconds."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from pos.adapters.report_queries import ReportQueries


class VerificationQueries:
    def __init__(self, rq: ReportQueries) -> None:
        self.rq = rq

    def journal_rows(self) -> Iterator[dict[str, Any]]:
        return self.rq.stream("SELECT * FROM journal ORDER BY seq")

    def tenants(self) -> dict[str, dict[str, Any]]:
        """Every tenant's row by id, as a Z report is recomputed with them."""
        return {r["id"]: r for r in self.rq.rows("SELECT * FROM tenants")}

    def tenant_codes(self) -> dict[str, str]:
        return {r["id"]: r["code"] for r in self.rq.rows("SELECT id, code FROM tenants")}

    def staff_numbers(self) -> dict[str, str]:
        return {r["id"]: r["staff_no"] for r in self.rq.rows("SELECT id, staff_no FROM staff")}

    def counters(self) -> dict[str, int]:
        return {r["name"]: int(r["value"]) for r in self.rq.rows("SELECT * FROM counters")}

    def chain_heads(self) -> dict[tuple[str, str], tuple[int, str]]:
        rows = self.rq.rows("SELECT * FROM signature_chains")
        return {
            (r["tenant_id"], r["register_id"]): (int(r["last_nr"]), r["last_signature"])
            for r in rows
        }

    def receipts_in_chain_order(self) -> Iterator[dict[str, Any]]:
        return self.rq.stream("SELECT * FROM receipts ORDER BY tenant_id, register_id, sig_nr")

    def sales(self) -> dict[str, dict[str, Any]]:
        rows = self.rq.rows("SELECT id, kind, staff_id, approved_by, training FROM sales")
        return {r["id"]: r for r in rows}

    def lines_by_receipt(self) -> dict[str, list[dict[str, Any]]]:
        found: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for row in self.rq.stream("SELECT * FROM sale_lines"):
            found[row["receipt_id"]].append(row)
        return found

    def payments_by_receipt(self) -> dict[str, list[dict[str, Any]]]:
        """Each receipt's share of each tender, with the tender's own facts."""
        found: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for row in self.rq.stream(
            "SELECT p.receipt_id, p.tender_id, p.amount, t.kind, t.reference, t.credit_note_id, "
            "t.amount AS tender_amount, t.tendered FROM receipt_payments p "
            "LEFT JOIN tenders t ON t.id = p.tender_id"
        ):
            found[row["receipt_id"]].append(row)
        return found

    def copies(self) -> dict[str, dict[str, Any]]:
        rows = self.rq.rows(
            "SELECT c.*, r.number_text FROM receipt_copies c "
            "LEFT JOIN receipts r ON r.id = c.receipt_id"
        )
        return {r["receipt_id"]: r for r in rows}

    def z_reports(self, after_seq: int = 0) -> dict[str, dict[str, Any]]:
        """Stored Z reports by report id (``Z-<tenant code>-<register>-<number>``), those
        journaled after ``after_seq``."""
        rows = self.rq.rows(
            "SELECT z.*, t.code FROM z_reports z JOIN tenants t ON t.id = z.tenant_id "
            "WHERE z.journal_seq > ? ORDER BY z.tenant_id, z.register_id, z.z_number",
            (after_seq,),
        )
        return {f"Z-{r['code']}-{r['register_id']}-{r['z_number']}": r for r in rows}

    def last_z_through_seq(self, seq: int) -> dict[tuple[str, str], tuple[int, int, int]]:
        """Each (tenant, register)'s last Z journaled at or before row ``seq``: its number and
        grand totals of sales and returns."""
        rows = self.rq.rows(
            "SELECT z.tenant_id, z.register_id, z.z_number, z.grand_total_sales, "
            "z.grand_total_returns FROM z_reports z JOIN (SELECT tenant_id, register_id, "
            "MAX(journal_seq) AS seq FROM z_reports WHERE journal_seq <= ? "
            "GROUP BY tenant_id, register_id) m ON m.tenant_id = z.tenant_id "
            "AND m.register_id = z.register_id AND m.seq = z.journal_seq",
            (seq,),
        )
        return {
            (r["tenant_id"], r["register_id"]): (
                int(r["z_number"]),
                r["grand_total_sales"],
                r["grand_total_returns"],
            )
            for r in rows
        }

    def unsealed_receipts(self) -> list[dict[str, Any]]:
        """Receipts whose journal row has a digest of content version 1 only."""
        return self.rq.rows(
            "SELECT r.* FROM receipts r JOIN journal j ON j.ref_id = r.id "
            "AND j.details LIKE '%\"digest\"%' WHERE j.details NOT LIKE '%\"facts\":2%'"
        )

    def has_facts_seal(self) -> bool:
        return bool(
            self.rq.scalar(
                "SELECT 1 FROM journal WHERE event_code = 13999 "
                'AND details LIKE \'%"kind":"facts_sealed"%\' LIMIT 1'
            )
        )
