"""The store was found damaged at start: say so, say what a restore would replace (the newest
backup that passes the check, how many signed receipts were given out after it and how many can
still be read back), and restore it once a manager approves with staff number and PIN."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from pos.errors import DomainError
from pos.model.restore_losses import after_restore, before_restore
from pos.model.staff import Operator
from pos.services.restore import RestoreSession
from pos.services.restore_report import RestorePreview, RestoreResult
from pos.services.salvage_export import LEFT_BEHIND, LISTING
from pos.services.salvage_result import Reason, SalvageResult
from ui.approval_dialog import ApprovalDialog
from ui.common import error_text, touch_button, ui_language
from ui.tasks import TaskRunner


class RestoreDialog(QDialog):
    restored = Signal(object)
    """The backup is in place: (RestoreResult)."""

    def __init__(
        self, data_dir: Path, problem: str, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Omigjen POS")
        self.setMinimumWidth(720)
        self.data_dir = data_dir
        self.tasks = tasks
        self.session: RestoreSession | None = None
        self.approval: ApprovalDialog | None = None
        self.problem = QLabel(problem, self)
        self.preview = QLabel("", self)
        self.outcome = QLabel("", self)
        for label in (self.problem, self.preview, self.outcome):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.restore_button = touch_button(self.tr("Restore the backup…"), self)
        self.restore_button.clicked.connect(self.ask_approval)
        self.start_button = touch_button(self.tr("Start the till"), self)
        self.start_button.clicked.connect(self.accept)
        self.start_button.hide()
        self.close_button = touch_button(self.tr("Close"), self)
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        for button in (self.restore_button, self.start_button, self.close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        for label in (self.problem, self.preview, self.outcome):
            layout.addWidget(label)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.prepare()

    def prepare(self) -> None:
        """Choose and check the backup (the data directory stays locked until done)."""
        try:
            self.session = RestoreSession(self.data_dir)
        except DomainError as error:
            self.preview.setText(error_text(error))
            self.restore_button.setEnabled(False)
            return
        self.preview.setText(self.preview_text(self.session.preview))

    def preview_text(self, preview: RestorePreview) -> str:
        text = (
            self.tr("Backup to restore: %1 (taken %2).")
            .replace("%1", preview.backup.path.name)
            .replace("%2", preview.backup.taken.strftime("%d.%m.%Y %H:%M"))
        )
        text += " " + self.tr(
            "The register gave out %1 signed receipts after this backup; %2 of them can still "
            "be read and are brought back. Numbering continues after the highest number ever "
            "given out, and the restore is journaled."
        ).replace("%1", str(preview.signed_beyond)).replace("%2", str(preview.readable_beyond or 0))
        if preview.z_beyond:
            text += " " + self.tr(
                "The backup lacks %1 Z reports taken after it (the last for %2): Z numbers "
                "continue after them and no day up to %2 is Z-reported again."
            ).replace("%1", str(preview.z_beyond)).replace("%2", preview.last_z_day or "")
        if preview.events_beyond:
            text += " " + self.tr(
                "Also %1 other records after the backup (cash in/out, drawer openings, copies, "
                "voids, deleted lines, price look-ups, parked baskets, the till's opening, "
                "shift changes and close) are brought back."
            ).replace("%1", str(preview.events_beyond))
        text += self._left_text(preview.left_beyond)
        if preview.left_beyond:
            text += "\n" + self.tr(
                "These are written in full to the salvage folder and queued for the server: "
                "nothing signed is lost."
            )
        if preview.records_may_be_lost:
            text += "\n" + before_restore(preview.lost_since, ui_language())
        if preview.passed_over:
            names = ", ".join(name for name, _ in preview.passed_over)
            text += " " + self.tr("Newer backups that failed the check: %1.").replace("%1", names)
        return text

    def _left_text(self, left: tuple[tuple[str, Reason], ...]) -> str:
        """Each receipt that does not come back, with why, in the interface's language."""
        lang = ui_language()
        return "".join(
            "\n"
            + self.tr("Not brought back: %1: %2").replace("%1", n).replace("%2", w.message(lang))
            for n, w in left
        )

    def _events_text(self, salvage: SalvageResult) -> str:
        """The cash moved, drawer openings and copies after the backup: each brought back, and
        each that was not with why."""
        lang = ui_language()
        text = ""
        if salvage.events_salvaged:
            text += "\n" + self.tr("Also brought back (counted in X and Z as before):")
            text += "".join("\n  " + said.message(lang) for said in salvage.events_salvaged)
        if salvage.events_left:
            text += "\n" + self.tr("Not brought back (listed in the salvage folder):")
            text += "".join(
                "\n  " + said.message(lang) + ": " + why.message(lang)
                for said, why in salvage.events_left
            )
        return text

    def _kept_text(self, salvage: SalvageResult) -> str:
        """Where the signed receipts that did not come back are kept, and that they go to the
        server: nothing signed is left behind unsaid."""
        folder = salvage.export_dir
        assert folder is not None
        left = len(salvage.left) + salvage.unreadable
        text = self.tr(
            "%n signed receipts did not come back. The list with the reasons: %1.", "", left
        ).replace("%1", str(folder / LISTING))
        if salvage.left_sales:
            text += " " + self.tr(
                "Each sale in full (receipts, signatures, lines, payments): %1. Enter them by "
                "hand in the books."
            ).replace("%1", str(folder / LEFT_BEHIND))
        if salvage.queued_left:
            text += " " + self.tr("Queued for the server: %1.").replace(
                "%1", str(len(salvage.queued_left))
            )
        return text

    def ask_approval(self) -> None:
        if self.session is None:
            return
        self.approval = ApprovalDialog(
            self.preview.text(), self.session.authenticate, self.tasks, self
        )
        self.approval.approved.connect(self._approved)
        self.approval.open()

    def _approved(self, manager: Operator) -> None:
        session = self.session
        assert session is not None
        self.restore_button.setEnabled(False)
        self.outcome.setText(self.tr("Restoring…"))
        self.tasks.run(lambda: session.run(manager), self._done, self._failed)

    def _done(self, result: RestoreResult) -> None:
        self._close_session()
        salvage = result.salvage
        text = self.tr(
            "Restored. %n receipts brought back, %1 could not be.", "", len(salvage.salvaged)
        ).replace("%1", str(len(salvage.left) + salvage.unreadable))
        text += self._left_text(tuple(salvage.left))
        text += self._events_text(salvage)
        if salvage.records_lost_since is not None:
            text += "\n" + after_restore(salvage.records_lost_since, ui_language())
        if salvage.unreadable_numbers:
            numbers = ", ".join(salvage.unreadable_numbers)
            text += "\n" + self.tr("Cannot be read: %1").replace("%1", numbers)
        if salvage.export_dir is not None and (salvage.left or salvage.unreadable):
            text += "\n" + self._kept_text(salvage)
        if result.new_key_version:
            text += " " + self.tr("A new signing key (version %1) was made.").replace(
                "%1", result.new_key_version
            )
        if result.wait_for_server:
            text += " " + self.tr("Enrol the till with the server again before selling.")
        self.outcome.setText(text)
        self.restore_button.hide()
        self.close_button.hide()  # the backup is in place: the till starts on it
        self.start_button.show()
        self.start_button.setDefault(True)
        self.adjustSize()
        self.restored.emit(result)

    def _failed(self, error: Exception) -> None:
        self.outcome.setText(error_text(error))
        self.restore_button.setEnabled(True)

    def _close_session(self) -> None:
        if self.session is not None:
            self.session.close()
            self.session = None

    def done(self, code: int) -> None:  # noqa: D102 - accept, reject and closing all end here
        self._close_session()
        super().done(code)
