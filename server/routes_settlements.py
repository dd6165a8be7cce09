"""``POST /v1/settlements`` (device token): a manager at an enrolled counter asks the server to
settle a tenant over every register of the centre (``server/settlements.py``); the answer is the
numbered statement, which the counter shows, prints and files as its own. Refusals are
problem+json with the register and day that stand in the way."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Request
from pydantic import BaseModel, Field

from server import settlements
from server.api_models import PROBLEMS
from server.db import scoped
from server.problems import Problem
from server.routes_sync import DeviceDep

router = APIRouter(prefix="/v1", responses=PROBLEMS)


class SettlementRequest(BaseModel):
    tenant_id: str = Field(min_length=1, max_length=64)
    staff_id: str = Field(min_length=1, max_length=64)
    period_from: date | None = None
    period_to: date | None = None
    corrects: str | None = Field(default=None, max_length=40)
    """The settlement to correct (``3`` or ``OPPGJ-12-00003``); its period is settled again."""
    reason: str = Field(default="", max_length=500)
    adjustment: int = Field(default=0, ge=-100_000_000_00, le=100_000_000_00)
    created_date: date | None = None
    """The counter's date (the statement's "made" date)."""
    dry_run: bool = False
    """Answer the statement without storing it: the counter makes its files from it first."""
    expect: dict[str, Any] | None = None
    """The dry run's statement: stored only if the settlement is still exactly that."""


@router.post("/settlements")
def make_settlement(request: Request, device: DeviceDep, body: SettlementRequest) -> dict[str, Any]:
    """Settle (or correct) a tenant's period over every register of the site."""
    asked: dict[str, Any] = body.model_dump()
    for key in ("period_from", "period_to", "created_date"):
        asked[key] = asked[key].isoformat() if asked[key] is not None else ""
    if not body.corrects and (body.period_from is None or body.period_to is None):
        raise Problem(422, "invalid_period", "a period needs period_from and period_to")
    if body.corrects and not body.reason.strip():
        raise Problem(422, "correction_reason_missing", "a correction needs a reason")
    with scoped(request.app.state.engine, device.scope) as conn:
        doc = settlements.settle(conn, device, asked)
    return {"settlement": settlements.content(doc)}
