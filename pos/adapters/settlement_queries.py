"""Reads for tenant settlements: the tenant's receipts of a period (every register, training
left out), its terms and earlier settlements."""

from __future__ import annotations

from typing import Any

from pos.adapters.report_queries import ReportQueries
from pos.model.settlement_plan import PeriodFacts, TenantTerms

_PERIOD = "r.tenant_id = :t AND r.local_date BETWEEN :f AND :to AND r.kind IN ('sale', 'return')"


class SettlementQueries:
    def __init__(self, rq: ReportQueries) -> None:
        self.rq = rq

    def receipt_totals(self, p: dict[str, Any]) -> dict[str, tuple[int, int]]:
        rows = self.rq.rows(
            f"SELECT r.kind, COUNT(*) AS num, SUM(r.total) AS total FROM receipts r "
            f"WHERE {_PERIOD} GROUP BY r.kind",
            p,
        )
        return {row["kind"]: (int(row["num"]), int(row["total"])) for row in rows}

    def net_by_group(self, p: dict[str, Any]) -> dict[str, int]:
        rows = self.rq.rows(
            f"SELECT l.article_group_id AS g, SUM(l.amount) AS amount FROM receipts r "
            f"JOIN sale_lines l ON l.receipt_id = r.id WHERE {_PERIOD} GROUP BY 1 ORDER BY 1",
            p,
        )
        return {row["g"]: int(row["amount"]) for row in rows}

    def received(self, p: dict[str, Any]) -> dict[str, int]:
        rows = self.rq.rows(
            f"SELECT t.kind, SUM(pm.amount) AS amount FROM receipts r "
            f"JOIN receipt_payments pm ON pm.receipt_id = r.id "
            f"JOIN tenders t ON t.id = pm.tender_id WHERE {_PERIOD} GROUP BY 1",
            p,
        )
        return {row["kind"]: int(row["amount"]) for row in rows}

    def deposits_received(self, p: dict[str, Any]) -> dict[str, tuple[int, int]]:
        """Repair deposits taken less paid back in the period, per payment means: money the
        centre received for the repair tenant (the pickup's DEPOSIT tender moves none)."""
        rows = self.rq.rows(
            "SELECT t.kind, COUNT(DISTINCT r.id) AS num, SUM(pm.amount) AS amount FROM receipts r "
            "JOIN receipt_payments pm ON pm.receipt_id = r.id "
            "JOIN tenders t ON t.id = pm.tender_id WHERE r.tenant_id = :t "
            "AND r.local_date BETWEEN :f AND :to AND r.kind = 'deposit' GROUP BY 1",
            p,
        )
        return {row["kind"]: (int(row["num"]), int(row["amount"])) for row in rows}

    def facts(self, tenant_id: str, start: str, end: str) -> PeriodFacts:
        p = {"t": tenant_id, "f": start, "to": end}
        return PeriodFacts(
            receipt_totals=self.receipt_totals(p),
            received=self.received(p),
            deposits=self.deposits_received(p),
            net_by_group=self.net_by_group(p),
        )

    def tenant_terms(self, tenant_id: str) -> TenantTerms:
        terms = self.terms(tenant_id)
        return TenantTerms(
            commission_bp=int(terms["commission_bp"]),
            monthly_rent=int(terms["monthly_rent"]),
            bank_account=str(terms["bank_account"] or ""),
            group_rates=self.group_rates(tenant_id),
        )

    def terms(self, tenant_id: str) -> dict[str, Any]:
        rows = self.rq.rows("SELECT * FROM tenant_terms WHERE tenant_id = ?", (tenant_id,))
        return rows[0] if rows else {"commission_bp": 0, "monthly_rent": 0, "bank_account": ""}

    def group_rates(self, tenant_id: str) -> dict[str, int]:
        rows = self.rq.rows(
            "SELECT article_group_id, commission_bp FROM tenant_group_commissions "
            "WHERE tenant_id = ?",
            (tenant_id,),
        )
        return {row["article_group_id"]: int(row["commission_bp"]) for row in rows}

    def overlapping(self, tenant_id: str, date_from: str, date_to: str) -> dict[str, Any] | None:
        rows = self.rq.rows(
            "SELECT * FROM settlements WHERE tenant_id = ? AND corrects_id IS NULL "
            "AND period_from <= ? AND period_to >= ? ORDER BY number LIMIT 1",
            (tenant_id, date_to, date_from),
        )
        return rows[0] if rows else None

    def settlement(self, tenant_id: str, number: int) -> dict[str, Any] | None:
        rows = self.rq.rows(
            "SELECT * FROM settlements WHERE tenant_id = ? AND number = ?", (tenant_id, number)
        )
        return rows[0] if rows else None

    def by_id(self, settlement_id: str) -> dict[str, Any] | None:
        rows = self.rq.rows("SELECT * FROM settlements WHERE id = ?", (settlement_id,))
        return rows[0] if rows else None

    def correction_of(self, settlement_id: str) -> dict[str, Any] | None:
        rows = self.rq.rows(
            "SELECT * FROM settlements WHERE corrects_id = ? ORDER BY number LIMIT 1",
            (settlement_id,),
        )
        return rows[0] if rows else None

    def settlements(self, tenant_id: str) -> list[dict[str, Any]]:
        return self.rq.rows(
            "SELECT * FROM settlements WHERE tenant_id = ? ORDER BY number", (tenant_id,)
        )
