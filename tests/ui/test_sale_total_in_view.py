"""The amount to pay and each tenant's subtotal stay whole on a 1024x600 counter whatever
banners are up over the sale screen: the basket list gives up its room, never the total."""

from __future__ import annotations

from tests.ui.conftest import log_in
from tests.ui.test_page_buttons_in_view import in_view, sized
from tools.screen_tour import settle
from ui.receipt_output import PrinterState

NOT_PRINTED = ("11-K1-000001", "15-K1-000002", "15-K1-000003")


def test_the_total_and_subtotals_stay_whole_under_every_banner(window, qtbot, qapp, bokmal):
    log_in(window)
    sized(window, qtbot, 1024, 600)
    sale = window.sale
    sale.handle_scan("BOLLE-INNE")
    window.status.show_printer(PrinterState(False, "offline", failed=3, waiting=NOT_PRINTED))
    window.print_warning.show_waiting(NOT_PRINTED)
    window.refusals.add("Strekkoden «2110100000011» har feil kontrollsiffer.")
    window.banner.show()  # training mode
    sale.say(window.print_warning.text.text(), problem=True)  # three lines under the basket
    qtbot.waitUntil(lambda: window.stack.y() > window.refusals.geometry().bottom())
    settle(qapp)
    assert in_view(sale.totals.total), sale.totals.total.visibleRegion().boundingRect()
    assert in_view(sale.totals.tenant_totals)
    assert "42,00" in sale.totals.total.text()
    assert "Kafé Kvisten" in sale.totals.tenant_totals.text()
