"""Starting the counter with its login painted first, then the store opened behind it.

The login (``EarlyLogin``) is shown before anything of the store is loaded; once it has been
painted, the store is opened on the database thread (SQLAlchemy imported, the lock taken, the
files and pages checked, the schema migrated, the high-water mark brought into step). Then the
counter window is built on it (``ui.app.CounterStart``: the start journaled, printing, sync and
the scanners) and every key typed meanwhile is handed to it in order (``KeyHandover``). Nothing
is checked, sold or journaled before the store is open and checked. A damaged store is offered
for restore as before (the early login hidden meanwhile); a store that cannot be opened for
another reason a person can act on is said in a dialog (exit 2).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from pos.errors import DomainError, StoreDamaged
from ui.early_login import EarlyLogin
from ui.key_handover import KeyHandover
from ui.qt_start import GuiOptions, QtRun, show_error
from ui.tasks import TaskRunner
from ui.window_placement import bring_to_front, fill_screen

if TYPE_CHECKING:
    from pos.counter import Counter
    from ui.app import CounterParts, CounterStart

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Opened:
    """The store opened for this run, and what the window is built on (``cli.bootstrap``)."""

    counter: Counter
    make_parts: Callable[[], CounterParts]
    close: Callable[[], None]


class LoginFirst(QObject):
    """The start as a sequence of events, without the event loop (``run_login_first`` runs it;
    tests drive this very object): ``show()``, the store opened after the first paint, then
    ``started`` holds the counter window's start; ``stop()`` after the loop."""

    ended = Signal(int)
    """The start ends here, the store not opened: (the exit code; the event loop ends)."""
    slow_step = Signal(str)
    """Said by the store as it opens (a migration's long step, how far it is): (the text)."""

    def __init__(
        self,
        open_store: Callable[[Callable[[str], None]], Opened],
        tasks: TaskRunner,
        options: GuiOptions,
        offer_restore: Callable[[StoreDamaged], bool],
        *,
        login: bool = True,
        names: tuple[str, str] | None = None,
    ) -> None:
        super().__init__()
        self._open_store, self.tasks, self.options = open_store, tasks, options
        self.offer_restore = offer_restore
        self.early = EarlyLogin(login=login, names=names)
        self.early.first_painted.connect(self.open_store)
        self.slow_step.connect(self.early.show_preparing)  # queued: emitted on the worker
        self.handover: KeyHandover | None = None
        self.opened: Opened | None = None
        self.started: CounterStart | None = None
        self.window: QWidget | None = None
        """The counter window (or the first-run set-up) once the store is open."""
        self.exit_code: int | None = None
        """Set when the start ends here: the store was not opened (2) or opening failed (1)."""
        self.failure: Exception | None = None
        """An unexpected error while opening, raised again once the loop has ended."""

    def show(self) -> EarlyLogin:
        fill_screen(self.early)
        self.early.show()
        bring_to_front(self.early)
        self.handover = KeyHandover(self.early, echo=True)
        return self.early

    def open_store(self) -> None:
        """On the database thread: the window stays painted, and takes keys, meanwhile."""
        if self.opened is not None or self.exit_code is not None:
            return
        self.early.opening()
        self.tasks.run(self._open, self._store_open, self._not_opened)

    def _open(self) -> Opened:
        opened = self._open_store(self.slow_step.emit)
        self.opened = opened  # also when the loop ends before it is delivered: closed by stop
        return opened

    def _store_open(self, opened: Opened) -> None:
        from ui.app import CounterStart  # the store's modules: loaded by now on the worker

        self.early.opened()
        self.started = CounterStart(opened.counter, opened.make_parts, self.tasks, self.options)
        try:
            self.window = window = self.started.start()
        except Exception as error:  # noqa: BLE001 - said or raised again, as opening's are
            self._undo_start(opened)
            self._not_opened(error)
            return
        held = len(self.handover.held) if self.handover is not None else 0
        if self.handover is not None:
            self.handover.to(window)  # the early login closes once this one has the keyboard
        bring_to_front(window)
        painted = self.early.painted_at
        log.info(
            "the store opened %.0f ms after the login was painted; %d key events typed "
            "meanwhile handed to the counter window",
            (time.perf_counter() - painted) * 1000 if painted is not None else -1,
            held,
        )

    def _undo_start(self, opened: Opened) -> None:
        """The window could not be built on the open store: what was started is stopped and
        the store closed (unlocked), so that a restore can replace it."""
        started, self.started = self.started, None
        try:
            if started is not None:
                started.stop()
        except Exception:  # noqa: BLE001 - the store is closed whatever the stop met
            log.exception("the counter's start could not be undone in full")
        finally:
            opened.close()
            self.opened = None

    def _not_opened(self, error: Exception) -> None:
        self.early.opened()
        if self.handover is not None:
            self.handover.end()  # keys typed from now go to what is shown next
            self.handover = None
        if isinstance(error, StoreDamaged):
            self.early.hide()
            if self.offer_restore(error):
                self.show()
                self.open_store()
                return
            self._end(2)
        elif isinstance(error, DomainError):
            self.early.hide()
            show_error(error, self.options.lang)
            self._end(2)
        else:
            self.failure = error
            self._end(1)

    def _end(self, code: int) -> None:
        self.exit_code = code
        self.early.close()
        self.ended.emit(code)

    def stop(self) -> None:
        """After the event loop: the counter window's stop (logged out, the stop journaled),
        then the store closed, also one opened after the loop ended."""
        self.tasks.wait_until_idle()
        if self.started is not None:
            self.started.stop()
        if self.handover is not None:
            self.handover.end()
        if self.opened is not None:
            self.opened.close()
            self.opened = None


def run_login_first(
    qt: QtRun,
    open_store: Callable[[Callable[[str], None]], Opened],
    tasks: TaskRunner,
    options: GuiOptions,
    offer_restore: Callable[[StoreDamaged], bool],
    *,
    login: bool = True,
    names: tuple[str, str] | None = None,
) -> int:
    """The login painted, the store opened behind it, the counter run until it is closed.
    ``open_store`` is given where to say a slow step of opening (from the worker thread)."""
    start = LoginFirst(open_store, tasks, options, offer_restore, login=login, names=names)
    start.ended.connect(qt.app.exit)
    start.show()
    code = 0 if qt.stop_watch.requested else qt.app.exec()  # a stop asked for while starting
    start.stop()
    if start.failure is not None:
        raise start.failure
    return start.exit_code if start.exit_code is not None else code
