"""Finding an item by its words (SQLite FTS), optionally within one tenant, to ring it up."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pos.model.tenant import Tenant
from ui.common import TOUCH_MIN_PX, tab_passes
from ui.scanner.targets import take_codes
from ui.search_model import Fetch, SearchResultsModel
from ui.window_placement import roomy

TYPING_PAUSE_MS = 150


class SearchDialog(QDialog):
    item_chosen = Signal(object)
    """The cashier picked an item to ring up: (the Item)."""

    def __init__(self, fetch: Fetch, tenants: list[Tenant], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Find item"))
        roomy(self, 820, 560)
        self.text = QLineEdit(self)
        self.text.setPlaceholderText(self.tr("Words of the description or code"))
        take_codes(self.text)  # a scan here searches for the code
        self.tenant = QComboBox(self)
        self.tenant.addItem(self.tr("All tenants"), None)
        for tenant in tenants:
            self.tenant.addItem(f"{tenant.code} {tenant.name}", tenant.id)
        for widget in (self.text, self.tenant):
            widget.setMinimumHeight(TOUCH_MIN_PX)
        self.model = SearchResultsModel(fetch, {t.id: t.code for t in tenants})
        self.view = tab_passes(QTableView(self))
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().setDefaultSectionSize(TOUCH_MIN_PX)
        header = self.view.horizontalHeader()
        samples = {
            SearchResultsModel.TENANT: str(
                self.model.headerData(SearchResultsModel.TENANT, Qt.Orientation.Horizontal)
            ),
            SearchResultsModel.PRICE: "99 999,99",
            SearchResultsModel.CODE: "2110000000014W",  # an EAN-13 or a code, whole
        }
        for column, sample in samples.items():
            header.resizeSection(column, self.fontMetrics().horizontalAdvance(sample) + 24)
        header.setSectionResizeMode(SearchResultsModel.DESCRIPTION, QHeaderView.ResizeMode.Stretch)
        self.view.activated.connect(lambda index: self.choose(index.row()))
        top = QHBoxLayout()
        top.addWidget(self.text, 3)
        top.addWidget(self.tenant, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(TYPING_PAUSE_MS)
        self._debounce.timeout.connect(self.search)
        self.text.textChanged.connect(self._debounce.start)
        self.tenant.currentIndexChanged.connect(self.search)
        self.text.returnPressed.connect(lambda: self.choose(self._current_row()))
        self.text.installEventFilter(self)
        self.search()

    def search(self) -> None:
        self._debounce.stop()
        self.model.search(self.text.text(), self.tenant.currentData())
        if self.model.rowCount():
            self.view.selectRow(0)

    def _current_row(self) -> int:
        rows = self.view.selectionModel().selectedRows()
        return rows[0].row() if rows else 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Up/Down in the text field move through the results, so hands stay on the keys."""
        if watched is self.text and isinstance(event, QKeyEvent):
            if event.type() == QEvent.Type.KeyPress and event.key() in (
                Qt.Key.Key_Up,
                Qt.Key.Key_Down,
            ):
                step = 1 if event.key() == Qt.Key.Key_Down else -1
                row = min(max(self._current_row() + step, 0), self.model.rowCount() - 1)
                self.view.selectRow(row)
                return True
        return False

    def choose(self, row: int) -> None:
        if self._debounce.isActive():
            self.search()
        item = self.model.item_at(row)
        if item is not None:
            self.accept()
            self.item_chosen.emit(item)
