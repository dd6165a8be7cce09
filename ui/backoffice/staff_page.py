"""Staff (manager): who works here, their role, whether they are waiting out a wrong-PIN delay,
and the recovery code. A PIN is typed by the staff member into a hidden field and never shown;
a new recovery code is shown once (and printed when a printer is set up). Every change is
journaled by ``pos.services.staff`` and ``pos.services.recovery``."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from pos.clock import OSLO
from pos.model.staff import Role
from pos.services import recovery, staff
from pos.services.context import TillContext
from ui.backoffice.page_parts import heading, message_line, say, sized
from ui.common import error_text, tab_passes, touch_button
from ui.pages import PageContext, PageWidget


def local_time(utc_iso: str) -> str:
    """``HH:MM`` in Oslo of a stored UTC instant."""
    from datetime import datetime

    return datetime.fromisoformat(utc_iso.replace("Z", "+00:00")).astimezone(OSLO).strftime("%H:%M")


class StaffPage(PageWidget):
    def __init__(self, ctx: PageContext) -> None:
        super().__init__()
        self.session = ctx.session
        self.tasks = ctx.tasks
        self.printing = ctx.printing
        self.members: list[staff.StaffMember] = []
        self.shown_code = ""
        """The last recovery code shown (kept for the screen's tests; never stored)."""
        self.role_names = {
            Role.CASHIER: self.tr("Cashier"),
            Role.TECHNICIAN: self.tr("Technician"),
            Role.MANAGER: self.tr("Manager"),
        }
        self.table = tab_passes(QTableWidget(0, 4, self))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Staff no."), self.tr("Name"), self.tr("Role"), self.tr("State")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # arrows choose a row; Tab goes on to the form
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setDefaultSectionSize(44)
        self.table.itemSelectionChanged.connect(self._chosen)
        self.staff_no = QLineEdit(self)
        self.name = QLineEdit(self)
        self.role = QComboBox(self)
        for role, label in self.role_names.items():
            self.role.addItem(label, role)
        self.pin = QLineEdit(self)
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setPlaceholderText(self.tr("Typed by the staff member; never shown"))
        sized(self.staff_no, self.name, self.role, self.pin)
        form = QFormLayout()
        form.addRow(self.tr("Staff no."), self.staff_no)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Role"), self.role)
        form.addRow(self.tr("New PIN"), self.pin)
        actions = [
            (self.tr("Add"), "Ctrl+N", self.add),
            (self.tr("Set PIN"), "Ctrl+P", self.set_pin),
            (self.tr("Save role"), "Ctrl+R", self.save_role),
            (self.tr("Unlock"), "Ctrl+U", self.unlock),
            (self.tr("Deactivate / activate"), "Ctrl+D", self.toggle_active),
            (self.tr("New recovery code"), "Ctrl+K", self.new_recovery_code),
        ]
        buttons = QHBoxLayout()
        for text, key, slot in actions:
            button = touch_button(text, self, key)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        self.message = message_line(self)
        layout = QVBoxLayout(self)
        layout.addLayout(heading(self, self.tr("Staff")))
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.message)

    def on_shown(self) -> None:
        self.reload()
        self.staff_no.setFocus()  # ready to type someone new; ↑/↓ in the list chooses one

    def reload(self, select: str | None = None) -> None:
        self.members = staff.list_staff(self.session.uow, self.session.clock)
        self.table.setRowCount(len(self.members))
        for row, member in enumerate(self.members):
            state = self.tr("active") if member.active else self.tr("deactivated")
            if member.locked and member.locked_until:
                until = local_time(member.locked_until)
                state = self.tr("LOCKED until %1 (wrong PINs)").replace("%1", until)
            cells = [member.staff_no, member.name, self.role_names[member.role], state]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
            if member.staff_no == select:
                self.table.selectRow(row)

    def selected(self) -> staff.StaffMember | None:
        rows = self.table.selectionModel().selectedRows()
        return self.members[rows[0].row()] if rows else None

    def _chosen(self) -> None:
        member = self.selected()
        if member is None:
            return
        self.staff_no.setText(member.staff_no)
        self.name.setText(member.name)
        self.role.setCurrentIndex(self.role.findData(member.role))
        self.pin.clear()

    def _do(self, action: str, work: Callable[[], object]) -> None:
        """A change run on the database thread: a new PIN is hashed with scrypt, slow on
        purpose, and the screen goes on meanwhile. ``work`` reads no widget: what it needs is
        read from the form before."""
        if self.tasks.busy:
            return  # the change asked for is still being made
        number = self.staff_no.text().strip()
        self.pin.clear()  # a PIN never stays on screen, not even hidden
        self.tasks.run(work, lambda _none: self._done(action, number), self._refused)

    def _done(self, action: str, number: str) -> None:
        self.reload(number)
        say(self.message, action.replace("%1", number))

    def _refused(self, error: Exception) -> None:
        say(self.message, error_text(error), problem=True)

    def add(self) -> None:
        ctx, number, name = self.session.context(), self.staff_no.text(), self.name.text()
        role, pin = Role(self.role.currentData()), self.pin.text()
        self._do(
            self.tr("Added %1."),
            lambda: staff.add(self.session.uow, ctx, number, name, role, pin),
        )

    def set_pin(self) -> None:
        ctx, number, pin = self.session.context(), self.staff_no.text(), self.pin.text()
        self._do(
            self.tr("New PIN set for %1."),
            lambda: staff.set_pin(self.session.uow, ctx, number, pin),
        )

    def save_role(self) -> None:
        ctx, number, role = self.session.context(), self.staff_no.text(), self.role.currentData()
        self._do(
            self.tr("Role changed for %1."),
            lambda: staff.set_role(self.session.uow, ctx, number, Role(role)),
        )

    def unlock(self) -> None:
        ctx, number = self.session.context(), self.staff_no.text()
        self._do(
            self.tr("%1 is unlocked."),
            lambda: staff.unlock(self.session.uow, ctx, number),
        )

    def new_recovery_code(self) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("New recovery code"),
            self.tr(
                "Make a new recovery code? The old one stops working. The new code is shown "
                "once: have paper ready, and keep it away from the till."
            ),
        )
        if answer != QMessageBox.StandardButton.Yes or self.tasks.busy:
            return
        ctx = self.session.context()
        self.tasks.run(
            lambda: recovery.new_recovery_code(self.session.uow, ctx),
            lambda code: self._show_recovery_code(ctx, code),
            self._refused,
        )

    def _show_recovery_code(self, ctx: TillContext, code: str) -> None:
        if self.printing is not None:
            when = ctx.clock.now()
            centre = self.session.overview().centre_name
            self.printing.print_slip(recovery.recovery_slip(centre, ctx.register_id, code, when))
        self.shown_code = code
        QMessageBox.information(
            self,
            self.tr("New recovery code"),
            self.tr("Recovery code (shown only now):\n\n%1").replace("%1", code),
        )
        say(self.message, self.tr("A new recovery code was made; the old one no longer works."))

    def toggle_active(self) -> None:
        member = next((m for m in self.members if m.staff_no == self.staff_no.text()), None)
        active = member is not None and not member.active
        ctx, number = self.session.context(), self.staff_no.text()
        self._do(
            self.tr("%1 is active again.") if active else self.tr("%1 is deactivated."),
            lambda: staff.set_active(self.session.uow, ctx, number, active),
        )
