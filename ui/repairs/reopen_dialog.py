"""Reopening a finished job (collected, returned unrepaired, scrapped), e.g. for a warranty
rework: the status to go back to and why (required, it goes in the history). A manager does it;
anyone else needs a manager's staff number and PIN. The service checks both again."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from pos.errors import PermissionDenied
from pos.model.repair import REOPEN_TARGETS, RepairStatus
from pos.model.staff import Operator
from pos.services import repair_status
from ui.approval_dialog import ApprovalDialog
from ui.approval_flow import ask_approval
from ui.common import TOUCH_MIN_PX, error_text, touch_button
from ui.repairs.desk import RepairDesk
from ui.repairs.labels import status_label
from ui.tab_order import tab_in_layout_order
from ui.tasks import TaskRunner
from ui.window_placement import roomy


class ReopenDialog(QDialog):
    reopened = Signal(object)
    """The job was reopened: (the RepairStatus it is in now)."""

    def __init__(
        self,
        desk: RepairDesk,
        tasks: TaskRunner,
        ticket_id: str,
        current: RepairStatus,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reopen %1").replace("%1", ticket_id))
        roomy(self, 680, 420)
        self.desk = desk
        self.tasks = tasks
        self.ticket_id = ticket_id
        self.approval: ApprovalDialog | None = None
        self._saving = False
        explanation = QLabel(
            self.tr(
                "The job is «%1». Reopening it takes it back into the workshop (for example "
                "for a warranty rework); the reason is kept in the history."
            ).replace("%1", status_label(current)),
            self,
        )
        explanation.setWordWrap(True)
        self.target = QComboBox(self)
        self.target.setObjectName("reopenTarget")
        self.target.setMinimumHeight(TOUCH_MIN_PX)
        for status in RepairStatus:  # workflow order
            if status in REOPEN_TARGETS:
                self.target.addItem(status_label(status), status.value)
        self.target.setCurrentIndex(self.target.findData(RepairStatus.IN_REPAIR.value))
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("Why is the job reopened? (required)"))
        self.reason.setMinimumHeight(TOUCH_MIN_PX)
        self.problem = QLabel(self)
        self.problem.setObjectName("reopenProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b71c1c; font-weight: bold;")
        self.save_button = touch_button(self.tr("Reopen"), self, "F12")
        self.save_button.setStyleSheet("font-weight: bold;")
        self.cancel_button = touch_button(self.tr("Cancel"), self, "Esc")
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(QLabel(self.tr("Back to status"), self))
        layout.addWidget(self.target)
        layout.addWidget(QLabel(self.tr("Reason"), self))
        layout.addWidget(self.reason)
        layout.addWidget(self.problem)
        layout.addLayout(buttons)
        tab_in_layout_order(self)
        self.save_button.clicked.connect(lambda: self.save())
        self.cancel_button.clicked.connect(self.reject)

    def choose(self, status: RepairStatus) -> None:
        self.target.setCurrentIndex(self.target.findData(status.value))

    def save(self, approver: Operator | None = None) -> None:
        """Reopen; when the service wants a manager, ask for one and try again with them."""
        if self._saving:  # a second F12 while the first is being saved
            return
        reason = self.reason.text().strip()
        if not reason:
            self.problem.setText(self.tr("Write why the job is reopened; it goes in the history."))
            self.reason.setFocus()
            return
        self.problem.clear()
        to = RepairStatus(self.target.currentData())
        ctx = self.desk.session.context()
        self._saving = True
        self.save_button.setEnabled(False)
        self.tasks.run(
            lambda: repair_status.reopen(
                self.desk.uow, ctx, self.ticket_id, to, approver=approver, note=reason
            ),
            lambda _none: self._saved(to),
            lambda error: self._refused(error, approver),
        )

    def _saved(self, to: RepairStatus) -> None:
        self._saving = False
        self.accept()
        self.reopened.emit(to)

    def _refused(self, error: Exception, approver: Operator | None) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        if isinstance(error, PermissionDenied) and approver is None:
            why = self.tr(
                "Reopening a finished job needs a manager: the manager enters their staff "
                "number and PIN."
            )
            self.approval = ask_approval(
                self, self.desk.session, self.tasks, error, self.save, why=why
            )
        else:
            self.problem.setText(error_text(error))
