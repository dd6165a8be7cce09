"""When ``simulate`` may add history: after the store's last record and its last closed
business day, never after the present, within the centre's opening hours."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from pos.clock import OSLO
from pos.errors import DomainError
from pos.unit_of_work import UnitOfWorkFactory

OPENS = time(10, 0)
CLOSES = time(17, 0)


class SimulationBackdates(DomainError):
    code = "simulation_backdates"
    nb = (
        "simulate kan ikke starte {value}: lagerets siste registrering er fra {last}, og "
        "historikk skrives aldri inn i tid som er registrert, i en dag som er begynt eller "
        "avsluttet med Z. Tidligste start er {earliest}."
    )
    en = (
        "simulate cannot start on {value}: the store's last record is from {last}, and history "
        "is never written into time already recorded, nor into a day already begun or closed "
        "by a Z. The earliest start is {earliest}."
    )


def continue_point(uow_factory: UnitOfWorkFactory, register_id: str) -> datetime | None:
    """The first moment new history may take: the next morning once the last record's day has
    opened (a simulated day is never split between runs) or is closed by a Z; just after the
    last record when that was before opening time (the demo set up in the morning). None for
    an empty store."""
    with uow_factory.read() as uow:
        floor = uow.journal.last_journal_time()
        closed = uow.reports.last_z_day(register_id)
    if floor is None:
        return None
    after = floor.astimezone(OSLO) + timedelta(seconds=1)
    if closed and closed >= after.date().isoformat() or after.time() > OPENS:
        next_day = max(date.fromisoformat(closed or "2000-01-01"), after.date()) + timedelta(days=1)
        return max(after, datetime.combine(next_day, time(9, 0), OSLO))
    return after


def last_record(uow_factory: UnitOfWorkFactory) -> datetime | None:
    """When the store's newest journal row was recorded (None for an empty store)."""
    with uow_factory.read() as uow:
        return uow.journal.last_journal_time()


def check_start(start: datetime, earliest: datetime | None, last: datetime | None) -> None:
    """Refuse a start before ``earliest`` (``continue_point``), naming the store's real
    ``last`` record: the earliest start is often the next morning, never the last record."""
    if earliest is not None and start < earliest:
        raise SimulationBackdates(
            start.astimezone(OSLO).strftime("%Y-%m-%d %H:%M"),
            last=(last or earliest).astimezone(OSLO).strftime("%Y-%m-%d %H:%M:%S"),
            earliest=earliest.astimezone(OSLO).strftime("%Y-%m-%d %H:%M"),
        )


def opening_hours(
    day: date, after: datetime, not_after: datetime | None
) -> tuple[datetime, datetime] | None:
    """The part of ``day``'s opening hours after ``after`` and not after ``not_after``."""
    start = max(datetime.combine(day, OPENS, OSLO), after)
    end = datetime.combine(day, CLOSES, OSLO)
    if not_after is not None:
        end = min(end, not_after)
    return (start, end) if start < end else None
