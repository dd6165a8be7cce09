"""The menu (F1): big buttons for the pages the logged-in person may open, digits as keys."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.pages import PageSpec


class MenuDialog(QDialog):
    def __init__(self, specs: list[PageSpec], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Menu"))
        self.chosen: PageSpec | None = None
        layout = QVBoxLayout(self)
        if not specs:
            layout.addWidget(QLabel(self.tr("Nothing here for your role."), self))
        grid = QGridLayout()
        layout.addLayout(grid)
        self.buttons: dict[str, QPushButton] = {}
        for index, spec in enumerate(specs):
            key = str(index + 1) if index < 9 else ""
            button = QPushButton(f"{spec.label()}\n{key}", self)
            button.setMinimumSize(220, 64)
            button.clicked.connect(lambda _=False, s=spec: self.choose(s))
            grid.addWidget(button, index // 3, index % 3)
            self.buttons[spec.key] = button
            if key:
                shortcut = QShortcut(QKeySequence(key), self)
                shortcut.activated.connect(lambda s=spec: self.choose(s))
        close = QPushButton(self.tr("Back to sale (Esc)"), self)
        close.setMinimumHeight(48)
        close.clicked.connect(self.reject)
        layout.addWidget(close, alignment=Qt.AlignmentFlag.AlignRight)

    def choose(self, spec: PageSpec) -> None:
        self.chosen = spec
        self.accept()
