"""The till page (F1 → Till): whether the till is open, since when and by whom, its float and
the cash put in and taken out; opening with a float, cash in, cash out and the shift change.
The close with the day's Z reports is on the day-end page (a manager's)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QGridLayout, QLabel, QPushButton, QVBoxLayout

from pos.model.printing import JobKind, JobStatus, PrintJob
from pos.model.staff import Operator, Permission
from pos.model.till_close import BlindCount, TillCloseDoc
from pos.services.till_day import TillStatus
from ui.approval_flow import with_approval
from ui.common import kr
from ui.drawer_kick_text import drawer_not_opened, drawer_opened
from ui.message_line import MessageLine
from ui.pages import PageContext, PageWidget
from ui.print_jobs_dialog import problem_text
from ui.status_strip import PRINT_JOBS_KEY
from ui.till_close_dialog import TillCloseDialog
from ui.till_day.cash_dialog import CashDialog
from ui.till_day.float_dialog import FloatDialog, float_opened


class TillPage(PageWidget):
    def __init__(self, ctx: PageContext) -> None:
        super().__init__()
        self.setObjectName("tillPage")
        self.ctx = ctx
        self.session = ctx.session
        self.dialog: QDialog | None = None
        self.moved: list[str] = []
        """The last cash in or out as said, then what became of its drawer and slip."""
        self.moved_problem = False
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("The till"), self)
        title.setStyleSheet("font-size: 22px; font-weight: bold;")
        layout.addWidget(title)
        self.state = QLabel("", self)
        self.state.setObjectName("tillState")
        self.state.setWordWrap(True)
        self.state.setStyleSheet("font-size: 16px;")
        layout.addWidget(self.state)
        grid = QGridLayout()
        layout.addLayout(grid)
        self.buttons: dict[str, QPushButton] = {}
        actions: list[tuple[str, str, str, Callable[[], None]]] = [
            ("open", self.tr("Open the till with a float"), "F2", self.open_till),
            ("in", self.tr("Cash in"), "F3", lambda: self.move_cash(out=False)),
            ("out", self.tr("Cash out"), "F4", lambda: self.move_cash(out=True)),
            ("shift", self.tr("Shift change: count and hand over"), "F5", self.shift_change),
            ("back", self.tr("Back to sale"), "Esc", self.close_requested.emit),
        ]
        for index, (key, text, shortcut, slot) in enumerate(actions):
            button = QPushButton(f"{text}\n{shortcut}", self)
            button.setObjectName(f"till_{key}")
            button.setMinimumHeight(64)
            button.clicked.connect(slot)
            QShortcut(QKeySequence(shortcut), self).activated.connect(slot)
            grid.addWidget(button, index // 3, index % 3)
            self.buttons[key] = button
        self.message = MessageLine(self, size_px=15)
        self.message.setObjectName("tillMessage")
        layout.addWidget(self.message)
        layout.addStretch(1)

    def on_shown(self) -> None:
        self.message.clear()
        self.refresh()

    def refresh(self) -> None:
        status = self.session.till_status()
        if status.is_open:
            text = self._holder(status) + "\n" + self.tr("Float %1; cash in %2, cash out %3.")
            for mark, value in (
                ("%1", kr(status.float_amount)), ("%2", kr(status.cash_in)),
                ("%3", kr(-status.cash_out)),
            ):  # fmt: skip
                text = text.replace(mark, value)
            text += "\n" + self.tr("The day's close and Z reports: F1 → Day end.")
        elif status.since:
            text = self.tr("The till is closed (since %1). Open it with the float (F2).")
            text = text.replace("%1", status.since)
        else:
            text = self.tr("The till has never been opened. Open it with the float (F2).")
        self.state.setText(text)
        self.buttons["open"].setEnabled(not status.is_open)
        for key in ("in", "out", "shift"):
            self.buttons[key].setEnabled(status.is_open)

    def _holder(self, status: TillStatus) -> str:
        """Who holds the till now (after a shift change: who took it over, from whom, and
        who opened the day)."""
        if not status.handed_over:
            text = self.tr("The till is open since %1, held by %2.")
            return text.replace("%1", status.since).replace("%2", status.opened_by)
        if status.held_by:
            text = self.tr("The till is held by %3, handed over by %1 at %2.")
            text = text.replace("%3", status.held_by)
        else:
            text = self.tr("The till was handed over by %1 at %2; nobody has taken it over yet.")
        text = text.replace("%1", status.opened_by).replace("%2", status.since)
        if status.day_opened_by:
            day = self.tr("%1 opened the day at %2.").replace("%1", status.day_opened_by)
            text += " " + day.replace("%2", status.day_opened_at)
        return text

    def say(self, text: str, *, problem: bool = False) -> None:
        self.message.say(text, problem=problem)

    def _open(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.finished.connect(lambda _r: self.refresh())
        dialog.open()

    # -- actions ---------------------------------------------------------------------------
    def open_till(self) -> None:
        if not self.buttons["open"].isEnabled():
            return
        dialog = FloatDialog(self.session, self.ctx.tasks, self.session.till_status(), self)
        dialog.till_opened.connect(lambda amount: self.say(float_opened(self.session, amount)))
        self._open(dialog)

    def move_cash(self, *, out: bool) -> None:
        if not self.buttons["out" if out else "in"].isEnabled():
            return
        dialog = CashDialog(self.session, self.ctx.tasks, out=out, parent=self)
        dialog.cash_moved.connect(self._moved)
        self._open(dialog)

    def _moved(self, amount: int, reason: str) -> None:
        text = self.tr("Cash out: %1 (%2).") if amount < 0 else self.tr("Cash in: %1 (%2).")
        self.moved = [text.replace("%1", kr(abs(amount))).replace("%2", reason)]
        self.moved_problem = False
        if self.session.output.printer_state().text == "no printer":
            waits = self.tr("No receipt printer: the drawer did not open; the slip waits.")
            self.say(f"{self.moved[0]} {waits}", problem=True)
        else:
            sent = self.tr("Drawer kick and slip sent to the printer.")
            self.say(f"{self.moved[0]} {sent}")

    def print_finished(self, job: PrintJob) -> None:
        """The drawer and slip of a cash in or out as the printer took them: a drawer that did
        not open, or a slip that waits in the print queue, is said here at once."""
        if not self.moved:
            return
        not_opened = drawer_not_opened(job)
        if not_opened is not None:
            self._tell(not_opened, True)
        elif job.kind is JobKind.CASH_SLIP and job.status is JobStatus.FAILED:
            text = self.tr("The slip did not print: %1. It waits in the print jobs (%2).")
            text = text.replace("%1", problem_text(job.error or "")).replace("%2", PRINT_JOBS_KEY)
            self._tell(text, True)
        elif job.kind is JobKind.DRAWER_KICK and job.status is JobStatus.PRINTED:
            self._tell(drawer_opened(job) or "", False)

    def _tell(self, outcome: str, problem: bool) -> None:
        """The last movement with what has become of its drawer and slip so far."""
        self.moved.append(outcome)
        self.moved_problem = self.moved_problem or problem
        self.say(" ".join(t for t in self.moved if t), problem=self.moved_problem)

    def shift_change(self) -> None:
        """The outgoing person counts blind; the counted drawer is the next one's float."""
        if not self.buttons["shift"].isEnabled():
            return

        def count(approver: Operator | None) -> None:
            self.session.context().require(Permission.SHIFT_CHANGE, approver)
            self._count_for_hand_over(approver)

        with_approval(
            self, self.session, self.ctx.tasks, count, lambda t: self.say(t, problem=True)
        )

    def _count_for_hand_over(self, approver: Operator | None) -> None:
        def hand_over(count: BlindCount, note: str) -> TillCloseDoc:
            return self.session.hand_over(count, note, approver)

        dialog = TillCloseDialog(
            self.session.uow, self.session.context(), approver, self, hand_over=hand_over
        )
        dialog.till_closed.connect(self._handed_over)
        self._open(dialog)

    def _handed_over(self, doc: TillCloseDoc) -> None:
        text = self.tr(
            "Handed over: counted %1, expected %2, difference %3. The next person takes over %1."
        )
        text = text.replace("%1", kr(doc.counted_cash)).replace("%2", kr(doc.expected_cash))
        text = text.replace("%3", kr(doc.variance))
        log_out = self.ctx.extras.get("log_out")  # the main window's: the next person logs in
        if callable(log_out):
            self.close_requested.emit()
            log_out(text)
        else:
            self.say(text)
