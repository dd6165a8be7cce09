"""Time at the counter: stored in UTC, shown and signed in Norwegian local time (DST included)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

OSLO = ZoneInfo("Europe/Oslo")


class Clock(Protocol):
    def now(self) -> datetime:
        """An aware datetime."""
        ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


class LogTime:
    """The seconds to add to the PC's time when stamping a support-log line: the correction a
    manager confirmed while it is in use (the counter's clock sets it each time it reads the
    time), so a log line carries the time the records and receipts carry."""

    offset_seconds: float = 0.0

    @classmethod
    def follow(cls, offset: timedelta | None) -> None:
        cls.offset_seconds = offset.total_seconds() if offset is not None else 0.0


@dataclass
class SteppingClock:
    """A clock that moves only when told to: for simulations and tests."""

    current: datetime

    def now(self) -> datetime:
        return self.current

    def advance(self, **kwargs: float) -> None:
        self.current += timedelta(**kwargs)


@dataclass(frozen=True)
class Stamp:
    """One instant in the forms the till needs."""

    utc_iso: str
    local_date: str
    local_time: str

    @staticmethod
    def of(moment: datetime) -> Stamp:
        utc = moment.astimezone(UTC)
        local = moment.astimezone(OSLO)
        return Stamp(
            utc_iso=utc.isoformat(timespec="milliseconds").replace("+00:00", "Z"),
            local_date=local.strftime("%Y-%m-%d"),
            local_time=local.strftime("%H:%M:%S"),
        )


def local_text(utc_iso: str, pattern: str = "%Y-%m-%d %H:%M") -> str:
    """A stored UTC time as the screens show it: Norwegian local time."""
    if not utc_iso:
        return ""
    return datetime.fromisoformat(utc_iso.replace("Z", "+00:00")).astimezone(OSLO).strftime(pattern)


def wall_clock_now() -> datetime:
    """Now as a naive Norwegian wall-clock time, for the times in file names (backups, label
    sheets): they read like the screens whatever time zone the PC is set to."""
    return datetime.now(OSLO).replace(tzinfo=None)
