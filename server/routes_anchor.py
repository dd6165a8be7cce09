"""Journal anchors: a counter sends its journal head (row number and hash) at every sync and the
server keeps each one, insert-only, so ``verify-journal`` on the counter can check its journal
against evidence the counter cannot rewrite.

``POST /v1/anchor`` stores the head (the same one again is a no-op). A row number the device
sent before with another hash is kept as well and answered ``409 anchor_conflict``: the
counter's journal was rewritten in between. ``GET /v1/anchor`` gives the newest anchor of the
calling device (the highest row number, first received), or 404 before the first.

Anchors are compared within one enrolment epoch. A counter restored from a backup must be
re-enrolled by an administrator (a new epoch: its journal went back with its outbox); from then
on its new journal is anchored afresh, and the old epoch's anchors stay as evidence of what the
journal held before.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from fastapi import APIRouter, Request
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import text

from server.api_models import PROBLEMS
from server.auth import Device
from server.db import Scope, scoped
from server.problems import Problem
from server.routes_sync import DeviceDep

router = APIRouter(prefix="/v1", responses=PROBLEMS)


HASH = r"^[0-9a-f]{64}$"


class AnchorCheck(BaseModel):
    model_config = ConfigDict(extra="forbid")
    seq: int = Field(ge=0, le=2**62, description="the row of the newest anchor the server gave")
    hash: str | None = Field(pattern=HASH, description="the counter's hash of that row now, "
                             "null if its journal no longer reaches it")  # fmt: skip


class AnchorBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    seq: int = Field(ge=0, le=2**62, description="the journal's last row number")
    hash: str = Field(pattern=HASH, description="that row's SHA-256 chain hash")
    previous: AnchorCheck | None = None
    """The counter's own view of the row the server anchored last: a journal rewritten or cut
    back since is answered ``anchor_conflict`` at once, not only at the next verification."""


class AnchorAnswer(BaseModel):
    seq: int
    hash: str
    received_at: datetime
    device_epoch: int
    conflicts: int
    """Row numbers of this device the server holds with more than one hash."""


_NEWEST = (
    "SELECT seq, hash, received_at, device_epoch FROM journal_anchors WHERE device_id = :d "
    "AND device_epoch = :e ORDER BY seq DESC, id ASC LIMIT 1"
)
_CONFLICTS = (
    "SELECT count(*) FROM (SELECT seq FROM journal_anchors WHERE device_id = :d "
    "AND device_epoch = :e GROUP BY seq HAVING count(DISTINCT hash) > 1) c"
)


@router.post("/anchor", response_model=AnchorAnswer)
def put_anchor(body: AnchorBody, request: Request, device: DeviceDep) -> dict[str, Any]:
    """Keep the counter's journal head; answers the newest anchor the server holds."""
    claims: list[tuple[int, str | None]] = [(body.seq, body.hash)]
    if body.previous is not None:
        claims.append((body.previous.seq, body.previous.hash))
    with scoped(request.app.state.engine, Scope.none()) as conn:
        differ = [seq for seq, digest in claims if _differs(conn, device, seq, digest)]
        for seq, digest in claims:
            if digest is not None:  # kept either way: a conflict is evidence too
                conn.execute(text(_INSERT), {"d": device.id, "e": device.epoch, "s": seq,
                                             "h": digest})  # fmt: skip
        answer = _answer(conn, device)
    if differ:
        raise Problem(
            409,
            "anchor_conflict",
            f"journal row {differ[0]} differs from the anchor this server holds: the counter's "
            "journal was rewritten or cut back (a restored backup, or tampering)",
            seq=differ[0],
        )
    return answer


_INSERT = (
    "INSERT INTO journal_anchors (device_id, device_epoch, seq, hash) VALUES (:d, :e, :s, :h) "
    "ON CONFLICT DO NOTHING"
)


def _differs(conn: Any, device: Device, seq: int, digest: str | None) -> bool:
    """Whether this epoch has an anchor at ``seq`` and ``digest`` is not (one of) its hash."""
    held = conn.execute(
        text(
            "SELECT hash FROM journal_anchors WHERE device_id = :d AND device_epoch = :e "
            "AND seq = :s"
        ),
        {"d": device.id, "e": device.epoch, "s": seq},
    ).scalars().all()
    return bool(held) and digest not in held


@router.get("/anchor", response_model=AnchorAnswer)
def get_anchor(request: Request, device: DeviceDep) -> dict[str, Any]:
    """The newest journal anchor the server holds for the calling device."""
    with scoped(request.app.state.engine, Scope.none()) as conn:
        return _answer(conn, device)


def _answer(conn: Any, device: Device) -> dict[str, Any]:
    params = {"d": device.id, "e": device.epoch}
    newest = conn.execute(text(_NEWEST), params).mappings().first()
    if newest is None:
        raise Problem(404, "no_anchor", "no journal anchor from this device yet")
    conflicts = conn.execute(text(_CONFLICTS), params).scalar_one()
    return {**dict(newest), "conflicts": int(conflicts)}
