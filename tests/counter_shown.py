"""For scripts that start ``main.py`` in a subprocess: do something once the counter window
shows. The login is painted first and the store opened behind it (``ui.login_first``), so at
``QApplication.exec`` the counter window does not exist yet. Nothing of the app is imported
here: a script that counts what the start loads stays honest."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

_watching: list[QTimer] = []


def shown_windows() -> list[str]:
    """The class names of the visible top-level windows."""
    return [type(w).__name__ for w in QApplication.topLevelWidgets() if w.isVisible()]


def when_shown(then: Callable[[QWidget], object], name: str = "MainWindow") -> None:
    """Call ``then`` with the window of class ``name`` as soon as it is visible."""
    timer = QTimer()

    def check() -> None:
        for window in QApplication.topLevelWidgets():
            if type(window).__name__ == name and window.isVisible():
                timer.stop()
                then(window)
                return

    timer.timeout.connect(check)
    timer.start(10)
    _watching.append(timer)
