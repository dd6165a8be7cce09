"""Write side of the day end: a Z report as taken, a tenant's settlement statement, and the
reference data updated in place, tenant terms and per-group commission rates (their changes
are journaled by the service)."""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Mapping
from typing import Any, cast

from sqlalchemy import Connection

from pos.clock import Stamp
from pos.journal import canonical_json
from pos.model.reports import DrawerReport
from pos.model.settlement import SettlementDoc

_ADD_Z = (
    "INSERT INTO z_reports(id, tenant_id, register_id, z_number, business_date, from_seq, "
    "through_seq, created_at, staff_id, journal_seq, grand_total_sales, grand_total_returns, "
    "content) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_ADD_SETTLEMENT = (
    "INSERT INTO settlements(id, tenant_id, number, period_from, period_to, corrects_id, "
    "created_at, staff_id, net_payable, content) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_ADD_SETTLEMENT_LINE = (
    "INSERT INTO settlement_lines(settlement_id, line_no, kind, description, base, amount) "
    "VALUES (?, ?, ?, ?, ?, ?)"
)


class DayEndStore:
    def __init__(self, conn: Connection) -> None:
        self._raw = cast(sqlite3.Connection, conn.connection.driver_connection)

    def add_z_report(
        self,
        report: DrawerReport,
        content: Mapping[str, Any],
        *,
        staff_id: str,
        journal_seq: int,
        stamp: Stamp,
    ) -> None:
        """A Z as taken: the day and journal range it closes, its grand totals and its full
        content (the journal row ``journal_seq`` carries the same)."""
        self._raw.execute(
            _ADD_Z,
            (
                str(uuid.uuid4()), report.tenant_id, report.register_id, report.z_number,
                report.business_date, report.from_seq, report.through_seq, stamp.utc_iso,
                staff_id, journal_seq, report.grand_total_sales, report.grand_total_returns,
                canonical_json(dict(content)),
            ),
        )  # fmt: skip

    def add_settlement(
        self,
        doc: SettlementDoc,
        content: Mapping[str, Any],
        *,
        corrects_id: str | None,
        staff_id: str,
        stamp: Stamp,
    ) -> None:
        """A numbered settlement statement and its lines (``corrects_id``: the one it corrects)."""
        self._raw.execute(
            _ADD_SETTLEMENT,
            (
                doc.settlement_id, doc.tenant_id, doc.number, doc.period_from, doc.period_to,
                corrects_id, stamp.utc_iso, staff_id, doc.net_payable,
                json.dumps(dict(content), ensure_ascii=False, sort_keys=True),
            ),
        )  # fmt: skip
        self._raw.executemany(
            _ADD_SETTLEMENT_LINE,
            [
                (doc.settlement_id, n, line.kind, line.description, line.base, line.amount)
                for n, line in enumerate(doc.lines, start=1)
            ],
        )

    def upsert_terms(
        self, tenant_id: str, commission_bp: int, monthly_rent: int, account: str, when: str
    ) -> None:
        self._raw.execute(
            "INSERT INTO tenant_terms(tenant_id, commission_bp, monthly_rent, bank_account, "
            "updated_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT(tenant_id) DO UPDATE SET "
            "commission_bp = excluded.commission_bp, monthly_rent = excluded.monthly_rent, "
            "bank_account = excluded.bank_account, updated_at = excluded.updated_at",
            (tenant_id, commission_bp, monthly_rent, account, when),
        )

    def replace_group_rates(self, tenant_id: str, rates: dict[str, int]) -> None:
        """The tenant's commission per article group becomes exactly ``rates``."""
        self._raw.execute("DELETE FROM tenant_group_commissions WHERE tenant_id = ?", (tenant_id,))
        for group_id, commission_bp in rates.items():
            self.upsert_group_rate(tenant_id, group_id, commission_bp)

    def upsert_group_rate(self, tenant_id: str, group_id: str, commission_bp: int) -> None:
        self._raw.execute(
            "INSERT INTO tenant_group_commissions(tenant_id, article_group_id, commission_bp) "
            "VALUES (?, ?, ?) ON CONFLICT(tenant_id, article_group_id) DO UPDATE SET "
            "commission_bp = excluded.commission_bp",
            (tenant_id, group_id, commission_bp),
        )
