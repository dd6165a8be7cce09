"""The sync page: online or offline, how much is waiting, the problems the server reported
(flagged or rejected events: shown, never lost), "sync now", and enrolment with a one-time code
(managers). Network work runs off the GUI thread; the cashier never waits on it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from pos import __version__ as VERSION
from pos.model.staff import Permission
from pos.services.sync_state import sync_problems, sync_status
from ui.common import error_text
from ui.pages import PageContext, PageWidget


class SyncPage(PageWidget):
    def __init__(self, ctx: PageContext) -> None:
        super().__init__()
        self.ctx = ctx
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Sync with the central server"), self)
        title.setStyleSheet("font-size: 22px; font-weight: bold;")
        layout.addWidget(title)
        self.state = QLabel("", self)
        self.state.setWordWrap(True)
        layout.addWidget(self.state)
        buttons = QHBoxLayout()
        self.sync_now = QPushButton(self.tr("Sync now (F5)"), self)
        self.sync_now.setShortcut("F5")
        self.sync_now.setMinimumHeight(48)
        self.sync_now.clicked.connect(self.run_sync)
        back = QPushButton(self.tr("Back to sale (Esc)"), self)
        back.setShortcut("Esc")
        back.setMinimumHeight(48)
        back.clicked.connect(self.close_requested.emit)
        buttons.addWidget(self.sync_now)
        buttons.addWidget(back)
        layout.addLayout(buttons)
        self.enrol_form = QFormLayout()
        self.server = QLineEdit(self)
        self.server.setPlaceholderText("https://sentral.example.no")
        self.code = QLineEdit(self)
        self.ca_file = QLineEdit(self)
        self.ca_file.setPlaceholderText(self.tr("CA file (only for a private certificate)"))
        self.enrol_button = QPushButton(self.tr("Enrol this counter"), self)
        self.enrol_button.setMinimumHeight(48)
        self.enrol_button.clicked.connect(self.enrol)
        self.enrol_form.addRow(self.tr("Server address"), self.server)
        self.enrol_form.addRow(self.tr("One-time code"), self.code)
        self.enrol_form.addRow(self.tr("Certificate"), self.ca_file)
        self.enrol_form.addRow("", self.enrol_button)
        layout.addLayout(self.enrol_form)
        layout.addWidget(QLabel(self.tr("Sync problems (the server flagged or refused):"), self))
        self.problems = QTableWidget(0, 4, self)
        self.problems.setHorizontalHeaderLabels(
            [self.tr("No."), self.tr("Status"), self.tr("Reason"), self.tr("Type")]
        )
        self.problems.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.problems, 1)

    def on_shown(self) -> None:
        status = sync_status(self.ctx.session.uow)
        if not status.enrolled:
            text = self.tr("Not enrolled: sales stay on this counter until a manager enrols it.")
        else:
            text = (
                self.tr("Server %1 · %2 · %3 not yet synced · last contact %4")
                .replace("%1", status.server_url)
                .replace("%2", self.tr("online") if status.online else self.tr("offline"))
                .replace("%3", str(status.unsynced))
                .replace("%4", status.last_ok_at or "–")
            )
            if status.last_error:
                text += "\n" + status.last_error
        self.state.setText(text)
        operator = self.ctx.session.operator
        may_enrol = operator is not None and operator.may(Permission.MANAGE)
        for widget in (self.server, self.code, self.ca_file, self.enrol_button):
            widget.setEnabled(may_enrol)
        self.sync_now.setEnabled(status.enrolled)
        rows = sync_problems(self.ctx.session.uow, limit=200)
        self.problems.setRowCount(len(rows))
        words = self.reasons()  # once per refresh, not once per row
        for row, problem in enumerate(rows):
            code = str(problem["code"])
            values = (
                problem["device_seq"],
                problem["status"],
                words.get(code, code),
                problem["type"],
            )
            for column, value in enumerate(values):
                self.problems.setItem(row, column, QTableWidgetItem(str(value)))

    def reason(self, code: str) -> str:
        """The problem in words staff understand (the code itself when there are none)."""
        return self.reasons().get(code, code)

    def reasons(self) -> dict[str, str]:
        """Each problem code the server or the pull can give, in the UI's language."""
        return {
            "status_conflict": self.tr(
                "The repair's status was changed at another counter first; this change was "
                "not used, and the ticket shows the status the other counter set."
            ),
            "reopen_refused": self.tr("Reopening the repair needs a manager the server knows."),
            "ticket_unknown": self.tr("The server has not received this repair ticket."),
            "field_invalid": self.tr("Some fields of the repair were unreadable and were ignored."),
            "hlc_clamped": self.tr(
                "This counter's clock was more than an hour ahead; the edit counts from the "
                "server's time."
            ),
            "reference_conflict": self.tr(
                "Data from the server could not be used on this counter."
            ),
            "ticket_other_site": self.tr(
                "A repair with this number belongs to another site; this change was not used."
            ),
            "ticket_id_reused": self.tr(
                "Another job already has this repair number on the server (a counter restored "
                "from a backup?); this intake was kept apart."
            ),
            "field_too_long": self.tr("A repair field was too long for the server."),
            "chain_break": self.tr(
                "The receipt's signature chain does not follow the one before it."
            ),
            "signature_invalid": self.tr("The receipt's signature does not verify."),
            "unknown_key": self.tr(
                "The server lacks the signing key of this receipt (send it with a sync)."
            ),
            "numbering_gap": self.tr("A receipt number is missing before this one."),
            "clock_ahead": self.tr("The sale is dated more than five minutes ahead of the server."),
            "malformed": self.tr("The server could not read this event; it was set aside."),
            "unknown_type": self.tr("The server does not know this kind of event (too old?)."),
            "tenant_forbidden": self.tr("This tenant is not served by this counter's site."),
            "hash_mismatch": self.tr("The event's content does not match its checksum."),
            "event_id_conflict": self.tr("Another event already has this event's id."),
            "item_exists": self.tr(
                "The server already has an item with this id; the server's item was kept."
            ),
            "barcode_in_use": self.tr(
                "Another item already has this barcode; this item stays on this counter only."
            ),
            "price_stale": self.tr(
                "A later price for this item was set elsewhere; this price change was not used, "
                "and the counter gets the current price."
            ),
            "one_off_sold_twice": self.tr(
                "This one-off item was sold at another counter too: both sales are recorded; "
                "find the item and settle it with the customer (a return if need be)."
            ),
            "staff_other_site": self.tr(
                "Another site has a staff member with this id; this change stays here."
            ),
            "item_unknown": self.tr(
                "The server does not know this item (registered before the counters shared "
                "items?); the new price applies at this counter only."
            ),
            "seq_conflict": self.tr(
                "The server already has a different event with this number (a restored "
                "backup?); the counter must be enrolled again."
            ),
            "tenant_pending": self.tr(
                "The server holds this tenant until the operator approves it; its sales are "
                "kept there and stored once it is approved."
            ),
            "totals_mismatch": self.tr(
                "The receipt's lines, payments or VAT do not add up to its signed totals."
            ),
            "negative_sale": self.tr("A sale with a negative total."),
            "signature_unsupported": self.tr("The receipt is signed with an unknown method."),
            "receipt_number_reused": self.tr(
                "Another receipt on the server has the same number (a restored backup?)."
            ),
            "receipt_repeated": self.tr("The server already has this receipt under another event."),
            "unstorable": self.tr("The server could not store a value of this event; set aside."),
            "seq_repeated": self.tr("Another event of the same batch had this number."),
        }

    def run_sync(self) -> None:
        from pos.adapters.key_files import KeyStore
        from sync.cycle import SyncCycle

        uow = self.ctx.session.uow
        found = self.ctx.extras.get("keys")  # the counter's key store: rotated keys are sent
        keys = found if isinstance(found, KeyStore) else None
        self._background(lambda: SyncCycle(uow, app_version=VERSION, keys=keys).run().summary())

    def enrol(self) -> None:
        from sync.enrolment import enrol

        session = self.ctx.session
        found = self.ctx.extras.get("public_keys", {})
        keys = found() if callable(found) else found  # a callable defers reading the keys
        server, code, ca = self.server.text().strip(), self.code.text(), self.ca_file.text()

        def work() -> str:
            done = enrol(session.uow, server, code, device_name=session.register_id,
                         app_version=VERSION, public_keys=keys, ca_file=ca)  # type: ignore[arg-type]  # fmt: skip
            text = self.tr("Enrolled as %1").replace("%1", done.device_id)
            text += "\n" + self._register_text(done.register_id, done.label_block)
            if done.register_id != session.register_id:
                text += "\n" + self.tr("Start the program again to sell as register %1.").replace(
                    "%1", done.register_id
                )
            waiting = [t for t in done.offered if t.status in ("pending", "refused")]
            if waiting:
                names = ", ".join(f"{t.code} {t.name}" for t in waiting)
                text += "\n" + self.tr(
                    "These tenants wait for the server operator's approval: %1. Their sales "
                    "are held on the server until then."
                ).replace("%1", names)
            return text

        self._background(work)

    def _register_text(self, register_id: str, label_block: int) -> str:
        return (
            self.tr(
                "This counter is register %1 with label block %2: its receipt numbers and "
                "labels never collide with those of the centre's other counters. The centre's "
                "tenants, staff, article groups and items come with the next sync."
            )
            .replace("%1", register_id)
            .replace("%2", str(label_block))
        )

    def _background(self, work: Callable[[], str]) -> None:
        self.state.setText(self.tr("Working…"))
        self.ctx.tasks.run(work, self._done, self._failed)

    def _done(self, text: str) -> None:
        self.on_shown()
        self.state.setText(text + "\n" + self.state.text())

    def _failed(self, error: Exception) -> None:
        self.on_shown()
        reason = getattr(error, "reason", "") or error_text(error)
        self.state.setText(
            self.tr("Sync failed: %1 (everything stays queued)").replace("%1", reason)
        )
