"""Pieces per Norwegian denomination, in the one order every count uses (``DENOMINATIONS``,
largest first): the float counted at opening, the drawer counted at a hand-over or the close.
Tab walks the denominations in that order; the total follows every change."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QSpinBox, QWidget

from pos.model.till_close import DENOMINATIONS, MAX_PIECES, BlindCount
from pos.money import Ore


class CountGrid(QWidget):
    changed = Signal(int)
    """The counted total changed: (total in øre)."""

    def __init__(self, parent: QWidget | None = None, *, rows: int = 5) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[Ore, QSpinBox] = {}
        for index, value in enumerate(DENOMINATIONS):
            box = QSpinBox(self)
            box.setRange(0, MAX_PIECES)
            box.setMinimumHeight(40)
            box.setObjectName(f"count_{value // 100}")
            box.valueChanged.connect(lambda _v: self.changed.emit(self.count().total))
            label = QLabel(self.tr("%1 kr").replace("%1", str(value // 100)), self)
            label.setBuddy(box)
            row, column = index % rows, (index // rows) * 2
            grid.addWidget(label, row, column)
            grid.addWidget(box, row, column + 1)
            self.boxes[value] = box

    def count(self) -> BlindCount:
        return BlindCount({value: box.value() for value, box in self.boxes.items()})

    def first(self) -> QSpinBox:
        return self.boxes[DENOMINATIONS[0]]
