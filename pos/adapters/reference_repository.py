"""Tenants and registers: the centre's sellers (read once per unit of work, they are read on
every sale) and the counters with their label blocks."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import insert, select

from pos.adapters import tables as t
from pos.adapters.store_base import StoreBase
from pos.clock import Stamp
from pos.model.tenant import Tenant


class TenantRepository(StoreBase):
    """The centre's sellers (``uow.tenants``)."""

    _tenants: dict[str, Tenant] | None = None

    def add_tenant(self, tenant: Tenant, stamp: Stamp) -> None:
        self._tenants = None
        self.conn.execute(
            insert(t.tenants).values(
                id=tenant.id,
                code=tenant.code,
                name=tenant.name,
                org_no=tenant.org_no,
                vat_registered=tenant.vat_registered,
                receipt_header=tenant.receipt_header,
                receipt_footer=tenant.receipt_footer,
                active=tenant.active,
                created_at=stamp.utc_iso,
            )
        )

    def tenant(self, tenant_id: str) -> Tenant | None:
        """Tenants are few and read on every sale: read them once per unit of work."""
        if self._tenants is None:
            self._tenants = {r["id"]: _tenant(r) for r in self.rows("SELECT * FROM tenants")}
        return self._tenants.get(tenant_id)

    def tenant_by_code(self, code: str) -> Tenant | None:
        row = self.conn.execute(select(t.tenants).where(t.tenants.c.code == code)).first()
        return _tenant(row._mapping) if row else None

    def tenants(self) -> list[Tenant]:
        rows = self.conn.execute(select(t.tenants).order_by(t.tenants.c.code))
        return [_tenant(r._mapping) for r in rows]

    def update_tenant(self, tenant_id: str, **fields: Any) -> None:
        allowed = {"name", "vat_registered", "receipt_header", "receipt_footer", "active"}
        if not fields or set(fields) - allowed:
            raise KeyError(sorted(set(fields) - allowed))
        self._tenants = None
        assignments = ", ".join(f"{name} = :{name}" for name in fields)
        self._raw.execute(
            f"UPDATE tenants SET {assignments} WHERE id = :id", {**fields, "id": tenant_id}
        )


class RegisterRepository(StoreBase):
    """The centre's counters and their label blocks (``uow.registers``)."""

    def add_register(self, register_id: str, name: str, label_block: int | None = None) -> None:
        self.insert("registers", {"id": register_id, "name": name, "label_block": label_block})

    def register_name(self, register_id: str) -> str | None:
        return self.conn.scalar(select(t.registers.c.name).where(t.registers.c.id == register_id))

    def registers(self) -> list[dict]:
        return self.rows("SELECT id, name, label_block FROM registers ORDER BY id")

    def update_register(self, register_id: str, name: str, label_block: int | None) -> None:
        self._raw.execute(
            "UPDATE registers SET name = ?, label_block = ? WHERE id = ?",
            (name, label_block, register_id),
        )

    def register_in_use(self, register_id: str) -> bool:
        """Whether the register has given out a receipt number, a label or a repair ticket id
        (each carries its id or label block, so it must keep both)."""
        row = self._raw.execute(
            "SELECT EXISTS (SELECT 1 FROM receipts WHERE register_id = ?) OR EXISTS (SELECT 1 "
            "FROM counters WHERE name LIKE ? OR name = ?)",
            (register_id, f"label:%:{register_id}", f"repair_ticket:{register_id}"),
        ).fetchone()
        return bool(row[0])

    def register_with_block(self, label_block: int) -> str | None:
        row = self._raw.execute(
            "SELECT id FROM registers WHERE label_block = ?", (label_block,)
        ).fetchone()
        return None if row is None else str(row[0])

    def label_block(self, register_id: str) -> int | None:
        row = self._raw.execute(
            "SELECT label_block FROM registers WHERE id = ?", (register_id,)
        ).fetchone()
        return None if row is None else row[0]


def _tenant(row: Mapping[Any, Any]) -> Tenant:
    return Tenant(
        id=row["id"],
        code=row["code"],
        name=row["name"],
        org_no=row["org_no"],
        vat_registered=bool(row["vat_registered"]),
        receipt_header=row["receipt_header"],
        receipt_footer=row["receipt_footer"],
        active=bool(row["active"]),
    )
