"""The background sync loop: one cycle at a time, on a timer, right away when kicked after a
sale, with full-jitter backoff after failures. Plain ``threading``: the GUI starts it, kicks it
and reads ``pos.services.sync_state.sync_status`` to show online/offline and the unsynced count.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from sync.backoff import Backoff
from sync.cycle import CycleReport
from sync.http import ServerError, SyncError

log = logging.getLogger(__name__)


class SyncWorker:
    def __init__(
        self,
        run_cycle: Callable[[], CycleReport],
        *,
        interval_s: float = 20.0,
        backoff: Backoff | None = None,
    ) -> None:
        self.run_cycle = run_cycle
        self.interval_s = interval_s
        self.backoff = backoff or Backoff()
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.last_report: CycleReport | None = None
        self.last_error = ""

    def start(self) -> threading.Thread:
        self._thread = threading.Thread(target=self.run, name="sync", daemon=True)
        self._thread.start()
        return self._thread

    def kick(self) -> None:
        """Sync now (after a sale); never blocks the caller."""
        self._wake.set()

    def stop(self, timeout_s: float = 5.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout_s)

    def run(self) -> None:
        delay = 0.0
        while not self._stop.is_set():
            self._wake.wait(delay)
            self._wake.clear()
            if self._stop.is_set():
                return
            delay = self.run_once()

    def run_once(self) -> float:
        """One cycle; returns how long to wait before the next."""
        try:
            report = self.last_report = self.run_cycle()
        except ServerError as error:
            return self._failed(error.reason, self.backoff.next_delay(error.retry_after_s))
        except SyncError as error:
            return self._failed(error.reason, self.backoff.next_delay())
        except Exception as error:  # a bug must not kill the loop; the queue is safe on disk
            log.exception("sync cycle failed")
            self.last_error = str(error)
            return self.backoff.next_delay()
        if self.last_error:
            log.info("sync works again: %s", report.summary())
        elif report.flagged or report.rejected or report.refused:
            log.warning("sync had problems: %s", report.summary())
        self.last_error = ""
        self.backoff.reset()
        return self.interval_s

    def _failed(self, reason: str, delay: float) -> float:
        """Log a sync problem once when it starts or changes, not at every retry while the
        counter is offline for hours."""
        if reason != self.last_error:
            log.warning("sync failed (trying again in %.0f s): %s", delay, reason)
        self.last_error = reason
        return delay
