"""Tenant administration by a manager: create, change (name, VAT registration, receipt
header/footer, logo), deactivate while keeping the history. Every change is journaled
(13999 tenant_change); a deactivated tenant's items can no longer be sold."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from pos.adapters.settlement_queries import SettlementQueries
from pos.day_end_errors import InvalidRate
from pos.errors import DomainError, InvalidTenant, UnknownTenant
from pos.model.events import EventCode, OtherEvent
from pos.model.staff import Permission
from pos.model.tenant import Tenant
from pos.services import setup
from pos.services.context import TillContext
from pos.services.tenant_terms import parse_rate
from pos.unit_of_work import UnitOfWork, UnitOfWorkFactory

LOGO_META = "tenant_logo:{}"
"""Meta key of a tenant's receipt logo (a PNG path; printers.printing reads it)."""


class TenantCodeTaken(DomainError):
    code = "tenant_code_taken"
    nb = "Koden {value} brukes allerede av en annen leietaker."
    en = "Code {value} is already used by another tenant."


@dataclass(frozen=True)
class TenantDetails:
    """Everything the tenant form shows: the tenant, its terms with the centre and its logo."""

    tenant: Tenant
    commission_bp: int
    monthly_rent: int
    bank_account: str
    group_rates: dict[str, int]
    logo_path: str


def parse_group_rates(text: str) -> dict[str, int]:
    """'KLAER 10, BARN 12,5' -> {'KLAER': 1000, 'BARN': 1250}: commission per article group."""
    rates: dict[str, int] = {}
    for part in re.split(r"[;\n]|,(?=\s*[A-Za-zÆØÅæøå])", text):
        if not part.strip():
            continue
        match = re.fullmatch(r"\s*([A-Za-z0-9_ÆØÅæøå-]+)\s*[:=]?\s*(\S+?)\s*%?\s*", part)
        if not match:
            raise InvalidRate(part.strip())
        rates[match.group(1).upper()] = parse_rate(match.group(2))
    return rates


def list_tenants(uow_factory: UnitOfWorkFactory) -> list[Tenant]:
    """Every tenant, active or not, by code."""
    with uow_factory.read() as uow:
        return uow.tenants.tenants()


def _by_code(uow: UnitOfWork, code: str) -> Tenant:
    tenant = uow.tenants.tenant_by_code(code.strip())
    if tenant is None:
        raise UnknownTenant(code)
    return tenant


def tenant_details(uow_factory: UnitOfWorkFactory, code: str) -> TenantDetails:
    with uow_factory.read() as uow:
        tenant = _by_code(uow, code)
        q = SettlementQueries(uow.reports)
        terms = q.terms(tenant.id)
        return TenantDetails(
            tenant=tenant,
            commission_bp=int(terms["commission_bp"]),
            monthly_rent=int(terms["monthly_rent"]),
            bank_account=str(terms["bank_account"]),
            group_rates=q.group_rates(tenant.id),
            logo_path=uow.meta.get_meta(LOGO_META.format(tenant.id)) or "",
        )


def logo_paths(uow: UnitOfWork) -> dict[str, str]:
    """Tenant id -> logo path, for the tenants that have one."""
    found = {}
    for tenant in uow.tenants.tenants():
        path = uow.meta.get_meta(LOGO_META.format(tenant.id))
        if path:
            found[tenant.id] = path
    return found


def create_tenant(
    uow_factory: UnitOfWorkFactory,
    ctx: TillContext,
    *,
    code: str,
    name: str,
    org_no: str,
    vat_registered: bool,
    receipt_header: str = "",
    receipt_footer: str = "",
) -> Tenant:
    """A new tenant (manager); code and org.no are checked (two digits, mod 11) and unique."""
    ctx.require(Permission.MANAGE)
    with uow_factory.read() as uow:
        if uow.tenants.tenant_by_code(code.strip()) is not None:
            raise TenantCodeTaken(code.strip())
    return setup.add_tenant(
        uow_factory,
        code=code.strip(),
        name=name,
        org_no=org_no,
        vat_registered=vat_registered,
        receipt_header=receipt_header,
        receipt_footer=receipt_footer,
        clock=ctx.clock,
        ctx=ctx,
    )


def update_tenant(
    uow_factory: UnitOfWorkFactory,
    ctx: TillContext,
    code: str,
    *,
    name: str,
    vat_registered: bool,
    receipt_header: str,
    receipt_footer: str,
    logo_path: str = "",
) -> Tenant:
    """Change a tenant's fixed data (manager). Code and org.no never change: they identify the
    tenant's receipts, labels and SAF-T files."""
    ctx.require(Permission.MANAGE)
    if not name.strip():
        raise InvalidTenant(code)
    fields: dict[str, Any] = {
        "name": name.strip(),
        "vat_registered": vat_registered,
        "receipt_header": receipt_header,
        "receipt_footer": receipt_footer,
    }
    with uow_factory() as uow:
        tenant = _by_code(uow, code)
        uow.tenants.update_tenant(tenant.id, **fields)
        uow.meta.set_meta(LOGO_META.format(tenant.id), logo_path.strip())
        _journal(uow, ctx, tenant, "update", {**fields, "logo": logo_path.strip()})
        uow.commit()
        changed = _by_code(uow, code)
    return changed


def set_tenant_active(
    uow_factory: UnitOfWorkFactory, ctx: TillContext, code: str, active: bool
) -> None:
    """Deactivate (or reactivate) a tenant; its receipts, journal and reports stay."""
    ctx.require(Permission.MANAGE)
    with uow_factory() as uow:
        tenant = _by_code(uow, code)
        uow.tenants.update_tenant(tenant.id, active=active)
        _journal(uow, ctx, tenant, "active", {"active": active})
        uow.commit()


def _journal(
    uow: UnitOfWork, ctx: TillContext, tenant: Tenant, change: str, fields: dict[str, Any]
) -> None:
    uow.journal.append_journal(
        register_id=ctx.register_id,
        event_code=EventCode.OTHER,
        stamp=ctx.stamp(),
        staff_id=ctx.operator.staff_id,
        tenant_id=tenant.id,
        details={
            "kind": OtherEvent.TENANT_CHANGE,
            "code": tenant.code,
            "change": change,
            **fields,
        },
    )
