"""The back office at the counter: tenants, settlements, staff, the register and its devices,
item registration with price tags, CSV import and the item list with price changes."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from pos.model.staff import Permission
from ui.pages import PageContext, PageSpec


def _tenants(ctx: PageContext) -> QWidget:
    from ui.backoffice.tenants_page import TenantsPage

    return TenantsPage(ctx)


def _staff(ctx: PageContext) -> QWidget:
    from ui.backoffice.staff_page import StaffPage

    return StaffPage(ctx)


def _devices(ctx: PageContext) -> QWidget:
    from ui.backoffice.devices_page import DevicesPage

    return DevicesPage(ctx)


def _scanner(ctx: PageContext) -> QWidget:
    from ui.backoffice.scanner_page import ScannerPage

    return ScannerPage(ctx)


def _entry(ctx: PageContext) -> QWidget:
    from ui.backoffice.item_entry_page import ItemEntryPage

    return ItemEntryPage(ctx)


def _import(ctx: PageContext) -> QWidget:
    from ui.backoffice.import_page import ImportPage

    return ImportPage(ctx)


def _items(ctx: PageContext) -> QWidget:
    from ui.backoffice.items_page import ItemsPage

    return ItemsPage(ctx)


def _settlements(ctx: PageContext) -> QWidget:
    from ui.backoffice.settlements_page import SettlementsPage

    return SettlementsPage(ctx)


def pages() -> list[PageSpec]:
    manage = Permission.MANAGE
    return [
        PageSpec(
            "item_entry", lambda: QCoreApplication.translate("BackOffice", "Register items"), _entry
        ),
        PageSpec(
            "items",
            lambda: QCoreApplication.translate("BackOffice", "Items and prices"),
            _items,
            manage,
        ),
        PageSpec(
            "item_import",
            lambda: QCoreApplication.translate("BackOffice", "Import items (CSV)"),
            _import,
            manage,
        ),
        PageSpec(
            "tenants", lambda: QCoreApplication.translate("BackOffice", "Tenants"), _tenants, manage
        ),
        PageSpec(
            "settlements",
            lambda: QCoreApplication.translate("BackOffice", "Tenant settlements"),
            _settlements,
            manage,
        ),
        PageSpec(
            "staff", lambda: QCoreApplication.translate("BackOffice", "Staff"), _staff, manage
        ),
        PageSpec(
            "devices",
            lambda: QCoreApplication.translate("BackOffice", "Register and printers"),
            _devices,
            manage,
        ),
        PageSpec(
            "scanner", lambda: QCoreApplication.translate("BackOffice", "Scanner"), _scanner, manage
        ),
    ]
