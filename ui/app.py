"""Starting the GUI: translations, the counter's data directory, the scanners, start/stop
journaled. Only what the login screen needs is loaded before it shows."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from pos.counter import Counter, open_counter, restore_latest
from pos.errors import DomainError, StoreDamaged
from pos.model.staff import Operator, Role
from pos.services import devices, till
from pos.services.context import TillContext
from pos.services.signing_keys import public_keys
from pos.unit_of_work import UnitOfWorkFactory
from ui.i18n import install_translator
from ui.main_window import MainWindow
from ui.pages import PageContext
from ui.printer_output import QueuedPrinterOutput
from ui.receipt_output import ReceiptOutput
from ui.scanner.burst import WedgeConfig
from ui.scanner.wedge_filter import WedgeScannerFilter
from ui.tasks import TaskRunner
from ui.till_session import LazySigner, TillSession

if TYPE_CHECKING:
    from sync.worker import SyncWorker
    from ui.scanner.serial_reader import SerialScanner

log = logging.getLogger(__name__)
CHECKPOINT_EVERY_MS = 60_000
SYSTEM_OPERATOR = Operator("", "", "system", Role.CASHIER)


@dataclass(frozen=True)
class GuiOptions:
    lang: str = "nb"
    version: str = ""
    serial_scanner: str | None = None
    """A pyserial URL (``/dev/ttyACM0``, ``COM3``, ``socket://host:port``) or None."""
    wedge: WedgeConfig | None = None
    """None: the register's scanner settings from the back office (``services.devices``)."""
    idle_minutes: float = 5.0
    output: ReceiptOutput | None = None
    printer_url: str | None = None
    """``--printer``: every document of this run to that transport instead of the settings."""


def run_gui(
    data_dir: Path,
    *,
    lang: str,
    version: str,
    serial_scanner: str | None = None,
    printer_url: str | None = None,
) -> int:
    return run_counter(data_dir, GuiOptions(lang, version, serial_scanner, printer_url=printer_url))


def run_counter(data_dir: Path, options: GuiOptions) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("Omigjen POS")
    translator = install_translator(app, options.lang)  # noqa: F841 - must outlive the window
    sys.excepthook = _unexpected_error_hook(options.lang)
    counter = _open_or_offer_restore(data_dir, options.lang)
    if counter is None:
        return 2
    with counter:
        register = counter.register_id()
        signer = LazySigner(counter.signer)
        ctx = TillContext(register, SYSTEM_OPERATOR, signer)
        till.start_application(counter.uow, ctx, options.version)
        output = options.output or _printer_output(counter.uow, register, options.printer_url)
        session = TillSession(counter.uow, register, signer, output=output)
        overview = session.overview()
        tasks = TaskRunner()
        printing = output.printing if isinstance(output, QueuedPrinterOutput) else None
        window = MainWindow(
            session,
            tasks,
            centre_name=overview.centre_name,
            register_name=overview.register_name,
            idle_ms=int(options.idle_minutes * 60_000),
            page_context=PageContext(
                session, tasks, printing, counter.data_dir,
                # read when a manager enrols, not at start (loading keys loads cryptography)
                extras={"public_keys": lambda: public_keys(counter.keys), "keys": counter.keys},
            ),
        )  # fmt: skip
        sync_worker = _start_sync(counter, options.version)
        if sync_worker is not None:  # push right after each sale; the cashier never waits
            window.sale.sale_completed.connect(lambda _result: sync_worker.kick())
        saved = devices.scanner_settings(counter.uow, register)
        wedge = WedgeScannerFilter(options.wedge or wedge_config(saved), parent=window)
        app.installEventFilter(wedge)
        wedge.scanned.connect(window.route_scan)
        wedge.garbled.connect(window.scan_garbled)
        serial = _start_serial(
            options.serial_scanner or saved.serial_url, window, baudrate=saved.baudrate
        )
        window.show()
        # The daily backup (and its full page check) runs off the GUI thread once shown.
        tasks.run(counter.backup_if_due, lambda _path: None, _backup_failed(window, options.lang))
        checkpoints = QTimer(window)  # the WAL is copied back while the counter is quiet
        checkpoints.timeout.connect(
            lambda: tasks.run(counter.checkpoint, lambda _r: None, lambda e: log.warning("%s", e))
        )
        checkpoints.start(CHECKPOINT_EVERY_MS)
        code = app.exec()
        if serial is not None:
            serial.stop()
        if isinstance(output, QueuedPrinterOutput):
            output.stop()
        if sync_worker is not None:
            sync_worker.stop()
        if session.operator is not None:
            session.log_out()
        till.stop_application(counter.uow, ctx)
    return code


def _open_or_offer_restore(data_dir: Path, lang: str) -> Counter | None:
    """Open the store; a damaged one is never used: offer the newest automatic backup."""
    try:
        return open_counter(data_dir)
    except StoreDamaged as error:
        box = QMessageBox(QMessageBox.Icon.Critical, "Omigjen POS", error.message(lang))
        restore = box.addButton(
            "Gjenopprett siste sikkerhetskopi" if lang == "nb" else "Restore the latest backup",
            QMessageBox.ButtonRole.AcceptRole,
        )
        box.addButton(QMessageBox.StandardButton.Close)
        box.exec()
        if box.clickedButton() is not restore:
            return None
        try:
            restore_latest(data_dir)
            return open_counter(data_dir)
        except DomainError as again:
            QMessageBox.critical(None, "Omigjen POS", again.message(lang))
            return None
    except DomainError as error:
        QMessageBox.critical(None, "Omigjen POS", error.message(lang))
        return None


def _unexpected_error_hook(lang: str) -> Callable[..., None]:
    """A bug in a slot must not end the day: log it in full and tell the person that what was
    recorded is safe (every sale is committed whole or not at all)."""

    def hook(kind: type[BaseException], error: BaseException, tb: object) -> None:
        log.error("unexpected error", exc_info=(kind, error, tb))  # type: ignore[arg-type]
        text = (
            "Det oppstod en uventet feil. Alt som er registrert er lagret. Feilen er skrevet "
            "i loggen."
            if lang == "nb"
            else "An unexpected error occurred. Everything recorded is saved. The error is in "
            "the log."
        )
        QMessageBox.warning(QApplication.activeWindow(), "Omigjen POS", f"{text}\n\n{error}")

    return hook


def _backup_failed(window: MainWindow, lang: str) -> Callable[[Exception], None]:
    def show(error: Exception) -> None:
        text = error.message(lang) if isinstance(error, DomainError) else str(error)
        log.error("daily backup failed: %s", text)
        QMessageBox.warning(window, "Omigjen POS", text)

    return show


def _start_sync(counter: Counter, version: str) -> SyncWorker | None:
    """The background sync loop, when this counter is enrolled with a central server."""
    from pos.services.sync_state import enrolment

    if enrolment(counter.uow) is None:
        return None
    from sync.cycle import SyncCycle
    from sync.worker import SyncWorker

    worker = SyncWorker(
        lambda: SyncCycle(counter.uow, app_version=version, keys=counter.keys).run()
    )
    worker.start()
    return worker


def _printer_output(
    uow: UnitOfWorkFactory, register: str, printer_url: str | None
) -> QueuedPrinterOutput:
    from printers.printing import Printing

    output = QueuedPrinterOutput(Printing(uow, register, override_url=printer_url))
    output.start()
    return output


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
