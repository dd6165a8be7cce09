"""Changing a job's status: the list offers only the moves the rules allow from where the job
is (``repair_status.status_moves``); before anything is saved the technician sees exactly which
message will go to whom (or that none will); saving passes that preview back, so what is queued
is what was shown, or the change is refused. A final status (collected, returned unrepaired,
scrapped) closes the job, so it is saved only when Save is pressed a second time: a list picked
by a slip of the mouse never closes a job on its own."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from pos.errors import DomainError
from pos.model.repair import RepairStatus
from pos.services import repair_status
from pos.services.repair_status import StatusChangePreview
from ui.common import TOUCH_MIN_PX, error_text, touch_button
from ui.repairs.desk import RepairDesk
from ui.repairs.labels import preview_text, status_label
from ui.tab_order import tab_in_layout_order
from ui.tasks import TaskRunner
from ui.window_placement import roomy


class StatusDialog(QDialog):
    changed = Signal(object)
    """The status was saved: (its StatusChanged)."""

    def __init__(
        self,
        desk: RepairDesk,
        tasks: TaskRunner,
        ticket_id: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Change status of %1").replace("%1", ticket_id))
        roomy(self, 680, 420)
        self.desk = desk
        self.tasks = tasks
        self.ticket_id = ticket_id
        self.preview: StatusChangePreview | None = None
        self.target = QComboBox(self)
        self.target.setObjectName("target")
        self.target.setMinimumHeight(TOUCH_MIN_PX)
        for status in repair_status.status_moves(desk.uow, ticket_id):
            self.target.addItem(status_label(status), status.value)
        self.message_heading = QLabel(self.tr("What saving will send:"), self)
        self.message_heading.setStyleSheet("font-weight: bold;")
        self.message_preview = QLabel(self)
        self.message_preview.setObjectName("messagePreview")
        self.message_preview.setWordWrap(True)
        self.message_preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message_preview.setMinimumHeight(90)
        self.message_preview.setStyleSheet(
            "background: #fffde7; border: 1px solid #c9b458; padding: 8px; font-size: 15px;"
        )
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(self.tr("Note for the history (optional)"))
        self.note.setMinimumHeight(TOUCH_MIN_PX)
        self.problem = QLabel(self)
        self.problem.setObjectName("statusProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b71c1c; font-weight: bold;")
        self.final_warning = QLabel(self)
        self.final_warning.setObjectName("finalWarning")
        self.final_warning.setWordWrap(True)
        self.final_warning.setStyleSheet("color: #b71c1c;")
        self.armed = False
        """A final status was asked for once: the next Save saves it."""
        self.save_button = touch_button(self.tr("Save status"), self, "F12")
        self.save_button.setStyleSheet("font-weight: bold;")
        self.cancel_button = touch_button(self.tr("Cancel"), self, "Esc")
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("New status"), self))
        layout.addWidget(self.target)
        layout.addWidget(self.message_heading)
        layout.addWidget(self.message_preview)
        layout.addWidget(self.note)
        layout.addWidget(self.problem)
        layout.addWidget(self.final_warning)
        layout.addLayout(buttons)
        tab_in_layout_order(self)
        self.target.currentIndexChanged.connect(lambda _i: self.refresh())
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        self.refresh()

    def offered(self) -> list[RepairStatus]:
        return [RepairStatus(self.target.itemData(i)) for i in range(self.target.count())]

    def choose(self, status: RepairStatus) -> None:
        self.target.setCurrentIndex(self.target.findData(status.value))
        self.refresh()

    def refresh(self) -> None:
        """Ask the rules: is the change still allowed, and what message would it send now?"""
        self.preview = None
        self.problem.clear()
        self._disarm()
        if self.target.currentData() is None:
            self.problem.setText(self.tr("No status change is possible from here."))
            self.message_preview.setText("")
            self.save_button.setEnabled(False)
            return
        to = RepairStatus(self.target.currentData())
        try:
            self.preview = repair_status.preview_status_change(self.desk.uow, self.ticket_id, to)
        except DomainError as error:
            self.problem.setText(error_text(error))
            self.message_preview.setText("")
        else:
            self.message_preview.setText(preview_text(self.preview.preview))
        self.save_button.setEnabled(self.preview is not None)
        if self.preview is not None and to.final:
            self.final_warning.setText(
                self.tr("«%1» is a final status: the job is closed, and only a manager can "
                        "reopen it. Check it is the right one, then press Save again.")
                .replace("%1", status_label(to))
            )  # fmt: skip

    def _disarm(self) -> None:
        self.armed = False
        self.final_warning.clear()
        self.final_warning.setStyleSheet("color: #b71c1c;")
        self.save_button.setText(self.tr("Save status") + "\nF12")

    def save(self) -> None:
        preview = self.preview
        if preview is None or self.tasks.busy:
            return
        if preview.to_status.final and not self.armed:  # asked once: the next Save saves
            self.armed = True
            self.final_warning.setStyleSheet("color: #b71c1c; font-weight: bold;")
            self.save_button.setText(self.tr("Yes, close the job") + "\nF12")
            return
        self.save_button.setEnabled(False)
        ctx = self.desk.session.context()
        self.tasks.run(
            lambda: repair_status.change_status(
                self.desk.uow,
                ctx,
                self.ticket_id,
                preview.to_status,
                note=self.note.text(),
                confirmed=preview.preview,
            ),
            self._saved,
            self._refused,
        )

    def _saved(self, changed: object) -> None:
        self.accept()
        self.changed.emit(changed)

    def _refused(self, error: Exception) -> None:
        self.refresh()  # the message may have changed: show the new one before trying again
        self.problem.setText(error_text(error))
