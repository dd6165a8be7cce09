"""The composition root: everything a run of the counter needs, built once from its settings.

The command line and the window both start here, so they open the data directory, name the
register, build the printing and the sync client and authenticate staff in one way. Modules are
imported when first needed: the login screen must not wait for printing, HTTP or cryptography.
"""

from __future__ import annotations

import getpass
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from pos import __version__
from pos.adapters.slow_steps import SlowStep
from pos.errors import StoreDamaged

if TYPE_CHECKING:
    from pos.counter import Counter
    from pos.services.context import TillContext
    from pos.services.legal_time import CounterClock
    from pos.signing import Signer
    from pos.unit_of_work import UnitOfWorkFactory
    from printers.printing import Printing
    from sync.cycle import SyncCycle
    from sync.worker import SyncWorker
    from ui.app import CounterParts
    from ui.tasks import TaskRunner

VERSION = __version__


@dataclass(frozen=True)
class Settings:
    """What the person chose for this run (the global options of the command line)."""

    data_dir: Path
    lang: str = "nb"
    printer_url: str | None = None
    """``--printer``: every document of this run to that transport instead of the register's."""
    scanner_url: str | None = None
    """``--scanner``: a serial barcode scanner as a pyserial URL."""
    version: str = VERSION


OfferRestore = Callable[[StoreDamaged], bool]
"""Asked when the store is damaged: True once a backup is in place (a manager approved the
restore, ``pos/services/restore.py``), so the store is opened again."""


@dataclass
class CounterApp:
    """One opened counter and the collaborators built on it, each made at most once."""

    settings: Settings
    counter: Counter
    _register_id: str | None = field(default=None, repr=False)

    @property
    def uow(self) -> UnitOfWorkFactory:
        return self.counter.uow

    @property
    def data_dir(self) -> Path:
        return self.counter.data_dir

    @property
    def register_id(self) -> str:
        if self._register_id is None:
            self._register_id = self.counter.register_id()
        return self._register_id

    def signer(self) -> Signer:
        """The signing key the store names, loaded now (the window wraps it to load lazily)."""
        return self.counter.signer()

    @cached_property
    def printing(self) -> Printing:
        """This register's printing; with ``--printer`` every document goes to that URL."""
        from printers.printing import Printing

        return Printing(self.uow, self.register_id, override_url=self.settings.printer_url)

    def sync_cycle(self) -> SyncCycle:
        """One push-then-pull against the central server this counter is enrolled with."""
        from sync.cycle import SyncCycle

        return SyncCycle(self.uow, app_version=self.settings.version, keys=self.counter.keys)

    def sync_worker(self) -> SyncWorker | None:
        """The background sync loop (not started), when this counter is enrolled."""
        from pos.services.sync_state import enrolment

        if enrolment(self.uow) is None:
            return None
        from sync.worker import SyncWorker

        return SyncWorker(lambda: self.sync_cycle().run())

    def staff_context(
        self, staff: str, pin: str | None, register: str | None = None
    ) -> TillContext:
        """The person with this staff number (PIN asked for when not given) at a register
        (default: this counter's), recording with the counter's clock: nothing is recorded
        while it is behind the journal (``confirm-time``)."""
        from pos.services import auth
        from pos.services.context import TillContext

        operator = auth.authenticate(
            self.uow, staff, pin if pin is not None else getpass.getpass("PIN: ")
        )
        register = register or self.register_id
        return TillContext(register, operator, self.signer(), self.clock(register))

    def clock(self, register: str | None = None) -> CounterClock:
        """The counter's clock for the legal record; ends a confirmed offset (journaled) when
        the PC's clock is right again."""
        from pos.services.legal_time import CounterClock, clock_state

        clock = CounterClock(self.uow, register or self.register_id)
        clock_state(self.uow, clock)
        return clock

    def window_parts(self, tasks: TaskRunner) -> CounterParts:
        """What the counter window is built on (after a first-run set-up, if there was one)."""
        from ui.app import CounterParts

        worker = self.sync_worker()
        return CounterParts(
            self.counter, self.register_id, self.printing, worker, tasks, self.sync_worker
        )

    def close(self) -> None:
        self.counter.close()


def open_app(
    settings: Settings,
    offer_restore: OfferRestore | None = None,
    on_slow_step: Callable[[SlowStep], None] | None = None,
) -> CounterApp | None:
    """Lock and open the data directory. A damaged store is never used: with ``offer_restore``
    a manager may restore the newest good backup (None when they do not); without it the
    error is raised. A slow step of opening a big store (a migration's index build) is said to
    ``on_slow_step`` as it runs (default: printed on stderr in the person's language)."""
    from pos.counter import open_counter  # SQLAlchemy: not before the login window shows

    def say(step: SlowStep) -> None:
        print(step.said(settings.lang), file=sys.stderr, flush=True)

    said = on_slow_step or say

    try:
        counter = open_counter(settings.data_dir, on_slow_step=said)
    except StoreDamaged as error:
        if offer_restore is None:
            raise
        if not offer_restore(error):
            return None
        counter = open_counter(settings.data_dir, on_slow_step=said)
    return CounterApp(settings, counter)


@contextmanager
def opened(settings: Settings) -> Iterator[CounterApp]:
    """The counter for one command, closed (and unlocked) when the command ends."""
    app = open_app(settings)
    assert app is not None  # without an offer a damaged store raises
    try:
        yield app
    finally:
        app.close()


def run_gui(settings: Settings) -> int:
    """The window: Qt first, and the login painted before the store is opened behind it (a
    damaged store is explained in a dialog and offered for restore); then the screens built on
    what was opened here. On an empty data directory the window sets the centre up first; the
    parts are made after that (the set-up names the register)."""
    from pos.adapters.login_names import names_at_start
    from ui.login_first import Opened, run_login_first
    from ui.qt_start import GuiOptions, restore_offer, start_qt
    from ui.tasks import TaskRunner

    qt = start_qt(settings.lang)
    try:
        tasks = TaskRunner()

        def open_store(say: Callable[[str], None]) -> Opened:
            # a damaged store raises: the window offers the restore
            app = open_app(settings, on_slow_step=lambda step: say(step.said(settings.lang)))
            assert app is not None
            return Opened(app.counter, lambda: app.window_parts(tasks), app.close)

        return run_login_first(
            qt, open_store, tasks,
            GuiOptions(settings.lang, settings.version, settings.scanner_url),
            restore_offer(settings.lang, settings.data_dir, qt.stop_watch),
            login=has_store(settings.data_dir),
            names=names_at_start(settings.data_dir),
        )  # fmt: skip
    finally:
        qt.stop_watch.close()


def has_store(data_dir: Path) -> bool:
    """Whether the data directory holds a store (else the set-up comes after it is made)."""
    from pos.adapters.store_check import DB_FILE

    return (data_dir / DB_FILE).exists()
