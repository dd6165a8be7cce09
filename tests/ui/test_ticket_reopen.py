"""Reopening a finished job from the ticket dialog (F11): a technician needs a manager's staff
number and PIN; a wrong PIN or a non-manager's approval changes nothing; an open job has no
reopen button. Shown in bokmål."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt

from pos.model.repair import RepairStatus
from pos.services import repair_status
from tests.integration.repair_helpers import take_in
from tests.ui.conftest import press
from ui.repairs.desk import RepairDesk
from ui.repairs.reopen_dialog import ReopenDialog
from ui.repairs.ticket_dialog import TicketDialog
from ui.tasks import ImmediatePool, TaskRunner


def returned_job(counter, ctx) -> str:
    ticket = take_in(counter, ctx)
    repair_status.change_status(counter.uow, ctx, ticket, RepairStatus.RETURNED_UNREPAIRED)
    return ticket


def open_ticket(qtbot, counter, session, ticket: str) -> TicketDialog:
    dialog = TicketDialog(
        RepairDesk(session, None, counter.data_dir), TaskRunner(ImmediatePool()), ticket
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def press_f11(dialog: TicketDialog) -> ReopenDialog:
    press(dialog.summary, Qt.Key.Key_F11)
    reopen = dialog.reopen_dialog
    assert isinstance(reopen, ReopenDialog) and reopen.isVisible()
    return reopen


def reopened_events(counter) -> list[dict]:
    with counter.uow.read() as uow:
        rows = uow.store.rows("SELECT payload FROM outbox WHERE type = 'repair.reopened'", ())
    return [json.loads(r["payload"]) for r in rows]


def status_of(counter, ticket: str) -> str:
    with counter.uow.read() as uow:
        return str(uow.repairs.ticket_row(ticket)["status"])


def test_a_technician_reopens_with_a_managers_approval(
    qtbot, bokmal, counter, ctx, session, manager
):
    ticket = returned_job(counter, ctx)
    session.log_in("2001", "2345")  # a technician
    dialog = open_ticket(qtbot, counter, session, ticket)
    assert dialog.reopen_button.isVisible() and dialog.reopen_button.isEnabled()
    assert "F11" in dialog.reopen_button.text()
    reopen = press_f11(dialog)
    assert reopen.target.currentText() == "Under reparasjon"  # the default
    reopen.choose(RepairStatus.DIAGNOSING)
    reopen.save()  # no reason yet: refused before anything is asked
    assert "hvorfor" in reopen.problem.text() and reopen.approval is None
    reopen.reason.setText("Garantiarbeid: girer fortsatt dårlig")
    press(reopen.reason, Qt.Key.Key_F12)
    approval = reopen.approval
    assert approval is not None and approval.isVisible()
    assert "leder" in approval.message.text()
    assert status_of(counter, ticket) == "returned_unrepaired"  # nothing yet
    approval.staff_no.setText("9001")
    approval.pin.setText("9999")
    approval.submit()
    assert not approval.isVisible() and not reopen.isVisible(), reopen.problem.text()
    assert status_of(counter, ticket) == "diagnosing"
    assert dialog.detail is not None and dialog.detail.status is RepairStatus.DIAGNOSING
    assert "Status</b>&nbsp;</td><td>Feilsøking" in dialog.summary.text()
    assert "Feilsøking" in dialog.message.text()
    newest = [dialog.history.item(0, c).text() for c in range(dialog.history.columnCount())]
    assert newest[2] == "Feilsøking" and newest[4] == "Garantiarbeid: girer fortsatt dårlig"
    assert not dialog.reopen_button.isVisible() and dialog.status_button.isEnabled()
    (event,) = reopened_events(counter)
    assert (event["from"], event["to"]) == ("returned_unrepaired", "diagnosing")
    assert event["approved_by"] == manager.staff_id  # the manager approved it
    assert event["staff_id"] == session.operator.staff_id != manager.staff_id  # the technician


def test_a_wrong_approval_is_refused_and_nothing_changes(qtbot, bokmal, counter, ctx, session):
    ticket = returned_job(counter, ctx)
    session.log_in("2001", "2345")
    dialog = open_ticket(qtbot, counter, session, ticket)
    reopen = press_f11(dialog)
    reopen.reason.setText("Kunden kom tilbake")
    reopen.save()
    approval = reopen.approval
    assert approval is not None
    approval.staff_no.setText("9001")
    approval.pin.setText("0000")  # wrong PIN: said in bokmål, the dialog stays open
    approval.submit()
    assert approval.isVisible()
    assert approval.message.text().startswith("Feil ansattnummer eller PIN.")
    approval.reject()
    assert status_of(counter, ticket) == "returned_unrepaired"
    reopen.save()
    approval = reopen.approval
    assert approval is not None and approval.isVisible()
    approval.staff_no.setText("1001")  # a cashier's right PIN: not a manager
    approval.pin.setText("1234")
    approval.submit()
    assert approval.isVisible() and reopen.isVisible()  # said where the PIN was typed
    said = approval.message.text()
    assert "Kari Kasserer har ikke lov til å godkjenne" in said and "Ingenting ble endret" in said
    assert "Traceback" not in said
    approval.reject()
    assert status_of(counter, ticket) == "returned_unrepaired"
    assert reopened_events(counter) == []
    reopen.reject()
    dialog.refresh()
    assert dialog.detail is not None and dialog.detail.status is RepairStatus.RETURNED_UNREPAIRED
    assert dialog.reopen_button.isVisible()


def test_a_manager_reopens_without_being_asked_again(qtbot, counter, ctx, session):
    ticket = returned_job(counter, ctx)
    session.log_in("9001", "9999")
    dialog = open_ticket(qtbot, counter, session, ticket)
    reopen = press_f11(dialog)
    reopen.reason.setText("Warranty")
    reopen.save()
    assert reopen.approval is None and not reopen.isVisible(), reopen.problem.text()
    assert status_of(counter, ticket) == "in_repair"
    (event,) = reopened_events(counter)
    assert event["approved_by"] == session.operator.staff_id


def test_an_open_job_has_no_reopen_button(qtbot, counter, ctx, session):
    ticket = take_in(counter, ctx)
    session.log_in("9001", "9999")
    dialog = open_ticket(qtbot, counter, session, ticket)
    assert not dialog.reopen_button.isVisible() and not dialog.reopen_button.isEnabled()
    press(dialog.summary, Qt.Key.Key_F11)  # a hidden button's key does nothing
    assert dialog.reopen_dialog is None and dialog.reopen() is None
    assert dialog.status_button.isEnabled()
