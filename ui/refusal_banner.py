"""The banner of refused scans (and of alerts as urgent: a drawer that did not open), over the
basket: it stays until the cashier acknowledges it
(its button, or Esc on the sale screen) or the basket is done (a sale or return recorded), so a
refusal among fast scans is never replaced by the next scan's message. Several refusals are
listed, newest first."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from ui.common import touch_button

MAX_SHOWN = 4
"""Refusals listed at once; older ones are counted."""


class RefusalBanner(QFrame):
    acknowledged = Signal()
    """The cashier saw the refusals (pressed the button or Esc)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("refusalBanner")
        self.setStyleSheet(
            "#refusalBanner { background: #b71c1c; border-radius: 4px; }"
            "#refusalBanner QLabel { color: white; font-size: 17px; font-weight: bold; }"
        )
        self.refusals: list[str] = []
        self._scans: list[bool] = []
        """Per refusal, newest first: a refused scan (said as one), or an alert."""
        self.text = QLabel(self)
        self.text.setObjectName("refusalText")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.ok_button = touch_button(self.tr("Seen") + "\nEsc", self)
        self.ok_button.setObjectName("refusalSeen")
        self.ok_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.ok_button.clicked.connect(self.acknowledge)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 6, 6)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.ok_button)
        self.hide()

    def bind_key(self, scope: QWidget) -> QShortcut:
        """Esc acknowledges while focus is in ``scope`` (the sale screen): on a page, Esc is
        that page's Back, and one key must not mean two things."""
        shortcut = QShortcut(QKeySequence("Esc"), scope)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.acknowledge)
        return shortcut

    def add(self, text: str) -> None:
        """A refused scan."""
        self._show(text, scan=True)

    def alert(self, text: str) -> None:
        """Something else the cashier must see now, said as it is (a drawer that did not
        open); it stays as a refusal does."""
        self._show(text, scan=False)

    def _show(self, text: str, *, scan: bool) -> None:
        self.refusals.insert(0, text)
        self._scans.insert(0, scan)
        shown = list(zip(self.refusals, self._scans, strict=True))[:MAX_SHOWN]
        lines = [self.tr("Scan refused: %1").replace("%1", t) if s else t for t, s in shown[:1]]
        lines += [self.tr("Also refused: %1").replace("%1", t) if s else t for t, s in shown[1:]]
        if len(self.refusals) > MAX_SHOWN:
            more = len(self.refusals) - MAX_SHOWN
            lines.append(self.tr("and %1 more").replace("%1", str(more)))
        self.text.setText("\n".join(lines))
        self.show()

    def acknowledge(self) -> None:
        if self.refusals:
            self.clear()
            self.acknowledged.emit()

    def clear(self) -> None:
        self.refusals.clear()
        self._scans.clear()
        self.text.clear()
        self.hide()
