"""The day-end page: X report any time, the Z reports of every tenant with use, the till close
with blind count, and the manager's day-end PDF. Reports print on this register's printer and are
saved as PDF in ``<data dir>/reports``; slow work runs off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

from pdf.reports import day_end_pdf, drawer_report_pdf
from pos.clock import Stamp
from pos.model.day_end import CloseSummary
from pos.model.printing import JobKind, JobStatus, PrintJob
from pos.model.report_english import english_rows
from pos.model.report_lines import report_rows, report_slip
from pos.model.reports import DrawerReport
from pos.model.restore_losses import at_close
from pos.model.till_close import TillCloseDoc
from pos.money import format_nok
from pos.services import reports, z_copies
from pos.services.anchors import current_anchor
from pos.services.backups import backup_after_z
from pos.services.context import TillContext
from pos.services.day_end import day_counts, day_end_doc
from ui.common import error_text, ui_language
from ui.day_end.close_table import CloseTable
from ui.day_end.day_counts import DayCounts
from ui.message_line import MessageLine
from ui.pages import SYNC_NOW, PageContext, PageWidget
from ui.print_jobs_dialog import problem_text
from ui.status_strip import PRINT_JOBS_KEY
from ui.till_close_dialog import TillCloseDialog


class DayEndPage(PageWidget):
    def __init__(self, ctx: PageContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.backup_problem = ""
        """Why the backup after the last Z failed ("" when it did not)."""
        self.last_reports: list[DrawerReport] = []
        self.last_pdfs: list[Path] = []
        self.anchor = ""
        """The journal anchor printed on the last reports."""
        self.slips: list[str] = []
        """The print jobs of the last reports' printouts."""
        self.ended: dict[str, PrintJob] = {}
        """Printouts that ended since (a job may end before the page hears it was queued)."""
        self.reports_said = ""
        """What the page said of the last reports, before their printouts' outcome."""
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Day end and reports"), self)
        title.setStyleSheet("font-size: 22px; font-weight: bold;")
        layout.addWidget(title)
        grid = QGridLayout()
        layout.addLayout(grid)
        self.buttons: dict[str, QPushButton] = {}
        actions = [
            ("x", self.tr("X report"), "F2", self.x_report),
            ("z", self.tr("Z reports (all tenants)"), "F3", self.z_reports),
            ("close", self.tr("Count and close the till"), "F4", self.close_till),
            ("pdf", self.tr("Day-end PDF"), "F5", self.day_end_pdf),
            ("copy", self.tr("Print a Z again (copy)"), "F6", self.z_copies),
            ("back", self.tr("Back to sale"), "Esc", self.close_requested.emit),
        ]
        for index, (key, text, shortcut, slot) in enumerate(actions):
            button = QPushButton(f"{text}\n{shortcut}", self)
            button.setMinimumHeight(64)
            button.clicked.connect(slot)
            QShortcut(QKeySequence(shortcut), self).activated.connect(slot)
            grid.addWidget(button, index // 3, index % 3)
            self.buttons[key] = button
        layout.addWidget(QLabel(self.tr("Days with use and no Z report (oldest first)"), self))
        self.open_days = QListWidget(self)
        self.open_days.setObjectName("openDays")
        self.open_days.setMaximumHeight(120)
        layout.addWidget(self.open_days)
        layout.addWidget(QLabel(self.tr("Days with Z reports taken (newest first)"), self))
        self.taken_days = QListWidget(self)
        self.taken_days.setObjectName("takenDays")
        self.taken_days.setMaximumHeight(90)
        layout.addWidget(self.taken_days)
        self.message = MessageLine(self)
        layout.addWidget(self.message)
        self.day_counts = DayCounts(self)
        layout.addWidget(self.day_counts)
        self.close_table = CloseTable(self)
        layout.addWidget(self.close_table, 1)
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setStyleSheet("font-family: monospace;")
        layout.addWidget(self.text, 1)

    @property
    def report_dir(self) -> Path:
        base = self.ctx.data_dir or Path.home()
        return base / "reports"

    def on_shown(self) -> None:
        self.refresh_open_days()
        try:
            today = Stamp.of(self.ctx.session.clock.now()).local_date
        except Exception:  # noqa: BLE001 - a clock behind is said by the open days' refresh
            return
        self.refresh_counts(today)

    def refresh_counts(self, day: str) -> tuple[CloseSummary, ...]:
        """The day's counts of the drawer: each shift change's and the close's."""
        session = self.ctx.session
        counts = day_counts(session.uow, session.register_id, day)
        self.day_counts.show_counts(counts)
        return counts

    def refresh_open_days(self) -> None:
        """Every business day with use whose Z is not taken yet, one line per day."""
        try:
            found = reports.open_days(self.ctx.session.uow, self.ctx.session.context())
        except Exception as error:  # noqa: BLE001 - e.g. the clock is behind: say so
            self._failed(error)
            return
        days: dict[str, list[str]] = {}
        late: dict[str, bool] = {}
        for entry in found:
            days.setdefault(entry.business_date, []).append(entry.tenant_name)
            late[entry.business_date] = entry.overdue
        self.open_days.clear()
        for day, names in days.items():
            state = self.tr("missing") if late[day] else self.tr("today, still open")
            item = QListWidgetItem(f"{day}  ({state}): {', '.join(names)}")
            item.setData(Qt.ItemDataRole.UserRole, day)
            self.open_days.addItem(item)
        if self.open_days.count():
            self.open_days.setCurrentRow(0)
        self.taken_days.clear()
        for taken in z_copies.taken_days(self.ctx.session.uow, self.ctx.session.register_id):
            item = QListWidgetItem(f"{taken.business_date}: {', '.join(taken.reports)}")
            item.setData(Qt.ItemDataRole.UserRole, taken.business_date)
            self.taken_days.addItem(item)
        if self.taken_days.count():
            self.taken_days.setCurrentRow(0)

    def chosen_day(self) -> str | None:
        """The day the next Z is for: the one chosen in the list, else the oldest open."""
        item = self.open_days.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    # -- X and Z ---------------------------------------------------------------------------
    def x_report(self) -> None:
        till = self.ctx.session.context()
        self._run(lambda: reports.x_reports(self.ctx.session.uow, till), self.tr("X report"))

    def z_reports(self) -> None:
        day = self.chosen_day()
        question = (
            self.tr(
                "Take the Z report of %1 for every tenant with use that day? It cannot be undone."
            ).replace("%1", day)
            if day
            else self.tr(
                "Take today's Z report for every tenant with sales? This cannot be undone."
            )
        )
        answer = QMessageBox.question(self, self.tr("Z reports"), question)
        if answer != QMessageBox.StandardButton.Yes:
            return
        till = self.ctx.session.context()
        self._run(lambda: self._z_and_backup(till, day), self.tr("Z report"))

    def z_copies(self) -> None:
        """The chosen day's Z reports printed and saved again, marked KOPI (journaled)."""
        item = self.taken_days.currentItem()
        if item is None:
            none_yet = self.tr("No Z report has been taken on this register yet.")
            self.message.say(none_yet, problem=True)
            return
        day, till = str(item.data(Qt.ItemDataRole.UserRole)), self.ctx.session.context()
        self.message.say(self.tr("Working…"))
        self.ctx.tasks.run(
            lambda: self._finish(z_copies.z_copies(self.ctx.session.uow, till, day), copy=True),
            lambda result: self._shown(result, copy=True),
            self._failed,
        )

    def _z_and_backup(self, till: TillContext, day: str | None) -> list[DrawerReport]:
        made = reports.z_reports(self.ctx.session.uow, till, day)
        sync_now = self.ctx.extras.get(SYNC_NOW)
        if made and callable(sync_now):  # the day's Zs to the server tonight, not tomorrow
            sync_now()
        self.backup_problem = ""
        if made and self.ctx.data_dir is not None:
            try:  # the day as closed, checked in full; the Zs print whatever happens here
                taken = backup_after_z(self.ctx.data_dir)
                problem = taken.second_problem
                self.backup_problem = error_text(problem) if problem is not None else ""
            except Exception as error:  # noqa: BLE001 - said on the page; the Zs are taken
                self.backup_problem = error_text(error)
        return made

    def _run(self, work: Callable[[], list[DrawerReport]], what: str) -> None:
        self.message.say(self.tr("Working…"))
        self.ctx.tasks.run(lambda: self._finish(work()), self._shown, self._failed)

    def _finish(
        self, made: list[DrawerReport], copy: bool = False
    ) -> tuple[list[DrawerReport], list[Path]]:
        """Off the GUI thread: PDFs written and printouts queued (a copy marked KOPI)."""
        self.report_dir.mkdir(parents=True, exist_ok=True)
        anchor = current_anchor(self.ctx.session.uow).text if made else ""
        suffix = "-KOPI.pdf" if copy else ".pdf"
        pdfs = [drawer_report_pdf(r, self.report_dir / f"{r.report_id}{suffix}", anchor, copy)
                for r in made]  # fmt: skip
        self.reports_said = ""
        self.ended.clear()
        slips = []
        if self.ctx.printing is not None:
            for report in made:
                slips.append(self.ctx.printing.print_slip(report_slip(report, anchor, copy)))
        self.slips = slips
        self.anchor = anchor
        return made, pdfs

    def _shown(self, result: tuple[list[DrawerReport], list[Path]], copy: bool = False) -> None:
        made, pdfs = result
        self.close_table.hide()
        self.last_reports, self.last_pdfs = made, pdfs
        self.refresh_open_days()
        if not made:
            self.message.say(self.tr("No tenant has use since its last Z report."))
            self.text.clear()
            return
        self.reports_said = self.tr("%n reports saved in %1.", "", len(made)).replace(
            "%1", str(self.report_dir)
        )
        self._say_reports()
        lines: list[str] = []
        english = ui_language() == "en"  # paper and PDF keep the legal Norwegian wording
        for report in made:
            rows = report_rows(report, copy)
            for row in english_rows(rows) if english else rows:
                if row.heading:
                    lines.append(f"== {row.label} {row.value}".rstrip())
                    continue
                label = f"{row.letter}) {row.label}" if row.letter else row.label
                lines.append(f"{label:<44} {row.value}" if row.value else label)
            lines.append("")
        lines.append(self.tr("Journal anchor: %1").replace("%1", self.anchor))
        self.text.setPlainText("\n".join(lines))

    def print_finished(self, job: PrintJob) -> None:
        """A printout of the last reports ended: a failed one is said at once, in red."""
        if job.kind is not JobKind.SLIP:
            return
        self.ended[job.id] = job
        if self.reports_said and job.id in self.slips:
            self._say_reports()

    def _say_reports(self) -> None:
        """The reports saved, what became of their printouts so far, and the backup's problem:
        never 'printed' before the printer took them."""
        ended = [self.ended[job] for job in self.slips if job in self.ended]
        failed = [job for job in ended if job.status is JobStatus.FAILED]
        if failed:
            printed = self.tr(
                "The printout did NOT print: %1. The PDF is saved; the printout waits in the "
                "print jobs (%2) to be printed later."
            )
            why = problem_text(failed[0].error or "")
            printed = printed.replace("%1", why).replace("%2", PRINT_JOBS_KEY)
        elif not self.slips:
            printed = self.tr("No printer: nothing was printed.")
        elif len(ended) == len(self.slips):
            printed = self.tr("Printed.")
        else:
            printed = self.tr("Sent to the printer.")
        text = f"{self.reports_said} {printed}"
        if self.backup_problem:
            text += "\n" + self.tr("Backup after the Z: %1").replace("%1", self.backup_problem)
        self.message.say(text, problem=bool(failed) or bool(self.backup_problem))

    def _failed(self, error: Exception) -> None:
        self.message.say(error_text(error), problem=True)

    # -- till close and the day's PDF ------------------------------------------------------
    def close_till(self) -> None:
        dialog = TillCloseDialog(self.ctx.session.uow, self.ctx.session.context(), parent=self)
        dialog.till_closed.connect(self.show_close)
        dialog.exec()

    def show_close(self, doc: TillCloseDoc) -> None:
        """The close's figures per tenant and against the terminals, on the page it was made."""
        self.text.clear()
        text = (
            self.tr("The till is closed: expected %1, counted %2, variance %3.")
            .replace("%1", format_nok(doc.expected_cash))
            .replace("%2", format_nok(doc.counted_cash))
            .replace("%3", format_nok(doc.variance))
        )
        counts = self.refresh_counts(doc.local_date)
        if len(counts) > 1:  # shift changes before the close
            total = format_nok(sum(c.variance for c in counts))
            text += " " + self.tr("With the shift changes the day's variance is %1.").replace(
                "%1", total
            )
        if doc.restored_from:  # what a restore could not read may be the variance
            text += " " + at_close(doc.restored_from, ui_language())
        self.message.say(text)
        self.close_table.show_close(doc)

    def day_end_pdf(self) -> None:
        if not self.last_reports:
            self.message.say(self.tr("Take the X or Z reports first."), problem=True)
            return
        session = self.ctx.session
        day = self.last_reports[0].business_date
        made = self.last_reports

        def work() -> Path:
            doc = day_end_doc(session.uow, session.register_id, day, made)
            self.report_dir.mkdir(parents=True, exist_ok=True)
            return day_end_pdf(
                doc, self.report_dir / f"dagsoppgjor-{session.register_id}-{day}.pdf"
            )

        self.ctx.tasks.run(
            work,
            lambda path: self.message.say(self.tr("Saved %1").replace("%1", str(path))),
            self._failed,
        )
