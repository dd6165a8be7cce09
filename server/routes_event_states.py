"""What became of a counter's own events that the server once held or flagged, so the counter
can let go of the problems the operator has since resolved.

``POST /v1/sync/event-states`` (device token) with ``{"event_ids": [...]}``: for each of the
device's own events, ``stored`` with the codes it is flagged with now (none: nothing to do),
``held`` with the codes it is quarantined for (not released yet), or ``unknown``. An event that
was quarantined and later released (``quarantine release``, ``tenants --approve``) is stored.
Only the caller's own events are answered; another device's ids are ``unknown``.
"""

from __future__ import annotations

import re
from typing import Any, Literal

from fastapi import APIRouter, Request
from pydantic import BaseModel, Field
from sqlalchemy import text

from server.api_models import PROBLEMS
from server.db import scoped
from server.routes_sync import DeviceDep

router = APIRouter(prefix="/v1", responses=PROBLEMS)
MAX_IDS = 500
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")

_STORED = """
SELECT e.event_id::text AS event_id,
       COALESCE(array_agg(DISTINCT f.code) FILTER (WHERE f.code IS NOT NULL), '{}') AS codes
FROM events e LEFT JOIN event_flags f ON f.event_id = e.event_id
WHERE e.device_id = :d AND e.event_id = ANY(CAST(:ids AS uuid[]))
GROUP BY e.event_id
"""
_HELD = """
SELECT q.event_id, array_agg(DISTINCT q.code) AS codes FROM quarantine q
WHERE q.device_id = :d AND q.event_id = ANY(:ids)
  AND NOT EXISTS (SELECT 1 FROM quarantine_releases r WHERE r.quarantine_id = q.id)
GROUP BY q.event_id
"""


class EventStatesRequest(BaseModel):
    event_ids: list[str] = Field(max_length=MAX_IDS)


class EventState(BaseModel):
    event_id: str
    state: Literal["stored", "held", "unknown"]
    codes: list[str]


class EventStatesResponse(BaseModel):
    events: list[EventState]


@router.post("/sync/event-states", response_model=EventStatesResponse)
def event_states(body: EventStatesRequest, request: Request, device: DeviceDep) -> dict[str, Any]:
    """The state now of each of these events this device sent."""
    ids = [i.lower() for i in body.event_ids if _UUID.match(i.lower())]
    params = {"d": device.id, "ids": ids}
    with scoped(request.app.state.engine, device.scope) as conn:
        stored = {r.event_id: list(r.codes) for r in conn.execute(text(_STORED), params)}
        held = {r.event_id: list(r.codes) for r in conn.execute(text(_HELD), params)}
    answers = []
    for event_id in body.event_ids:
        key = event_id.lower()
        if key in stored:
            answers.append({"event_id": event_id, "state": "stored", "codes": stored[key]})
        elif key in held:
            answers.append({"event_id": event_id, "state": "held", "codes": held[key]})
        else:
            answers.append({"event_id": event_id, "state": "unknown", "codes": []})
    return {"events": answers}
