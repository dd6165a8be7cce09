"""One repair ticket: customer, item and money at a glance, the labour and parts on the job, the
history (who, when, what was sent), notes, a warning when another counter changed the status
first, and the actions: status change with its message preview, work and approval, a note, an
extra tag, the claim slip again; a finished job can be reopened (a manager, or with one's
approval)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pos.errors import DomainError
from pos.model.repair import RepairStatus
from pos.services.repair_detail import HistoryEntry, TicketDetail, ticket_detail
from ui.common import TOUCH_MIN_PX, error_text, kr, tab_passes, touch_button
from ui.repairs.desk import RepairDesk
from ui.repairs.details_dialog import DetailsDialog
from ui.repairs.labels import status_label, told_text
from ui.repairs.outcome_dialog import OutcomeDialog
from ui.repairs.reopen_dialog import ReopenDialog
from ui.repairs.status_dialog import StatusDialog
from ui.repairs.work_panel import WorkPanel
from ui.scanner.routing import CodeKind, route_code
from ui.scanner.targets import Refusal
from ui.tab_order import tab_in_layout_order
from ui.tasks import TaskRunner
from ui.window_placement import roomy


def _table(parent: QWidget, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    tab_passes(table)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _fill(table: QTableWidget, rows: list[tuple[str, ...]]) -> None:
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.setItem(r, c, QTableWidgetItem(value))


class TicketDialog(QDialog):
    def __init__(
        self, desk: RepairDesk, tasks: TaskRunner, ticket_id: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Repair %1").replace("%1", ticket_id))
        roomy(self, 1100, 760)
        self.desk = desk
        self.tasks = tasks
        self.ticket_id = ticket_id
        self.detail: TicketDetail | None = None
        self.status_dialog: StatusDialog | None = None
        self.reopen_dialog: ReopenDialog | None = None
        self.summary = QLabel(self)
        self.summary.setObjectName("ticketSummary")
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setWordWrap(True)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.lines = _table(self, [self.tr("Work"), self.tr("Qty"), self.tr("Amount")])
        self.history = _table(
            self,
            [
                self.tr("When"),
                self.tr("Who"),
                self.tr("Status"),
                self.tr("Message"),
                self.tr("Note"),
            ],
        )
        self.work = WorkPanel(desk, ticket_id, self)
        self.message = QLabel(self)
        self.message.setObjectName("ticketMessage")
        self.message.setWordWrap(True)
        self.note_edit = QLineEdit(self)
        self.note_edit.setPlaceholderText(self.tr("Note for the job (seen at every counter)"))
        self.note_edit.setMinimumHeight(48)
        self.note_button = touch_button(self.tr("Add note"), self, "F9")
        self.extra_label = QLineEdit(self)
        self.extra_label.setPlaceholderText(self.tr("Extra tag for… (e.g. Charger)"))
        self.extra_label.setMinimumHeight(48)
        self.status_button = touch_button(self.tr("Change status"), self, "F2")
        self.status_button.setStyleSheet("font-weight: bold;")
        self.tag_button = touch_button(self.tr("Extra tag"), self, "F6")
        self.slip_button = touch_button(self.tr("Print claim slip again"), self, "F7")
        self.outcome_button = touch_button(self.tr("Outcome"), self, "F8")
        self.details_button = touch_button(self.tr("Edit details"), self, "F10")
        self.reopen_button = touch_button(self.tr("Reopen job"), self, "F11")
        self.close_button = touch_button(self.tr("Close"), self, "Esc")
        top = QHBoxLayout()
        top.addWidget(self.summary, 3)
        right = QVBoxLayout()
        right.addWidget(QLabel(self.tr("Labour and parts"), self))
        right.addWidget(self.lines)
        top.addLayout(right, 2)
        note_row = QHBoxLayout()
        note_row.addWidget(self.note_edit, 1)
        note_row.addWidget(self.note_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.extra_label, 1)
        for button in (
            self.details_button, self.tag_button, self.slip_button, self.outcome_button,
            self.status_button, self.reopen_button, self.close_button,
        ):  # fmt: skip
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            buttons.addWidget(button)
        self.history.setMinimumHeight(TOUCH_MIN_PX * 3)
        self.lines.setMinimumHeight(TOUCH_MIN_PX * 3)
        body = QWidget(self)
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(top, 3)
        column.addWidget(self.work)
        column.addWidget(QLabel(self.tr("History"), self))
        column.addWidget(self.history, 2)
        column.addLayout(note_row)
        scroll = QScrollArea(self)  # on a small screen the job scrolls, its buttons stay put
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidgetResizable(True)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes into it, it scrolls along
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        tab_in_layout_order(self)
        self.status_button.clicked.connect(self.change_status)
        self.note_button.clicked.connect(self.add_note)
        self.details_button.clicked.connect(self.edit_details)
        self.tag_button.clicked.connect(self.extra_tag)
        self.slip_button.clicked.connect(self.reprint_slip)
        self.outcome_button.clicked.connect(self.record_outcome)
        self.reopen_button.clicked.connect(self.reopen)
        self.close_button.clicked.connect(self.reject)
        self.work.changed.connect(self._work_saved)
        self.work.failed.connect(lambda text: self.say(text, problem=True))
        self.refresh()
        # What is typed first at a job is the work done (a part scans in wherever the focus is).
        self.work.labour_text.setFocus()

    # -- showing ---------------------------------------------------------------------------
    def refresh(self) -> None:
        try:
            self.detail = detail = ticket_detail(self.desk.uow, self.ticket_id)
        except DomainError as error:
            self.say(error_text(error), problem=True)
            return
        self.summary.setText(self._summary_html(detail))
        _fill(
            self.lines,
            [(w.description, str(w.qty), kr(w.amount)) for w in detail.lines],
        )
        _fill(
            self.history,
            [
                (h.when, h.who, _status(h), told_text(h) or "–", h.note)
                for h in reversed(detail.history)
            ],
        )
        final = detail.status.final
        self.status_button.setEnabled(not final)
        self.reopen_button.setEnabled(final)
        self.reopen_button.setVisible(final)  # a hidden button's F11 does nothing
        self.details_button.setEnabled(not final)
        self.work.setEnabled(not final)

    def _summary_html(self, d: TicketDetail) -> str:
        def row(label: str, value: str) -> str:
            return f"<tr><td><b>{escape(label)}</b>&nbsp;</td><td>{escape(value)}</td></tr>"

        money = [
            row(self.tr("Estimate"), kr(d.estimate)),
            row(self.tr("Approved up to"), kr(d.approved_up_to)),
            row(self.tr("Price now"), kr(d.actual)),
            row(self.tr("Deposit held"), kr(d.deposit_held)),
        ]
        warning = ""
        if d.needs_approval:
            warning = "<p style='color:#b71c1c'><b>{}</b></p>".format(
                escape(self.tr("Above what the customer approved: record the approval (F5)."))
            )
        for conflict in d.status_conflicts:
            text = (
                self.tr(
                    "The status was changed at another counter: your change from «%1» to «%2» "
                    "was not used. The status is now «%3»."
                )
                .replace("%1", status_label(conflict.from_status))
                .replace("%2", status_label(conflict.to_status))
                .replace("%3", status_label(d.status))
            )
            warning += f"<p style='color:#b71c1c'><b>{escape(text)}</b></p>"
        notes = "".join(
            f"<li>{escape(n.when)} {escape(n.who)}: {escape(n.text)}</li>" for n in d.notes
        )
        if notes:
            heading = escape(self.tr("Notes"))
            warning += f"<p><b>{heading}</b></p><ul>{notes}</ul>"
        contact = ", ".join(x for x in (d.phone, d.email) if x)
        consent = self.tr("may be contacted") if d.consent else self.tr("no contact")
        rows = [
            row(self.tr("Status"), status_label(d.status)),
            row(self.tr("Workshop"), f"{d.tenant_code} {d.tenant_name}"),
            row(self.tr("Customer"), d.customer),
            row(self.tr("Contact"), f"{contact} ({consent})"),
            row(self.tr("Item"), d.item + (f" · {d.serial}" if d.serial else "")),
            row(self.tr("Fault"), d.fault),
            row(self.tr("Condition"), d.condition),
            row(self.tr("Left with it"), ", ".join(d.accessories) or "–"),
            row(self.tr("Photos"), str(len(d.photos))),
            row(self.tr("Technician"), d.technician or "–"),
            row(self.tr("Received"), d.received),
            row(self.tr("Promised"), d.promised or "–"),
            *money,
        ]
        return f"<h2>{escape(d.ticket_id)}</h2><table>{''.join(rows)}</table>{warning}"

    def say(self, text: str, *, problem: bool = False) -> None:
        colour = "#b71c1c" if problem else "#1b5e20"
        self.message.setStyleSheet(f"color: {colour}; font-weight: bold;")
        self.message.setText(text)

    # -- actions ---------------------------------------------------------------------------
    def change_status(self) -> StatusDialog | None:
        if self.detail is None or self.detail.status.final:
            return None
        dialog = StatusDialog(self.desk, self.tasks, self.ticket_id, self)
        dialog.changed.connect(self._status_saved)
        self.status_dialog = dialog
        dialog.open()
        return dialog

    def _status_saved(self, changed: object) -> None:
        from pos.services.repair_common import StatusChanged

        assert isinstance(changed, StatusChanged)
        text = self.tr("Status is now «%1».").replace("%1", status_label(changed.to_status))
        if changed.notification_id:
            text += " " + self.tr("Message queued; it is sent when the centre is online.")
        self.say(text)
        self.refresh()

    def reopen(self) -> ReopenDialog | None:
        """F11: take a finished job back into the workshop (a manager, or with one's PIN)."""
        if self.detail is None or not self.detail.status.final:
            return None
        dialog = ReopenDialog(self.desk, self.tasks, self.ticket_id, self.detail.status, self)
        dialog.reopened.connect(self._reopened)
        self.reopen_dialog = dialog
        dialog.open()
        return dialog

    def _reopened(self, to: object) -> None:
        assert isinstance(to, RepairStatus)
        self.say(self.tr("Reopened: the status is now «%1».").replace("%1", status_label(to)))
        self.refresh()

    def edit_details(self) -> DetailsDialog:
        """F10: correct the customer's contact, the item or the fault (only changes are sent)."""
        dialog = DetailsDialog(self.desk, self.ticket_id, self)
        dialog.accepted.connect(self._details_saved)
        dialog.open()
        return dialog

    def _details_saved(self) -> None:
        self.say(self.tr("Saved."))
        self.refresh()

    def add_note(self) -> None:
        try:
            self.desk.add_note(self.ticket_id, self.note_edit.text())
        except DomainError as error:
            self.say(error_text(error), problem=True)
            return
        self.note_edit.clear()
        self.say(self.tr("Note saved."))
        self.refresh()

    def _work_saved(self) -> None:
        self.say(self.tr("Saved."))
        self.refresh()

    def extra_tag(self) -> None:
        label = self.extra_label.text().strip() or self.tr("Accessory")
        self._print(lambda: self.desk.print_extra_tag(self.ticket_id, label))

    def record_outcome(self) -> OutcomeDialog:
        """F8: fixed / repairable / end of life and the barrier, for the ORDS export."""
        dialog = OutcomeDialog(self.desk, self.ticket_id, self)
        dialog.accepted.connect(lambda: self.say(self.tr("Outcome recorded.")))
        dialog.open()
        return dialog

    def reprint_slip(self) -> None:
        self._print(lambda: self.desk.reprint_slip(self.ticket_id))

    def _print(self, action: object) -> None:
        try:
            jobs = action()  # type: ignore[operator]
        except DomainError as error:
            self.say(error_text(error), problem=True)
            return
        if jobs:
            self.say(self.tr("Sent to the printer."))
        else:
            self.say(self.tr("No printer is set up for this register."), problem=True)

    def handle_scan(self, code: str) -> Refusal | None:
        """A part scanned while the ticket is open goes on the job. Another job's tag is
        refused: one job at a time, so nothing is done to the wrong customer's job."""
        routed = route_code(code)
        if routed.kind is CodeKind.REPAIR_TICKET and routed.code == self.ticket_id:
            self.say(self.tr("This is the job that is open."))
            return None
        if routed.kind is CodeKind.REPAIR_TICKET and self._is_ticket(routed.code):
            text = self.tr("Job %1 is open. Close it (Esc) before opening %2.")
            return self._refuse(text.replace("%1", self.ticket_id).replace("%2", routed.code))
        if routed.kind in (CodeKind.RECEIPT, CodeKind.CREDIT_NOTE, CodeKind.INVALID):
            return self._refuse(self.tr("Only parts can be scanned onto a job."))
        if self.detail is None or self.detail.status.final:
            return self._refuse(self.tr("This job is finished: reopen it to add parts."))
        if not self.work.add_part(routed.code):
            return Refusal(self.message.text())
        return None

    def _refuse(self, text: str) -> Refusal:
        self.say(text, problem=True)
        return Refusal(text)

    def _is_ticket(self, ticket_id: str) -> bool:
        try:
            ticket_detail(self.desk.uow, ticket_id)
        except DomainError:
            return False
        return True


def _status(entry: HistoryEntry) -> str:
    return status_label(entry.to_status) if entry.to_status is not None else entry.to_label
