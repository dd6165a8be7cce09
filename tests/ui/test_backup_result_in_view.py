"""Ctrl+B on the register page at a counter's 1366x768: the backup's result is seen where the
key was pressed (the page scrolls to it), not below the fold."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.conftest import log_in, press


def test_the_backups_result_is_in_view_at_1366x768(window, counter, qtbot, bokmal):
    window.page_context.data_dir = counter.data_dir
    window.resize(1366, 768)
    log_in(window, "9001", "9999")
    page = window.show_page("devices")
    qtbot.waitUntil(lambda: window.height() <= 768)
    box = page.backups
    press(box.place, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "Sikkerhetskopi lagret" in box.message.text())

    def in_view() -> bool:  # not clipped by any scroll area it sits in
        seen = box.message.visibleRegion().boundingRect()
        return seen.height() == box.message.height() > 0

    qtbot.waitUntil(in_view)
