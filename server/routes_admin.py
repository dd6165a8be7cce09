"""The admin API: sites, tenants, staff, items, prices, VAT, devices, codes, review lists.

Every call needs an admin token; it runs with the admin scope, which row-level security lets
see every tenant.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, ConfigDict, Field

from server import admin_ops, refdata
from server.api_models import PROBLEMS
from server.auth import require_admin
from server.db import Scope, rows, scoped
from server.problems import Problem

router = APIRouter(prefix="/v1/admin", responses=PROBLEMS, tags=["admin"])
AdminDep = Annotated[Scope, Depends(require_admin)]
Id = Annotated[str, Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_.:-]+$")]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class SiteIn(Strict):
    name: str = Field(min_length=1, max_length=100)


class TenantIn(Strict):
    site: str = Field(min_length=1, max_length=100)
    id: Id | None = None
    code: str = Field(pattern=r"^[0-9]{2}$")
    name: str = Field(min_length=1, max_length=200)
    org_no: str = Field(pattern=r"^[0-9]{9}$")
    vat_registered: bool = True
    receipt_header: str = Field("", max_length=500)
    receipt_footer: str = Field("", max_length=500)


class StaffIn(Strict):
    site: str = Field(min_length=1, max_length=100, description="the site whose counters get it")
    staff_no: str = Field(pattern=r"^[0-9]{1,10}$")
    name: str = Field(min_length=1, max_length=200)
    role: Literal["cashier", "technician", "manager"]
    pin_hash: str = Field(min_length=1, max_length=300)
    active: bool = True


class ArticleGroupIn(Strict):
    name: str = Field(min_length=1, max_length=200)
    saft_code: str = Field(pattern=r"^[0-9]{5}$")


class ItemIn(Strict):
    tenant_id: Id
    kind: Literal["stock", "one_off", "open_price"] = "stock"
    description: str = Field(min_length=1, max_length=200)
    price: int | None = Field(None, ge=0, le=100_000_000)
    vat_class: Literal["25", "15", "12", "0", "exempt", "none"] = "25"
    article_group_id: Id
    barcode: str | None = Field(None, max_length=64)
    status: Literal["available", "sold", "inactive"] = "available"


class PriceIn(Strict):
    price: int = Field(ge=0, le=100_000_000)


class VatRateIn(Strict):
    rate_bp: int = Field(ge=0, le=10_000)


class CodeIn(Strict):
    site: str = Field(min_length=1, max_length=100)
    device_id: Id | None = None


def _admin(request: Request) -> Any:
    return scoped(request.app.state.engine, Scope.admin())


@router.get("/sites")
def list_sites(request: Request, _: AdminDep) -> list[dict[str, Any]]:
    with _admin(request) as conn:
        return rows(conn, "SELECT id, name FROM sites ORDER BY name")


@router.post("/sites", status_code=201)
def create_site(body: SiteIn, request: Request, _: AdminDep) -> dict[str, str]:
    with _admin(request) as conn:
        return {"id": admin_ops.ensure_site(conn, body.name), "name": body.name}


@router.get("/tenants")
def list_tenants(request: Request, _: AdminDep) -> list[dict[str, Any]]:
    with _admin(request) as conn:
        return rows(
            conn, "SELECT id, code, name, org_no, vat_registered, active FROM tenants ORDER BY code"
        )


@router.post("/tenants", status_code=201)
def create_tenant(body: TenantIn, request: Request, _: AdminDep) -> dict[str, str]:
    with _admin(request) as conn:
        return {"id": admin_ops.add_tenant(conn, body.site, body.model_dump(exclude={"site"}))}


@router.post("/tenants/{tenant_id}/tokens", status_code=201)
def create_tenant_token(tenant_id: Id, request: Request, _: AdminDep) -> dict[str, str]:
    with _admin(request) as conn:
        return {"token": admin_ops.tenant_token(conn, tenant_id)}


@router.put("/staff/{staff_id}")
def put_staff(staff_id: Id, body: StaffIn, request: Request, _: AdminDep) -> dict[str, int]:
    with _admin(request) as conn:
        site_id = admin_ops.site_id_by_name(conn, body.site)
        data = body.model_dump(exclude={"site"})
        return {"version": refdata.put(conn, "staff", staff_id, None, data, site_id)}


@router.put("/article-groups/{group_id}")
def put_article_group(
    group_id: Id, body: ArticleGroupIn, request: Request, _: AdminDep
) -> dict[str, int]:
    with _admin(request) as conn:
        return {"version": refdata.put(conn, "article_group", group_id, None, body.model_dump())}


@router.put("/items/{item_id}")
def put_item(item_id: Id, body: ItemIn, request: Request, _: AdminDep) -> dict[str, int]:
    with _admin(request) as conn:
        admin_ops.require_tenant_exists(conn, body.tenant_id)
        return {"version": refdata.put(conn, "item", item_id, body.tenant_id, body.model_dump())}


@router.put("/items/{item_id}/price")
def put_price(item_id: Id, body: PriceIn, request: Request, _: AdminDep) -> dict[str, int]:
    with _admin(request) as conn:
        return {"version": admin_ops.set_item_price(conn, item_id, body.price)}


@router.put("/vat-rates/{vat_class}")
def put_vat_rate(
    vat_class: Literal["25", "15", "12", "0", "exempt", "none"],
    body: VatRateIn,
    request: Request,
    _: AdminDep,
) -> dict[str, int]:
    with _admin(request) as conn:
        return {"version": refdata.put(conn, "vat_rate", vat_class, None, body.model_dump())}


@router.delete("/{entity}/{entity_id}")
def delete_entity(
    entity: Literal["staff", "items", "article-groups"],
    entity_id: Id,
    request: Request,
    _: AdminDep,
) -> dict[str, int]:
    name = {"staff": "staff", "items": "item", "article-groups": "article_group"}[entity]
    with _admin(request) as conn:
        version = refdata.delete(conn, name, entity_id)
    if version is None:
        raise Problem(404, "not_found", f"no {name} {entity_id!r}")
    return {"version": version}


@router.get("/devices")
def list_devices(request: Request, _: AdminDep) -> list[dict[str, Any]]:
    with _admin(request) as conn:
        return rows(
            conn,
            "SELECT d.id, d.site_id, d.name, d.epoch, d.app_version, "
            "d.revoked_at::text, d.last_seen_at::text, s.acked_through FROM devices "
            "d LEFT JOIN device_streams s ON s.device_id = d.id AND "
            "s.epoch = d.epoch ORDER BY d.id",
        )


@router.post("/devices/{device_id}/revoke")
def revoke_device(device_id: Id, request: Request, _: AdminDep) -> dict[str, bool]:
    with _admin(request) as conn:
        return {"revoked": admin_ops.revoke_device(conn, device_id)}


@router.post("/enrolment-codes", status_code=201)
def create_enrolment_code(body: CodeIn, request: Request, _: AdminDep) -> dict[str, str]:
    ttl = request.app.state.settings.enrol_code_ttl_hours
    with _admin(request) as conn:
        code, expires = admin_ops.enrolment_code(conn, body.site, ttl, body.device_id)
    return {"code": code, "expires_at": expires.isoformat()}


@router.get("/flags")
def list_flags(request: Request, _: AdminDep, limit: int = 200) -> list[dict[str, Any]]:
    with _admin(request) as conn:
        return rows(
            conn,
            "SELECT event_id::text, tenant_id, code, detail, created_at::text "
            "FROM event_flags ORDER BY id DESC LIMIT :n",
            {"n": max(1, min(limit, 1000))},
        )


@router.get("/quarantine")
def list_quarantine(request: Request, _: AdminDep, limit: int = 200) -> list[dict[str, Any]]:
    with _admin(request) as conn:
        return rows(
            conn,
            "SELECT device_id, device_epoch, device_seq, event_id, "
            "claimed_tenant_id, code, detail, received_at::text FROM quarantine "
            "ORDER BY id DESC LIMIT :n",
            {"n": max(1, min(limit, 1000))},
        )


@router.get("/notifications")
def list_notifications(request: Request, _: AdminDep) -> list[dict[str, Any]]:
    with _admin(request) as conn:
        return rows(
            conn,
            "SELECT id::text, tenant_id, channel, recipient, status, attempts, "
            "last_error FROM notifications ORDER BY created_at DESC LIMIT 500",
        )
