"""Write side for day-end reference data that is updated in place: tenant terms and per-group
commission rates (their changes are journaled by the service)."""

from __future__ import annotations

import sqlite3
from typing import cast

from sqlalchemy import Connection


class DayEndStore:
    def __init__(self, conn: Connection) -> None:
        self._raw = cast(sqlite3.Connection, conn.connection.driver_connection)

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

    def upsert_group_rate(self, tenant_id: str, group_id: str, commission_bp: int) -> None:
        self._raw.execute(
            "INSERT INTO tenant_group_commissions(tenant_id, article_group_id, commission_bp) "
            "VALUES (?, ?, ?) ON CONFLICT(tenant_id, article_group_id) DO UPDATE SET "
            "commission_bp = excluded.commission_bp",
            (tenant_id, group_id, commission_bp),
        )
