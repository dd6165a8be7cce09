"""Keys typed while one window gives way to another reach the new one.

When the first-run set-up ends, the counter window is built while the Enter that asked for it
is still being handled (a second or so on a slow PC). Had the set-up window been closed then,
the keys typed before the new window had the keyboard — a staff number typed as soon as the
login shows — went to no window at all (a counter has no window manager to hand the keyboard
on) and were lost. So the old window stays open, and keeps the keyboard, until the new one is
active; ``KeyHandover``, installed before the new window is built, holds the keys that come for
the old window until the new one exists, then sends them, and those still coming, in order to
the new window's field that has the focus (their own time kept, so the wedge scanner still
tells typing from a scan). No shortcut of the old window fires meanwhile.

With ``echo`` (the login painted before the store is open, ``ui.early_login``) the old window
takes the keys as well until the new one exists, so the person sees what they type; the new
window still gets every key, in order.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from shiboken6 import getCppPointer, isValid

CLOSE_AFTER_MS = 3000
"""The old window closes when the new one is active, or after this at the latest."""
HANDOVER_MS = 3000
"""How long after the old window closed keys still queued for it are passed on."""
_KEYS = (QEvent.Type.KeyPress, QEvent.Type.KeyRelease)


def _copy(event: QKeyEvent) -> QKeyEvent:
    copy = QKeyEvent(
        event.type(), event.key(), event.modifiers(), event.nativeScanCode(),
        event.nativeVirtualKey(), event.nativeModifiers(), event.text(),
        event.isAutoRepeat(), event.count(),
    )  # fmt: skip
    copy.setTimestamp(event.timestamp())
    return copy


class KeyHandover(QObject):
    """Installed on the application (by its constructor) while ``old`` gives way to the window
    given to ``to``."""

    def __init__(self, old: QWidget, *, echo: bool = False) -> None:
        super().__init__()
        self.old: QWidget | None = old
        self.echo = echo
        self._last: tuple[int, int, int, int] | None = None
        self.new: QWidget | None = None
        self.held: list[QKeyEvent] = []
        self.passed_on = 0
        self._closing = False
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        old = self.old
        if old is None or not isValid(old):
            return False
        if event.type() == QEvent.Type.WindowActivate and watched is self.new:
            QTimer.singleShot(0, self, self._close_old)  # the new window has the keyboard
            return False
        if not isinstance(event, QKeyEvent) or not isinstance(watched, QWidget):
            return False
        if watched.window() is not old:
            return False
        if event.type() == QEvent.Type.ShortcutOverride:
            event.accept()  # no shortcut of the old window: the key comes as a key press
            return True
        if event.type() not in _KEYS:
            return False
        if self.new is None:
            if self.echo:
                return self._hold_and_echo(event)
            self.held.append(_copy(event))
        else:
            self._pass_on(_copy(event))
        return True

    def _hold_and_echo(self, event: QKeyEvent) -> bool:
        """Kept once, though a key the focused field ignores (Enter in a line edit) comes
        through this filter again on its way to each parent: the same event, at one address."""
        seen = (getCppPointer(event)[0], int(event.type()), event.key(), event.timestamp())
        if seen != self._last:
            self._last = seen
            self.held.append(_copy(event))
        return False

    def to(self, new: QWidget) -> None:
        """The new window exists: the keys held go to it, and those still coming for the old
        one; the old one closes once the new one is active."""
        self.new = new
        held, self.held = self.held, []
        for event in held:
            self._pass_on(event)
        if new.isActiveWindow():
            self._close_old()
        else:
            QTimer.singleShot(CLOSE_AFTER_MS, self, self._close_old)

    def _pass_on(self, event: QKeyEvent) -> None:
        new = self.new
        if new is None or not isValid(new):
            return
        QApplication.sendEvent(new.focusWidget() or new, event)
        self.passed_on += 1

    def _close_old(self) -> None:
        if self._closing:
            return
        self._closing = True
        if self.old is not None and isValid(self.old):
            self.old.close()
        QTimer.singleShot(HANDOVER_MS, self, self.end)

    def end(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self.old = None  # closed: it goes with its last reference
