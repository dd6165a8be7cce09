"""The printer step: the receipt printer's address, profile and paper, with a test page sent
straight to it (off the GUI thread) so the person sees at once whether it answers. Left empty,
the counter starts without a printer: receipts wait in the queue until one is set."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from pos.clock import OSLO
from pos.errors import DomainError
from pos.model.printing import PrinterRole, PrinterSetting
from pos.services.first_run import check_printer
from printers.test_page import send_test_page
from ui.backoffice.devices_page import PROFILES
from ui.common import error_text, touch_button
from ui.first_run.step import SetupStep, hint
from ui.tasks import TaskRunner


class PrinterStep(SetupStep):
    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.register_id = "K1"
        self.url = QLineEdit(self)
        self.url.setObjectName("printerUrl")
        self.url.setPlaceholderText("tcp://10.0.0.50:9100, usb://04b8:0202, serial:///dev/ttyUSB0")
        self.profile = QComboBox(self)
        self.profile.setObjectName("printerProfile")
        self.profile.addItems(PROFILES)
        self.paper = QComboBox(self)
        self.paper.setObjectName("printerWidth")
        self.paper.addItem(self.tr("80 mm (48 columns)"), 48)
        self.paper.addItem(self.tr("58 mm (32 columns)"), 32)
        self.test = touch_button(self.tr("Test print"), self, "F6")
        self.test.setObjectName("testPrint")
        self.test.clicked.connect(self.test_print)
        self.result = QLabel("", self)
        self.result.setObjectName("testResult")
        self.result.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Address"), self.url)
        form.addRow(self.tr("Profile"), self.profile)
        form.addRow(self.tr("Paper"), self.paper)
        form.addRow("", self.test)
        layout = QVBoxLayout(self)
        layout.addWidget(
            hint(
                self.tr(
                    "The receipt printer of this register (the cash drawer is wired to it). "
                    "F6 prints a test page. Leave the address empty if the printer is not "
                    "there yet: receipts then wait in the queue until it is set in the back "
                    "office (F1 → Register and printers)."
                ),
                self,
            )
        )
        layout.addLayout(form)
        layout.addWidget(self.result)
        layout.addStretch(1)
        self.wire_enter()

    def title(self) -> str:
        return self.tr("Receipt printer")

    def inputs(self) -> list[QWidget]:
        return [self.url, self.profile, self.paper]

    def setting(self) -> PrinterSetting | None:
        url = self.url.text().strip()
        if not url:
            return None
        return check_printer(
            PrinterSetting(
                self.register_id,
                PrinterRole.RECEIPT,
                url,
                self.profile.currentText().strip(),
                int(self.paper.currentData()),
            )
        )

    def check(self) -> None:
        self.setting()

    def test_print(self) -> None:
        try:
            setting = self.setting()
        except DomainError as error:
            self.result.setText(error_text(error))
            return
        if setting is None:
            self.result.setText(self.tr("Enter the printer's address first."))
            return
        self.result.setText(self.tr("Printing a test page…"))
        when = datetime.now(OSLO).strftime("%Y-%m-%d %H:%M")
        self.tasks.run(lambda: send_test_page(setting, when), self._printed, self._failed)

    def _printed(self, _result: object) -> None:
        self.result.setText(
            self.tr("The test page was sent. Check that it came out with æøå and a barcode.")
        )

    def _failed(self, error: Exception) -> None:
        if isinstance(error, DomainError):
            self.result.setText(error_text(error))
            return
        why = {
            "offline": self.tr("it does not answer: is it on, connected, and is this its address?"),
            "timeout": self.tr("it stopped answering while printing."),
            "paper_out": self.tr("it is out of paper."),
        }.get(getattr(error, "reason", ""), self.tr("an error."))
        text = self.tr("The printer did not take the page: %1").replace("%1", why)
        self.result.setText(f"{text} ({error})")
