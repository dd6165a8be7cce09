"""The last two set-up steps: everything typed, to read through before it is written (nothing is
written until then), and what to do next once the centre exists."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from pos.bank import format_account_number
from pos.clock import OSLO
from pos.errors import DomainError
from pos.model.documents import SlipDoc
from pos.model.printing import PrinterSetting
from pos.services.first_run import CentreDetails, CentreSetup, SetUpCentre, check_set_up
from pos.services.recovery import recovery_slip
from printers.test_page import send_slip
from ui.common import touch_button
from ui.first_run.step import SetupStep, hint
from ui.tasks import TaskRunner


class SummaryStep(SetupStep):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QPlainTextEdit(self)
        self.summary.setObjectName("setupSummary")
        self.summary.setReadOnly(True)
        self.summary.setTabChangesFocus(True)
        layout = QVBoxLayout(self)
        layout.addWidget(
            hint(
                self.tr(
                    "Nothing is saved yet. Read it through; Alt+Left goes back to change a "
                    "step. Enter sets the centre up (recorded in the journal)."
                ),
                self,
            )
        )
        layout.addWidget(self.summary, 1)
        self.wire_enter()

    def title(self) -> str:
        return self.tr("Check and set up")

    def inputs(self) -> list[QWidget]:
        return [self.summary]

    def show_setup(self, setup: CentreSetup) -> None:
        """As it will be written (the group REP added for repair tenants)."""
        try:
            setup = check_set_up(setup)
        except DomainError:
            pass  # shown as typed; setting it up says what is wrong
        centre, boss = setup.centre, setup.manager
        lines = [
            self.tr("Centre: %1").replace("%1", centre.centre_name),
            self.tr("Register: %1 – %2, label block %3")
            .replace("%1", centre.register_id)
            .replace("%2", centre.register_name)
            .replace("%3", str(centre.label_block)),
            self.tr("Manager: %1 %2").replace("%1", boss.staff_no).replace("%2", boss.name),
            self._company_line(centre),
            "",
            self.tr("Tenants:"),
            *(
                f"  {t.code}  {t.name}  {t.org_no}{' MVA' if t.vat_registered else ''}"
                + ("  " + self.tr("takes in repairs") if t.takes_repairs else "")
                for t in setup.tenants
            ),
            "",
            self.tr("Article groups: %1").replace(
                "%1", ", ".join(g.id for g in setup.article_groups)
            ),
            self.tr("Receipt printer: %1").replace(
                "%1", setup.printer.url if setup.printer else self.tr("none yet")
            ),
        ]
        self.summary.setPlainText("\n".join(lines))

    def _company_line(self, centre: CentreDetails) -> str:
        if not centre.company_name:
            return self.tr("The centre's company: not given (enter it in the back office)")
        account = format_account_number(centre.company_account) if centre.company_account else "–"
        return (
            self.tr("The centre's company: %1, org.no. %2, account %3")
            .replace("%1", centre.company_name)
            .replace("%2", centre.company_org_no or "–")
            .replace("%3", account)
        )


class DoneStep(SetupStep):
    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self._slip: tuple[PrinterSetting, SlipDoc] | None = None
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("setupDone")
        self.text.setReadOnly(True)
        self.text.setTabChangesFocus(True)
        self.code_note = QLabel("", self)
        self.code_note.setWordWrap(True)
        self.code = QLabel("", self)
        self.code.setObjectName("recoveryCode")
        self.code.setStyleSheet("font-size: 26px; font-weight: bold; font-family: monospace;")
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.print_code = touch_button(self.tr("Print the recovery code"), self, "F6")
        self.print_code.setObjectName("printRecoveryCode")
        self.print_code.clicked.connect(self.print_slip)
        self.print_code.hide()
        self.printed = QLabel("", self)
        self.printed.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.code_note)
        layout.addWidget(self.code)
        layout.addWidget(self.print_code)
        layout.addWidget(self.printed)
        self.wire_enter()

    def title(self) -> str:
        return self.tr("The centre is set up")

    def inputs(self) -> list[QWidget]:
        return [self.text]

    def show_done(
        self,
        done: SetUpCentre,
        recovery_code: str | None,
        printer: PrinterSetting | None,
        centre_name: str,
    ) -> None:
        lines = [
            self.tr("The centre is set up with %1 on register %2.")
            .replace("%1", self.tr("%n tenants", "", len(done.tenants)))
            .replace("%2", done.register_id),
            "",
            self.tr("Next:"),
            self.tr("1. Log in as manager %1 with the PIN you chose.").replace(
                "%1", done.manager_staff_no
            ),
            self.tr("2. Count the float and enter it: the till opens."),
            *self._repairs_line(done),
            self.tr(
                "3. In the back office (F1): add the staff, the tenants' terms, register items "
                "with labels; a manager enrols the counter with the central server under F1 → "
                "Sync."
            ),
            "",
            self.tr("Enter goes to the login."),
        ]
        self.text.setPlainText("\n".join(lines))
        if recovery_code:
            self.code_note.setText(
                self.tr(
                    "The manager's recovery code, shown this once: write it down or print it "
                    "(F6) and keep it safe, away from the counter. With it a manager gets a new "
                    "PIN if no manager can log in."
                )
            )
            self.code.setText(recovery_code)
            if printer is not None:
                when = datetime.now(OSLO)
                slip = recovery_slip(centre_name, done.register_id, recovery_code, when)
                self._slip = (printer, slip)
                self.print_code.show()

    def _repairs_line(self, done: SetUpCentre) -> list[str]:
        """Which tenants take in repairs (F1 → Repairs → Intake), on which item."""
        shops = [t.name for t in done.tenants if t.id in done.repair_tenant_ids]
        if not shops:
            return []
        text = self.tr(
            "Repairs are taken in (F1 → Repair intake) for %1; the work is charged at pickup "
            "on the item «Reparasjon – arbeid» (article group REP)."
        )
        return [text.replace("%1", ", ".join(shops))]

    def print_slip(self) -> None:
        """F6: the code on the receipt printer, sent straight to it."""
        if self._slip is None:
            return
        printer, slip = self._slip
        self.printed.setText(self.tr("Printing…"))
        self.tasks.run(
            lambda: send_slip(printer, slip),
            lambda _r: self.printed.setText(self.tr("Printed. Keep it away from the counter.")),
            lambda error: self.printed.setText(
                self.tr("The printer did not take it: %1").replace("%1", str(error))
            ),
        )
