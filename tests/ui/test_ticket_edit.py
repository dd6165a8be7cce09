"""Editing a ticket's details and writing a note from the ticket dialog: the change is saved at
once (offline) and the event carries only the field that changed."""

from __future__ import annotations

import json

from tests.integration.repair_helpers import take_in
from ui.repairs.desk import RepairDesk
from ui.repairs.ticket_dialog import TicketDialog
from ui.tasks import ImmediatePool, TaskRunner


def queued(counter, kind: str) -> list[dict]:
    with counter.uow.read() as uow:
        rows = uow.store.rows("SELECT payload FROM outbox WHERE type = ?", (kind,))
    return [json.loads(r["payload"]) for r in rows]


def test_details_and_a_note_are_saved_and_only_the_change_is_sent(qtbot, counter, ctx, session):
    ticket = take_in(counter, ctx)
    session.log_in("2001", "2345")
    dialog = TicketDialog(
        RepairDesk(session, None, counter.data_dir), TaskRunner(ImmediatePool()), ticket
    )
    qtbot.addWidget(dialog)
    details = dialog.edit_details()
    assert details.edits["customer_phone"].text() == "912 34 567"
    details.edits["fault"].setText("Girer ikke, og punktert bak")
    details.save()
    assert details.changed == ("fault",)
    assert "punktert bak" in dialog.summary.text()
    (sent,) = queued(counter, "repair.updated")
    assert sent["fields"] == {"fault": "Girer ikke, og punktert bak"}
    dialog.note_edit.setText("Kunden henter fredag")
    dialog.add_note()
    assert "Kunden henter fredag" in dialog.summary.text()
    assert [n["text"] for n in queued(counter, "repair.note_added")] == ["Kunden henter fredag"]
    dialog.note_edit.setText("   ")
    dialog.add_note()
    assert len(queued(counter, "repair.note_added")) == 1
