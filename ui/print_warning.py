"""The warning over every screen while a receipt did not print: which, that the sale is
recorded, and how to print it (the button, or Ctrl+Shift+P). It stays until the receipt is printed
(or has had its copy), also while a retry waits for the printer, so it cannot be missed or
clicked away by accident."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from ui.common import touch_button
from ui.status_strip import PRINT_JOBS_KEY


class PrintWarning(QFrame):
    print_jobs_requested = Signal()
    """The cashier wants to print the receipts now."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("printWarning")
        self.setStyleSheet(
            "#printWarning { background: #b71c1c; } "
            "#printWarning QLabel { color: white; font-size: 20px; font-weight: bold; }"
        )
        self.text = QLabel(self)
        self.text.setObjectName("printWarningText")
        self.text.setWordWrap(True)
        self.button = touch_button(self.tr("Print now"), self)
        self.button.setObjectName("printWarningButton")
        self.button.setStyleSheet("font-size: 16px; font-weight: bold; padding: 4px 16px;")
        self.button.clicked.connect(self.print_jobs_requested.emit)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.button)
        self.hide()

    def show_waiting(self, numbers: tuple[str, ...], again: tuple[str, ...] = ()) -> None:
        """The receipts still to print (``again``: those of them queued again, not printed
        yet); none: the warning goes away, never before the printer took them."""
        if not numbers:
            self.hide()
            return
        if len(numbers) == 1:
            head = self.tr("Receipt %1 was NOT printed.").replace("%1", numbers[0])
        else:
            head = (
                self.tr("%1 receipts were NOT printed: %2.")
                .replace("%1", str(len(numbers)))
                .replace("%2", ", ".join(numbers[:4]) + (" …" if len(numbers) > 4 else ""))
            )
        rest = self.tr(
            "The sale is recorded. Give the customer the receipt when the printer works: "
            "%1 or the button."
        ).replace("%1", PRINT_JOBS_KEY)
        if again and set(numbers) <= set(again):
            rest = self.tr(
                "The sale is recorded. Sent to the printer again: this warning goes away once "
                "it has printed."
            )
        self.text.setText(f"{head} {rest}")
        self.button.setText(self.tr("Print now") + f"\n{PRINT_JOBS_KEY}")
        self.show()
