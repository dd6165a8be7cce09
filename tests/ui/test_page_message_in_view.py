"""A back-office page taller than a 1366x768 counter screen scrolls to its message line: a
refusal said below the fold looks like a key that did nothing."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScrollArea

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


def test_the_settlements_page_opens_at_its_top_on_an_enrolled_counter(
    window, counter, qtbot, bokmal
):
    """The note an enrolled counter's page says as it opens does not scroll the list away."""
    with counter.uow() as uow:
        uow.sync.save_device(
            {"server_url": "http://127.0.0.1:9", "device_id": "dev-1", "device_epoch": 1,
             "token": "t0ken-0123456789abcdef", "site_id": "site-1"}
        )  # fmt: skip
        uow.commit()
    window.resize(1366, 768)
    log_in(window, "9001", "9999")
    page = window.show_page("settlements")
    qtbot.waitUntil(lambda: "serveren gjør opp" in page.message.text())
    qtbot.wait(100)  # a scroll to the note would have happened by now
    holder = page.parentWidget().parentWidget()
    assert isinstance(holder, QScrollArea)
    assert holder.verticalScrollBar().maximum() > 0  # taller than the screen: it could scroll
    assert holder.verticalScrollBar().value() == 0
