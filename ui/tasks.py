"""Running slow work (PIN hashing, recording a sale, searching) off the GUI thread.

A plain callable runs on a QThreadPool; its result or DomainError comes back to the GUI thread as
a queued signal. Workers never touch widgets. Database work goes to one single-thread pool so
units of work stay serial; tests inject ``ImmediatePool`` to run everything in line.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)


class Pool(Protocol):
    def start(self, runnable: QRunnable) -> None: ...


class ImmediatePool:
    """Runs each task at once on the calling thread (tests; Picard's FakeThreadPool)."""

    def start(self, runnable: QRunnable) -> None:
        runnable.run()


def database_pool() -> QThreadPool:
    pool = QThreadPool()
    pool.setMaxThreadCount(1)
    return pool


class _Relay(QObject):
    """Lives on the GUI thread and is the receiver of its own signals, so a worker's emit is
    queued to the GUI thread (a plain function as receiver would run on the worker)."""

    finished = Signal(object)
    """The task returned: (its result)."""
    failed = Signal(object)
    """The task raised: (the exception)."""

    def __init__(self, on_done: Callable[[Any], None], on_error: Callable[[Any], None]) -> None:
        super().__init__()
        self._on_done = on_done
        self._on_error = on_error
        self.finished.connect(self._deliver_done)
        self.failed.connect(self._deliver_error)

    @Slot(object)
    def _deliver_done(self, result: Any) -> None:
        self._on_done(result)

    @Slot(object)
    def _deliver_error(self, error: Any) -> None:
        self._on_error(error)


class _Task(QRunnable):
    def __init__(self, work: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._work = work
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._work()
        except Exception as error:  # noqa: BLE001 - handed to the GUI thread to be shown
            self._relay.failed.emit(error)
            return
        self._relay.finished.emit(result)


class TaskRunner(QObject):
    """``run(work, on_done, on_error)``: work in the pool, callbacks on the GUI thread."""

    busy_changed = Signal(bool)
    """Whether any task is running now: (busy)."""

    def __init__(self, pool: Pool | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool: Pool = pool if pool is not None else database_pool()
        self._running: set[_Relay] = set()
        self._background: set[_Relay] = set()

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def run(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[Exception], None],
        *,
        background: bool = False,
    ) -> None:
        """``background``: work nobody pressed for (the status poll). It queues on the same
        pool but does not make the runner busy, so it never holds back a press that checks
        ``busy`` against a double submit."""

        def done(result: Any) -> None:
            self._forget(relay)
            on_done(result)

        def failed(error: Exception) -> None:
            self._forget(relay)
            if not hasattr(error, "message"):
                log.error("background task failed", exc_info=error)
            on_error(error)

        relay = _Relay(done, failed)
        if background:
            self._background.add(relay)
        else:
            self._running.add(relay)
            if len(self._running) == 1:
                self.busy_changed.emit(True)
        self._pool.start(_Task(work, relay))

    def wait_until_idle(self, timeout_ms: int = 60_000) -> None:
        """At shutdown: let running work (a backup, a checkpoint) finish before the store it
        uses is closed and before Qt goes away under it."""
        if isinstance(self._pool, QThreadPool):
            self._pool.waitForDone(timeout_ms)

    def _forget(self, relay: _Relay) -> None:
        if relay in self._background:
            self._background.discard(relay)
            return
        self._running.discard(relay)
        if not self._running:
            self.busy_changed.emit(False)
