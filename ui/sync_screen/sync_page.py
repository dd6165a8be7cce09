"""The sync page: online or offline, how much is waiting, the problems the server reported
(flagged or rejected events: shown until a manager removes those dealt with; held ones until the
server stores them), "sync now", and enrolment with a one-time code (managers). Network work
runs off the GUI thread; the cashier never waits on it."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from pos import __version__ as VERSION
from pos.clock import local_text
from pos.model.clock_skew import skew_span, skewed
from pos.model.staff import Permission
from pos.services.centre_share import device_name
from pos.services.sync_state import clear_problems, sync_problems, sync_status
from ui.common import error_text, tab_passes
from ui.pages import PageContext, PageWidget
from ui.sync_screen.problem_words import ProblemWords

if TYPE_CHECKING:
    from sync.cycle import CycleReport, SyncCycle
    from sync.enrolment import Enrolled

log = logging.getLogger(__name__)


class SyncPage(PageWidget):
    def __init__(self, ctx: PageContext) -> None:
        super().__init__()
        self.ctx = ctx
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Sync with the central server"), self)
        title.setStyleSheet("font-size: 22px; font-weight: bold;")
        layout.addWidget(title)
        self.state = QLabel("", self)
        self.state.setWordWrap(True)
        layout.addWidget(self.state)
        buttons = QHBoxLayout()
        self.sync_now = QPushButton(self.tr("Sync now (F5)"), self)
        self.sync_now.setShortcut("F5")
        self.sync_now.setMinimumHeight(48)
        self.sync_now.clicked.connect(self.run_sync)
        back = QPushButton(self.tr("Back to sale (Esc)"), self)
        back.setShortcut("Esc")
        back.setMinimumHeight(48)
        back.clicked.connect(self.close_requested.emit)
        buttons.addWidget(self.sync_now)
        buttons.addWidget(back)
        layout.addLayout(buttons)
        self.enrol_form = QFormLayout()
        self.server = QLineEdit(self)
        self.server.setPlaceholderText("https://sentral.example.no")
        self.code = QLineEdit(self)
        self.ca_file = QLineEdit(self)
        self.ca_file.setPlaceholderText(self.tr("CA file (only for a private certificate)"))
        self.enrol_button = QPushButton(self.tr("Enrol this counter"), self)
        self.enrol_button.setMinimumHeight(48)
        self.enrol_button.clicked.connect(self.enrol)
        self.enrol_form.addRow(self.tr("Server address"), self.server)
        self.enrol_form.addRow(self.tr("One-time code"), self.code)
        self.enrol_form.addRow(self.tr("Certificate"), self.ca_file)
        self.enrol_form.addRow("", self.enrol_button)
        layout.addLayout(self.enrol_form)
        layout.addWidget(QLabel(self.tr("Sync problems (the server flagged or refused):"), self))
        self.words = ProblemWords(self)
        self.problems = tab_passes(QTableWidget(0, 4, self))
        self.problems.setHorizontalHeaderLabels(
            [self.tr("No."), self.tr("Status"), self.tr("Type"), self.tr("Reason")]
        )
        self.problems.horizontalHeader().setStretchLastSection(True)
        self.problems.setWordWrap(True)
        self.problems.verticalHeader().setVisible(False)  # "No." is the event's own number
        self.problems.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        layout.addWidget(self.problems, 1)
        dealt_with = self.tr("Dealt with: remove the chosen problems (Ctrl+Del)")
        self.clear_button = QPushButton(dealt_with, self)
        self.clear_button.setShortcut("Ctrl+Del")
        self.clear_button.setMinimumHeight(48)
        self.clear_button.clicked.connect(self.clear_chosen)
        layout.addWidget(self.clear_button)
        self._shown_ids: list[str] = []

    def say(self, text: str) -> None:
        """The state and what the last action did, never squeezed below its lines by the
        problems table (a wrapped label's height depends on its width)."""
        self.state.setText(text)
        self._fit_state()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_state()

    def _fit_state(self) -> None:
        self.state.setMinimumHeight(self.state.heightForWidth(max(self.state.width(), 300)))

    def on_shown(self) -> None:
        status = sync_status(self.ctx.session.uow)
        if not status.enrolled:
            text = self.tr("Not enrolled: sales stay on this counter until a manager enrols it.")
        else:
            text = (
                self.tr("Server %1 · %2 · %3 not yet synced · last contact %4")
                .replace("%1", status.server_url)
                .replace("%2", self.tr("online") if status.online else self.tr("offline"))
                .replace("%3", str(status.unsynced))
                .replace("%4", local_text(status.last_ok_at, "%d.%m.%Y %H:%M:%S") or "–")
            )
            if status.last_error:
                text += "\n" + self.words.failure(status.last_error)
            if skewed(status.clock_offset_ms):
                text += "\n" + self.clock_text(status.clock_offset_ms)
        self.say(text)
        operator = self.ctx.session.operator
        may_enrol = operator is not None and operator.may(Permission.MANAGE)
        for widget in (self.server, self.code, self.ca_file, self.enrol_button):
            widget.setEnabled(may_enrol)
        self.sync_now.setEnabled(status.enrolled)
        self.clear_button.setEnabled(may_enrol)
        self.show_problems(sync_problems(self.ctx.session.uow, limit=200))

    def show_problems(self, rows: list[dict[str, Any]]) -> None:
        """Each problem in words, the reason whole (wrapped), the codes in its tooltip."""
        self.problems.setRowCount(len(rows))
        self._shown_ids = [str(p["event_id"]) for p in rows]
        reasons = self.words.reasons()  # once per refresh, not once per row
        for row, problem in enumerate(rows):
            code, kind = str(problem["code"]), str(problem["type"])
            values = (
                str(problem["device_seq"] or ""),
                self.words.status(str(problem["status"])),
                self.words.event_type(kind),
                self.words.reason(code, kind, reasons) + self.words.subject(problem),
            )
            for column, value in enumerate(values):
                cell = QTableWidgetItem(value)
                cell.setToolTip(f"{kind} · {code} · {problem['event_id']}")
                self.problems.setItem(row, column, cell)
        for column in range(3):  # the reason takes the rest of the width, wrapped
            self.problems.resizeColumnToContents(column)
        self.problems.resizeRowsToContents()

    def clear_chosen(self) -> None:
        """The manager has dealt with the chosen problems: they leave the list. An event the
        server still holds stays until the server stores it."""
        chosen = sorted({i.row() for i in self.problems.selectionModel().selectedRows()})
        if not chosen:
            self.say(self.tr("Choose the problems you have dealt with first."))
            return
        ids = [self._shown_ids[r] for r in chosen if r < len(self._shown_ids)]
        try:
            gone = clear_problems(self.ctx.session.uow, self.ctx.session.context(), ids)
        except Exception as error:  # noqa: BLE001 - shown; nothing was removed
            self.say(error_text(error))
            return
        self.show_problems(sync_problems(self.ctx.session.uow, limit=200))
        text = self.tr("%n problems removed from the list.", "", gone)
        if gone < len(ids):
            text += " " + self.tr("Events the server holds stay until its operator releases them.")
        self.say(text)

    def clock_text(self, offset_ms: int | None) -> str:
        """The skew in the unit people read it in, by the status strip's and the command
        line's rule (minutes, then hours, then days)."""
        n, unit = skew_span(offset_ms or 0)
        if unit == "minutes":
            span = self.tr("%n minutes", "", n)
        elif unit == "hours":
            span = self.tr("%n hours", "", n)
        else:
            span = self.tr("%n days", "", n)
        if (offset_ms or 0) > 0:
            text = self.tr("This counter's clock is %1 behind the server's: set the PC's time.")
        else:
            text = self.tr("This counter's clock is %1 ahead of the server's: set the PC's time.")
        return text.replace("%1", span)

    def reason(self, code: str) -> str:
        """The problem in words staff understand (the code itself when there are none)."""
        return self.words.reasons().get(code, code)

    def run_sync(self) -> None:
        cycle = self._cycle()
        self.say(self.tr("Working…"))
        self.ctx.tasks.run(lambda: cycle().run(), self._synced, self._failed)

    def _cycle(self) -> Callable[[], SyncCycle]:
        from pos.adapters.key_files import KeyStore
        from sync.cycle import SyncCycle

        uow = self.ctx.session.uow
        found = self.ctx.extras.get("keys")  # the counter's key store: rotated keys are sent
        keys = found if isinstance(found, KeyStore) else None
        return lambda: SyncCycle(uow, app_version=VERSION, keys=keys)

    def _synced(self, report: CycleReport) -> None:
        log.info("sync now (sync page): %s", report.summary())
        self._done(self.summary(report))

    def summary(self, report: CycleReport) -> str:
        """What a sync did, in the UI's language."""
        text = (
            self.tr(
                "Sent to the server: %1 · already there: %2 · stored with a mark: %3 · "
                "held on the server: %4 · fetched from the server: %5"
            )  # fmt: skip
            .replace("%1", str(report.pushed))
            .replace("%2", str(report.duplicates))
            .replace("%3", str(report.flagged))
            .replace("%4", str(report.rejected))
            .replace("%5", str(report.pulled))
        )
        if report.resolved:
            text += "\n" + self.tr(
                "Held on the server earlier and stored there since: %1 (no longer problems)"
            ).replace("%1", str(report.resolved))
        if report.refused:
            text += "\n" + self.tr("Not usable on this counter: %1").replace(
                "%1", str(report.refused)
            )
        if report.drained:
            return text + "\n" + self.tr("Everything is synced.")
        return (
            text
            + "\n"
            + self.tr("Still waiting to be sent: %1").replace("%1", str(report.remaining))
        )

    def enrol(self) -> None:
        from sync.enrolment import enrol
        from sync.http import SyncError

        session = self.ctx.session
        found = self.ctx.extras.get("public_keys", {})
        keys = found() if callable(found) else found  # a callable defers reading the keys
        server, code, ca = self.server.text().strip(), self.code.text(), self.ca_file.text()
        cycle = self._cycle()

        def work() -> tuple[Enrolled, CycleReport | str]:
            done = enrol(session.uow, server, code, device_name=device_name(session.uow),
                         app_version=VERSION, public_keys=keys, ca_file=ca)  # type: ignore[arg-type]  # fmt: skip
            try:  # at once, as `enrol` then `sync` on the command line
                return done, cycle().run()
            except SyncError as error:
                return done, error.reason

        self.say(self.tr("Working…"))
        self.ctx.tasks.run(work, self._enrolled, self._failed)

    def _enrolled(self, outcome: tuple[Enrolled, CycleReport | str]) -> None:
        done, synced = outcome
        self.code.clear()  # used: good once
        start_sync = self.ctx.extras.get("start_sync")
        if callable(start_sync):  # the background sync, from now on
            start_sync()
        text = self.tr("Enrolled as %1").replace("%1", done.device_id)
        text += "\n" + self._register_text(done.register_id, done.label_block)
        if done.register_id != self.ctx.session.register_id:
            text += "\n" + self.tr("Start the program again to sell as register %1.").replace(
                "%1", done.register_id
            )
        text += self._tenants_text(done)
        if isinstance(synced, str):
            text += "\n" + self.tr("The first sync failed: %1 (it is tried again)").replace(
                "%1", self.words.failure(synced)
            )
        else:
            text += "\n" + self.summary(synced)
        self._done(text)

    def _tenants_text(self, done: Enrolled) -> str:
        counts = Counter(t.status for t in done.offered)
        text = ""
        if done.offered:
            text = "\n" + (
                self.tr("This counter's tenants: %1 registered for the site, %2 already there.")
                .replace("%1", str(counts["registered"]))
                .replace("%2", str(counts["known"]))
            )
        waiting = [t for t in done.offered if t.status in ("pending", "refused")]
        if waiting:
            names = ", ".join(f"{t.code} {t.name}" for t in waiting)
            text += "\n" + self.tr(
                "These tenants wait for the server operator's approval: %1. Their sales "
                "are held on the server until then."
            ).replace("%1", names)
        return text

    def _refusal(self, code: str) -> str:
        """The server's refusals of an enrolment in words; nothing was stored on either side."""
        if code == "register_taken":
            return self.tr(
                "another counter of this centre is already the register this counter has sold "
                "as (a counter of another centre, or one restored from another counter's "
                "backup?). Nothing was stored. Re-enrol a restored counter with the code made "
                "for its own device (omigjen-server admin enrolment-code --device ID)"
            )
        if code == "centre_other":
            return self.tr(
                "this counter is set up as another centre, with tenants the site does not "
                "have, and the site has its centre from another counter already. Nothing was "
                "stored. Enrol the counter with a code of its own centre's site; a new counter "
                "of this centre starts from an empty data directory"
            )
        if code == "enrol_code_invalid":
            return self.tr("the code is unknown, used or expired: ask for a new one")
        return ""

    def _register_text(self, register_id: str, label_block: int) -> str:
        return (
            self.tr(
                "This counter is register %1 with label block %2: its receipt numbers and "
                "labels never collide with those of the centre's other counters. The centre's "
                "tenants, staff, article groups and items come with the next sync."
            )
            .replace("%1", register_id)
            .replace("%2", str(label_block))
        )

    def _done(self, text: str) -> None:
        self.on_shown()
        self.say(text + "\n" + self.state.text())

    def _failed(self, error: Exception) -> None:
        log.warning("sync page: failed, everything stays queued: %s",
                    getattr(error, "reason", "") or type(error).__name__)  # fmt: skip
        self.on_shown()
        reason = self._refusal(getattr(error, "code", "")) or getattr(error, "reason", "")
        reason = self.words.failure(reason) if reason else error_text(error)
        self.say(self.tr("Sync failed: %1 (everything stays queued)").replace("%1", reason))
