"""A status change refused because another counter moved the ticket first is visible at the
counter, in bokmål: on the ticket dialog and in the sync page's problem list."""

from __future__ import annotations

import uuid

from main import VERSION
from pos.model.repair import RepairStatus
from pos.services import repair_status
from sync.cycle import SyncCycle
from sync.enrolment import enrol
from tests.central import live_server
from tests.integration.repair_helpers import take_in
from tests.sync.conftest import public_keys
from ui.pages import PageContext
from ui.repairs.desk import RepairDesk
from ui.repairs.ticket_dialog import TicketDialog
from ui.sync_screen.sync_page import SyncPage
from ui.tasks import ImmediatePool, TaskRunner


def other_counter_moves(central, tenant_id: str, ticket: str) -> None:
    """A second enrolled counter of the site sets the ticket to 'diagnosing' first."""
    client = central.client()
    device = client.post(
        "/v1/enrol",
        json={"enrol_code": central.enrolment_code(), "device_name": "K2", "app_version": VERSION},
    ).json()
    event = {
        "event_id": str(uuid.uuid4()),
        "device_seq": 1,
        "tenant_id": tenant_id,
        "type": "repair.status_changed",
        "occurred_at": "2026-03-02T10:20:00+01:00",
        "payload": {"ticket": ticket, "from": "received", "to": "diagnosing", "staff_id": "x"},
    }
    body = {"device_id": device["device_id"], "device_epoch": 1, "events": [event]}
    headers = {"Authorization": f"Bearer {device['device_token']}"}
    assert client.post("/v1/sync/push", json=body, headers=headers).json()["results"] == []


def test_a_refused_status_change_shows_on_the_ticket_and_the_sync_page(
    qtbot, bokmal, counter, ctx, session, central
):
    with live_server(central) as url:
        enrol(counter.uow, url, central.enrolment_code(), device_name="K1",
              app_version=VERSION, public_keys=public_keys(counter))  # fmt: skip
        ticket = take_in(counter, ctx)
        SyncCycle(counter.uow, app_version=VERSION).run()
        with counter.uow.read() as uow:
            tenant_id = uow.repairs.ticket_row(ticket)["tenant_id"]
        other_counter_moves(central, tenant_id, ticket)
        repair_status.change_status(counter.uow, ctx, ticket, RepairStatus.IN_REPAIR)
        assert SyncCycle(counter.uow, app_version=VERSION).run().flagged == 1
    session.log_in("1001", "1234")
    tasks = TaskRunner(ImmediatePool())
    dialog = TicketDialog(RepairDesk(session, None, counter.data_dir), tasks, ticket)
    qtbot.addWidget(dialog)
    summary = dialog.summary.text()
    assert "Statusen ble endret på en annen kasse" in summary
    assert "fra «Mottatt» til «Under reparasjon» ble ikke brukt" in summary
    assert "Statusen er nå «Feilsøking»" in summary
    page = SyncPage(PageContext(session, tasks))
    qtbot.addWidget(page)
    page.on_shown()
    assert page.problems.rowCount() == 1
    reason = page.problems.item(0, 3).text()
    assert reason.startswith("Statusen på reparasjonen ble endret på en annen kasse først")
