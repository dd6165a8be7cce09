"""Qt for the counter window, before anything of the store is loaded: the application object
with its translations, the last-resort error dialog, the OS's stop request, the options of the
window, and the restore offered for a store found damaged at start. Light on purpose: the login
is painted before SQLAlchemy is imported (``ui.login_first``)."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication, QMessageBox

from pos.errors import DomainError, StoreDamaged
from ui.i18n import install_translator
from ui.os_signals import StopRequestWatch
from ui.tasks import TaskRunner

if TYPE_CHECKING:
    from pos.clock import Clock
    from ui.scanner.burst import WedgeConfig

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class GuiOptions:
    lang: str = "nb"
    version: str = ""
    serial_scanner: str | None = None
    """A pyserial URL (``/dev/ttyACM0``, ``COM3``, ``socket://host:port``) or None."""
    wedge: WedgeConfig | None = None
    """None: the register's scanner settings from the back office (``services.devices``)."""
    idle_minutes: float = 5.0
    clock: Clock | None = None
    """None: the system clock (tests step a clock over business days)."""


def start_qt(lang: str) -> QtRun:
    """The application object, its translations and the last-resort error dialog."""
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("Omigjen POS")
    translator = install_translator(app, lang)
    sys.excepthook = _unexpected_error_hook(lang)
    stop_watch = StopRequestWatch(parent=app)
    # every event loop returns, a modal dialog's too; run_window then closes down in order
    stop_watch.stop_requested.connect(lambda _name: _stop(app))
    return QtRun(app, translator, stop_watch)


def _stop(app: QApplication) -> None:
    """End every event loop. Qt ignores ``quit()`` before the main loop runs, so a dialog shown
    before it (the restore offer for a store damaged at start) is closed here too: a stop asked
    for by the OS must never leave the counter running."""
    from PySide6.QtWidgets import QDialog

    for widget in app.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible():
            widget.reject()
    app.quit()


@dataclass(frozen=True)
class QtRun:
    app: QApplication
    translator: object
    """Kept here because it must outlive the window."""
    stop_watch: StopRequestWatch
    """SIGTERM and its kin end the event loop; ``close()`` once the counter is closed."""


def restore_offer(
    lang: str, data_dir: Path, stop_watch: StopRequestWatch | None = None
) -> Callable[[StoreDamaged], bool]:
    """A damaged store at start: say why, offer the newest good backup and restore it once a
    manager approves (``ui/restore_dialog.py``); True when the backup is in place. Never shown
    once the OS has asked the counter to stop."""

    def offer(error: StoreDamaged) -> bool:
        from PySide6.QtWidgets import QDialog

        from ui.restore_dialog import RestoreDialog

        log.warning("the store is damaged at start: a restore is offered (%s)",
                    error.for_support_log())  # fmt: skip
        if stop_watch is not None and stop_watch.requested:
            return False
        dialog = RestoreDialog(data_dir, error.message(lang), TaskRunner())
        return dialog.exec() == QDialog.DialogCode.Accepted

    return offer


def show_error(error: DomainError, lang: str) -> None:
    QMessageBox.critical(None, "Omigjen POS", error.message(lang))


def _unexpected_error_hook(lang: str) -> Callable[..., None]:
    """A bug in a slot must not end the day: log it in full and tell the person that what was
    recorded is safe (every sale is committed whole or not at all)."""

    def hook(kind: type[BaseException], error: BaseException, tb: object) -> None:
        log.error("unexpected error", exc_info=(kind, error, tb))  # type: ignore[arg-type]
        app = QApplication.instance()
        if app is None or QThread.currentThread() is not app.thread():
            return  # a dialog only on the GUI thread: elsewhere it would hang that thread
        text = (
            "Det oppstod en uventet feil. Alt som er registrert er lagret. Feilen er skrevet "
            "i loggen."
            if lang == "nb"
            else "An unexpected error occurred. Everything recorded is saved. The error is in "
            "the log."
        )
        QMessageBox.warning(QApplication.activeWindow(), "Omigjen POS", f"{text}\n\n{error}")

    return hook
