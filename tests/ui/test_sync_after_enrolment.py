"""Enrolling in the window, as a new operator does (F1 → sync page, a manager, the server's
address and a one-time code): the counter syncs at once and keeps syncing in the background,
so the status strip is never red "offline" after a good enrolment; the page says what happened
in bokmål with the last contact in Norwegian time; and problems the server resolved later
(tenants approved, held sales released) leave the counter at the next sync."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest
from PySide6.QtWidgets import QApplication

from cli.bootstrap import Settings, open_app
from pos.clock import OSLO
from pos.services.sync_state import sync_status
from tests.central import live_server
from tests.ui.conftest import log_in
from tests.ui.test_print_again_screens import pay_by_card, ring_up_coffee
from ui.app import CounterStart, GuiOptions
from ui.main_window import MainWindow
from ui.sync_screen.sync_page import SyncPage
from ui.tasks import ImmediatePool, TaskRunner

LAST_CONTACT = re.compile(r"siste kontakt (\d\d\.\d\d\.\d{4} \d\d:\d\d:\d\d)")


@pytest.fixture
def started(counter, tmp_path, qtbot, qapp, clock) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    """The counter as the program starts it (not enrolled): the composition root's parts."""
    counter.close()
    app = open_app(Settings(tmp_path / "data", printer_url=f"file://{tmp_path / 'p.bin'}"))
    assert app is not None
    tasks = TaskRunner(ImmediatePool())
    start = CounterStart(app.counter, lambda: app.window_parts(tasks), tasks,
                         GuiOptions(idle_minutes=600, clock=clock))  # fmt: skip
    try:
        window = start.start()
        qtbot.addWidget(window)
        yield window
    finally:
        start.stop()
        if start.window is not None:
            QApplication.instance().removeEventFilter(start.window.idle)  # type: ignore[union-attr]
            start.window.close()
        app.close()


def enrol_on_the_page(window: MainWindow, url: str, code: str) -> SyncPage:
    log_in(window, "9001", "9999")
    page = window.show_page("sync")
    assert isinstance(page, SyncPage)
    page.server.setText(url)
    page.code.setText(code)
    page.enrol()
    return page


def test_after_enrolling_in_the_window_the_counter_is_in_sync_and_says_so_in_bokmal(
    started, central, qtbot, bokmal
):
    window = started
    with live_server(central) as url:
        page = enrol_on_the_page(window, url, central.enrolment_code())
        said = page.state.text()
        assert "Registrert som" in said and "Alt er synkronisert." in said, said
        assert "Sendt til sentralen:" in said and "pushed" not in said
        assert "Kassens leietakere: 6 registrert for senteret" in said
        assert page.code.text() == ""  # the used one-time code is not left in the field
        seen = datetime.strptime(LAST_CONTACT.search(said).group(1), "%d.%m.%Y %H:%M:%S")  # type: ignore[union-attr]
        assert abs(seen - datetime.now(OSLO).replace(tzinfo=None)) < timedelta(minutes=2)
        window.refresh_status()
        strip = window.status.unsynced
        assert strip.text().startswith("tilkoblet · 0 ") and "#b71c1c" not in strip.styleSheet()
        window.show_sale()
        ring_up_coffee(window)
        pay_by_card(window, qtbot)  # the background sync sends it without anyone pressing F5
        qtbot.waitUntil(lambda: sync_status(window.session.uow).unsynced == 0, timeout=20000)
    assert central.scalar("SELECT count(*) FROM events WHERE type = 'sale.completed'") >= 1


def test_sales_held_for_a_tenant_the_operator_then_approves_leave_the_problem_list(
    started, central, bokmal
):
    window = started
    central.site(approve_tenants=True)
    with live_server(central) as url:
        page = enrol_on_the_page(window, url, central.enrolment_code())
        rows = page.problems.rowCount()
        assert rows > 0 and sync_status(window.session.uow).problems == rows
        cells = [page.problems.item(0, c).text() for c in range(4)]
        assert cells[1] == "Holdt tilbake på sentralen" and cells[2] != "sale.completed"
        assert cells[3].startswith("Serveren holder igjen denne leietakeren")  # whole, wrapped
        window.refresh_status()
        assert "synkroniseringsproblemer" in window.status.unsynced.text()
        for tenant in pending(central):  # tenants --approve ID
            central.decide_tenant(tenant)
        page.run_sync()  # F5
        assert "ikke lenger problemer" in page.state.text(), page.state.text()
        assert page.problems.rowCount() == 0 and sync_status(window.session.uow).problems == 0
        window.refresh_status()
        assert "problem" not in window.status.unsynced.text()
        assert "#b71c1c" not in window.status.unsynced.styleSheet()


def pending(central) -> set[str]:  # type: ignore[no-untyped-def]
    from sqlalchemy import text

    with central.admin() as conn:
        found = conn.execute(text("SELECT tenant_id FROM tenant_requests WHERE status = 'pending'"))
        return {r[0] for r in found}
