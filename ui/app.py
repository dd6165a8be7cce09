"""Starting the GUI: translations, the counter's data directory, start/stop journaled."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from pos.counter import open_counter
from pos.errors import DomainError
from pos.model.staff import Operator, Role
from pos.services import till
from pos.services.context import TillContext
from pos.services.overview import counter_overview
from ui.i18n import install_translator
from ui.main_window import MainWindow

SYSTEM_OPERATOR = Operator("", "", "system", Role.CASHIER)


def run_gui(data_dir: Path, *, lang: str, version: str) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("Omigjen POS")
    translator = install_translator(app, lang)  # noqa: F841 - must outlive the window
    try:
        counter = open_counter(data_dir)
    except DomainError as error:
        QMessageBox.critical(None, "Omigjen POS", error.message(lang))
        return 2
    with counter:
        register = counter.register_id()
        ctx = TillContext(register, SYSTEM_OPERATOR, counter.signer())
        till.start_application(counter.uow, ctx, version)
        window = MainWindow(counter_overview(counter.uow, register))
        window.show()
        code = app.exec()
        till.stop_application(counter.uow, ctx)
    return code
