"""A customer message the central server tried and retries shows why at the counter: the
server's SMS gateway answers 503, the counter pulls the status, and the messages page lists
the job's SMS as waiting with the server trying again and the reason; once sent it is gone
from the page, and the reason with it."""

# ruff: noqa: F811  (the enrolled-counter fixtures are imported from tests.sync.conftest)
from __future__ import annotations

from pos.services.repair_board import notifications
from server.notify import send_due
from tests.central import free_port
from tests.integration.repair_helpers import ready_job
from tests.sync.conftest import cycle, enrolled, server_url  # noqa: F401  (fixtures)
from tests.sync.test_notifications import Gateway, make_due_now, settings_for
from ui.repairs.desk import RepairDesk
from ui.repairs.notifications_page import NotificationsPage


def shown(page: NotificationsPage) -> list[list[str]]:
    page.on_shown()
    table = page.table
    return [[table.item(r, c).text() for c in range(table.columnCount())]
            for r in range(table.rowCount())]  # fmt: skip


def test_a_message_the_server_retries_shows_its_reason_until_it_is_sent(
    qtbot, bokmal, enrolled, central, ctx, session
):
    gateway = Gateway(failures=1)
    try:
        ticket = ready_job(enrolled, ctx)  # "ready for pickup" queues an SMS
        cycle(enrolled).run()
        settings = settings_for(central, free_port(), gateway.url)
        assert send_due(central.engine, settings) == 1  # the gateway answers 503
        page = NotificationsPage(RepairDesk(session, None, enrolled.data_dir))
        qtbot.addWidget(page)
        (before,) = shown(page)
        assert before[1] == ticket and before[2] == "Venter på sending" and before[5] == ""
        cycle(enrolled).run()  # the server's word comes back with the pull
        (row,) = notifications(enrolled.uow)
        assert row.state == "pending" and "503" in row.error
        (retrying,) = shown(page)
        assert retrying[2] == "Venter: serveren prøver igjen" and "503" in retrying[5]
        make_due_now(central)
        assert send_due(central.engine, settings) == 1
        cycle(enrolled).run()
        assert shown(page) == []
        assert [n.error for n in notifications(enrolled.uow, ("sent",))] == [""]
    finally:
        gateway.server.shutdown()
