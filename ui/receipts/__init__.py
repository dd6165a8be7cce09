"""Receipts at the counter: look one up (number, scan or the latest list) and print it again —
its original if it never printed, else its one copy."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from pos.model.staff import Permission
from ui.pages import PageContext, PageSpec

MENU_KEY = "K"
"""The look-up's key in the F1 menu ("Kvitteringer")."""


def _make(ctx: PageContext) -> QWidget:
    from ui.receipts.lookup_page import ReceiptLookupPage

    return ReceiptLookupPage(ctx)


def pages() -> list[PageSpec]:
    return [
        PageSpec(
            "receipts",
            lambda: QCoreApplication.translate("ReceiptLookupPage", "Receipts: print again"),
            _make,
            Permission.RECEIPT_COPY,
            shortcut=MENU_KEY,
        )
    ]
