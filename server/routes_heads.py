"""What the server holds of a register's numbering, so a counter restored from a backup (on
its own PC or a new one) continues after it and never gives a receipt number out twice.

``GET /v1/sync/heads?register_id=K1`` (device token): per tenant of the device's site, the last
signature number with its signature, and the last receipt number per receipt kind, over every
device that has pushed receipts for that register (a new PC enrols as a new device), and the
last Z number with the business day it closed. Read from the heads ``server/verify.py`` keeps
while it checks each pushed receipt, and from the Z reports pushed.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel
from sqlalchemy import text

from server.api_models import PROBLEMS
from server.db import scoped
from server.routes_sync import DeviceDep

router = APIRouter(prefix="/v1", responses=PROBLEMS)

_CHAINS = """
SELECT DISTINCT ON (tenant_id) tenant_id, last_nr, last_signature FROM chain_heads
WHERE register_id = :r AND tenant_id = ANY(:t) ORDER BY tenant_id, last_nr DESC
"""
_NUMBERS = """
SELECT tenant_id, kind, max(last_number) FROM number_heads
WHERE register_id = :r AND tenant_id = ANY(:t) GROUP BY tenant_id, kind ORDER BY tenant_id, kind
"""

_Z_REPORTS = """
SELECT tenant_id, max((payload->>'z_number')::int), max(payload->>'business_date') FROM events
WHERE type = 'z_report.taken' AND tenant_id = ANY(:t) AND payload->>'register_id' = :r
GROUP BY tenant_id ORDER BY tenant_id
"""


class ChainHead(BaseModel):
    tenant_id: str
    last_nr: int
    last_signature: str


class NumberHead(BaseModel):
    tenant_id: str
    kind: str
    last_number: int


class ZHead(BaseModel):
    tenant_id: str
    last_z_number: int
    business_date: str
    """The business day of the register's last Z for the tenant: never Z-reported again."""


class HeadsResponse(BaseModel):
    register_id: str
    chains: list[ChainHead]
    numbers: list[NumberHead]
    z_reports: list[ZHead] = []


@router.get("/sync/heads", response_model=HeadsResponse)
def heads(
    request: Request,
    device: DeviceDep,
    register_id: str = Query(min_length=1, max_length=64),
) -> dict[str, Any]:
    """The highest signature, receipt and Z numbers the server holds for this register."""
    params = {"r": register_id, "t": list(device.tenant_ids)}
    with scoped(request.app.state.engine, device.scope) as conn:
        chains = conn.execute(text(_CHAINS), params).all()
        numbers = conn.execute(text(_NUMBERS), params).all()
        z_heads = conn.execute(text(_Z_REPORTS), params).all()
    return {
        "register_id": register_id,
        "chains": [{"tenant_id": t, "last_nr": n, "last_signature": s} for t, n, s in chains],
        "numbers": [{"tenant_id": t, "kind": k, "last_number": n} for t, k, n in numbers],
        "z_reports": [
            {"tenant_id": t, "last_z_number": n, "business_date": d} for t, n, d in z_heads
        ],
    }
