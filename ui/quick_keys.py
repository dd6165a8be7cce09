"""The open-price quick keys of the sale screen (Alt+1…Alt+9): as many columns as their names
fit in, and scrolled rather than pushed off a small screen."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QPushButton, QScrollArea, QWidget

from pos.model.catalogue import Item
from ui.common import touch_button

MOST_KEYS = 9


class QuickKeys(QScrollArea):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("quickKeys")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # its keys are pressed, never tabbed to
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._content = QWidget(self)
        self.setWidget(self._content)
        self.grid = QGridLayout(self._content)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.buttons: list[QPushButton] = []
        self._columns = 0

    def show_items(self, items: Sequence[tuple[str, Item]], chosen: Callable[[Item], None]) -> None:
        """(label, item) per key, in key order; ``chosen`` is called with the item pressed."""
        for button in self.buttons:
            button.hide()  # a hidden button's shortcut no longer fires
            button.deleteLater()
        self.buttons = []
        for position, (label, item) in enumerate(items[:MOST_KEYS]):
            button = touch_button(label, self._content, f"Alt+{position + 1}")
            button.setObjectName(f"quick_{position + 1}")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, i=item: chosen(i))
            self.buttons.append(button)
        self._columns = 0
        self._lay_out()
        for button in self.buttons:
            # Shown now, not when the layout gets round to it: a hidden button's shortcut
            # does nothing, and Alt+1 right after a login must not type "1" into the code.
            button.show()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._lay_out()

    def _lay_out(self) -> None:
        if not self.buttons:
            return
        needed = max(button.sizeHint().width() for button in self.buttons)
        spacing = self.grid.horizontalSpacing()
        room = self.viewport().width()
        columns = max(1, min(3, (room + spacing) // (needed + spacing)))
        if columns == self._columns:
            return
        self._columns = columns
        for button in self.buttons:
            self.grid.removeWidget(button)
        for position, button in enumerate(self.buttons):
            self.grid.addWidget(button, position // columns, position % columns)
        self.grid.setRowStretch(len(self.buttons) // columns + 1, 1)
