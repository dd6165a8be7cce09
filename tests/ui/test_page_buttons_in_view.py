"""A back-office form taller than the screen scrolls its fields, not its action buttons: at a
1366x768 or 1024x600 counter the tenants' Save is in view, and the repair intake's buttons stay
in view while the red refusal banner is up over the page."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QScrollArea, QWidget

from tests.ui.conftest import log_in

SIZES = [(1366, 768), (1024, 600)]


def in_view(widget: QWidget) -> bool:
    """Whole, not clipped by the window or any scroll area it sits in."""
    seen = widget.visibleRegion().boundingRect()
    return widget.isVisible() and seen.size() == widget.size() and not widget.size().isEmpty()


def sized(window: QWidget, qtbot, width: int, height: int) -> None:
    window.resize(width, height)
    qtbot.waitUntil(lambda: window.width() <= width and window.height() <= height)


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_the_tenants_save_button_is_in_view_for_every_tenant(window, qtbot, bokmal, width, height):
    log_in(window, "9001", "9999")
    page = window.show_page("tenants")
    sized(window, qtbot, width, height)
    for row in range(page.list.count()):  # a repair workshop's longer form too
        page.list.setCurrentRow(row)
        for button in (page.save_button, page.new_button, page.active_button):
            qtbot.waitUntil(lambda b=button: in_view(b))
        qtbot.waitUntil(lambda: in_view(page.message))
        form = page.findChild(QScrollArea, "formScroll")
        qtbot.wait(20)  # the form laid out again for this tenant
        needs = form.widget().minimumSizeHint().width()  # never scrolled sideways
        assert needs <= form.viewport().width(), page.list.currentItem().text()


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_the_intake_buttons_stay_in_view_under_the_refusal_banner(
    window, qtbot, bokmal, width, height
):
    log_in(window, "9001", "9999")
    page = window.show_page("repairs.intake")
    sized(window, qtbot, width, height)
    window.refusals.add("Strekkoden «2110100000011» har feil kontrollsiffer.")
    window.refusals.add("Varen «Vinterjakke dame, ull, str. 42» er allerede solgt.")
    window.refusals.alert("Skuffen åpnet seg ikke: skriveren svarte ikke (tcp://10.0.0.17:9100).")
    assert window.refusals.isVisible()
    for button in (page.save_button, page.deposit_button, page.back_button):
        qtbot.waitUntil(lambda b=button: in_view(b))
    qtbot.waitUntil(lambda: in_view(page.message))
