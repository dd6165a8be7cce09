"""Where the counter's windows go: within the screen, and active, so keys and shortcuts work on a
counter PC without a window manager (a kiosk X session, Xvfb). There nothing gives the keyboard
back to the window when a dialog closes, and shortcuts of an inactive window never fire; with a
window manager this only asks for what it would do anyway."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from shiboken6 import isValid


def bring_to_front(window: QWidget) -> None:
    window.raise_()
    window.activateWindow()


def fill_screen(window: QWidget) -> None:
    """The whole screen it is on, as a counter's window should be: neither cut off (a 1280×800
    window on a 1366×768 counter screen) nor a strip of desktop beside it. Set as geometry, so
    it holds without a window manager, and maximised for one."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return
    window.setGeometry(screen.availableGeometry())
    window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)


class ActiveWindowKeeper(QObject):
    """Installed on the application: when a dialog closes and no window of the counter is
    active any more, its parent window is activated again."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Hide and isinstance(watched, QDialog):
            parent = watched.parentWidget()
            if parent is not None:
                window = parent.window()
                QTimer.singleShot(0, lambda: self._restore(window))
        return False

    @staticmethod
    def _restore(window: QWidget) -> None:
        if not isValid(window) or QApplication.activeWindow() is not None:
            return
        if window.isVisible():
            bring_to_front(window)
