"""Taking in a repair at the counter: customer, item, fault, money and terms on one form. A
returning customer is offered as their name or phone is typed (Down, Enter fills them in). Saving
writes the ticket at once (offline, one transaction), prints the claim slip and the job tags, and
then takes the deposit through the till. F6 prints one more tag (charger, bag), F7 the slip
again."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from pos.errors import DomainError
from pos.model.contact import parse_email, parse_phone
from pos.money import Ore, parse_nok
from pos.services.repair_customers import KnownCustomer
from pos.services.repair_detail import intake_choices
from pos.services.repair_intake import IntakeForm
from ui.common import TOUCH_MIN_PX, error_text, kr, touch_button
from ui.message_line import MessageLine
from ui.page_stack import scrolling
from ui.pages import PageWidget
from ui.repairs.deposit_dialog import DepositDialog
from ui.repairs.desk import RepairDesk
from ui.repairs.known_customers import KnownCustomersList
from ui.scanner.targets import take_codes
from ui.tab_order import tab_in_layout_order
from ui.tasks import TaskRunner

PROBLEM = "color: #b71c1c; font-weight: bold;"


class IntakePage(PageWidget):
    saved = Signal(str)
    """A ticket was saved: (its id)."""

    def __init__(self, desk: RepairDesk, tasks: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("repairIntake")
        self.desk = desk
        self.tasks = tasks
        self.ticket_id = ""
        self.photos: list[Path] = []
        self.dialog: DepositDialog | None = None
        self._build()

    # -- layout ----------------------------------------------------------------------------
    def _field(self, name: str, placeholder: str = "") -> QLineEdit:
        field = QLineEdit(self)
        field.setObjectName(name)
        field.setMinimumHeight(TOUCH_MIN_PX - 8)
        field.setPlaceholderText(placeholder)
        return field

    def _build(self) -> None:
        self.tenant = QComboBox(self)
        self.customer = self._field("customer")
        self.phone = self._field("phone", "912 34 567")
        self.phone_problem = QLabel(self)
        self.known = KnownCustomersList(self.desk, self.tasks, self.customer, self.phone, self)
        self.known.chosen.connect(self.use_customer)
        self.email = self._field("email", "navn@eksempel.no")
        self.email_problem = QLabel(self)
        for label in (self.phone_problem, self.email_problem):
            label.setStyleSheet(PROBLEM)
        self.consent = QCheckBox(self.tr("The customer agrees to be contacted (SMS/e-mail)"), self)
        self.category = self._field("category", self.tr("Bicycle, phone, jacket…"))
        self.brand_model = self._field("brandModel")
        self.serial = take_codes(self._field("serial"))  # the item's serial/IMEI label scans in
        self.fault = QPlainTextEdit(self)
        self.fault.setObjectName("fault")
        self.fault.setTabChangesFocus(True)
        self.fault.setMaximumHeight(70)
        self.condition = self._field("condition")
        self.accessories = self._field("accessories", self.tr("Comma separated: charger, bag"))
        self.photo_list = QListWidget(self)
        self.photo_list.setMaximumHeight(60)
        self.estimate = self._field("estimate", "0")
        self.limit = self._field("limit", self.tr("Empty = the estimate"))
        self.deposit = self._field("deposit", "0")
        self.promised = QDateEdit(self)
        self.promised.setCalendarPopup(True)
        self.promised.setDisplayFormat("dd.MM.yyyy")
        self.technician = QComboBox(self)
        self.terms = QCheckBox(self.tr("The customer has accepted the repair terms"), self)
        self.message = MessageLine(self)
        self.message.setObjectName("intakeMessage")
        self.extra_label = self._field("extraLabel", self.tr("Extra tag for… (e.g. Charger)"))

        customer = QFormLayout()
        customer.addRow(self.tr("Workshop"), self.tenant)
        customer.addRow(self.tr("Customer name"), self.customer)
        customer.addRow(self.tr("Phone"), self.phone)
        customer.addRow("", self.phone_problem)
        customer.addRow(self.known)
        customer.addRow(self.tr("E-mail"), self.email)
        customer.addRow("", self.email_problem)
        customer.addRow("", self.consent)
        customer.addRow(self.tr("Estimate (kr)"), self.estimate)
        customer.addRow(self.tr("Approved up to (kr)"), self.limit)
        customer.addRow(self.tr("Deposit (kr)"), self.deposit)
        customer.addRow(self.tr("Promised by"), self.promised)
        customer.addRow(self.tr("Technician"), self.technician)
        item = QFormLayout()
        item.addRow(self.tr("Category"), self.category)
        item.addRow(self.tr("Brand and model"), self.brand_model)
        item.addRow(self.tr("Serial number"), self.serial)
        item.addRow(self.tr("Fault as described"), self.fault)
        item.addRow(self.tr("Condition"), self.condition)
        item.addRow(self.tr("Accessories left"), self.accessories)
        item.addRow(self.tr("Photos"), self.photo_list)
        item.addRow("", self.terms)
        columns = QHBoxLayout()
        columns.addLayout(customer, 1)
        columns.addLayout(item, 1)

        buttons = QHBoxLayout()
        self.save_button = touch_button(self.tr("Save and print"), self, "Ctrl+S")
        self.save_button.setStyleSheet("font-weight: bold;")
        self.photo_button = touch_button(self.tr("Add photos"), self, "Ctrl+P")
        self.tag_button = touch_button(self.tr("Extra tag"), self, "F6")
        self.slip_button = touch_button(self.tr("Print claim slip again"), self, "F7")
        self.deposit_button = touch_button(self.tr("Take deposit"), self, "F8")
        self.new_button = touch_button(self.tr("New intake"), self, "Ctrl+N")
        self.back_button = touch_button(self.tr("Back"), self, "Esc")
        for button in (
            self.save_button,
            self.photo_button,
            self.tag_button,
            self.slip_button,
            self.deposit_button,
            self.new_button,
            self.back_button,
        ):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            buttons.addWidget(button)
        tag_row = QHBoxLayout()
        tag_row.addWidget(self.extra_label, 1)
        tag_row.addWidget(self.message, 3)

        heading = QLabel(self.tr("Repair intake"), self)
        heading.setStyleSheet("font-size: 20px; font-weight: bold;")
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(scrolling(columns, self), 1)  # a banner above never hides the buttons
        layout.addLayout(tag_row)
        layout.addLayout(buttons)
        tab_in_layout_order(self)  # down the customer column, then the item's

        self.save_button.clicked.connect(self.save)
        self.photo_button.clicked.connect(self.choose_photos)
        self.tag_button.clicked.connect(self.extra_tag)
        self.slip_button.clicked.connect(self.reprint_slip)
        self.deposit_button.clicked.connect(self.take_deposit)
        self.new_button.clicked.connect(self.new_intake)
        self.back_button.clicked.connect(self.close_requested.emit)
        self.phone.editingFinished.connect(self.check_phone)
        self.email.editingFinished.connect(self.check_email)
        self.clear()

    def on_shown(self) -> None:
        choices = intake_choices(self.desk.uow)
        current = self.tenant.currentData()
        self.tenant.clear()
        for code, name in choices.tenants:
            self.tenant.addItem(f"{code} {name}", code)
        if current is not None:
            self.tenant.setCurrentIndex(max(self.tenant.findData(current), 0))
        self.technician.clear()
        self.technician.addItem(self.tr("— not assigned —"), "")
        for staff_no, name in choices.technicians:
            self.technician.addItem(f"{name} ({staff_no})", staff_no)
        self.customer.setFocus()

    # -- returning customers ---------------------------------------------------------------
    def use_customer(self, known: KnownCustomer) -> None:
        """Fill in the customer from their last job; consent is asked again, for this job."""
        self.customer.setText(known.name)
        self.phone.setText(known.phone)
        self.email.setText(known.email)
        self.consent.setChecked(False)
        self.check_phone()
        self.check_email()
        self.say(
            self.tr(
                "%1 is filled in from their last job. Ask again whether they agree to be contacted."
            ).replace("%1", known.name)
        )
        self.consent.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- validation as you go --------------------------------------------------------------
    def check_phone(self) -> bool:
        return self._check(self.phone, self.phone_problem, parse_phone)

    def check_email(self) -> bool:
        return self._check(self.email, self.email_problem, parse_email)

    def _check(self, field: QLineEdit, problem: QLabel, parse: object) -> bool:
        text = field.text().strip()
        try:
            if text:
                parse(text)  # type: ignore[operator]
        except DomainError as error:
            problem.setText(error_text(error))
            return False
        problem.clear()
        return True

    # -- the form --------------------------------------------------------------------------
    def new_intake(self) -> None:
        """An empty form with the keyboard in its first field: the next customer is typed at
        once, never into whatever field the last one ended in."""
        self.clear()
        self.customer.setFocus(Qt.FocusReason.OtherFocusReason)

    def clear(self) -> None:
        for field in (
            self.customer, self.phone, self.email, self.category, self.brand_model,
            self.serial, self.condition, self.accessories, self.estimate, self.limit,
            self.deposit, self.extra_label,
        ):  # fmt: skip
            field.clear()
        self.fault.clear()
        self.consent.setChecked(False)
        self.terms.setChecked(False)
        self.photos = []
        self.photo_list.clear()
        self.phone_problem.clear()
        self.email_problem.clear()
        self.known.forget()
        promised = date.today() + timedelta(days=7)
        self.promised.setDate(QDate(promised.year, promised.month, promised.day))
        self.ticket_id = ""
        self._saved_state(False)
        self.say(self.tr("Fill in the form; Ctrl+S saves and prints the slip and the tags."))

    def _saved_state(self, saved: bool) -> None:
        self.save_button.setEnabled(not saved)
        for button in (self.tag_button, self.slip_button, self.deposit_button):
            button.setEnabled(saved)

    def add_photos(self, paths: list[Path]) -> None:
        for path in paths:
            self.photos.append(Path(path))
            self.photo_list.addItem(Path(path).name)

    def choose_photos(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Photos of the item"), "", self.tr("Images (*.jpg *.jpeg *.png *.webp)")
        )
        self.add_photos([Path(n) for n in names])

    def _amount(self, field: QLineEdit) -> Ore | None:
        text = field.text().strip()
        return parse_nok(text) if text else None

    def form(self) -> IntakeForm:
        """What was typed, as the service takes it (DomainError for a bad amount)."""
        qdate = self.promised.date()
        return IntakeForm(
            tenant_code=str(self.tenant.currentData() or ""),
            customer_name=self.customer.text(),
            phone=self.phone.text(),
            email=self.email.text(),
            contact_consent=self.consent.isChecked(),
            category=self.category.text(),
            brand_model=self.brand_model.text(),
            serial=self.serial.text(),
            fault=self.fault.toPlainText(),
            condition=self.condition.text(),
            accessories=tuple(a.strip() for a in self.accessories.text().split(",") if a.strip()),
            photos=tuple(self.photos),
            estimate=self._amount(self.estimate) or 0,
            approval_limit=self._amount(self.limit),
            deposit=self._amount(self.deposit) or 0,
            promised_date=date(qdate.year(), qdate.month(), qdate.day()),
            technician_no=str(self.technician.currentData() or ""),
            terms_accepted=self.terms.isChecked(),
        )

    def say(self, text: str, *, problem: bool = False) -> None:
        self.message.say(text, problem=problem)

    # -- actions ---------------------------------------------------------------------------
    def save(self) -> None:
        if self.ticket_id or self.tasks.busy:
            return
        if not (self.check_phone() and self.check_email()):
            self.say(self.tr("Correct the phone number or e-mail first."), problem=True)
            return
        try:
            form = self.form()
        except DomainError as error:
            self.say(error_text(error), problem=True)
            return
        self.tasks.run(lambda: self.desk.take_in(form), self._saved, self._refused)

    def _refused(self, error: Exception) -> None:
        self.say(error_text(error), problem=True)

    def _saved(self, ticket_id: str) -> None:
        self.ticket_id = ticket_id
        self._saved_state(True)
        self.saved.emit(ticket_id)
        try:
            jobs = self.desk.print_intake(ticket_id)
        except DomainError as error:
            jobs = []
            self.say(error_text(error), problem=True)
        text = self.tr("Saved as %1.").replace("%1", ticket_id)
        if jobs:
            text += " " + self.tr("Claim slip and %1 tag(s) sent to the printer.").replace(
                "%1", str(len(jobs) - 1)
            )
        elif not self.desk.can_print:
            text += " " + self.tr("No printer: print the slip later with F7.")
        self.say(text)
        if self.form_deposit() > 0:
            self.take_deposit()

    def form_deposit(self) -> Ore:
        try:
            return self._amount(self.deposit) or 0
        except DomainError:
            return 0

    def extra_tag(self) -> None:
        if not self.ticket_id:
            return
        label = self.extra_label.text().strip() or self.tr("Accessory")
        self._print(lambda: self.desk.print_extra_tag(self.ticket_id, label))

    def reprint_slip(self) -> None:
        if self.ticket_id:
            self._print(lambda: self.desk.reprint_slip(self.ticket_id))

    def _print(self, action: object) -> None:
        try:
            jobs = action()  # type: ignore[operator]
        except DomainError as error:
            self.say(error_text(error), problem=True)
            return
        if jobs:
            self.say(self.tr("Sent to the printer."))
        else:
            self.say(self.tr("No printer is set up for this register."), problem=True)

    def take_deposit(self) -> None:
        if not self.ticket_id:
            return
        self.dialog = DepositDialog(
            self.desk, self.tasks, self.ticket_id, self.form_deposit(), self
        )
        self.dialog.paid.connect(self._deposit_paid)
        self.dialog.open()

    def _deposit_paid(self, result: object) -> None:
        from pos.services.repair_money import DepositResult

        assert isinstance(result, DepositResult)
        text = self.tr("Deposit %1 taken, receipt %2.").replace("%1", kr(result.amount))
        text = text.replace("%2", result.receipt.number)
        if result.change:
            text += " " + self.tr("Change %1.").replace("%1", kr(result.change))
        self.say(text)
        self.deposit_button.setEnabled(False)
