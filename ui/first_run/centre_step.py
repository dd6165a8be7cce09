"""The first two set-up steps: the centre and this register, and the first manager (who logs in
afterwards and approves what the others may not do alone)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from pos.errors import DomainError, InvalidPin
from pos.services.first_run import (
    CentreDetails,
    FirstManager,
    PinsDiffer,
    check_centre,
    check_manager,
)
from ui.common import touch_button
from ui.first_run.step import SetupStep, hint


class CentreStep(SetupStep):
    def __init__(self, server_help: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.centre_name = QLineEdit(self)
        self.centre_name.setObjectName("centreName")
        self.centre_name.setPlaceholderText(self.tr("e.g. Omigjen ombrukssenter"))
        self.register_id = QLineEdit("K1", self)
        self.register_id.setObjectName("registerId")
        self.register_id.setMaxLength(6)
        self.register_name = QLineEdit(self.tr("Till 1"), self)
        self.register_name.setObjectName("registerName")
        self.label_block = QSpinBox(self)
        self.label_block.setObjectName("labelBlock")
        self.label_block.setRange(1, 99)
        self.company_name = QLineEdit(self)
        self.company_name.setObjectName("companyName")
        self.company_name.setPlaceholderText(self.tr("e.g. Omigjen Asker AS"))
        self.company_org_no = QLineEdit(self)
        self.company_org_no.setObjectName("companyOrgNo")
        self.company_org_no.setPlaceholderText(self.tr("org.no., 9 digits"))
        self.company_account = QLineEdit(self)
        self.company_account.setObjectName("companyAccount")
        self.company_account.setPlaceholderText(self.tr("account, e.g. 1234.56.78903"))
        form = QFormLayout()
        form.addRow(self.tr("Name of the centre"), self.centre_name)
        form.addRow(self.tr("Register id"), self.register_id)
        form.addRow(self.tr("Name of the register"), self.register_name)
        form.addRow(self.tr("Label block (1–99)"), self.label_block)
        form.addRow(self.tr("The centre's company"), self.company_name)
        numbers = QHBoxLayout()  # side by side: the step fits a 1024×600 screen
        numbers.addWidget(self.company_org_no, 1)
        numbers.addWidget(self.company_account, 2)
        form.addRow(self.tr("Its org.no. and account"), numbers)
        self.server: QPushButton = touch_button(
            self.tr("Join a centre on the central server instead…"), self, "Alt+S"
        )
        self.server.setObjectName("connectServer")
        self.server.clicked.connect(server_help)
        layout = QVBoxLayout(self)
        layout.addWidget(
            hint(
                self.tr(
                    "This counter has no centre yet. Set it up here: the centre, this register, "
                    "the first manager, the tenants, the article groups and the printer. "
                    "Enter moves to the next field; Alt+Left goes back a step."
                ),
                self,
            )
        )
        layout.addLayout(form)
        layout.addWidget(
            hint(
                self.tr(
                    "The register id is printed in every receipt number (e.g. 11-K1-000001); "
                    "the label block starts the numbers of the labels this register prints. "
                    "Give each counter of the centre its own. The centre's company pays the "
                    "tenants their settlements (it can also be entered later in the back office)."
                ),
                self,
            )
        )
        layout.addStretch(1)
        layout.addWidget(self.server)
        self.wire_enter()

    def title(self) -> str:
        return self.tr("The centre and this register")

    def inputs(self) -> list[QWidget]:
        return [
            self.centre_name, self.register_id, self.register_name, self.label_block,
            self.company_name, self.company_org_no, self.company_account,
        ]  # fmt: skip

    def details(self) -> CentreDetails:
        return check_centre(
            CentreDetails(
                self.centre_name.text(),
                self.register_id.text(),
                self.register_name.text(),
                self.label_block.value(),
                self.company_name.text(),
                self.company_org_no.text(),
                self.company_account.text(),
            )
        )

    def check(self) -> None:
        details = self.details()
        self.register_id.setText(details.register_id)

    def refused(self, error: Exception) -> None:
        """The first field that is wrong gets the focus (the message says what is wrong)."""
        fields = (self.centre_name, self.register_id, self.register_name, self.company_name,
                  self.company_org_no, self.company_account)  # fmt: skip
        for field in fields:
            try:
                check_centre(self._with_good(field))
            except DomainError:
                continue  # still refused without this field: it is not the one
            field.setFocus()
            field.selectAll()
            return

    def _with_good(self, replaced: QLineEdit) -> CentreDetails:
        """What was typed, with one field replaced by a known good value."""
        good = {self.centre_name: "Senter", self.register_id: "K1", self.register_name: "Kasse",
                self.company_name: "Senter AS", self.company_org_no: "",
                self.company_account: ""}  # fmt: skip
        values = {f: (good[f] if f is replaced else f.text()) for f in good}
        return CentreDetails(
            values[self.centre_name], values[self.register_id], values[self.register_name],
            self.label_block.value(), values[self.company_name], values[self.company_org_no],
            values[self.company_account],
        )  # fmt: skip


class ManagerStep(SetupStep):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.staff_no = QLineEdit(self)
        self.staff_no.setObjectName("managerNo")
        self.staff_no.setMaxLength(8)
        self.staff_no.setPlaceholderText(self.tr("e.g. 9001"))
        self.name = QLineEdit(self)
        self.name.setObjectName("managerName")
        self.pin = QLineEdit(self)
        self.pin.setObjectName("managerPin")
        self.pin_again = QLineEdit(self)
        self.pin_again.setObjectName("managerPinAgain")
        for field in (self.pin, self.pin_again):
            field.setEchoMode(QLineEdit.EchoMode.Password)
            field.setMaxLength(8)
        form = QFormLayout()
        form.addRow(self.tr("Staff number"), self.staff_no)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("PIN (4–8 digits)"), self.pin)
        form.addRow(self.tr("PIN again"), self.pin_again)
        layout = QVBoxLayout(self)
        layout.addWidget(
            hint(
                self.tr(
                    "The centre manager logs in with this staff number and PIN, opens the till, "
                    "takes the Z reports and adds the other staff in the back office. The PIN "
                    "is never shown or stored in clear."
                ),
                self,
            )
        )
        layout.addLayout(form)
        layout.addStretch(1)
        self.wire_enter()

    def title(self) -> str:
        return self.tr("The first manager")

    def inputs(self) -> list[QWidget]:
        return [self.staff_no, self.name, self.pin, self.pin_again]

    def manager(self) -> FirstManager:
        return check_manager(
            FirstManager(self.staff_no.text(), self.name.text(), self.pin.text(),
                         self.pin_again.text())
        )  # fmt: skip

    def check(self) -> None:
        self.manager()

    def refused(self, error: Exception) -> None:
        if isinstance(error, PinsDiffer | InvalidPin):  # both typed again, unseen
            self.pin.clear()
            self.pin_again.clear()
            self.pin.setFocus()
        else:
            self.staff_no.setFocus()
            self.staff_no.selectAll()
