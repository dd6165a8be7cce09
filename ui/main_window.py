"""The main window. For now it shows the centre, the register and its tenants; the sale screen
comes with issue 2/8."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QMainWindow,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pos.services.overview import CounterOverview


class MainWindow(QMainWindow):
    def __init__(self, overview: CounterOverview) -> None:
        super().__init__()
        self.setWindowTitle(
            self.tr("Omigjen POS – {register}").format(register=overview.register_name)
        )
        self.resize(900, 600)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        self.centre_label = QLabel(f"<h1>{overview.centre_name}</h1>", central)
        layout.addWidget(self.centre_label)
        self.till_label = QLabel(
            self.tr("The till is open.")
            if overview.till_open
            else self.tr("The till is not open yet."),
            central,
        )
        layout.addWidget(self.till_label)
        self.tenant_table = QTableWidget(len(overview.tenants), 3, central)
        self.tenant_table.setHorizontalHeaderLabels(
            [self.tr("Code"), self.tr("Tenant"), self.tr("Org. no.")]
        )
        for row, tenant in enumerate(overview.tenants):
            for column, text in enumerate((tenant.code, tenant.name, tenant.org_no)):
                self.tenant_table.setItem(row, column, QTableWidgetItem(text))
        self.tenant_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.tenant_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout.addWidget(self.tenant_table)
        self.setCentralWidget(central)
        self.statusBar().showMessage(
            self.tr("Register {register} · not logged in · {count} not yet synced").format(
                register=overview.register_id, count=overview.unsynced
            )
        )
