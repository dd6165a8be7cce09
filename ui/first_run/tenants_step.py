"""The tenants step: each business that sells at the counter in its own name, with its two-digit
code (printed in its receipt numbers and labels), name, organisation number (checked), VAT
registration and whether it takes in repairs. At least one; the centre itself is a tenant if it
sells. The code is offered (the next free one), so the name is where typing starts."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLineEdit,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from pos.model.catalogue import ArticleGroup
from pos.services.first_run import NewTenant, TenantRequired, check_tenant
from ui.first_run.step import SetupStep, hint


class TenantsStep(SetupStep):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tenants: list[NewTenant] = []
        self.list = QListWidget(self)
        self.list.setObjectName("tenantList")
        self.list.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.code = QLineEdit("10", self)
        self.code.setObjectName("tenantCode")
        self.code.setMaxLength(2)
        self.name = QLineEdit(self)
        self.name.setObjectName("tenantName")
        self.org_no = QLineEdit(self)
        self.org_no.setObjectName("tenantOrgNo")
        self.org_no.setPlaceholderText("921 100 116")
        self.vat = QCheckBox(self.tr("VAT registered (MVA)"), self)
        self.vat.setObjectName("tenantVat")
        self.vat.setChecked(True)
        self.repairs = QCheckBox(self.tr("Takes in repairs (a repair workshop)"), self)
        self.repairs.setObjectName("tenantRepairs")
        self.group = QComboBox(self)
        self.group.setObjectName("tenantGroup")
        form = QFormLayout()
        form.addRow(self.tr("Code (two digits)"), self.code)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Organisation number"), self.org_no)
        form.addRow("", self.vat)
        form.addRow("", self.repairs)
        form.addRow(self.tr("Article group of its quick key"), self.group)
        layout = QVBoxLayout(self)
        layout.addWidget(
            hint(
                self.tr(
                    "Each tenant sells in its own name: its own receipts, number series and "
                    "Z reports. The next free code is offered: type the name, Enter, the "
                    "organisation number, Enter adds the tenant (Shift+Tab reaches the code; "
                    "Tab reaches VAT and repairs, which Space ticks, and the group first). A "
                    "tenant that takes in repairs gets the item its repair work is charged on. "
                    "With the name and number empty, Enter goes on. Ctrl+Delete removes the "
                    "last tenant added."
                ),
                self,
            )
        )
        layout.addWidget(self.list, 1)
        layout.addLayout(form)
        QShortcut(QKeySequence("Ctrl+Del"), self).activated.connect(self.remove_last)
        self.wire_enter()

    def title(self) -> str:
        return self.tr("Tenants")

    def inputs(self) -> list[QWidget]:
        return [self.code, self.name, self.org_no, self.vat, self.repairs, self.group]

    def entered(self) -> None:
        """The first field to type: the name, the code being offered (the code when none is
        free any more)."""
        field = self.name if self.code.text().strip() else self.code
        field.setFocus(Qt.FocusReason.TabFocusReason)

    def refused(self, error: Exception) -> None:
        self.entered()

    def set_groups(self, groups: tuple[ArticleGroup, ...]) -> None:
        """The groups chosen in the step before (the quick key's group: 'other goods' first)."""
        chosen = self.group.currentData()
        self.group.clear()
        for group in sorted(groups, key=lambda g: g.id != "DIVERSE"):
            self.group.addItem(f"{group.id} – {group.name}", group.id)
        index = self.group.findData(chosen)
        self.group.setCurrentIndex(max(index, 0))

    def enter_pressed(self, field: QWidget) -> None:
        """Enter walks code → name → organisation number, which adds the tenant (VAT and the
        group as they show; both start from their defaults again for the next tenant); with no
        name and no number typed, Enter goes on."""
        if field is self.code:
            super().enter_pressed(field)
        elif not (self.name.text().strip() or self.org_no.text().strip()):
            self.next_requested.emit()
        elif field is self.name:
            super().enter_pressed(field)
        else:
            self.add_tenant()

    def remove_last(self) -> None:
        if self.tenants:
            self.tenants.pop()
            self.list.takeItem(self.list.count() - 1)
            self.code.setText(self._next_code())

    def add_tenant(self) -> None:
        new = NewTenant(
            self.code.text(),
            self.name.text(),
            self.org_no.text(),
            self.vat.isChecked(),
            str(self.group.currentData() or "DIVERSE"),
            self.repairs.isChecked(),
        )
        tenant = check_tenant(new, self.tenants)
        self.tenants.append(tenant)
        vat = " MVA" if tenant.vat_registered else ""
        shown = f"{tenant.code}  {tenant.name}  (org.nr. {tenant.org_no}{vat})"
        if tenant.takes_repairs:
            shown += "  " + self.tr("takes in repairs")
        self.list.addItem(shown)
        self.code.setText(self._next_code())
        self.name.clear()
        self.org_no.clear()
        self.vat.setChecked(True)
        self.repairs.setChecked(False)
        self.group.setCurrentIndex(0)  # 'other goods' again: the next tenant's own choice
        self.entered()
        added = self.tr("Added: %1 %2. The next one, or Enter with no name to go on.")
        self.told.emit(added.replace("%1", tenant.code).replace("%2", tenant.name))

    def _next_code(self) -> str:
        taken = {int(t.code) for t in self.tenants}
        free = next((n for n in range(10, 100) if n not in taken), None)
        return "" if free is None else f"{free:02d}"

    def check(self) -> None:
        if self.name.text().strip() or self.org_no.text().strip():
            self.add_tenant()  # a tenant typed but not added yet is not lost
        if not self.tenants:
            raise TenantRequired()
