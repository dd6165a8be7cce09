"""Tenant settlements (manager): a tenant's settlements, a new one for a period, and a
correction of the latest — a new numbered settlement that takes the earlier one back and settles
its period again, with a reason and an optional adjustment. Each comes with its statement PDF,
CSV and (when the centre's account is stored and money is owed) the bank's payment file, in
``<data dir>/reports/settlements``: all of them or none, as ``pos.services.settlement`` rules."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from pos.bank import format_account_number
from pos.model.settlement import SettlementDoc
from pos.money import parse_nok
from pos.services import centre_company, settlement, sync_state, tenant_terms, tenants
from pos.services.context import TillContext
from pos.services.settlement_files import settlements_csv
from pos.services.settlement_payment import PaymentOrder, payment_order
from printers.settlement_output import SettlementFiles
from ui.backoffice.page_parts import heading, message_line, say, sized
from ui.common import error_text, kr, tab_passes, touch_button
from ui.pages import PageContext, PageWidget
from ui.tab_order import tab_in_layout_order

Work = Callable[[TillContext, SettlementFiles, PaymentOrder | None], SettlementDoc]
"""Makes one settlement (or correction) with the given files and payment order."""


def last_month(today: date) -> tuple[str, str]:
    end = today.replace(day=1) - timedelta(days=1)
    return end.replace(day=1).isoformat(), end.isoformat()


class SettlementsPage(PageWidget):
    def __init__(self, ctx: PageContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.session = ctx.session
        self.docs: list[SettlementDoc] = []
        self.last_files: list[Path] = []
        self.tenant = QComboBox(self)
        self.tenant.currentIndexChanged.connect(lambda _=0: self.reload())
        self.table = tab_passes(QTableWidget(0, 6, self))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Settlement"), self.tr("Period"), self.tr("Corrects"), self.tr("Net"),
             self.tr("Made"), self.tr("Registers")]
        )  # fmt: skip
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        first, last = last_month(self.session.clock.now().date())
        self.date_from, self.date_to = QLineEdit(first, self), QLineEdit(last, self)
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("Why the correction (printed and journaled)"))
        self.adjust = QLineEdit(self)
        self.adjust.setPlaceholderText(self.tr("Extra amount in kroner, e.g. -250 (optional)"))
        self.company_name = QLineEdit(self)
        self.company_name.setPlaceholderText(self.tr("The company that runs the centre"))
        self.company_org_no = QLineEdit(self)
        self.company_org_no.setPlaceholderText(self.tr("9 digits"))
        self.account = QLineEdit(self)
        self.account.setPlaceholderText(self.tr("The centre's account, e.g. 9710.05.12347"))
        sized(self.tenant, self.date_from, self.date_to, self.reason, self.adjust,
              self.company_name, self.company_org_no, self.account)  # fmt: skip
        form = QFormLayout()
        form.addRow(self.tr("Tenant"), self.tenant)
        form.addRow(self.tr("From"), self.date_from)
        form.addRow(self.tr("To"), self.date_to)
        form.addRow(self.tr("Reason"), self.reason)
        form.addRow(self.tr("Adjustment"), self.adjust)
        form.addRow(self.tr("The centre's company (pays the tenants)"), self.company_name)
        form.addRow(self.tr("Its org.no."), self.company_org_no)
        form.addRow(self.tr("Centre's account (payment files)"), self.account)
        buttons = QHBoxLayout()
        for text, key, slot in [
            (self.tr("Settle the period"), "Ctrl+N", self.settle),
            (self.tr("Correct the selected"), "Ctrl+K", self.correct),
            (self.tr("Save the centre's company"), "Ctrl+S", self.save_account),
        ]:
            button = touch_button(text, self, key)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        self.message = message_line(self)
        layout = QVBoxLayout(self)
        layout.addLayout(heading(self, self.tr("Tenant settlements")))
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        tab_in_layout_order(self)  # the list on top, then the form under it

    def on_shown(self) -> None:
        chosen = self.tenant.currentData()
        self.tenant.blockSignals(True)
        self.tenant.clear()
        for tenant in tenants.list_tenants(self.session.uow):
            self.tenant.addItem(f"{tenant.code} {tenant.name}", tenant.code)
        self.tenant.setCurrentIndex(max(0, self.tenant.findData(chosen)))
        self.tenant.blockSignals(False)
        company = centre_company.centre_company(self.session.uow)
        self.company_name.setText(company.name)
        self.company_org_no.setText(company.org_no)
        self.account.setText(format_account_number(company.account) if company.account else "")
        self.reload()
        if sync_state.enrolment(self.session.uow) is not None:
            say(self.message, self.tr("This counter is on the central server: it syncs, and the "
                                      "server settles the tenant over every register of the "
                                      "centre."), reveal=False)  # fmt: skip

    def reload(self) -> None:
        code = self.tenant.currentData()
        self.docs = settlement.settlement_docs(self.session.uow, code) if code else []
        self.table.setRowCount(len(self.docs))
        for row, doc in enumerate(self.docs):
            cells = [doc.number_text, f"{doc.period_from} – {doc.period_to}",
                     doc.corrects_number, kr(doc.net_payable), doc.created_date,
                     doc.registers]  # fmt: skip
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        if self.docs:
            self.table.selectRow(len(self.docs) - 1)

    def selected(self) -> SettlementDoc | None:
        rows = self.table.selectionModel().selectedRows()
        return self.docs[rows[0].row()] if rows else None

    # -- actions ---------------------------------------------------------------------------
    def settle(self) -> None:
        code, start, end = self.tenant.currentData(), self.date_from.text(), self.date_to.text()
        self._make(
            lambda ctx, files, payment: settlement.make_settlement(
                self.session.uow, ctx, code, start, end, payment=payment, stage=files.stage,
                centre=self._centre(),
            )
        )  # fmt: skip

    def correct(self) -> None:
        chosen = self.selected()
        if chosen is None:
            say(self.message, self.tr("Choose the settlement to correct."), problem=True)
            return
        code, reason, adjust = self.tenant.currentData(), self.reason.text(), self.adjust.text()
        self._make(
            lambda ctx, files, payment: settlement.correct_settlement(
                self.session.uow, ctx, code, chosen.number, reason,
                parse_nok(adjust) if adjust.strip() else 0, payment=payment, stage=files.stage,
                centre=self._centre(),
            )
        )  # fmt: skip

    def _centre(self) -> settlement.CentreSettler | None:
        """The central server when this counter is enrolled: it settles every register of the
        centre, after a sync sends this counter's own sales and Z reports."""
        from pos import __version__ as version
        from pos.adapters.key_files import KeyStore
        from sync.cycle import SyncCycle
        from sync.settlements import settler_for

        uow = self.session.uow
        found = self.ctx.extras.get("keys")
        keys = found if isinstance(found, KeyStore) else None
        return settler_for(uow, lambda: SyncCycle(uow, app_version=version, keys=keys).run())

    def save_account(self) -> None:
        """The centre's company: name, org.no. and account, checked and journaled."""
        try:
            centre_company.set_centre_company(
                self.session.uow, self.session.context(), self.company_name.text(),
                self.company_org_no.text(), self.account.text(),
            )  # fmt: skip
        except Exception as error:  # noqa: BLE001 - shown to the manager
            say(self.message, error_text(error), problem=True)
            return
        say(self.message, self.tr("The centre's company is saved."))

    def _make(self, work: Work) -> None:
        """Run ``work(ctx, files, payment)`` off the GUI thread, the files published only
        with the settlement."""
        ctx = self.session.context()
        folder = (self.ctx.data_dir or Path.home()) / "reports" / "settlements"
        issuer = centre_company.statement_issuer(self.session.uow)
        files = SettlementFiles(centre_name=issuer, csv_of=settlements_csv, folder=folder)
        say(self.message, self.tr("Working…"))

        def run() -> SettlementDoc:
            files.check()
            account = tenant_terms.centre_account(self.session.uow)
            payment = payment_order(self.session.uow, account, None, ctx.clock) if account else None
            try:
                doc = work(ctx, files, payment)
            except Exception:
                files.discard()
                raise
            files.publish()
            return doc

        self.ctx.tasks.run(run, lambda doc: self._made(doc, files), self._failed)

    def _made(self, doc: SettlementDoc, files: SettlementFiles) -> None:
        self.last_files = list(files.written)
        self.reason.clear()
        self.adjust.clear()
        self.reload()
        say(
            self.message,
            self.tr("%1 made: net %2. Files in %3.")
            .replace("%1", doc.number_text)
            .replace("%2", kr(doc.net_payable))
            .replace("%3", str(files.folder)),
        )

    def _failed(self, error: Exception) -> None:
        say(self.message, error_text(error), problem=True)
