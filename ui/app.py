"""Starting the GUI: translations, the counter's data directory, the scanners, start/stop
journaled. Only what the login screen needs is loaded before it shows."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QMessageBox

from pos.counter import open_counter
from pos.errors import DomainError
from pos.model.staff import Operator, Role
from pos.services import devices, till
from pos.services.context import TillContext
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
    from ui.scanner.serial_reader import SerialScanner

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
    try:
        counter = open_counter(data_dir)
    except DomainError as error:
        QMessageBox.critical(None, "Omigjen POS", error.message(options.lang))
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
            page_context=PageContext(session, tasks, printing, counter.data_dir),
        )
        saved = devices.scanner_settings(counter.uow, register)
        wedge = WedgeScannerFilter(options.wedge or wedge_config(saved), parent=window)
        app.installEventFilter(wedge)
        wedge.scanned.connect(window.route_scan)
        serial = _start_serial(
            options.serial_scanner or saved.serial_url, window, baudrate=saved.baudrate
        )
        window.show()
        code = app.exec()
        if serial is not None:
            serial.stop()
        if isinstance(output, QueuedPrinterOutput):
            output.stop()
        if session.operator is not None:
            session.log_out()
        till.stop_application(counter.uow, ctx)
    return code


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
