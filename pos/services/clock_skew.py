"""How far the time this counter records with is from the central server's: shown in the
status strip and on the sync page when over two minutes, and used by the repair tickets'
hybrid logical clock (``ticket_clock``) so a counter whose clock is wrong still stamps its
edits with the server's time.

The last sync's reading (``pos.model.clock_skew``) is against the PC's clock; a confirmed
offset (``legal_time``: a manager confirmed the real time) moves the counter's clock from the
PC's, so it is taken off again.
"""

from __future__ import annotations

import time
from datetime import timedelta

from pos.model.clock_skew import SkewReading
from pos.model.legal_time import Confirmation
from pos.services.legal_time import CONFIRMATION_META
from pos.unit_of_work import UnitOfWork, UnitOfWorkFactory

READING_META = "sync_clock_reading"


def measured(offset_ms: int) -> SkewReading:
    """A reading taken now: the server's time minus this PC's clock is ``offset_ms``."""
    return SkewReading(offset_ms, int(time.time() * 1000), time.monotonic())


def offset_ms(uow: UnitOfWork) -> int | None:
    """The server's time minus this counter's clock, while the last reading holds (None when
    never measured, or the PC's clock has been set or the PC restarted since)."""
    reading = SkewReading.from_json(uow.sync.meta(READING_META))
    if reading is None:
        return None
    found = reading.offset_now(int(time.time() * 1000), time.monotonic())
    if found is None:
        return None
    confirmation = Confirmation.from_json(uow.meta.get_meta(CONFIRMATION_META))
    if confirmation is not None:
        found -= int(confirmation.offset / timedelta(milliseconds=1))
    return found


def clock_offset_ms(uow_factory: UnitOfWorkFactory) -> int | None:
    with uow_factory.read() as uow:
        return offset_ms(uow)
