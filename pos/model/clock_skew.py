"""How far this counter's clock is from the central server's, as the last sync measured it.

A sync cycle reads the server's time and keeps the offset (server minus this PC's clock) with
the PC's wall and monotonic clocks at that moment. The reading holds only while the PC's clock
runs as it did then: once its wall clock has been set (its time moved otherwise than its
monotonic clock) or the PC restarted, the offset is unknown until the next sync.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

SKEW_LIMIT_MS = 120_000
"""Over two minutes apart, the counter says so (status strip, sync page) and its hybrid
logical clock counts from the server's time instead."""
CHANGED_MS = 60_000
"""A wall clock that moved this much more or less than the monotonic clock has been set."""


@dataclass(frozen=True)
class SkewReading:
    offset_ms: int
    """The server's time minus this PC's clock when measured (positive: the PC is behind)."""
    wall_ms: int
    """The PC's wall clock then (milliseconds since the epoch)."""
    monotonic_s: float
    """The PC's monotonic clock then."""

    def to_json(self) -> str:
        return json.dumps({"offset_ms": self.offset_ms, "wall_ms": self.wall_ms,
                           "monotonic_s": self.monotonic_s})  # fmt: skip

    @staticmethod
    def from_json(text: str | None) -> SkewReading | None:
        try:
            data = json.loads(text or "")
            return SkewReading(int(data["offset_ms"]), int(data["wall_ms"]),
                               float(data["monotonic_s"]))  # fmt: skip
        except (ValueError, KeyError, TypeError):
            return None

    def offset_now(self, wall_ms: int, monotonic_s: float) -> int | None:
        """The offset if the PC's clock runs as it did when measured, else None."""
        elapsed_s = monotonic_s - self.monotonic_s
        if elapsed_s < 0:  # the PC restarted since
            return None
        moved = (wall_ms - self.wall_ms) - elapsed_s * 1000
        return self.offset_ms if abs(moved) <= CHANGED_MS else None


def skewed(offset_ms: int | None) -> bool:
    return offset_ms is not None and abs(offset_ms) > SKEW_LIMIT_MS


def skew_span(ms: int) -> tuple[int, str]:
    """How far a clock is off, in the unit people read it in: under two hours in minutes,
    under two days in hours, else days; ``(n, "minutes" | "hours" | "days")``. The status
    strip and the command line both say it by this rule."""
    minutes = round(abs(ms) / 60_000)
    if minutes < 120:
        return minutes, "minutes"
    if minutes < 48 * 60:
        return round(minutes / 60), "hours"
    return round(minutes / 1440), "days"
