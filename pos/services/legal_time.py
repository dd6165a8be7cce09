"""The counter's clock for the legal record, and a manager's confirmation of the real time.

``CounterClock`` is the clock the till, the day end and the command line stamp with: the system
clock, corrected by a confirmed offset, never before the journal's newest row (the rules are in
``pos.model.legal_time``). A clock behind is refused before anything is recorded, and the
screens ask ``clock_state`` so they can say so at login and at the sale screen.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from pos.clock import Clock, LogTime, Stamp, SystemClock
from pos.errors import DomainError, PermissionDenied
from pos.model.events import EventCode, OtherEvent
from pos.model.legal_time import (
    ClockBehind,
    Confirmation,
    Reading,
    RecordTime,
    confirm,
    record_time,
    suggested_time,
)
from pos.model.staff import Operator, Permission
from pos.services import day_log
from pos.unit_of_work import UnitOfWork, UnitOfWorkFactory

CONFIRMATION_META = "clock_confirmation"


class CounterClock:
    """The time every record of this counter gets (a ``Clock``); raises ``ClockBehind`` or
    ``ClockUnconfirmed`` instead of a time it cannot stand behind."""

    def __init__(
        self,
        uow_factory: UnitOfWorkFactory,
        register_id: str,
        system: Clock | None = None,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.uow = uow_factory
        self.register_id = register_id
        self.system = system or SystemClock()
        self.monotonic = monotonic
        self.problem_logged = False
        """The clock's problem is in the support log (once while it lasts)."""

    def reading(self) -> Reading:
        return Reading(self.system.now(), self.monotonic())

    def facts(self) -> tuple[datetime | None, Confirmation | None]:
        """The journal's newest row's time and the confirmation in force, in one read."""
        with self.uow.read() as uow:
            floor = uow.journal.last_journal_time()
            confirmation = Confirmation.from_json(uow.meta.get_meta(CONFIRMATION_META))
        return floor, confirmation

    def record_time(self) -> RecordTime:
        reading = self.reading()
        found = record_time(reading, *self.facts())
        LogTime.follow(found.offset)
        return found

    def now(self) -> datetime:
        return self.record_time().moment


@dataclass(frozen=True)
class ClockState:
    """What the screens show about the counter's clock."""

    ok: bool
    problem: DomainError | None = None
    system_time: datetime | None = None
    last_record: datetime | None = None
    """The journal's newest row: the earliest time a manager can confirm."""
    offset_seconds: int | None = None
    """A confirmed offset in use (the system clock is this many seconds wrong)."""
    moment: datetime | None = None
    """The time a record made now gets (None while the clock has a problem)."""

    @property
    def behind_record(self) -> bool:
        """The PC's clock is before the last record: either it is slow now, or it was fast when
        the last records were made (a manager says which: confirm, or declare them ahead)."""
        return isinstance(self.problem, ClockBehind)

    @property
    def suggested(self) -> datetime | None:
        """The time offered to the manager who confirms it (``suggested_time``)."""
        if self.system_time is None:
            return None
        return suggested_time(self.system_time, self.last_record)


def clock_state(uow_factory: UnitOfWorkFactory, clock: CounterClock) -> ClockState:
    """Whether the till may record now; ends a confirmed offset (journaled) once the system
    clock is right again."""
    reading = clock.reading()
    floor, confirmation = clock.facts()
    try:
        found = record_time(reading, floor, confirmation)
    except DomainError as problem:
        if not clock.problem_logged:
            day_log.clock_problem(problem)
            clock.problem_logged = True
        return ClockState(False, problem, reading.system, floor)
    clock.problem_logged = False
    if found.offset_ended:
        _end_offset(uow_factory, clock, found)
    seconds = None if found.offset is None else round(found.offset.total_seconds())
    return ClockState(True, None, reading.system, floor, seconds, found.moment)


def require_clock(uow_factory: UnitOfWorkFactory, clock: Clock) -> datetime:
    """Raise the clock's problem now (at login, at each scan) rather than at payment; else
    the time a record made now gets, found in the one read the check needs."""
    if not isinstance(clock, CounterClock):
        return clock.now()
    state = clock_state(uow_factory, clock)
    if state.problem is not None:
        raise state.problem
    assert state.moment is not None
    return state.moment


def confirm_time(
    uow_factory: UnitOfWorkFactory,
    clock: CounterClock,
    manager: Operator,
    real_now: datetime,
) -> int | None:
    """A manager confirms the real time now; journaled (13999 ``clock_confirmed``) with the
    system time and the confirmed time. Returns the offset in whole seconds (None: the system
    clock is right and no offset is kept)."""
    if not manager.may(Permission.MANAGE):
        raise PermissionDenied(Permission.MANAGE.value)
    reading = clock.reading()
    with uow_factory() as uow:
        floor = uow.journal.last_journal_time()
        made = confirm(reading, real_now, floor)
        uow.meta.set_meta(CONFIRMATION_META, made.to_json() if made else "")
        uow.journal.append_journal(
            register_id=clock.register_id,
            event_code=EventCode.OTHER,
            stamp=Stamp.of(real_now),
            staff_id=manager.staff_id,
            details={
                "kind": OtherEvent.CLOCK_CONFIRMED,
                "system_time": Stamp.of(reading.system).utc_iso,
                "confirmed_time": Stamp.of(real_now).utc_iso,
                "offset_seconds": round(made.offset.total_seconds()) if made else 0,
                "last_record": Stamp.of(floor).utc_iso if floor else None,
            },
        )
        uow.commit()
    day_log.time_confirmed(manager.staff_no, reading.system, real_now)
    return None if made is None else round(made.offset.total_seconds())


def _end_offset(uow_factory: UnitOfWorkFactory, clock: CounterClock, found: RecordTime) -> None:
    with uow_factory() as uow:
        stored = Confirmation.from_json(uow.meta.get_meta(CONFIRMATION_META))
        if stored is None:
            return
        uow.meta.set_meta(CONFIRMATION_META, "")
        _journal_end(uow, clock.register_id, found, stored)
        uow.commit()


def _journal_end(
    uow: UnitOfWork, register_id: str, found: RecordTime, stored: Confirmation
) -> None:
    uow.journal.append_journal(
        register_id=register_id,
        event_code=EventCode.OTHER,
        stamp=Stamp.of(found.moment),
        staff_id=None,
        details={
            "kind": OtherEvent.CLOCK_OFFSET_ENDED,
            "system_time": Stamp.of(found.moment).utc_iso,
            "offset_seconds": round(stored.offset.total_seconds()),
        },
    )
