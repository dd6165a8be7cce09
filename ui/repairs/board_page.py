"""The technicians' ticket board: open jobs page by page, filtered by status, workshop, technician
and overdue, searched by ticket id, phone or name. Enter or a scanned tag opens the ticket.

Nothing acts on a stale selection: Enter first runs a search still waiting for a typing pause,
and a scanned tag is searched, selected and opened itself (never the row selected before)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pos.errors import DomainError
from pos.model.repair import RepairStatus
from pos.services.repair_board import BoardQuery
from pos.services.repair_detail import intake_choices, ticket_detail
from ui.common import TOUCH_MIN_PX, error_text, tab_passes, touch_button
from ui.message_line import MessageLine
from ui.pages import PageWidget
from ui.repairs.board_model import BoardTableModel
from ui.repairs.desk import RepairDesk
from ui.repairs.labels import status_label
from ui.repairs.ticket_dialog import TicketDialog
from ui.scanner.routing import CodeKind, route_code
from ui.scanner.targets import Refusal
from ui.tasks import TaskRunner

SEARCH_PAUSE_MS = 150
"""Typing pauses this long before the board is searched (Enter searches at once)."""


class BoardPage(PageWidget):
    def __init__(
        self,
        desk: RepairDesk,
        tasks: TaskRunner,
        today: Callable[[], date] = date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("repairBoard")
        self.desk = desk
        self.tasks = tasks
        self.today = today
        self.model = BoardTableModel(desk.uow, today)
        self.dialog: TicketDialog | None = None
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_PAUSE_MS)
        self._search_timer.timeout.connect(self.apply_filters)
        self._build()

    def _build(self) -> None:
        self.search = QLineEdit(self)
        self.search.setObjectName("boardSearch")
        self.search.setMinimumHeight(TOUCH_MIN_PX)
        self.search.setPlaceholderText(self.tr("Search ticket id, phone or name (or scan a tag)"))
        self.status = QComboBox(self)
        self.status.addItem(self.tr("All open"), None)
        for status in RepairStatus:
            self.status.addItem(status_label(status), status.value)
        self.tenant = QComboBox(self)
        self.technician = QComboBox(self)
        self.overdue = QCheckBox(self.tr("Overdue only"), self)
        for widget in (self.status, self.tenant, self.technician):
            widget.setMinimumHeight(TOUCH_MIN_PX)
        filters = QHBoxLayout()  # the search on a row of its own: its hint is read whole
        filters.addWidget(self.status, 1)
        filters.addWidget(self.tenant, 1)
        filters.addWidget(self.technician, 1)
        filters.addWidget(self.overdue)
        self.view = tab_passes(QTableView(self))
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(36)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((110, 170, 90, 200, 120, 260, 140)):
            header.resizeSection(column, width)
        self.page_label = QLabel(self)
        self.message = MessageLine(self)
        self.open_button = touch_button(self.tr("Open ticket"), self, "Return")
        self.previous_button = touch_button(self.tr("Previous page"), self, "PgUp")
        self.next_button = touch_button(self.tr("Next page"), self, "PgDown")
        self.back_button = touch_button(self.tr("Back"), self, "Esc")
        bottom = QHBoxLayout()
        bottom.addWidget(self.page_label)
        bottom.addWidget(self.message, 1)
        for button in (self.open_button, self.previous_button, self.next_button, self.back_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            bottom.addWidget(button)
        heading = QLabel(self.tr("Repair board"), self)
        heading.setStyleSheet("font-size: 20px; font-weight: bold;")
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.search)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.search.returnPressed.connect(self._search_entered)
        for combo in (self.status, self.tenant, self.technician):
            combo.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.overdue.toggled.connect(lambda _on: self.apply_filters())
        self.view.doubleClicked.connect(lambda index: self.open_row(index.row()))
        self.open_button.clicked.connect(self.open_selected)
        self.previous_button.clicked.connect(self.previous_page)
        self.next_button.clicked.connect(self.next_page)
        self.back_button.clicked.connect(self.close_requested.emit)

    def on_shown(self) -> None:
        choices = intake_choices(self.desk.uow)
        for combo, entries, everyone in (
            (self.tenant, choices.tenants, self.tr("All workshops")),
            (self.technician, choices.technicians, self.tr("All technicians")),
        ):
            combo.blockSignals(True)
            current = combo.currentData()
            combo.clear()
            combo.addItem(everyone, "")
            for code, name in entries:
                combo.addItem(f"{code} {name}", code)
            combo.setCurrentIndex(max(combo.findData(current), 0))
            combo.blockSignals(False)
        self.apply_filters()
        self.search.setFocus()

    # -- filters and pages -----------------------------------------------------------------
    def query(self) -> BoardQuery:
        status = self.status.currentData()
        return BoardQuery(
            statuses=(RepairStatus(status),) if status else (),
            tenant_code=str(self.tenant.currentData() or ""),
            technician_no=str(self.technician.currentData() or ""),
            overdue_on=self.today() if self.overdue.isChecked() else None,
            search=self.search.text().strip(),
        )

    def apply_filters(self) -> None:
        self._search_timer.stop()
        try:
            self.model.load(self.query())
        except DomainError as error:
            self.message.say(error_text(error), problem=True)
            return
        self._show_page()

    def _search_entered(self) -> None:
        self.apply_filters()
        if self.model.rowCount() == 1:  # a typed ticket id: straight in
            self.open_row(0)

    def _search_now(self) -> None:
        """Run a search that still waits for a pause in typing, so the list (and its
        selection) is what the search box says before anything acts on it."""
        if self._search_timer.isActive():
            self.apply_filters()

    def next_page(self) -> None:
        self.model.next_page()
        self._show_page()

    def previous_page(self) -> None:
        self.model.previous_page()
        self._show_page()

    def _show_page(self) -> None:
        self.page_label.setText(self.tr("Page %1").replace("%1", str(self.model.page + 1)))
        self.next_button.setEnabled(self.model.has_more)
        self.previous_button.setEnabled(self.model.page > 0)
        self.message.say("" if self.model.rowCount() else self.tr("No tickets match."))
        if self.model.rowCount():
            self.view.selectRow(0)

    # -- tickets ---------------------------------------------------------------------------
    def open_selected(self) -> None:
        self._search_now()
        rows = self.view.selectionModel().selectedRows()
        if rows:
            self.open_row(rows[0].row())

    def open_row(self, row: int) -> None:
        found = self.model.row_at(row)
        if found is not None:
            self.open_ticket(found.ticket_id)

    def open_ticket(self, ticket_id: str) -> TicketDialog | None:
        try:
            ticket_detail(self.desk.uow, ticket_id)
        except DomainError as error:
            self.message.say(error_text(error), problem=True)
            return None
        self.dialog = TicketDialog(self.desk, self.tasks, ticket_id, self)
        self.dialog.finished.connect(lambda _result: self.apply_filters())
        self.dialog.open()
        return self.dialog

    def handle_scan(self, code: str) -> Refusal | None:
        """A scanned job tag: the board shows that job, selected, and opens it."""
        routed = route_code(code)
        if routed.kind is not CodeKind.REPAIR_TICKET:
            text = self.tr("%1 is not a job tag: scan the tag (R…) of a job.").replace("%1", code)
            self.message.say(text, problem=True)
            return Refusal(text)
        ticket_id = routed.code
        self.search.blockSignals(True)  # no typing pause to wait for: search at once
        self.search.setText(ticket_id)
        self.search.blockSignals(False)
        self.apply_filters()
        row = next(
            (r for r in range(self.model.rowCount()) if self.model.rows[r].ticket_id == ticket_id),
            None,
        )
        if row is not None:
            self.view.selectRow(row)
        if self.open_ticket(ticket_id) is None:
            return Refusal(self.message.text())
        return None
