"""The keyboard-wedge scanner as an application-wide event filter: a scan is recognised wherever
focus is, and its keys never reach the focused widget (so never an amount field)."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

from ui.scanner.burst import BurstDetector, Scan, WedgeConfig

_TERMINATORS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab)
_COMMAND_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)


@dataclass(frozen=True)
class HeldKey:
    target: QWidget
    key: int
    modifiers: Qt.KeyboardModifier
    text: str


class WedgeScannerFilter(QObject):
    """Install on the QApplication. Holds text keys for at most ``max_gap_s`` to see whether a
    burst is forming; replays them to their widget when it is only typing."""

    scanned = Signal(str, str)
    """A scan was recognised: (code, AIM symbology id or '')."""

    def __init__(
        self,
        config: WedgeConfig | None = None,
        clock: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._detector: BurstDetector[HeldKey] = BurstDetector(config or WedgeConfig())
        self._clock = clock
        self._replaying = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_gap)
        self.enabled = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if (
            self._replaying
            or not self.enabled
            or event.type() != QEvent.Type.KeyPress
            or not isinstance(watched, QWidget)
            or not isinstance(event, QKeyEvent)
        ):
            return False
        now = self._clock()
        if event.key() in _TERMINATORS and not event.modifiers() & _COMMAND_MODIFIERS:
            scan, released = self._detector.end(now)
            self._replay(released)
            if scan is None:
                return False
            self._timer.stop()
            self.scanned.emit(scan.code, scan.symbology)
            return True
        text = event.text()
        if not text or not text.isprintable() or event.modifiers() & _COMMAND_MODIFIERS:
            self._replay(self._detector.release())
            return False
        held = HeldKey(watched, event.key(), event.modifiers(), text)
        self._replay(self._detector.key(text, now, held))
        self._timer.start(max(1, round(self._detector.config.max_gap_s * 1000) + 1))
        return True

    def _on_gap(self) -> None:
        released = self._detector.expire(self._clock())
        if not released and self._detector.pending:  # the timer fired a little early
            self._timer.start(1)
        self._replay(released)

    def _replay(self, keys: list[HeldKey]) -> None:
        self._replaying = True
        try:
            for held in keys:
                if not isValid(held.target):  # its dialog closed meanwhile
                    continue
                for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                    QCoreApplication.sendEvent(
                        held.target, QKeyEvent(kind, held.key, held.modifiers, held.text)
                    )
        finally:
            self._replaying = False

    def flush(self) -> None:
        """Hand any held keys to their widgets now (e.g. before a test reads a field)."""
        self._timer.stop()
        self._replay(self._detector.release())


__all__ = ["Scan", "WedgeConfig", "WedgeScannerFilter"]
