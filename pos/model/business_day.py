"""The business day a record belongs to (docs/core.md, "Business days").

A registration is dated by its Oslo calendar date, but the day's own records are filed under
the business day still open: the oldest day with use that no Z has closed yet, else today. So a
Z taken after midnight closes yesterday, and the till close (blind count and terminal check)
made after midnight counts yesterday's drawer and goes on yesterday's day-end. A close never
goes to a day before its till session began: a till opened today with yesterday's Z forgotten
counts today's drawer.

Which days have use follows the same rule: a till close (and the note on its variance) is use
of the business day it counted, not of the calendar day it was made on, so a close at 00:10
that counts yesterday does not make today a day with use that needs its own Z."""

from __future__ import annotations

from collections.abc import Iterable


def business_day(today: str, still_open: Iterable[str], *, not_before: str | None = None) -> str:
    """``today`` and each day still open as ISO dates (``2026-12-01``); ``not_before`` is the
    first day the record can belong to (the day its till session began)."""
    day = min((d for d in still_open if d <= today), default=today)
    if not_before is not None:
        day = max(day, min(not_before, today))
    return day
