"""The failed print jobs (from the status bar, Ctrl+Shift+P): what failed and why, and a retry of
one or all. What a retry prints (the original, or the one copy) is decided in ``pos``; it is said
here as queued, then as printed or failed once the printer has answered. A job holding no
receipt may instead be dismissed, which prints nothing."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pos.errors import DomainError
from pos.model.printing import JobKind, JobStatus, PrintJob
from pos.services.context import TillContext
from pos.services.receipt_lookup import FailedJobRow, print_attention
from pos.services.reprint import Reprinted
from ui.common import error_text, tab_passes, touch_button
from ui.tasks import TaskRunner
from ui.till_session import TillSession

if TYPE_CHECKING:
    from printers.printing import Printing


def problem_text(error: str) -> str:
    """A failed job's error in the person's language, the printer's own words after it."""
    reason = error.split(":", 1)[0]
    texts = {
        "offline": QCoreApplication.translate("PrintJobsDialog", "The printer did not answer"),
        "paper_out": QCoreApplication.translate("PrintJobsDialog", "Out of paper"),
        "timeout": QCoreApplication.translate("PrintJobsDialog", "The printer stopped taking data"),
        "interrupted": QCoreApplication.translate(
            "PrintJobsDialog", "The program stopped while it printed"
        ),
    }
    said = texts.get(reason) or QCoreApplication.translate("PrintJobsDialog", "Printing failed")
    where = re.search(r"\(([a-z]+://[^()]*)\)$", error) if reason in texts else None
    return f"{said} ({where.group(1) if where else error})"  # a known fault: only the address


class PrintJobsDialog(QDialog):
    listed = Signal()
    """The list was read again: whatever counts failed jobs (the status bar) should too."""

    def __init__(
        self,
        session: TillSession,
        tasks: TaskRunner,
        printing: Printing | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("printJobs")
        self.setWindowTitle(self.tr("Print jobs that failed"))
        self.resize(900, 420)
        self.session, self.tasks, self.printing = session, tasks, printing
        self.rows: list[FailedJobRow] = []
        self._pending: dict[str, str] = {}
        self._ended: dict[str, PrintJob] = {}
        """Jobs that ended before their retry's queuing was told (the printer was quick)."""
        """Retried jobs not yet printed: (new job id) → what it prints, as said when queued."""
        self.table = tab_passes(QTableWidget(0, 4, self))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Time"), self.tr("What"), self.tr("Problem"), self.tr("A retry prints")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for column in (0, 1, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(True)
        self.message = QLabel(self)
        self.message.setObjectName("printJobsMessage")
        self.message.setWordWrap(True)
        self.retry_button = touch_button(self.tr("Retry"), self, "Return")
        self.retry_button.setObjectName("retryJob")
        self.retry_button.clicked.connect(self.retry_selected)
        self.retry_all_button = touch_button(self.tr("Retry all"), self, "Ctrl+Return")
        self.retry_all_button.setObjectName("retryAll")
        self.retry_all_button.clicked.connect(self.retry_all)
        self.dismiss_button = touch_button(self.tr("Dismiss"), self, "Delete")
        self.dismiss_button.setObjectName("dismissJob")
        self.dismiss_button.clicked.connect(self.dismiss_selected)
        close = touch_button(self.tr("Close"), self, "Esc")
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        for button in (self.retry_button, self.retry_all_button, self.dismiss_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.refresh()
        if not self.rows:
            self.say(self.tr("No failed print jobs."))

    # -- showing ---------------------------------------------------------------------------
    def refresh(self) -> None:
        """The list again (after a retry, or when a job ends); what was said stays."""
        self.rows = list(print_attention(self.session.uow, self.session.register_id).failed)
        self.table.setRowCount(len(self.rows))
        for index, row in enumerate(self.rows):
            cells = (row.when, row.title, problem_text(row.error), self._outcome(row))
            for column, text in enumerate(cells):
                self.table.setItem(index, column, QTableWidgetItem(text))
        self.table.resizeRowsToContents()
        if self.rows:
            self.table.selectRow(0)
        self.retry_all_button.setEnabled(bool(self.rows))
        self._selection_changed()
        self.listed.emit()

    def job_finished(self, job: PrintJob) -> None:
        """A job ended: the list again, and if it was one retried here, what became of it."""
        self.refresh()
        what = self._pending.pop(job.id, None)
        if what is None:
            self._ended[job.id] = job  # may be a retry whose queuing is not yet told here
            return
        self._say_ended(job, what)

    def _say_ended(self, job: PrintJob, what: str) -> None:
        if job.status is JobStatus.PRINTED:
            self.say(self.tr("Printed: %1.").replace("%1", what))
        elif job.status is JobStatus.FAILED:
            text = self.tr("NOT printed: %1 – %2.").replace("%1", what)
            self.say(text.replace("%2", problem_text(job.error)), problem=True)

    def _selection_changed(self) -> None:
        row = self.selected()
        self.retry_button.setEnabled(row is not None and row.kind is not JobKind.DRAWER_KICK)
        self.dismiss_button.setEnabled(row is not None and not row.kind.carries_receipts)

    def selected(self) -> FailedJobRow | None:
        picked = self.table.selectionModel().selectedRows()
        return self.rows[picked[0].row()] if picked else None

    def _outcome(self, row: FailedJobRow) -> str:
        if row.kind is JobKind.DRAWER_KICK:
            return self.tr("Nothing: open the drawer with F10 (journaled)")
        if row.kind is JobKind.COPY:
            if row.may_be_on_paper:
                return self.tr("Nothing: the copy may be on paper")
            return self.tr("The same copy (KOPI)")
        if row.kind is not JobKind.RECEIPTS:
            return self.tr("The same document again")
        if not row.waiting:
            return self.tr("Nothing: already printed")
        if row.may_be_on_paper:
            return self.tr("The one copy (KOPI): the original may be on paper")
        return self.tr("The original (not marked KOPI)")

    def say(self, text: str, *, problem: bool = False, waiting: bool = False) -> None:
        colour = "#b71c1c" if problem else "#37474f" if waiting else "#1b5e20"
        self.message.setStyleSheet(f"color: {colour}; font-weight: bold; font-size: 15px;")
        self.message.setText(text)

    # -- acting ----------------------------------------------------------------------------
    def retry_selected(self) -> None:
        row = self.selected()
        if row is not None:
            self._run(lambda printing, ctx: [printing.retry(ctx, row.job_id)])

    def retry_all(self) -> None:
        job_ids = [r.job_id for r in self.rows if r.kind is not JobKind.DRAWER_KICK]
        self._run(lambda printing, ctx: _retry_each(printing, ctx, job_ids))

    def dismiss_selected(self) -> None:
        row = self.selected()
        if row is not None:
            self._run(
                lambda printing, ctx: [printing.dismiss(ctx, row.job_id)],
                lambda _results: self._dismissed(row),
            )

    def _dismissed(self, row: FailedJobRow) -> None:
        self.refresh()
        self.say(self.tr("Dismissed, nothing printed: %1.").replace("%1", row.title))

    def _run(self, action: Callable[..., list], done: Callable[[list], None] | None = None) -> None:
        if self.printing is None or self.session.operator is None:
            self.say(self.tr("No printer is connected to this counter."), problem=True)
            return
        printing, ctx = self.printing, self.session.context()
        self.tasks.run(lambda: action(printing, ctx), done or self._done, self._failed)

    def _done(self, results: list) -> None:
        """Retries queued: said as waiting for the printer; ``job_finished`` says the rest."""
        parts = []
        for done in (r for r in results if isinstance(r, Reprinted)):
            what = self._queued_text(done)
            self._pending.update(dict.fromkeys(done.job_ids, what))
            parts.append(what)
        errors = [error_text(r) for r in results if isinstance(r, Exception)]
        self.refresh()
        queued = ""
        if parts:
            queued = self.tr("Queued for the printer: %1. Waiting for the printer…")
            queued = queued.replace("%1", "; ".join(parts))
        if errors:
            self.say(" ".join([queued, *errors]).strip(), problem=True)
        elif queued:
            self.say(queued, waiting=True)
        ended, self._ended = self._ended, {}
        for job_id, job in ended.items():
            if job_id in self._pending:
                self._say_ended(job, self._pending.pop(job_id))

    def _queued_text(self, done: Reprinted) -> str:
        said = []
        if done.originals:
            said.append(self.tr("original %1").replace("%1", ", ".join(done.originals)))
        if done.copies:
            said.append(self.tr("copy (KOPI) %1").replace("%1", ", ".join(done.copies)))
        return ", ".join(said) or self.tr("the same document")

    def _failed(self, error: Exception) -> None:
        self.refresh()
        self.say(error_text(error), problem=True)


def _retry_each(printing: Printing, ctx: TillContext, job_ids: list[str]) -> list:
    """Every failed job once; one that cannot be retried says why, the rest go on."""
    results: list = []
    for job_id in job_ids:
        try:
            results.append(printing.retry(ctx, job_id))
        except DomainError as error:
            results.append(error)
    return results
