"""The first-run window: the set-up steps one at a time (the centre, the first manager, article
groups, tenants, the printer, a summary), each checked by ``pos.services.first_run`` before
the next; then the whole centre is written in one transaction and the counter starts.

Keyboard only: Enter in a step's last field goes on, Alt+Left goes back. The other way to set a
counter up — enrolling it first and taking the centre from the central server — is not built
yet; "Connect to a central server" says so (``enrol_first`` is where it plugs in).
"""

from __future__ import annotations

from collections.abc import Callable

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
from pos.unit_of_work import UnitOfWorkFactory
from ui.common import error_text, touch_button
from ui.first_run.centre_step import CentreStep, ManagerStep
from ui.first_run.finish_steps import DoneStep, SummaryStep
from ui.first_run.groups_step import GroupsStep
from ui.first_run.printer_step import PrinterStep
from ui.first_run.step import SetupStep
from ui.first_run.tenants_step import TenantsStep
from ui.tasks import TaskRunner
from ui.window_placement import roomy

RecoveryCode = Callable[[SetUpCentre], str | None]


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
        enrol_first: Callable[[], None] | None = None,
    ) -> None:
        super().__init__()
        self.setObjectName("firstRun")
        self.uow_factory, self.tasks, self.clock = uow_factory, tasks, clock
        self.recovery_code, self.enrol_first = recovery_code, enrol_first
        self.done: SetUpCentre | None = None
        self._writing = False
        self.setWindowTitle(self.tr("Omigjen POS – first set-up"))
        roomy(self, 1280, 800)  # the counter window's size; the start fits it to the screen
        self.centre = CentreStep(self.explain_server, self)
        self.manager = ManagerStep(self)
        self.groups = GroupsStep(self)
        self.tenants = TenantsStep(self)
        self.printer = PrinterStep(tasks, self)
        self.summary = SummaryStep(self)
        self.finish = DoneStep(tasks, self)
        self.steps: list[SetupStep] = [
            self.centre, self.manager, self.groups, self.tenants, self.printer, self.summary,
            self.finish,
        ]  # fmt: skip
        self.stack = QStackedWidget(self)
        for step in self.steps:
            self.stack.addWidget(step)
            step.next_requested.connect(self.go_next)
            step.problem.connect(lambda text: self.say(text, problem=True))
            step.told.connect(self.say)
        self._build()
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
        if self.enrol_first is not None:
            self.enrol_first()
            return
        QMessageBox.information(
            self,
            self.tr("Connect to a central server"),
            self.tr(
                "Taking the whole centre (tenants, staff, article groups, items) from the "
                "central server when a new counter is enrolled is not available yet.\n\n"
                "Today: set the centre up here. Afterwards a manager enrols this counter with "
                "the server under F1 → Sync with the central server (or main.py enrol "
                "--server URL --code CODE), and its sales are sent there."
            ),
        )
