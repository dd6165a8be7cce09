"""The legal record's time: it never goes backwards and never silently takes a wrong time.

Rules (docs/core.md, "Time in the legal record"):
1. Every journal row, signed receipt and report is dated at or after the newest row of the
   journal (the floor). A clock up to ``SLACK`` behind (a network time correction) records at
   the floor's time; further behind, nothing is recorded (``ClockBehind``) until a manager
   confirms the real time.
2. A manager's confirmation keeps an offset from the system clock (confirmed time minus system
   time), journaled with both times. It holds while the system clock runs on as it ran then,
   checked against the monotonic clock (which nobody sets). It ends by itself when the system
   clock is right again (within ``TOLERANCE`` of the confirmed time plus the time since), and
   is asked for again when the system clock was changed otherwise or the machine restarted
   (``ClockUnconfirmed``): the counter never guesses.
3. A confirmed time before the floor is refused (``TimeBeforeRecord``): if the real time truly
   is before the last record, the till stays refused.
4. Unless a manager declares that the records were stamped ahead (the PC's clock ran fast when
   they were made and has been set right since): then the real time is journaled as a
   declared step back (``declare_ahead``), the records already signed stay as they are, and
   the floor is the declaration's time from then on.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from pos.clock import OSLO
from pos.errors import DomainError

SLACK = timedelta(minutes=2)
TOLERANCE = timedelta(minutes=2)


def shown(moment: datetime) -> str:
    """A moment as people at the counter read it: Oslo time, ``06.12.2026 10:00:00``."""
    return moment.astimezone(OSLO).strftime("%d.%m.%Y %H:%M:%S")


class ClockBehind(DomainError):
    code = "clock_behind"
    nb = (
        "Klokken på kassen ({now}) er før siste registrering i journalen ({last}). Enten går "
        "PC-klokken for sakte nå, eller den gikk for fort da de siste registreringene ble gjort. "
        "Ingenting kan registreres før en leder bekrefter riktig tid (eller erklærer at "
        "registreringene ble stemplet for langt fram), eller PC-klokken rettes."
    )
    en = (
        "The till's clock ({now}) is before the last record in the journal ({last}). Either the "
        "PC's clock is slow now, or it was fast when the last records were made. Nothing can "
        "be recorded until a manager confirms the right time (or declares that the records were "
        "stamped ahead), or the PC's clock is corrected."
    )


class ClockUnconfirmed(DomainError):
    code = "clock_unconfirmed"
    nb = (
        "PC-klokken var feil og ble rettet av en leder ({confirmed}), men klokken er endret eller "
        "maskinen startet på nytt siden. En leder må bekrefte riktig tid igjen (PC-klokken viser "
        "nå {now})."
    )
    en = (
        "The PC's clock was wrong and a manager confirmed the time ({confirmed}), but the clock "
        "was changed or the machine restarted since. A manager must confirm the right time "
        "again (the PC's clock now shows {now})."
    )


class TimeBeforeRecord(DomainError):
    code = "time_before_record"
    nb = (
        "Tiden {value} er før siste registrering i journalen ({last}). Gikk PC-klokken for fort "
        "da de siste registreringene ble gjort, må en leder erklære at de ble stemplet for langt "
        "fram (de blir stående som de er, og kassen går videre fra riktig tid). Ellers forblir "
        "kassen stengt til tiden er passert."
    )
    en = (
        "The time {value} is before the last record in the journal ({last}). If the PC's clock "
        "was fast when the last records were made, a manager must declare that they were "
        "stamped ahead (they stay as they are, and the till goes on from the real time). "
        "Otherwise the till stays closed until that time has passed."
    )


class RecordsNotAhead(DomainError):
    code = "records_not_ahead"
    nb = (
        "Siste registrering i journalen ({last}) er ikke etter tiden {value}, så ingenting ble "
        "stemplet for langt fram. Bekreft tiden i stedet."
    )
    en = (
        "The last record in the journal ({last}) is not after the time {value}, so nothing was "
        "stamped ahead. Confirm the time instead."
    )


@dataclass(frozen=True)
class Reading:
    """What the machine says now: the system clock (may be wrong) and the monotonic clock."""

    system: datetime
    monotonic: float


@dataclass(frozen=True)
class Confirmation:
    """A manager's confirmed real time, kept as an offset from the system clock."""

    offset: timedelta
    confirmed: datetime
    monotonic: float

    def to_json(self) -> str:
        return json.dumps(
            {
                "offset_ms": int(self.offset / timedelta(milliseconds=1)),
                "confirmed": self.confirmed.astimezone(UTC).isoformat(),
                "monotonic": self.monotonic,
            }
        )

    @staticmethod
    def from_json(text: str | None) -> Confirmation | None:
        if not text:
            return None
        data = json.loads(text)
        return Confirmation(
            timedelta(milliseconds=int(data["offset_ms"])),
            datetime.fromisoformat(data["confirmed"]),
            float(data["monotonic"]),
        )


@dataclass(frozen=True)
class RecordTime:
    moment: datetime
    """The time to record."""
    offset: timedelta | None
    """The confirmed offset in use, or None when the system clock is used as it is."""
    offset_ended: bool = False
    """A confirmation exists and the system clock is right again: it can be ended."""


def suggested_time(system: datetime, floor: datetime | None) -> datetime:
    """The time a manager is offered to confirm, to the minute: the PC's own time, or a minute
    after the last record when that is later, so the offer itself is never refused (never the
    PC's time plus an old correction: that may be the very error being confirmed away)."""
    later = system if floor is None else max(system, floor + timedelta(minutes=1))
    return later.replace(second=0, microsecond=0)


def confirm(reading: Reading, real_now: datetime, floor: datetime | None) -> Confirmation | None:
    """What a manager's confirmed real time becomes: an offset, or None when the system clock
    is right (within TOLERANCE). Refused when the time is before the last record."""
    if floor is not None and real_now < floor:
        raise TimeBeforeRecord(shown(real_now), last=shown(floor))
    offset = real_now - reading.system
    if abs(offset) <= TOLERANCE:
        return None
    return Confirmation(offset, real_now, reading.monotonic)


def declare_ahead(
    reading: Reading, real_now: datetime, floor: datetime | None
) -> Confirmation | None:
    """A manager's declaration that the records up to ``floor`` were stamped ahead and the real
    time is ``real_now`` (rule 4): refused when nothing is after it. What it keeps, as
    ``confirm``: an offset when the PC's clock is still wrong, else None."""
    if floor is None or real_now >= floor:
        last = shown(floor) if floor is not None else "-"
        raise RecordsNotAhead(shown(real_now), last=last)
    return confirm(reading, real_now, None)


def record_time(
    reading: Reading, floor: datetime | None, confirmation: Confirmation | None
) -> RecordTime:
    """The time the next record gets, or the reason there is none (rules 1 and 2)."""
    moment, offset, ended = reading.system, None, False
    if confirmation is not None:
        elapsed = reading.monotonic - confirmation.monotonic
        real = confirmation.confirmed + timedelta(seconds=elapsed)
        if elapsed < 0:
            raise ClockUnconfirmed(confirmed=shown(confirmation.confirmed), now=shown(moment))
        if abs(reading.system - real) <= TOLERANCE:
            ended = True
        elif abs(reading.system + confirmation.offset - real) <= TOLERANCE:
            offset = confirmation.offset
            moment = reading.system + offset
        else:
            raise ClockUnconfirmed(confirmed=shown(confirmation.confirmed), now=shown(moment))
    if floor is not None and moment < floor:
        if floor - moment > SLACK:
            raise ClockBehind(now=shown(moment), last=shown(floor))
        moment = floor
    return RecordTime(moment, offset, ended)
