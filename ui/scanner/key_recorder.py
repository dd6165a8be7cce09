"""Records the keys a keyboard-wedge scanner types, with the pause before each, for the test
scan. Installed on the QApplication after the wedge filter, so it sees each key first; it only
watches (never eats a key) and ignores the wedge filter's own replays."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

_ENDS = {Qt.Key.Key_Return: "\r", Qt.Key.Key_Enter: "\r", Qt.Key.Key_Tab: "\t"}


class KeyRecorder(QObject):
    def __init__(
        self, clock: Callable[[], float] = time.monotonic, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self.keys: list[tuple[str, float]] = []

    def start(self) -> None:
        self.keys.clear()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
            app.installEventFilter(self)

    def stop(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def take(self) -> tuple[bytes, list[float]]:
        """The bytes of the last burst up to its Enter/Tab, and the gaps (ms) before each."""
        raw, gaps, last = b"", [], None
        for text, when in self.keys:
            raw += text.encode("latin-1", "replace")
            gaps.append(0.0 if last is None else (when - last) * 1000)
            last = when
        self.keys.clear()
        return raw, gaps

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.spontaneous()
            and not event.isAutoRepeat()
        ):
            key = Qt.Key(event.key())
            text = _ENDS.get(key, event.text())
            if text and (text in "\r\t" or text.isprintable()):
                self.keys.append((text, self._clock()))
        return False
