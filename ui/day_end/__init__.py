"""The manager's day end at the counter: X and Z reports (printed and as PDF), the blind count
and till close, and the day-end PDF with all tenants side by side."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from pos.model.staff import Permission
from ui.pages import PageContext, PageSpec


def _make(ctx: PageContext) -> QWidget:
    from ui.day_end.day_end_page import DayEndPage

    return DayEndPage(ctx)


def pages() -> list[PageSpec]:
    return [
        PageSpec(
            "day_end",
            lambda: QCoreApplication.translate("DayEndPage", "Day end and reports"),
            _make,
            Permission.MANAGE,
        )
    ]
