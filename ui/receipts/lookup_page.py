"""The receipt look-up (F1 menu, key K): find a receipt by typing or scanning its number, or pick
one of the register's latest, and print it again. ``pos`` decides what that prints — the
original if it never reached paper, else its one copy ("KOPI") — and refuses a second copy; this
page says beforehand what will happen and afterwards what did."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
)

from pos.errors import DomainError
from pos.model.printing import JobStatus, NextPrint, PrintJob
from pos.services.receipt_lookup import ReceiptRow, find_receipt_row, recent_receipts
from pos.services.reprint import Reprinted
from ui.common import TOUCH_MIN_PX, error_text, tab_passes, touch_button
from ui.message_line import MessageLine
from ui.pages import PageContext, PageWidget
from ui.print_jobs_dialog import problem_text
from ui.receipts.receipt_table_model import ReceiptTableModel, paper_text
from ui.scanner.routing import CodeKind, route_code
from ui.scanner.targets import Refusal


class ReceiptLookupPage(PageWidget):
    def __init__(self, ctx: PageContext) -> None:
        super().__init__()
        self.setObjectName("receiptLookup")
        self.ctx = ctx
        self.model = ReceiptTableModel()
        title = QLabel(self.tr("Receipts: print again"), self)
        title.setStyleSheet("font-size: 22px; font-weight: bold;")
        self.number = QLineEdit(self)
        self.number.setObjectName("receiptNumber")
        self.number.setPlaceholderText(self.tr("Receipt number: type it or scan the receipt"))
        self.number.setMinimumHeight(TOUCH_MIN_PX)
        self.number.returnPressed.connect(self.look_up)
        find = touch_button(self.tr("Find"), self)
        find.clicked.connect(self.look_up)
        self.view = tab_passes(QTableView(self))
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._show_selected())
        self.view.doubleClicked.connect(lambda _index: self.print_selected())
        self.detail = QLabel(self)
        self.detail.setObjectName("receiptDetail")
        self.detail.setWordWrap(True)
        self.message = MessageLine(self, size_px=16)
        self.message.setObjectName("receiptMessage")
        self.print_button = touch_button(self.tr("Print again"), self, "F5")
        self.print_button.setObjectName("printAgain")
        self.print_button.clicked.connect(self.print_selected)
        back = touch_button(self.tr("Back to sale"), self, "Esc")
        back.clicked.connect(self.close_requested.emit)
        search = QHBoxLayout()
        search.addWidget(self.number, 1)
        search.addWidget(find)
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addStretch(1)
        buttons.addWidget(back)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(search)
        layout.addWidget(QLabel(self.tr("Latest receipts at this register"), self))
        layout.addWidget(self.view, 1)
        layout.addWidget(self.detail)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

    # -- showing ---------------------------------------------------------------------------
    def on_shown(self) -> None:
        self.message.clear()
        self.refresh()
        self.number.setFocus()

    def refresh(self, select: str = "") -> None:
        session = self.ctx.session
        self.ctx.tasks.run(
            lambda: recent_receipts(session.uow, session.register_id),
            lambda rows: self._loaded(rows, select),
            self._failed,
        )

    def _loaded(self, rows: list[ReceiptRow], select: str) -> None:
        self.model.set_rows(rows)
        row = self.model.row_of(select) if select else (0 if rows else None)
        if row is not None:
            self.view.selectRow(row)
        self._show_selected()

    def selected(self) -> ReceiptRow | None:
        picked = self.view.selectionModel().selectedRows()
        return self.model.rows[picked[0].row()] if picked else None

    def _show_selected(self) -> None:
        row = self.selected()
        if row is None:
            self.detail.clear()
            self.print_button.setText(self.tr("Print again") + "\nF5")
            return
        self.detail.setText(
            f"<b>{row.number}</b> · {row.tenant_name} · {row.total} kr · {row.date} {row.time}"
            f" — {paper_text(row)}"
        )
        label = {
            NextPrint.ORIGINAL: self.tr("Print the original"),
            NextPrint.COPY: self.tr("Print the copy (KOPI)"),
            NextPrint.WAIT: self.tr("Printing now"),
            NextPrint.NOTHING: self.tr("Copy already printed"),
        }[row.next_print]
        self.print_button.setText(f"{label}\nF5")

    def say(self, text: str, *, problem: bool = False) -> None:
        self.message.say(text, problem=problem)

    # -- finding ---------------------------------------------------------------------------
    def handle_scan(self, code: str) -> Refusal | None:
        """A receipt's barcode scanned while this page is in front: find that receipt. Any
        other code is refused at once (its sound and banner), never searched for."""
        routed = route_code(code)
        if routed.kind is not CodeKind.RECEIPT:
            text = self.tr("%1 is not a receipt number: scan the receipt's barcode.")
            text = text.replace("%1", code)
            self.say(text, problem=True)
            return Refusal(text)
        self.number.setText(routed.code)
        try:  # one indexed read, at once: a receipt not found is this scan's refusal
            row = find_receipt_row(self.ctx.session.uow, routed.code)
        except DomainError as error:
            self._failed(error)
            return Refusal(error_text(error))
        self._found(row)
        return None

    def look_up(self) -> None:
        typed = self.number.text().strip()
        if not typed:
            return
        uow = self.ctx.session.uow
        self.ctx.tasks.run(lambda: find_receipt_row(uow, typed), self._found, self._failed)

    def _found(self, row: ReceiptRow) -> None:
        self.number.clear()
        if self.model.row_of(row.number) is None:  # older than the list: show it on top
            self.model.set_rows([row, *self.model.rows])
        self.view.selectRow(self.model.row_of(row.number) or 0)
        self._show_selected()
        self.say(self.tr("Found %1.").replace("%1", row.number))

    def _failed(self, error: Exception) -> None:
        self.say(error_text(error), problem=True)

    # -- printing --------------------------------------------------------------------------
    def print_selected(self) -> None:
        row = self.selected()
        if row is None:
            self.say(self.tr("Choose a receipt first."), problem=True)
            return
        printing = self.ctx.printing
        if printing is None:
            self.say(self.tr("No printer is connected to this counter."), problem=True)
            return
        till = self.ctx.session.context()
        number = row.number
        self.ctx.tasks.run(
            lambda: printing.print_again(till, number),
            lambda done: self._printed(done, number),
            self._failed,
        )

    def print_finished(self, job: PrintJob) -> None:
        """A receipt or copy ended at the printer: the list shows where its paper stands now,
        and a failure is said here (the status bar says it too)."""
        if not job.kind.carries_receipts:
            return
        row = self.selected()
        self.refresh(select=row.number if row else "")
        if job.status is JobStatus.FAILED:
            text = self.tr("Not printed: %1: %2. Print again (F5) when the printer works.")
            problem = problem_text(job.error)
            self.say(text.replace("%1", job.title).replace("%2", problem), problem=True)
        elif job.status is JobStatus.PRINTED:
            self.say(self.tr("Printed: %1.").replace("%1", job.title))

    def _printed(self, done: Reprinted, number: str) -> None:
        if done.originals:
            self.say(self.tr("The original of %1 is sent to the printer.").replace("%1", number))
        else:
            self.say(self.tr("The copy (KOPI) of %1 is sent to the printer.").replace("%1", number))
        self.refresh(select=number)
