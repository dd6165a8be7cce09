"""Dates in the address: a period ``from``–``to``, today in Oslo by default, at most
``MAX_DAYS`` long for the pages that sum it (the receipts are paged, the SAF-T file is
streamed); anything else is a clear page, not an error trace.

A date is typed as the page's language writes it (bokmål ``07.12.2026``, English the ISO
``2026-12-07``) into a plain text field: a browser's own date field shows the browser's
language, not the page's. Either way of writing is read, whatever the page's language."""

from __future__ import annotations

import re
from datetime import date, datetime

from pos.clock import OSLO
from server.web.errors import WebError
from server.web.figures import Period

MAX_DAYS = 366


def today() -> str:
    return datetime.now(OSLO).date().isoformat()


_NORWEGIAN = re.compile(r"(\d{1,2})[./](\d{1,2})[./](\d{4})")


def parse_day(text: str, name: str) -> str:
    """``2026-12-07`` or ``7.12.2026`` (also with slashes) as an ISO date."""
    try:
        found = _NORWEGIAN.fullmatch(text.strip())
        if found:
            day, month, year = (int(part) for part in found.groups())
            return date(year, month, day).isoformat()
        return date.fromisoformat(text.strip()).isoformat()
    except ValueError:
        raise WebError(
            400, "Ugyldig verdi", "Noe i adressen kan ikke leses: {what}.", what=name
        ) from None


def period(start: str | None, end: str | None, max_days: int = MAX_DAYS) -> Period:
    first = parse_day(start, "from") if start else today()
    last = parse_day(end, "to") if end else first
    if first > last:
        raise WebError(400, "Ugyldig verdi", "Fra-datoen er etter til-datoen.")
    if (date.fromisoformat(last) - date.fromisoformat(first)).days + 1 > max_days:
        raise WebError(
            400, "Perioden er for lang", "Velg en periode på høyst {n} dager.", n=max_days
        )
    return Period(first, last)


def this_month() -> Period:
    now = datetime.now(OSLO).date()
    return Period(now.replace(day=1).isoformat(), now.isoformat())
