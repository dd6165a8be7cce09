"""The window's side of starting the counter: Qt, translations, the restore offer for a damaged
store, the first-run set-up of an empty counter, the screens, the scanners, start and stop
journaled. ``cli.bootstrap`` opens the counter and builds what this is given. Only what the
login screen needs is loaded before it shows."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from pos import __version__
from pos.counter import Counter
from pos.errors import DomainError, StoreDamaged
from pos.model.legal_time import ClockBehind, ClockUnconfirmed
from pos.model.staff import Operator, Role
from pos.services import devices, first_run, joining, till
from pos.services.context import TillContext
from pos.services.legal_time import CounterClock
from pos.services.signing_keys import public_keys
from pos.unit_of_work import UnitOfWorkFactory
from ui.key_handover import KeyHandover
from ui.main_window import MainWindow
from ui.pages import SYNC_NOW, PageContext
from ui.printer_output import QueuedPrinterOutput
from ui.qt_start import GuiOptions as GuiOptions  # where the window's callers find it
from ui.scanner.burst import WedgeConfig
from ui.scanner.wedge_filter import WedgeScannerFilter
from ui.tasks import TaskRunner
from ui.till_session import LazySigner, TillSession
from ui.window_placement import ActiveWindowKeeper, DialogFitter, bring_to_front, fill_screen

if TYPE_CHECKING:
    from pos.adapters.backup import Taken
    from printers.printing import Printing
    from sync.worker import SyncWorker
    from ui.first_run.first_run_window import CentreSource, FirstRunWindow
    from ui.scanner.serial_reader import SerialScanner

log = logging.getLogger(__name__)
CHECKPOINT_EVERY_MS = 60_000
SYSTEM_OPERATOR = Operator("", "", "system", Role.CASHIER)


@dataclass(frozen=True)
class CounterParts:
    """What the window is built on; the composition root (``cli.bootstrap``) makes each once."""

    counter: Counter
    register_id: str
    printing: Printing
    sync_worker: SyncWorker | None
    """Not started yet; None when the counter is not enrolled with a central server."""
    tasks: TaskRunner
    new_sync_worker: Callable[[], SyncWorker | None] | None = None
    """Makes the worker once a manager has enrolled the counter from the window."""


class CounterStart:
    """The counter as it starts, without the event loop (``ui.login_first`` runs it; tests drive
    this very object): on an empty data directory the first-run set-up, then the counter window
    on the parts made after it (which register this is is known only then), with its start and
    stop journaled."""

    def __init__(
        self,
        counter: Counter,
        make_parts: Callable[[], CounterParts],
        tasks: TaskRunner,
        options: GuiOptions,
    ) -> None:
        self.counter, self.make_parts, self.tasks = counter, make_parts, tasks
        self.options = options
        self.first_run: FirstRunWindow | None = None
        self.window: MainWindow | None = None
        self.session: TillSession | None = None
        self._ctx: TillContext | None = None
        self._stoppers: list[Callable[[], None]] = []
        self._handover: KeyHandover | None = None

    def start(self) -> QWidget:
        """The set-up if this counter has no centre yet, else the counter window."""
        keeper, fitter = ActiveWindowKeeper(), DialogFitter()
        app = QApplication.instance()
        assert app is not None
        for placement in (keeper, fitter):
            app.installEventFilter(placement)
            self._stoppers.append(partial(app.removeEventFilter, placement))
        if first_run.needs_set_up(self.counter.uow):
            from ui.first_run.first_run_window import FirstRunWindow  # an empty counter only

            self.first_run = FirstRunWindow(
                self.counter.uow, self.tasks, clock=self.options.clock,
                recovery_code=self._recovery_code, centre_source=self._centre_source(),
            )  # fmt: skip
            self.first_run.finished.connect(self._set_up)
            fill_screen(self.first_run)
            self.first_run.show()
            bring_to_front(self.first_run)
            return self.first_run
        return self.open_window()

    def _recovery_code(self, done: first_run.SetUpCentre) -> str:
        signer = LazySigner(self.counter.signer)  # the code signs nothing: no key is loaded
        return first_run.issue_recovery_code(self.counter.uow, done, signer, self.options.clock)

    def _centre_source(self) -> CentreSource:
        """Joining a centre on the central server instead (HTTP loaded only when used)."""
        from ui.first_run.first_run_window import CentreSource

        counter, clock = self.counter, self.options.clock
        version = self.options.version or __version__

        def join(server: str, code: str, ca_file: str) -> joining.JoinedCentre:
            from sync.joining import join_centre

            return join_centre(counter.uow, counter.keys, server, code, app_version=version,
                               ca_file=ca_file, clock=clock)  # fmt: skip

        def fetch() -> joining.JoinedCentre:
            from sync.joining import fetch_centre

            return fetch_centre(counter.uow, counter.keys, app_version=version, clock=clock)

        return CentreSource(
            join, fetch,
            lambda setting: joining.save_printer(counter.uow, setting, clock),  # type: ignore[arg-type]
            joining.waiting_register(counter.uow),
        )  # fmt: skip

    def _set_up(self, _done: object) -> None:
        """The centre was set up here or joined from the server: the counter window."""
        handover = None if self.first_run is None else KeyHandover(self.first_run)
        window = self.open_window()
        if handover is not None:  # keys typed while the window was made go to it; the set-up
            handover.to(window)  # window closes once this one has the keyboard
            self._handover = handover
        self.first_run = None
        bring_to_front(window)

    def open_window(self) -> MainWindow:
        parts, options = self.make_parts(), self.options
        counter, register, tasks = parts.counter, parts.register_id, parts.tasks
        signer = LazySigner(counter.signer)
        clock = CounterClock(counter.uow, register, options.clock)
        parts.printing.clock = clock  # print outcomes are journaled: the same time rule
        self._ctx = ctx = TillContext(register, SYSTEM_OPERATOR, signer, clock)
        started = _journal_start(counter.uow, ctx, options.version)
        output = QueuedPrinterOutput(parts.printing)
        if started:  # else printing starts with the journal, once the time is confirmed
            output.start()
        self._stoppers.append(output.stop)
        self.session = session = TillSession(
            counter.uow, register, signer, clock=clock, output=output
        )
        overview = session.overview()
        self.window = window = MainWindow(
            session,
            tasks,
            centre_name=overview.centre_name,
            register_name=overview.register_name,
            idle_ms=int(options.idle_minutes * 60_000),
            page_context=PageContext(
                session, tasks, parts.printing, counter.data_dir,
                # read when a manager enrols, not at start (loading keys loads cryptography)
                extras={"public_keys": lambda: public_keys(counter.keys), "keys": counter.keys},
            ),
        )  # fmt: skip
        if not started:
            _start_when_confirmed(window, counter.uow, ctx, options.version, output)
        self._start_devices(window, parts)
        mode = devices.window_mode(counter.uow, register)
        fill_screen(window, full_screen=mode is devices.WindowMode.FULL_SCREEN)
        window.show()
        bring_to_front(window)
        # the daily backup reads the whole store: it begins once the login has been painted
        QTimer.singleShot(
            0, window, partial(_start_housekeeping, counter, tasks, window, options.lang)
        )
        return window

    def _start_sync(self, window: MainWindow, worker: SyncWorker) -> None:
        """Push right after each sale and each day's Z reports (the cashier never waits) and on
        a timer."""
        worker.start()
        window.sale.sale_completed.connect(lambda _result: worker.kick())
        window.page_context.extras[SYNC_NOW] = worker.kick
        self._stoppers.append(worker.stop)

    def _start_devices(self, window: MainWindow, parts: CounterParts) -> None:
        """Sync, the wedge filter and a serial scanner, each stopped again by ``stop``."""
        if parts.sync_worker is not None:
            self._start_sync(window, parts.sync_worker)
        elif parts.new_sync_worker is not None:  # enrolled later, on the sync page
            make = parts.new_sync_worker

            def start_after_enrolment() -> None:
                worker = make()
                if worker is not None and window.page_context.extras.pop("start_sync", None):
                    self._start_sync(window, worker)

            window.page_context.extras["start_sync"] = start_after_enrolment
        saved = devices.scanner_settings(parts.counter.uow, parts.register_id)
        wedge = WedgeScannerFilter(self.options.wedge or wedge_config(saved), parent=window)
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(wedge)
        self._stoppers.append(lambda: app.removeEventFilter(wedge))
        window.listen_to(wedge)
        window.sound.set_volume(saved.refusal_volume)
        serial = _start_serial(
            self.options.serial_scanner or saved.serial_url, window, baudrate=saved.baudrate
        )
        if serial is not None:
            self._stoppers.append(serial.stop)

    def stop(self) -> None:
        """After the event loop: devices stopped, the person logged out, the stop journaled."""
        self.tasks.wait_until_idle()
        for stop in reversed(self._stoppers):
            stop()
        self._stoppers.clear()
        try:
            if self.session is not None and self.session.operator is not None:
                self.session.log_out()
        except StoreDamaged as error:  # nothing more is recorded in a damaged store
            log.warning("log-out not journaled: %s", error.message("en"))
        if self._ctx is not None:
            try:
                till.stop_application(self.counter.uow, self._ctx)
            except (ClockBehind, ClockUnconfirmed, StoreDamaged) as error:  # never a wrong time
                log.warning("stop not journaled: %s", error.message("en"))
            self._ctx = None


def _journal_start(uow: UnitOfWorkFactory, ctx: TillContext, version: str) -> bool:
    """Journal the start (13001); False while the clock is behind the journal, so that the
    window can open and a manager can confirm the time first."""
    try:
        till.start_application(uow, ctx, version)
    except (ClockBehind, ClockUnconfirmed) as error:
        log.warning("start not journaled yet: %s", error.message("en"))
        return False
    return True


def _start_when_confirmed(
    window: MainWindow,
    uow: UnitOfWorkFactory,
    ctx: TillContext,
    version: str,
    output: QueuedPrinterOutput,
) -> None:
    """The start is journaled, and printing starts, once: at the first confirmed time."""
    pending = [version]

    def start_once() -> None:
        if pending and _journal_start(uow, ctx, pending[0]):
            pending.clear()
            output.start()

    window.time_confirmed.connect(start_once)


def _start_housekeeping(counter: Counter, tasks: TaskRunner, window: MainWindow, lang: str) -> None:
    """The daily backup (and its full page check) off the GUI thread, and the WAL
    copied back into the database while the counter is quiet. Both are background work: the
    runner is not busy meanwhile, so a payment's confirm (or any press guarded against a double
    submit) waits behind them on the database thread instead of being dropped."""
    tasks.run(
        counter.backup_if_due,
        _backup_done(window, lang),
        _backup_failed(window, lang),
        background=True,
    )
    checkpoints = QTimer(window)
    checkpoints.timeout.connect(
        lambda: tasks.run(
            counter.checkpoint,
            lambda _r: None,
            lambda e: log.warning("%s", e),
            background=True,
        )
    )
    checkpoints.start(CHECKPOINT_EVERY_MS)


def _backup_failed(window: MainWindow, lang: str) -> Callable[[Exception], None]:
    def show(error: Exception) -> None:
        text = error.message(lang) if isinstance(error, DomainError) else str(error)
        log.error("daily backup failed: %s", text)
        QMessageBox.warning(window, "Omigjen POS", text)

    return show


def _backup_done(window: MainWindow, lang: str) -> Callable[[Taken | None], None]:
    """The daily backup is fine; a second place that could not be written is said."""

    def show(taken: Taken | None) -> None:
        if taken is not None and taken.second_problem:
            log.warning("backup not copied to the second place: %s", taken.second_problem)
            problem = taken.second_problem.message(lang)
            text = (
                f"Sikkerhetskopien ble ikke kopiert til det andre stedet: {problem}"
                if lang == "nb"
                else f"The backup was not copied to the second place: {problem}"
            )
            QMessageBox.warning(window, "Omigjen POS", text)

    return show


def wedge_config(saved: devices.ScannerSettings) -> WedgeConfig:
    """The keyboard-wedge detector as the manager set it up for this register."""
    return WedgeConfig(saved.max_gap_ms / 1000, saved.min_length, saved.prefix)


def _start_serial(
    url: str | None, window: MainWindow, *, baudrate: int = 9600
) -> SerialScanner | None:
    if not url:
        return None
    from ui.scanner.serial_reader import SerialScanner

    scanner = SerialScanner(url, baudrate=baudrate, parent=window)
    scanner.scanned.connect(window.route_scan)
    scanner.start()
    return scanner
