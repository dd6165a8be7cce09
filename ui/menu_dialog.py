"""The menu (F1): big buttons for the pages the logged-in person may open, each with a key: a
page's own letter (e.g. K for the receipt look-up), else the digits 1–9 and then the letters
A, B, … not taken by a page, so every page is one key away. The keys are given out over every
page, whoever is logged in: a page keeps its key in every role's menu (a page the role may not
open leaves a gap), so the keys a person learns hold when someone else logs in.

The keys are read in ``keyPressEvent``, not as QShortcuts: the scanner filter claims every
text key (so a scan's first digit can never open a page), and replays typed ones as key presses."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.pages import PageSpec

MENU_KEYS = "123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def menu_keys(every_page: list[PageSpec]) -> dict[str, str]:
    """Each page's key (by the page's ``key``), given out over ``every_page`` in menu order:
    its own letter, else the next free digit or letter."""
    own = {spec.shortcut.upper() for spec in every_page if spec.shortcut}
    free = iter(k for k in MENU_KEYS if k not in own)
    return {spec.key: spec.shortcut or next(free, "") for spec in every_page}


class MenuDialog(QDialog):
    def __init__(
        self, specs: list[PageSpec], parent: QWidget | None = None, *, keys: dict[str, str]
    ) -> None:
        """``specs``: the pages this person may open; ``keys``: ``menu_keys`` of every page."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Menu"))
        self.chosen: PageSpec | None = None
        self.by_key: dict[str, PageSpec] = {}
        layout = QVBoxLayout(self)
        if not specs:
            layout.addWidget(QLabel(self.tr("Nothing here for your role."), self))
        grid = QGridLayout()
        layout.addLayout(grid)
        self.buttons: dict[str, QPushButton] = {}
        for index, spec in enumerate(specs):
            key = keys.get(spec.key, "")
            button = QPushButton(f"{spec.label()}\n{key}", self)
            button.setMinimumHeight(64)
            button.clicked.connect(lambda _=False, s=spec: self.choose(s))
            grid.addWidget(button, index // 3, index % 3)
            self.buttons[spec.key] = button
            if key:
                self.by_key[key.upper()] = spec
        close = QPushButton(self.tr("Back to sale (Esc)"), self)
        close.setMinimumHeight(48)
        close.clicked.connect(self.reject)
        layout.addWidget(close, alignment=Qt.AlignmentFlag.AlignRight)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        spec = self.by_key.get(event.text().upper())
        if spec is None:
            super().keyPressEvent(event)
            return
        self.choose(spec)

    def choose(self, spec: PageSpec) -> None:
        self.chosen = spec
        self.accept()
