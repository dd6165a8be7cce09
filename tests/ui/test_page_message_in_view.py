"""A back-office page taller than a 1366x768 counter screen scrolls to its message line: a
refusal said below the fold looks like a key that did nothing."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.conftest import log_in, press


def test_a_settlement_refusal_is_in_view_at_1366x768(window, qtbot, bokmal):
    window.resize(1366, 768)
    log_in(window, "9001", "9999")
    page = window.show_page("settlements")
    qtbot.waitUntil(lambda: window.height() <= 768)
    press(page.tenant, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)  # nothing chosen
    qtbot.waitUntil(lambda: "Velg oppgjøret" in page.message.text())
    assert page.message.problem

    def in_view() -> bool:  # not clipped by the scroll area the page sits in
        seen = page.message.visibleRegion().boundingRect()
        return seen.height() == page.message.height() > 0

    qtbot.waitUntil(in_view)
