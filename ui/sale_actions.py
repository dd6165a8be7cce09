"""The sale screen's action buttons: touch-sized, each with its key, none taking the focus from
the code field; Pay first, twice as tall across the whole width, the rest three to a row."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QPushButton, QWidget

from ui.common import TOUCH_MIN_PX, touch_button

Action = tuple[str, str, str, Callable[[], None]]
"""(name, label, key, what it does); the first is Pay."""


def action_grid(
    parent: QWidget, actions: Sequence[Action]
) -> tuple[QGridLayout, dict[str, QPushButton]]:
    grid = QGridLayout()
    buttons: dict[str, QPushButton] = {}
    for position, (name, text, key, slot) in enumerate(actions):
        button = touch_button(text, parent, key)
        button.setObjectName(f"action_{name}")
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(lambda _=False, s=slot: s())
        buttons[name] = button
        if position == 0:
            button.setMinimumHeight(TOUCH_MIN_PX * 2)
            button.setStyleSheet("font-size: 20px; font-weight: bold;")
            grid.addWidget(button, 0, 0, 1, 3)
        else:
            grid.addWidget(button, 1 + (position - 1) // 3, (position - 1) % 3)
    return grid, buttons
