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


def roomy(window: QWidget, width: int, height: int) -> None:
    """A dialog with much to show: as big as it reads best, within the screen it is on (never
    a fixed size; on a 1024×600 screen it takes nearly all of it)."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return
    room = screen.availableGeometry()
    window.resize(min(width, room.width() * 19 // 20), min(height, room.height() * 19 // 20))


def keep_on_screen(window: QWidget) -> None:
    """No larger than the screen's free area, and inside it."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return
    room = screen.availableGeometry()
    if window.width() > room.width() or window.height() > room.height():
        window.resize(min(window.width(), room.width()), min(window.height(), room.height()))


def grow_to_fit(window: QWidget) -> None:
    """Taller when its content has grown (a message that now wraps to two lines), so nothing
    below it is squeezed or cut off; never smaller than it is, never past the screen."""
    layout = window.layout()
    if layout is None:
        return
    layout.activate()
    width = window.width()
    needed = max(
        layout.totalMinimumSize().height(),
        layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else 0,
    )
    if needed > window.height():
        window.resize(width, needed)
        keep_on_screen(window)


def fill_screen(window: QWidget, *, full_screen: bool = False) -> None:
    """The whole screen it is on, as a counter's window should be: neither cut off (a 1280×800
    window on a 1366×768 counter screen) nor a strip of desktop beside it. Set as geometry, so
    it holds without a window manager, and maximised (or full screen) for one."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return
    window.setGeometry(screen.geometry() if full_screen else screen.availableGeometry())
    keep = window.windowState() & ~(
        Qt.WindowState.WindowMaximized | Qt.WindowState.WindowFullScreen
    )
    state = Qt.WindowState.WindowFullScreen if full_screen else Qt.WindowState.WindowMaximized
    window.setWindowState(keep | state)


def centre_on_window(dialog: QWidget) -> None:
    """Over the middle of the window it belongs to (the screen's, without one), inside the
    screen. Done once the dialog has its final size: Qt centres it by its size before its layout
    settles and leaves room for a title bar no window manager draws, so without one a dialog
    opened up and to the left of the middle."""
    screen = dialog.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return
    room = screen.availableGeometry()
    parent = dialog.parentWidget()
    over = parent.window().frameGeometry() if parent is not None else room
    place = dialog.frameGeometry()
    place.moveCenter(over.center())
    place.moveLeft(max(room.left(), min(place.left(), room.right() - place.width() + 1)))
    place.moveTop(max(room.top(), min(place.top(), room.bottom() - place.height() + 1)))
    dialog.move(dialog.pos() + place.topLeft() - dialog.frameGeometry().topLeft())


def _centre_while_shown(dialog: QWidget) -> None:
    if isValid(dialog) and dialog.isVisible():
        centre_on_window(dialog)


class DialogFitter(QObject):
    """Installed on the application: every dialog, ours or Qt's (a message box, an input
    dialog), is made to fit the screen as it is shown, and centred on its window."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Show and isinstance(watched, QDialog):
            keep_on_screen(watched)
            dialog = watched
            QTimer.singleShot(0, lambda: _centre_while_shown(dialog))
        return False


SETTLE_MS = 600
"""How long after a dialog closed the window system may still say where the keyboard went:
Qt's xcb waits 400 ms for a FocusIn before it calls no window active, and a FocusIn for a
dialog already closed (two closed one after the other: an approval, then its cash dialog) can
arrive after the window was activated. The keeper looks again then."""


class ActiveWindowKeeper(QObject):
    """Installed on the application: when a dialog closes and no window of the counter is
    active any more, or only the dialog just closed still counts as active, its parent window
    is activated again; at once, and once more when the window system has settled."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Hide and isinstance(watched, QDialog):
            parent = watched.parentWidget()
            if parent is not None:
                window = parent.window()
                for delay in (0, SETTLE_MS):
                    QTimer.singleShot(delay, lambda: self._restore(window))
        return False

    @staticmethod
    def _restore(window: QWidget) -> None:
        """Without a window manager a dialog opened right after another closed (a reason, then
        a manager's approval) is not active yet when this runs: raising the window then would
        hide that dialog behind it, with the keyboard still in it. An open dialog comes first.
        A window that is no longer shown is not active, whatever Qt was last told."""
        if not isValid(window):
            return
        active = QApplication.activeWindow()
        if active is not None and active.isVisible():
            return
        dialog = open_dialog()
        if dialog is not None:
            bring_to_front(dialog)
        elif window.isVisible():
            bring_to_front(window)


def open_dialog() -> QWidget | None:
    """The dialog a person is answering: the modal one, else the newest visible one."""
    modal = QApplication.activeModalWidget()
    if modal is not None and modal.isVisible():
        return modal
    shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]
    return shown[-1] if shown else None
