"""Tenants (manager): the list, and a form for one tenant: name, org.no, VAT registration,
short code, whether it takes in repairs, commission and rent, bank account, receipt header/footer
and logo; deactivation keeps the tenant's history. Code and org.no are set once, when the tenant
is made."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
)

from pos.bank import format_account_number, normalise_account_number
from pos.model.catalogue import Item
from pos.money import format_nok, parse_nok
from pos.services import repair_labour, tenant_terms, tenants
from pos.services.repair_work import DEFAULT_HOURLY_RATE
from ui.backoffice.page_parts import heading, message_line, say, sized
from ui.common import error_text, touch_button
from ui.page_stack import scrolling
from ui.pages import PageContext, PageWidget
from ui.tab_order import tab_in_layout_order

ACTIVE_ROLE = Qt.ItemDataRole.UserRole + 1


class TenantsPage(PageWidget):
    def __init__(self, ctx: PageContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.session = ctx.session
        self.current: str | None = None
        """The code of the tenant in the form, or None for a new one."""
        self.list = QListWidget(self)
        self.list.setMinimumWidth(300)
        self.list.currentItemChanged.connect(self._chosen)
        self.code = QLineEdit(self)
        self.code.setMaxLength(2)
        self.org_no = QLineEdit(self)
        self.name = QLineEdit(self)
        self.vat = QCheckBox(self.tr("VAT-registered (MVA)"), self)
        self.repairs = QCheckBox(self.tr("Takes in repairs"), self)
        self.repairs.setObjectName("tenantTakesRepairs")
        self.repairs_item = QLabel(self)
        """What its repair work is charged on: wrapped under the box, so a long item name
        never makes the form wider than a small screen."""
        self.repairs_item.setObjectName("tenantRepairsItem")
        self.repairs_item.setWordWrap(True)
        self.hourly = QLineEdit(self)
        self.hourly.setObjectName("tenantHourlyRate")
        self.hourly.setPlaceholderText(self.tr("Hourly rate for repairs (kr)"))
        self.hourly.setToolTip(self.tr("Labour typed as minutes is priced at this rate."))
        self.hourly.setEnabled(False)  # until the tenant takes repairs
        self.repairs.toggled.connect(self.hourly.setEnabled)
        self.commission = QLineEdit(self)
        self.commission.setPlaceholderText("12,5")
        self.group_rates = QLineEdit(self)
        self.group_rates.setPlaceholderText(self.tr("e.g. KLAER 10, BARN 12,5"))
        self.rent = QLineEdit(self)
        self.account = QLineEdit(self)
        self.account.setPlaceholderText("1234.56.78903")
        self.header = QPlainTextEdit(self)
        self.footer = QPlainTextEdit(self)
        for text_box in (self.header, self.footer):
            text_box.setTabChangesFocus(True)
            text_box.setFixedHeight(64)
        self.logo = QLineEdit(self)
        self.logo.setPlaceholderText(self.tr("PNG file printed at the top of receipts"))
        sized(self.code, self.org_no, self.name, self.commission, self.group_rates, self.rent)
        sized(self.account, self.logo, self.vat, self.repairs, self.hourly)
        choose_logo = touch_button(self.tr("Choose…"), self, "Ctrl+O")
        choose_logo.clicked.connect(self.choose_logo)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo, 1)
        logo_row.addWidget(choose_logo)
        form = QFormLayout()
        form.addRow(self.tr("Code (2 digits)"), self.code)
        form.addRow(self.tr("Organisation number"), self.org_no)
        form.addRow(self.tr("Name"), self.name)
        form.addRow("", self.vat)
        repairs_row = QHBoxLayout()  # one row: the page fits a 1024×600 screen
        repairs_row.addWidget(self.repairs, 2)
        repairs_row.addWidget(self.hourly, 1)
        form.addRow("", repairs_row)
        form.addRow("", self.repairs_item)
        form.addRow(self.tr("Commission %"), self.commission)
        form.addRow(self.tr("Commission per group"), self.group_rates)
        form.addRow(self.tr("Monthly rent (kr)"), self.rent)
        form.addRow(self.tr("Bank account"), self.account)
        form.addRow(self.tr("Receipt header"), self.header)
        form.addRow(self.tr("Receipt footer"), self.footer)
        form.addRow(self.tr("Logo"), logo_row)
        self.new_button = touch_button(self.tr("New tenant"), self, "Ctrl+N")
        self.new_button.clicked.connect(self.new_tenant)
        self.save_button = touch_button(self.tr("Save"), self, "Ctrl+S")
        self.save_button.clicked.connect(self.save)
        self.active_button = touch_button(self.tr("Deactivate"), self, "Ctrl+D")
        self.active_button.clicked.connect(self.toggle_active)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.save_button, self.active_button):
            buttons.addWidget(button)
        self.message = message_line(self)
        right = QVBoxLayout()
        right.addWidget(scrolling(form, self), 1)  # the buttons stay in view on any screen
        right.addLayout(buttons)
        right.addWidget(self.message)
        body = QHBoxLayout()
        body.addWidget(self.list)
        body.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(heading(self, self.tr("Tenants")))
        layout.addLayout(body, 1)
        tab_in_layout_order(self)  # the fields moved into their scroll area keep reading order

    def on_shown(self) -> None:
        self.reload(self.current)

    def reload(self, select: str | None = None) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for tenant in tenants.list_tenants(self.session.uow):
            shown = f"{tenant.code}  {tenant.name}"
            if not tenant.active:
                shown += "  " + self.tr("(inactive)")
            entry = QListWidgetItem(shown, self.list)
            entry.setData(Qt.ItemDataRole.UserRole, tenant.code)
            entry.setData(ACTIVE_ROLE, tenant.active)
            if tenant.code == select:
                self.list.setCurrentItem(entry)
        self.list.blockSignals(False)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        self._chosen(self.list.currentItem())

    def _chosen(self, entry: QListWidgetItem | None) -> None:
        if entry is None:
            return
        self.show_tenant(str(entry.data(Qt.ItemDataRole.UserRole)))

    def show_tenant(self, code: str) -> None:
        details = tenants.tenant_details(self.session.uow, code)
        tenant = details.tenant
        self.current = tenant.code
        self.code.setText(tenant.code)
        self.org_no.setText(tenant.org_no)
        for locked in (self.code, self.org_no):
            locked.setReadOnly(True)
        self.name.setText(tenant.name)
        self.vat.setChecked(tenant.vat_registered)
        self._show_repairs(repair_labour.takes_repairs(self.session.uow, tenant.code))
        rate = repair_labour.hourly_rate_of(self.session.uow, tenant.code)
        self.hourly.setText(format_nok(rate))
        self.commission.setText(f"{details.commission_bp / 100:g}".replace(".", ","))
        self.group_rates.setText(
            ", ".join(
                f"{group} {bp / 100:g}".replace(".", ",")
                for group, bp in sorted(details.group_rates.items())
            )
        )
        self.rent.setText(format_nok(details.monthly_rent))
        account = details.bank_account
        self.account.setText(format_account_number(account) if account else "")
        self.header.setPlainText(tenant.receipt_header)
        self.footer.setPlainText(tenant.receipt_footer)
        self.logo.setText(details.logo_path)
        label = self.tr("Deactivate") if tenant.active else self.tr("Reactivate")
        self.active_button.setText(f"{label}\nCtrl+D")
        self.active_button.setEnabled(True)

    def new_tenant(self) -> None:
        self.current = None
        self.list.clearSelection()
        for field in (self.code, self.org_no, self.name, self.group_rates, self.account):
            field.clear()
        for locked in (self.code, self.org_no):
            locked.setReadOnly(False)
        self.commission.setText("0")
        self.rent.setText("0")
        self.header.clear()
        self.footer.clear()
        self.logo.clear()
        self.vat.setChecked(True)
        self._show_repairs(None)
        self.hourly.setText(format_nok(DEFAULT_HOURLY_RATE))
        self.active_button.setEnabled(False)
        self.code.setFocus()
        say(self.message, self.tr("New tenant: fill in the form and save (Ctrl+S)."))

    def _show_repairs(self, labour: Item | None) -> None:
        """Ticked with the item its repair work is charged on, or unticked."""
        self.repairs.setChecked(labour is not None)
        self.repairs_item.setVisible(labour is not None)
        if labour is not None:
            item = self.tr("Work charged on «%1», group %2")
            item = item.replace("%1", labour.description).replace("%2", labour.article_group_id)
            self.repairs_item.setText(item)

    def choose_logo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Logo"), "", self.tr("Images (*.png *.bmp)")
        )
        if path:
            self.logo.setText(path)

    def _kept_logo(self, code: str) -> str:
        """A copy of the chosen logo in the data directory, so receipts keep it if the
        original (e.g. on a memory stick) goes away."""
        chosen = self.logo.text().strip()
        if not chosen or self.ctx.data_dir is None:
            return chosen
        source = Path(chosen)
        target = self.ctx.data_dir / "logos" / f"{code}{source.suffix.lower()}"
        if source.resolve() != target.resolve():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
        return str(target)

    def save(self) -> None:
        ctx = self.session.context()
        try:
            commission = tenant_terms.parse_rate(self.commission.text() or "0")
            group_rates = tenants.parse_group_rates(self.group_rates.text())
            rent = parse_nok(self.rent.text() or "0")
            rate = parse_nok(self.hourly.text()) if self.repairs.isChecked() else None
            if self.account.text().strip():  # checked before anything is saved
                normalise_account_number(self.account.text())
            if self.current is None:
                made = tenants.create_tenant(
                    self.session.uow,
                    ctx,
                    code=self.code.text(),
                    name=self.name.text(),
                    org_no=self.org_no.text(),
                    vat_registered=self.vat.isChecked(),
                )
                self.current = made.code
            code = self.current
            tenants.update_tenant(
                self.session.uow,
                ctx,
                code,
                name=self.name.text(),
                vat_registered=self.vat.isChecked(),
                receipt_header=self.header.toPlainText(),
                receipt_footer=self.footer.toPlainText(),
                logo_path=self._kept_logo(code),
            )
            tenant_terms.set_terms(
                self.session.uow,
                ctx,
                code,
                commission_bp=commission,
                monthly_rent=rent,
                bank_account=self.account.text(),
                group_rates=group_rates,
            )
            labour = repair_labour.set_takes_repairs(
                self.session.uow, ctx, code, self.repairs.isChecked()
            )
            self._show_repairs(labour)
            if rate is not None:
                repair_labour.set_hourly_rate(self.session.uow, ctx, code, rate)
        except Exception as error:  # noqa: BLE001 - shown, nothing half-saved
            say(self.message, error_text(error), problem=True)
            return
        self.reload(code)
        say(self.message, self.tr("Saved %1.").replace("%1", self.name.text()))

    def toggle_active(self) -> None:
        if self.current is None:
            return
        entry = self.list.currentItem()
        inactive = entry is not None and not entry.data(ACTIVE_ROLE)
        try:
            tenants.set_tenant_active(
                self.session.uow, self.session.context(), self.current, inactive
            )
        except Exception as error:  # noqa: BLE001 - shown to the manager
            say(self.message, error_text(error), problem=True)
            return
        self.reload(self.current)
        say(
            self.message,
            self.tr("Reactivated.") if inactive else self.tr("Deactivated; its history is kept."),
        )
