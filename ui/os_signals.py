"""The operating system asking the counter to stop (SIGTERM at shutdown, SIGHUP when the desktop
session ends, Ctrl+C in a terminal) ends it the way closing the window does: the event loop
returns and ``run_window`` logs out, stops printing and sync and journals the stop.

Python runs signal handlers only between bytecodes, never while Qt's loop waits in C++, so the
C-level handler's wake-up byte (``signal.set_wakeup_fd``) goes to a socket Qt watches. A signal
that arrives before the loop runs is taken as soon as it does."""

from __future__ import annotations

import logging
import signal
import socket
from collections.abc import Iterable
from types import FrameType

from PySide6.QtCore import QObject, QSocketNotifier, Signal

log = logging.getLogger(__name__)


def stop_signals() -> tuple[signal.Signals, ...]:
    """The signals that mean "stop" on this platform."""
    names = ("SIGTERM", "SIGINT", "SIGHUP")
    return tuple(getattr(signal, name) for name in names if hasattr(signal, name))


def _noted(_number: int, _frame: FrameType | None) -> None:
    """The work is done by the wake-up byte; a Python handler must exist so the default action
    (end the process at once) does not run."""


class StopRequestWatch(QObject):
    """Emits ``stop_requested`` on the GUI thread when one of ``signals`` arrives."""

    stop_requested = Signal(str)
    """The OS asked the counter to stop: (the signal's name)."""

    def __init__(
        self, signals: Iterable[signal.Signals] | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.requested: str | None = None
        """The signal that asked the counter to stop, once one has."""
        self._watched = {int(s) for s in (stop_signals() if signals is None else signals)}
        self._reader, self._writer = socket.socketpair()
        self._reader.setblocking(False)
        self._writer.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno(), warn_on_full_buffer=False)
        self._previous = {n: signal.signal(n, _noted) for n in self._watched}
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._woken)

    def _woken(self) -> None:
        try:
            arrived = self._reader.recv(64)
        except (BlockingIOError, InterruptedError):
            return
        for number in dict.fromkeys(arrived):  # SIGTERM twice is one request
            if number in self._watched:
                name = signal.Signals(number).name
                log.info("%s received: closing the counter", name)
                self.requested = name
                self.stop_requested.emit(name)

    def close(self) -> None:
        """Give the signals back to what handled them before (the counter is closing)."""
        self._notifier.setEnabled(False)
        for number, previous in self._previous.items():
            signal.signal(number, signal.SIG_DFL if previous is None else previous)
        signal.set_wakeup_fd(self._previous_fd)
        self._reader.close()
        self._writer.close()
