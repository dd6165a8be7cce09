"""Benchmarks: each module has ``run() -> list[Figure]``; ``python -m bench [NAME...]`` prints them.

Figures are compared with goals and with a baseline measured in the same run; nothing here is a
pass/fail test.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass


@dataclass(frozen=True)
class Figure:
    name: str
    value: float
    unit: str
    goal: str = ""
    """Human-readable goal, e.g. '<= 5 ms'."""
    met: bool | None = None
    baseline: float | None = None
    """The same-run baseline this figure is compared with (same unit)."""

    @property
    def ratio(self) -> float | None:
        if not self.baseline:
            return None
        return self.value / self.baseline


def percentile(samples: list[float], pct: float) -> float:
    ordered = sorted(samples)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(pct / 100 * (len(ordered) - 1))))
    return ordered[index]


def median(samples: list[float]) -> float:
    return statistics.median(samples)
