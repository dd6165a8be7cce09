"""The first-run window: the set-up steps one at a time (the centre, the first manager, article
groups, tenants, the printer, a summary), each checked by ``pos.services.first_run`` before
the next; then the whole centre is written in one transaction and the counter starts.

Keyboard only: Enter in a step's last field goes on, Alt+Left goes back. The other way to set a
counter up: "Join a centre on the central server" (Alt+S on the first step) enrols it with a
one-time code and fetches the whole centre (``CentreSource``), then asks for this register's
printer and says what arrived. A counter enrolled whose centre has not arrived yet starts there.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from pos.clock import Clock
from pos.errors import DomainError
from pos.services import first_run
from pos.services.first_run import CentreSetup, SetUpCentre
from pos.services.joining import CentreNotOnServer, JoinedCentre
from pos.unit_of_work import UnitOfWorkFactory
from ui.common import error_text, touch_button
from ui.first_run.centre_step import CentreStep, ManagerStep
from ui.first_run.finish_steps import DoneStep, SummaryStep
from ui.first_run.groups_step import GroupsStep
from ui.first_run.join_step import JoinedStep, JoinStep
from ui.first_run.printer_step import PrinterStep
from ui.first_run.step import FOCUS_STYLE, SetupStep
from ui.first_run.tenants_step import TenantsStep
from ui.tasks import TaskRunner
from ui.window_placement import roomy

RecoveryCode = Callable[[SetUpCentre], str | None]


@dataclass(frozen=True)
class CentreSource:
    """Taking the centre from the central server (``sync.joining``), off the GUI thread."""

    join: Callable[[str, str, str], JoinedCentre]
    """(server address, one-time code, CA file): enrol, then fetch the centre."""
    fetch: Callable[[], JoinedCentre]
    """An enrolled counter fetches the centre again."""
    save_printer: Callable[[object], None]
    """This register's receipt printer (a ``PrinterSetting``)."""
    waiting_register: str | None = None
    """Enrolled already, the centre not arrived yet: the register it is."""


class FirstRunWindow(QWidget):
    finished = Signal(object)
    """The centre was set up and the person went on: (the ``SetUpCentre``)."""

    def __init__(
        self,
        uow_factory: UnitOfWorkFactory,
        tasks: TaskRunner,
        *,
        clock: Clock | None = None,
        recovery_code: RecoveryCode | None = None,
        centre_source: CentreSource | None = None,
    ) -> None:
        super().__init__()
        self.setObjectName("firstRun")
        self.uow_factory, self.tasks, self.clock = uow_factory, tasks, clock
        self.recovery_code, self.source = recovery_code, centre_source
        self.done: SetUpCentre | None = None
        self.joined: JoinedCentre | None = None
        self.joining = False
        """On the way of joining a centre on the server (join, printer, joined)."""
        self._writing = False
        self.setWindowTitle(self.tr("Omigjen POS – first set-up"))
        self.setStyleSheet(FOCUS_STYLE)
        roomy(self, 1280, 800)  # the counter window's size; the start fits it to the screen
        self.centre = CentreStep(self.explain_server, self)
        self.manager = ManagerStep(self)
        self.groups = GroupsStep(self)
        self.tenants = TenantsStep(self)
        self.printer = PrinterStep(tasks, self)
        self.summary = SummaryStep(self)
        self.finish = DoneStep(tasks, self)
        self.join = JoinStep(self)
        self.joined_step = JoinedStep(self)
        self.steps: list[SetupStep] = [
            self.centre, self.manager, self.groups, self.tenants, self.printer, self.summary,
            self.finish,
        ]  # fmt: skip
        self.stack = QStackedWidget(self)
        for step in [*self.steps, self.join, self.joined_step]:
            self.stack.addWidget(step)
            step.next_requested.connect(self.go_next)
            step.problem.connect(lambda text: self.say(text, problem=True))
            step.told.connect(self.say)
        self._build()
        if centre_source is not None and centre_source.waiting_register is not None:
            self.join.wait_as(centre_source.waiting_register)
            self._show_join_step(self.join)
        else:
            self._show(0)

    def _build(self) -> None:
        self.heading = QLabel("", self)
        self.heading.setObjectName("stepTitle")
        self.heading.setStyleSheet("font-size: 22px; font-weight: bold;")
        self.message = QLabel("", self)
        self.message.setObjectName("setupMessage")
        self.message.setWordWrap(True)
        self.back = touch_button(self.tr("Back") + "\nAlt+←", self)
        self.back.setObjectName("setupBack")
        self.back.clicked.connect(self.go_back)
        QShortcut(QKeySequence("Alt+Left"), self).activated.connect(self.go_back)
        self.next = touch_button(self.tr("Next"), self)
        self.next.setObjectName("setupNext")
        self.next.clicked.connect(self.go_next)
        QShortcut(QKeySequence("Ctrl+Return"), self).activated.connect(self.go_next)
        for button in (self.back, self.next):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Enter in the fields drives it
        buttons = QHBoxLayout()
        buttons.addWidget(self.back)
        buttons.addStretch(1)
        buttons.addWidget(self.next)
        column = QVBoxLayout()
        column.addWidget(self.heading)
        column.addWidget(self.stack, 1)
        column.addWidget(self.message)
        column.addLayout(buttons)
        holder = QWidget(self)
        holder.setLayout(column)
        holder.setMaximumWidth(900)
        layout = QHBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(holder, 4)
        layout.addStretch(1)

    @property
    def current(self) -> SetupStep:
        step = self.stack.currentWidget()
        assert isinstance(step, SetupStep)
        return step

    def say(self, text: str, *, problem: bool = False) -> None:
        colour = "#b00020" if problem else "#1b5e20"
        self.message.setStyleSheet(f"color: {colour}; font-weight: bold; font-size: 15px;")
        self.message.setText(text)

    def _show(self, index: int) -> None:
        step = self.steps[index]
        if step is self.tenants:
            self.tenants.set_groups(self.groups.groups())
        elif step is self.printer:
            self.printer.register_id = self.centre.details().register_id
        elif step is self.summary:
            self.summary.show_setup(self.collected())
        self.stack.setCurrentWidget(step)
        if step is self.finish:
            self.heading.setText(step.title())
        else:
            number = self.tr("Step %1 of %2").replace("%1", str(index + 1))
            number = number.replace("%2", str(len(self.steps) - 1))
            self.heading.setText(f"{number}: {step.title()}")
        self.back.setEnabled(0 < index and step is not self.finish)
        labels = {self.summary: self.tr("Set up the centre"), self.finish: self.tr("To the login")}
        self.next.setText(labels.get(step, self.tr("Next")) + "\n" + self.tr("Enter"))
        step.entered()

    def collected(self) -> CentreSetup:
        return CentreSetup(
            self.centre.details(),
            self.manager.manager(),
            tuple(self.tenants.tenants),
            self.groups.groups(),
            self.printer.setting(),
        )

    # -- moving ----------------------------------------------------------------------------
    def go_next(self) -> None:
        step = self.current
        if self.joining:
            self._join_next(step)
            return
        if step is self.finish:
            if self.done is not None:
                self.finished.emit(self.done)
            return
        if step is self.summary:
            self.set_up()
            return
        try:
            step.check()
        except DomainError as error:
            self.say(error_text(error), problem=True)
            step.refused(error)
            return
        self.say("")
        self._show(self.steps.index(step) + 1)

    def go_back(self) -> None:
        if self.joining:
            if self.current is self.join and self.join.waiting_as is None and not self._writing:
                self.joining = False  # back to setting up a new centre
                self.say("")
                self._show(0)
            return
        index = self.steps.index(self.current)
        if 0 < index and self.current is not self.finish:
            self.say("")
            self._show(index - 1)

    def set_up(self) -> None:
        if self._writing:  # a second Enter while the first is being written
            return
        try:
            setup = self.collected()
        except DomainError as error:
            self.say(error_text(error), problem=True)
            return
        self._writing = True
        self.say(self.tr("Setting up the centre…"))
        self.tasks.run(
            lambda: first_run.set_up_centre(self.uow_factory, setup, self.clock),
            self._set_up,
            self._not_set_up,
        )

    def _not_set_up(self, error: Exception) -> None:
        self._writing = False
        self.say(error_text(error), problem=True)

    def _set_up(self, done: SetUpCentre) -> None:
        self._writing = False
        self.done = done
        code, problem = None, ""
        if self.recovery_code is not None:
            try:
                code = self.recovery_code(done)
            except Exception as error:  # noqa: BLE001 - the centre is set up all the same
                problem = error_text(error)
        setup = self.collected()
        self.finish.show_done(done, code, setup.printer, setup.centre.centre_name)
        self.say(problem, problem=bool(problem))
        self._show(self.steps.index(self.finish))

    # -- the other way: from a central server ----------------------------------------------
    def explain_server(self) -> None:
        if self.source is not None:
            self.say("")
            self._show_join_step(self.join)
            return
        QMessageBox.information(
            self,
            self.tr("Join a centre on the central server"),
            self.tr("This program was started without a way to reach a central server."),
        )

    def _show_join_step(self, step: SetupStep) -> None:
        self.joining = True
        order = [self.join, self.printer, self.joined_step]
        self.stack.setCurrentWidget(step)
        number = self.tr("Step %1 of %2").replace("%1", str(order.index(step) + 1))
        self.heading.setText(f"{number.replace('%2', str(len(order)))}: {step.title()}")
        self.back.setEnabled(step is self.join and self.join.waiting_as is None)
        labels = {self.join: self.tr("Join"), self.joined_step: self.tr("To the login")}
        self.next.setText(labels.get(step, self.tr("Next")) + "\n" + self.tr("Enter"))
        step.entered()

    def _join_next(self, step: SetupStep) -> None:
        if self._writing:
            return
        if step is self.joined_step:
            if self.joined is not None:
                self.finished.emit(self.joined)
            return
        try:
            step.check()
        except DomainError as error:
            self.say(error_text(error), problem=True)
            step.refused(error)
            return
        if step is self.join:
            self._fetch()
        elif step is self.printer:
            self._save_printer()

    def _fetch(self) -> None:
        source, join = self.source, self.join
        assert source is not None
        if join.waiting_as is not None:
            work = source.fetch
            self.say(self.tr("Fetching the centre from the server…"))
        else:
            server, code = join.server.text().strip(), join.code.text().strip()
            ca_file = join.ca_file.text().strip()
            work = lambda: source.join(server, code, ca_file)  # noqa: E731
            self.say(self.tr("Joining the centre…"))
        self._writing = True
        self.tasks.run(work, self._fetched, self._not_fetched)

    def _fetched(self, joined: JoinedCentre) -> None:
        self._writing = False
        self.joined = joined
        self.printer.register_id = joined.register_id
        self.say(self.tr("The centre arrived from the server."))
        self._show_join_step(self.printer)

    def _not_fetched(self, error: Exception) -> None:
        self._writing = False
        if isinstance(error, CentreNotOnServer):
            self.join.wait_as(str(error.params.get("value") or ""))
            self._show_join_step(self.join)
        self.say(self.join.problem_text(error), problem=True)

    def _save_printer(self) -> None:
        source, setting = self.source, self.printer.setting()
        assert source is not None and self.joined is not None
        if setting is None:
            self._printer_saved(
                self.tr(
                    "Receipt printer: none yet (receipts wait in the queue "
                    "until one is set under F1 → Register and printers)."
                )
            )
            return
        self._writing = True
        self.tasks.run(
            lambda: source.save_printer(setting),
            lambda _r: self._printer_saved(
                self.tr("Receipt printer: %1").replace("%1", setting.url)
            ),
            self._not_fetched,
        )

    def _printer_saved(self, printer: str) -> None:
        self._writing = False
        assert self.joined is not None
        self.joined_step.show_joined(self.joined, printer)
        self.say("")
        self._show_join_step(self.joined_step)
