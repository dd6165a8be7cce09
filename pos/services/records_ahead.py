"""Records stamped ahead: the PC's clock ran fast, sales (even a Z) were signed with those
future times, and the clock was set right. A manager declares it; the till goes on from the
real time (rules in docs/core.md, "Time in the legal record" and "Business days and Z
reports").

The declaration is the journal's one backward step in time (13999 ``clock_ahead_declared``,
both times, how far ahead, the approving manager, the Z reports taken for a day that is really
still to come). Nothing signed before it is altered. ``verify-journal`` accepts a step back
only at such a row.

A Z taken ahead keeps its number, business day and content; it closes no day for what comes
after the declaration (``still_closing``): the real days get their own Z, so a day whose Z was
taken ahead has two, the first holding what was stamped ahead.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from pos.clock import Stamp
from pos.errors import PermissionDenied
from pos.model.clock_skew import skewed
from pos.model.events import EventCode, OtherEvent
from pos.model.legal_time import declare_ahead
from pos.model.staff import Operator, Permission
from pos.services import clock_skew, day_log
from pos.services.legal_time import CONFIRMATION_META, CounterClock
from pos.unit_of_work import UnitOfWork, UnitOfWorkFactory

DECLARATIONS_META = "clock_ahead_declarations"
"""The declarations' journal rows, real dates and Z reports taken ahead (read at every Z; the
journal holds the same)."""


@dataclass(frozen=True)
class Declared:
    """What a declaration journaled."""

    seq: int
    real_date: str
    """The business day of the real time declared (Oslo date)."""
    ahead_seconds: int
    """How far the last record was ahead of the real time."""
    offset_seconds: int | None
    """An offset kept because the PC's clock is still wrong (None: it is right)."""
    z_ahead: tuple[tuple[str, str, str], ...]
    """(tenant id, report id, business day) of each Z taken for a day after ``real_date``."""


def declare(
    uow_factory: UnitOfWorkFactory,
    clock: CounterClock,
    manager: Operator,
    real_now: datetime,
) -> Declared:
    """A manager declares that the journal's last records were stamped ahead and the real time
    is ``real_now`` (refused when the last record is not after it: ``RecordsNotAhead``)."""
    if not manager.may(Permission.MANAGE):
        raise PermissionDenied(Permission.MANAGE.value)
    reading = clock.reading()
    stamp = Stamp.of(real_now)
    with uow_factory() as uow:
        floor = uow.journal.last_journal_time()
        kept = declare_ahead(reading, real_now, floor)
        assert floor is not None  # declare_ahead refuses an empty journal
        ahead = _z_taken_after(uow, clock.register_id, stamp.local_date)
        uow.meta.set_meta(CONFIRMATION_META, kept.to_json() if kept else "")
        offset = round(kept.offset.total_seconds()) if kept else None
        details: dict[str, Any] = {
            "kind": OtherEvent.CLOCK_AHEAD_DECLARED,
            "system_time": Stamp.of(reading.system).utc_iso,
            "declared_time": stamp.utc_iso,
            "last_record": Stamp.of(floor).utc_iso,
            "ahead_seconds": round((floor - real_now).total_seconds()),
            "offset_seconds": offset or 0,
            "z_taken_ahead": [
                {"tenant_id": t, "report": r, "business_date": d} for t, r, d in ahead
            ],
        }
        seq = uow.journal.append_journal(
            register_id=clock.register_id,
            event_code=EventCode.OTHER,
            stamp=stamp,
            staff_id=manager.staff_id,
            details=details,
            declared_step_back=True,
        )
        made = Declared(seq, stamp.local_date, details["ahead_seconds"], offset, tuple(ahead))
        _remember(uow, made)
        uow.commit()
    day_log.records_ahead_declared(manager.staff_no, floor, real_now)
    return made


def _z_taken_after(uow: UnitOfWork, register_id: str, day: str) -> list[tuple[str, str, str]]:
    rows = uow.reports.z_taken_after(register_id, day)
    return [
        (r["tenant_id"], f"Z-{r['code']}-{register_id}-{r['z_number']}", r["business_date"])
        for r in rows
    ]


def declarations(uow: UnitOfWork) -> list[Declared]:
    """Every declaration made on this store, oldest first."""
    text = uow.meta.get_meta(DECLARATIONS_META)
    return [_declared(d) for d in json.loads(text)] if text else []


def _remember(uow: UnitOfWork, made: Declared) -> None:
    known = [_as_json(d) for d in declarations(uow)]
    uow.meta.set_meta(DECLARATIONS_META, json.dumps([*known, _as_json(made)]))


def _as_json(d: Declared) -> dict[str, Any]:
    return {
        "seq": d.seq,
        "real_date": d.real_date,
        "ahead_seconds": d.ahead_seconds,
        "offset_seconds": d.offset_seconds,
        "z_ahead": [list(z) for z in d.z_ahead],
    }


def _declared(data: dict[str, Any]) -> Declared:
    return Declared(
        int(data["seq"]),
        str(data["real_date"]),
        int(data["ahead_seconds"]),
        data.get("offset_seconds"),
        tuple((str(t), str(r), str(d)) for t, r, d in data["z_ahead"]),
    )


def server_says(uow_factory: UnitOfWorkFactory) -> str | None:
    """What the central server's clock says of the PC's now, while the last sync's reading
    holds (``clock_skew``): ``right`` (within two minutes: with the PC's clock before the last
    record, that record was stamped ahead), ``slow``, ``fast``, or None (not enrolled, or no
    sync since the PC's clock was set)."""
    offset = clock_skew.clock_offset_ms(uow_factory)
    if offset is None:
        return None
    if not skewed(offset):
        return "right"
    return "slow" if offset > 0 else "fast"


def still_closing(
    uow: UnitOfWork, tenant_id: str, register_id: str, last: dict[str, Any] | None
) -> dict[str, Any] | None:
    """The tenant's Z whose business day is still closed: its last Z, unless that was taken
    for a day after the real date of a declaration made since; then the last Z for a day up
    to that date (None: no day is closed)."""
    if last is None:
        return None
    made = declarations(uow)
    newest = made[-1] if made else None
    if newest is None or newest.seq < int(last["journal_seq"]):
        return last
    if last["business_date"] <= newest.real_date:
        return last
    return uow.reports.last_z_through(tenant_id, register_id, newest.real_date)


def taken_ahead(uow: UnitOfWork, tenant_id: str) -> set[str]:
    """The business days of the tenant's Z reports declared taken ahead."""
    return {day for d in declarations(uow) for t, _r, day in d.z_ahead if t == tenant_id}
