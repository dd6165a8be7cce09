"""The day's counts of the drawer on the day-end page: each shift change's (the hand-over to
the next person) and the close's, with what was expected, counted and the variance, and the
day's variance they add up to (the figure the day-end PDF gives)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QWidget

from pos.model.day_end import CloseSummary
from ui.day_end.figures_table import FigureRow, FiguresTable

ROWS_SHOWN = 4
"""Rows the table is tall enough for; more scroll (a day has a few shift changes at most)."""


class DayCounts(FiguresTable):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("The day's counts"), "", parent)
        self.setObjectName("dayCounts")
        self.setMaximumHeight(self.horizontalHeader().sizeHint().height() + (ROWS_SHOWN + 1) * 30)

    def show_counts(self, counts: Sequence[CloseSummary]) -> None:
        """Each count of the day and their total variance; hidden on a day without one."""
        if not counts:
            self.setRowCount(0)
            self.hide()
            return
        rows: list[FigureRow] = [
            (self._label(c), c.expected, c.counted, c.variance, False) for c in counts
        ]
        total = sum(c.variance for c in counts)
        rows.append((self.tr("The day's variance"), None, None, total, True))
        self.show_rows(rows)

    def _label(self, count: CloseSummary) -> str:
        text = self.tr("Shift change %1 (%2)") if count.shift_change else self.tr("Close %1 (%2)")
        return text.replace("%1", count.local_time[:5]).replace("%2", count.counted_by)
