"""The till's day at the counter: the float asked for at login when the till is closed, and the
till page (F1 → Till) for opening with a float, cash in and out and a shift change."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ui.pages import PageContext, PageSpec


def _till(ctx: PageContext) -> QWidget:
    from ui.till_day.till_page import TillPage

    return TillPage(ctx)


def pages() -> list[PageSpec]:
    return [
        PageSpec(
            "till",
            lambda: QCoreApplication.translate(
                "TillPage", "Till: float, cash in/out, shift change"
            ),
            _till,
        )
    ]
