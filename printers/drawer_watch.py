"""After the drawer is kicked open, ask the printer until it reports the drawer open and then
closed, and journal the closing (13006). A plain thread, like the print worker, so the cashier
never waits for it.

Nothing is journaled on a guess: a printer that cannot report the drawer (no answer to DLE EOT,
offline, ``?drawer=none``) ends the watch, and so does a drawer never seen open (a sensor wired
the other way round, see ``printers.transports``), logged for whoever sets the printer up.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from enum import StrEnum

from pos.clock import Clock, Stamp, SystemClock
from pos.services import till
from pos.unit_of_work import UnitOfWorkFactory
from printers.transports import Transport

log = logging.getLogger(__name__)


class Watched(StrEnum):
    CLOSED = "closed"
    """Seen open, then closed: 13006 journaled."""
    CANNOT_TELL = "cannot_tell"
    NEVER_OPEN = "never_open"
    GAVE_UP = "gave_up"
    STOPPED = "stopped"


class DrawerWatch:
    def __init__(
        self,
        uow_factory: UnitOfWorkFactory,
        register_id: str,
        transport: Transport,
        *,
        clock: Clock | None = None,
        poll_s: float = 0.3,
        open_within_s: float = 5.0,
        give_up_s: float = 4 * 3600.0,
        on_closed: Callable[[], None] | None = None,
    ) -> None:
        self.uow = uow_factory
        self.register_id = register_id
        self.transport = transport
        self.clock = clock or SystemClock()
        self.poll_s, self.open_within_s, self.give_up_s = poll_s, open_within_s, give_up_s
        self.on_closed = on_closed
        self._kicked = threading.Event()
        self._stop = threading.Event()
        self._job_id = ""
        self._thread: threading.Thread | None = None

    def kicked(self, job_id: str) -> None:
        """A kick reached the printer: watch the drawer (in the background)."""
        self._job_id = job_id
        self._kicked.set()
        if self._thread is None or not self._thread.is_alive():
            self._thread = threading.Thread(
                target=self._loop, name=f"drawer-watch-{self.register_id}", daemon=True
            )
            self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        self._kicked.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def _loop(self) -> None:
        while not self._stop.is_set():
            self._kicked.wait()
            self._kicked.clear()
            if self._stop.is_set():
                return
            try:
                self.watch(self._job_id)
            except Exception:  # a broken store must not end the watching for good
                log.exception("drawer watch %s", self.register_id)

    def watch(self, job_id: str) -> Watched:
        """Ask until the drawer is seen open and then closed (journaled), or give up."""
        started = time.monotonic()
        seen_open = False
        while not self._stop.is_set():
            state = self.transport.status().drawer
            waited = time.monotonic() - started
            if state is None:
                return Watched.CANNOT_TELL
            if state == "open":
                seen_open = True
            elif seen_open:
                stamp = Stamp.of(self.clock.now())
                details = {"job": job_id, "open_seconds": round(waited)}
                till.record_drawer_closed(self.uow, self.register_id, stamp, details)
                if self.on_closed is not None:
                    self.on_closed()
                return Watched.CLOSED
            elif waited > self.open_within_s:
                log.warning("drawer never reported open after a kick (%s)", self.transport.url)
                return Watched.NEVER_OPEN
            if waited > self.give_up_s:
                return Watched.GAVE_UP
            self._stop.wait(self.poll_s)
        return Watched.STOPPED
