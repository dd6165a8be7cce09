"""The menu (F1): big buttons for the pages the logged-in person may open, each with a key: the
digits 1–9, then the letters A, B, … so every page is one key away.

The digits are read in ``keyPressEvent``, not as QShortcuts: the scanner filter claims every
text key (so a scan's first digit can never open a page), and replays typed ones as key presses."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.pages import PageSpec

MENU_KEYS = "123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


class MenuDialog(QDialog):
    def __init__(self, specs: list[PageSpec], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Menu"))
        self.chosen: PageSpec | None = None
        self.by_digit: dict[str, PageSpec] = {}
        layout = QVBoxLayout(self)
        if not specs:
            layout.addWidget(QLabel(self.tr("Nothing here for your role."), self))
        grid = QGridLayout()
        layout.addLayout(grid)
        self.buttons: dict[str, QPushButton] = {}
        for index, spec in enumerate(specs):
            key = MENU_KEYS[index] if index < len(MENU_KEYS) else ""
            button = QPushButton(f"{spec.label()}\n{key}", self)
            button.setMinimumSize(220, 64)
            button.clicked.connect(lambda _=False, s=spec: self.choose(s))
            grid.addWidget(button, index // 3, index % 3)
            self.buttons[spec.key] = button
            if key:
                self.by_digit[key] = spec
        close = QPushButton(self.tr("Back to sale (Esc)"), self)
        close.setMinimumHeight(48)
        close.clicked.connect(self.reject)
        layout.addWidget(close, alignment=Qt.AlignmentFlag.AlignRight)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        spec = self.by_digit.get(event.text().upper())
        if spec is None:
            super().keyPressEvent(event)
            return
        self.choose(spec)

    def choose(self, spec: PageSpec) -> None:
        self.chosen = spec
        self.accept()
