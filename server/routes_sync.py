"""The device protocol: enrol, push, pull, status and token rotation (sync-protocol.md §2.1)."""

from __future__ import annotations

import json
import secrets
from datetime import UTC, datetime
from typing import Annotated, Any

import orjson
from fastapi import APIRouter, Depends, Query, Request, Response
from sqlalchemy import text
from starlette.concurrency import run_in_threadpool

from pos.signing import HMAC_METHOD, RSA_METHOD
from server import centre_name, pull, registers, tenant_offers
from server.admin_ops import normalise_code
from server.api_models import (
    PROBLEMS,
    EnrolRequest,
    EnrolResponse,
    PullResponse,
    PushResponse,
    StatusResponse,
    TokenResponse,
)
from server.auth import Device, new_token, require_device, token_hash
from server.db import Scope, apply_scope, rows, scoped
from server.ingest import apply_push
from server.key_checks import canonical_keys
from server.problems import Problem
from server.push_body import check_envelope, parse_push
from server.settings import version_tuple

router = APIRouter(prefix="/v1", responses=PROBLEMS)
DeviceDep = Annotated[Device, Depends(require_device)]


def json_response(body: dict[str, Any]) -> Response:
    """Hot paths skip response-model validation: the shapes are built right here."""
    return Response(orjson.dumps(body), media_type="application/json")


def server_time() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _check_version(request: Request, app_version: str) -> None:
    minimum = request.app.state.settings.min_app_version
    if version_tuple(app_version) < version_tuple(minimum):
        raise Problem(
            426,
            "upgrade_required",
            f"app version {minimum} or later is required",
            min_app_version=minimum,
        )


@router.post("/enrol", status_code=201, response_model=EnrolResponse)
def enrol(body: EnrolRequest, request: Request) -> dict[str, Any]:
    """Exchange a one-time enrolment code for a device id, epoch and token."""
    caller = request.client.host if request.client else "unknown"
    request.app.state.enrol_limit.check(caller, "enrolment attempts from this address")
    _check_version(request, body.app_version)
    token = new_token()
    with scoped(request.app.state.engine, Scope.none()) as conn:
        code = conn.execute(
            text(
                "UPDATE enrol_codes SET used_at = now() WHERE code_hash = :h AND used_at IS NULL "
                "AND expires_at > now() RETURNING site_id, device_id"
            ),
            {"h": token_hash(normalise_code(body.enrol_code))},
        ).first()
        if code is None:
            raise Problem(403, "enrol_code_invalid", "the code is unknown, used or expired")
        site_id, device_id = code
        device_id, epoch = _enrol_device(conn, site_id, device_id, body, token_hash(token))
        conn.execute(
            text(
                "INSERT INTO device_streams (device_id, epoch, acked_through) VALUES (:d, :e, :a)"
            ),
            {"d": device_id, "e": epoch, "a": body.resume_after_seq},
        )
        apply_scope(conn, Scope.admin())  # the code entitles the counter to its site
        if not registers.valid_claim(body.register_id, body.label_block):
            raise Problem(422, "register_invalid", "a register id is 1-20 letters or digits")
        registers.refuse_other_centre(conn, site_id, device_id, body.centre_name, body.tenants)
        register = registers.assign(conn, site_id, device_id, body.register_id, body.label_block)
        if body.device_name.strip() in ("", "new counter"):  # a fresh counter: its register
            registers.name_device(conn, device_id, register.register_id)
        offered = tenant_offers.offer(conn, site_id, device_id, body.tenants)
        company = body.centre_company
        if company is not None and centre_name.company_problem(company):
            raise Problem(422, "malformed", str(centre_name.company_problem(company)))
        centre_name.bring(conn, site_id, body.centre_name, company)
        site_name = conn.execute(
            text("SELECT name FROM sites WHERE id = :s"), {"s": site_id}
        ).scalar_one()
        tenants = rows(
            conn,
            "SELECT t.id, t.code, t.name, t.org_no, t.vat_registered FROM tenants t "
            "JOIN site_tenants st ON st.tenant_id = t.id WHERE st.site_id = :s ORDER BY t.code",
            {"s": site_id},
        )
    return {
        "device_id": device_id,
        "device_epoch": epoch,
        "device_token": token,
        "site_id": site_id,
        "site_name": site_name,
        "tenants": tenants,
        "offered": offered,
        "register_id": register.register_id,
        "label_block": register.label_block,
        "acked_through": body.resume_after_seq,
        "server_time": server_time(),
    }


def _enrol_device(
    conn: Any, site_id: str, device_id: str | None, body: EnrolRequest, digest: str
) -> tuple[str, int]:
    keys = json.dumps(canonical_keys(body.public_keys, RSA_METHOD))
    secrets_ = json.dumps(canonical_keys(body.hmac_keys, HMAC_METHOD))
    if device_id is None:
        device_id = "dev_" + secrets.token_urlsafe(9)
        conn.execute(
            text(
                "INSERT INTO devices (id, site_id, name, app_version, epoch, token_hash, "
                "public_keys, hmac_keys) VALUES (:d, :s, :n, :v, 1, :h, CAST(:k AS jsonb), "
                "CAST(:m AS jsonb))"
            ),
            {
                "d": device_id,
                "s": site_id,
                "n": body.device_name,
                "v": body.app_version,
                "h": digest,
                "k": keys,
                "m": secrets_,
            },
        )
        return device_id, 1
    epoch = conn.execute(
        text(
            "UPDATE devices SET epoch = epoch + 1, token_hash = :h, pending_token_hash = NULL, "
            "revoked_at = NULL, name = :n, app_version = :v, public_keys = public_keys || "
            "CAST(:k AS jsonb), hmac_keys = hmac_keys || CAST(:m AS jsonb) WHERE id = :d "
            "RETURNING epoch"
        ),
        {
            "d": device_id,
            "n": body.device_name,
            "v": body.app_version,
            "h": digest,
            "k": keys,
            "m": secrets_,
        },
    ).scalar_one()
    return device_id, int(epoch)


PUSH_BODY = {
    "requestBody": {
        "required": True,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PushRequest"}}},
    }
}


@router.post("/sync/push", response_model=PushResponse, openapi_extra=PUSH_BODY)
async def push(request: Request, device: DeviceDep) -> Response:
    """Store a batch of outbox events (JSON, optionally gzip); idempotent, contiguous."""
    raw = await request.body()
    body = parse_push(raw)
    if isinstance(body.get("app_version"), str):
        _check_version(request, body["app_version"])
    events = check_envelope(body, device)
    answer = await run_in_threadpool(
        _push_tx, request.app.state.engine, device, events, b"\\u0000" in raw
    )
    return json_response(answer)


def _push_tx(
    engine: Any, device: Device, events: list[dict[str, Any]], may_hold_nul: bool
) -> dict[str, Any]:
    with scoped(engine, device.scope) as conn:
        outcome = apply_push(conn, device, events, datetime.now(UTC), may_hold_nul)
    return {
        "acked_through": outcome.acked_through,
        "server_time": server_time(),
        "results": outcome.results,
        "pull_soon": False,
    }


@router.get("/sync/pull", response_model=PullResponse)
def pull_page(
    request: Request,
    device: DeviceDep,
    cursor: Annotated[str | None, Query(max_length=200)] = None,
    limit: Annotated[int, Query(ge=1, le=pull.MAX_PAGE)] = 1000,
) -> Response:
    """Reference data changed after ``cursor`` (none: everything, for a full resync)."""
    with scoped(request.app.state.engine, device.scope) as conn:
        page = pull.read_page(conn, device.tenant_ids, cursor, limit, device.site_id)
        # a counter pulls once its push has drained its outbox: all it had recorded is here,
        # even when it had nothing to send. Stamped by the server's clock, the one that says
        # which day a settlement may cover (the database may run on another host's clock).
        conn.execute(text("UPDATE devices SET last_pull_at = :at WHERE id = :d"),
                     {"at": datetime.now(UTC), "d": device.id})  # fmt: skip
    return json_response(page | {"server_time": server_time()})


@router.get("/sync/status", response_model=StatusResponse)
def status(request: Request, device: DeviceDep) -> dict[str, Any]:
    """A cheap probe: server time, this device's acked_through, the minimum app version."""
    with scoped(request.app.state.engine, device.scope) as conn:
        acked = conn.execute(
            text("SELECT acked_through FROM device_streams WHERE device_id = :d AND epoch = :e"),
            {"d": device.id, "e": device.epoch},
        ).scalar()
    return {
        "server_time": server_time(),
        "acked_through": int(acked or 0),
        "min_app_version": request.app.state.settings.min_app_version,
        "device_id": device.id,
        "device_epoch": device.epoch,
    }


@router.post("/token/rotate", response_model=TokenResponse)
def rotate_token(request: Request, device: DeviceDep) -> dict[str, str]:
    """A new token; the old one stays valid until the new one is first used."""
    request.app.state.token_limit.check(device.id, "token rotations for this device")
    token = new_token()
    with scoped(request.app.state.engine, Scope.none()) as conn:
        conn.execute(
            text("UPDATE devices SET pending_token_hash = :h WHERE id = :d"),
            {"h": token_hash(token), "d": device.id},
        )
    return {"device_token": token}
