"""What the status strip, the login screen and the clock banner show, read in one go on the
database thread (every 15 seconds, after each sale, at log-in and out), so the GUI thread never
waits on the store for it."""

from __future__ import annotations

from dataclasses import dataclass

from pos.services.legal_time import ClockState
from pos.services.overview import CounterOverview
from pos.services.sync_state import SyncStatus, sync_status
from ui.receipt_output import PrinterState
from ui.till_session import TillSession


@dataclass(frozen=True)
class StatusReading:
    clock: ClockState | None
    overview: CounterOverview
    sync: SyncStatus
    printer: PrinterState
    damage: str | None = None
    """SQLite's words for damage found in the store while the till runs (None: none)."""


def read_status(session: TillSession) -> StatusReading:
    """Runs on the database thread: reads only, touches no widget."""
    return StatusReading(
        clock=session.clock_state(),
        overview=session.overview(),
        sync=sync_status(session.uow),
        printer=session.output.printer_state(),
        damage=session.uow.damage(),
    )
