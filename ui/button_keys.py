"""A key shown on a button does what the button does, wherever the focus is.

On Linux (X11) Qt gives a text field Emacs-style editing keys: Ctrl+E moves to the end of the
line, Ctrl+K deletes to it, Ctrl+U deletes the line, Ctrl+D the next character. A field with the
focus claims such a key before any shortcut sees it, so "Change price Ctrl+E" did nothing with
the new price typed in its field (on Windows it works). ``ButtonKeysFirst``, on the application,
lets a visible, enabled button's (or its own QShortcut's) key through to the shortcut when the
focused widget would have claimed it. The clipboard, undo and select-all keys stay the field's.

Installed before the wedge scanner's filter, it runs after it (Qt asks the last installed first):
keys the scanner filter held back reach their field before the shortcut reads it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QWidget

_FIELD_KEYS = (
    QKeySequence.StandardKey.Copy,
    QKeySequence.StandardKey.Cut,
    QKeySequence.StandardKey.Paste,
    QKeySequence.StandardKey.Undo,
    QKeySequence.StandardKey.Redo,
    QKeySequence.StandardKey.SelectAll,
)
"""Keys a person uses inside a field, which stay the field's even if a button has one."""
_COMMAND = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier


class ButtonKeysFirst(QObject):
    """Install on the QApplication (before the wedge scanner's filter)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() != QEvent.Type.ShortcutOverride or not isinstance(event, QKeyEvent):
            return False
        if not isinstance(watched, QWidget) or not event.modifiers() & _COMMAND:
            return False  # a plain or shifted key (a digit, Enter) is the field's
        if any(event.matches(key) for key in _FIELD_KEYS):
            return False
        sequence = QKeySequence(event.keyCombination())
        if not has_button_key(watched.window(), sequence):
            return False
        event.ignore()  # not claimed by the field: the shortcut map acts on it
        return True


def has_button_key(window: QWidget, sequence: QKeySequence) -> bool:
    """A visible, enabled control of ``window`` answers ``sequence``."""
    for shortcut in window.findChildren(QShortcut):
        owner = shortcut.parent()
        if (
            shortcut.isEnabled()
            and shortcut.key() == sequence
            and isinstance(owner, QWidget)
            and owner.window() is window
            and owner.isVisible()
            and owner.isEnabled()
        ):
            return True
    return any(
        button.shortcut() == sequence and button.isVisible() and button.isEnabled()
        for button in window.findChildren(QAbstractButton)
        if button.window() is window
    )
