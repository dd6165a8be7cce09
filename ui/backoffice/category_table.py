"""The import preview's categories that name no article group: each with its row count and a
choice of the group its rows go to (the default group until the manager picks another)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from pos.services.item_import import ImportPreview
from ui.common import TOUCH_MIN_PX


class CategoryTable(QTableWidget):
    group_chosen = Signal(str, str)
    """The manager chose a group for a category: (the category as the file writes it, group id)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 3, parent)
        self.setHorizontalHeaderLabels(
            [self.tr("Category in the file"), self.tr("Rows"), self.tr("Article group")]
        )
        self.verticalHeader().hide()
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.hide()

    def show_choices(self, preview: ImportPreview | None) -> None:
        """One row per unknown category; hidden when the file has none. The same categories
        again (after a choice) keep their widgets, so the focus stays where the person is."""
        choices = preview.categories if preview is not None else ()
        words = [choice.category or self.tr("(none)") for choice in choices]
        if words and words == self._words():
            for row, choice in enumerate(choices):
                combo = self.combo(words[row])
                combo.setCurrentIndex(combo.findData(choice.group))
            return
        self.setRowCount(len(choices))
        for row, choice in enumerate(choices):
            assert preview is not None
            self.setItem(row, 0, QTableWidgetItem(words[row]))
            self.setItem(row, 1, QTableWidgetItem(str(choice.rows)))
            combo = QComboBox(self)
            combo.setMinimumHeight(TOUCH_MIN_PX)
            for group_id in sorted(preview.groups.names):
                combo.addItem(preview.groups.label(group_id), group_id)
            if not choice.group:
                combo.insertItem(0, self.tr("Choose a group…"), "")
            combo.setCurrentIndex(combo.findData(choice.group))
            category = choice.category
            combo.activated.connect(
                lambda _index, c=combo, word=category: self._chosen(word, c.currentData())
            )
            self.setCellWidget(row, 2, combo)
            self.setRowHeight(row, TOUCH_MIN_PX + 4)
        self.setVisible(bool(choices))
        shown = min(len(choices), 4)
        self.setMaximumHeight(self.horizontalHeader().height() + shown * (TOUCH_MIN_PX + 4) + 4)

    def _words(self) -> list[str]:
        items = (self.item(row, 0) for row in range(self.rowCount()))
        return [item.text() if item is not None else "" for item in items]

    def _chosen(self, category: str, group_id: str) -> None:
        if group_id:
            self.group_chosen.emit(category, group_id)

    def combo(self, category: str) -> QComboBox:
        """The group choice of a category (tests and screenshots)."""
        for row in range(self.rowCount()):
            item = self.item(row, 0)
            if item is not None and item.text() == category:
                widget = self.cellWidget(row, 2)
                assert isinstance(widget, QComboBox)
                return widget
        raise KeyError(category)
