"""Sync with the central server at the counter: status, problems, sync now, and enrolment."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ui.pages import PageContext, PageSpec


def _make(ctx: PageContext) -> QWidget:
    from ui.sync_screen.sync_page import SyncPage

    return SyncPage(ctx)


def pages() -> list[PageSpec]:
    return [
        PageSpec(
            "sync",
            lambda: QCoreApplication.translate("SyncPage", "Sync with the central server"),
            _make,
        )
    ]
