"""Editing a ticket at the counter, offline: only real changes become an event (with one clock
stamp per edit), bad values are refused with nothing written, and only a manager reopens a
finished job."""

from __future__ import annotations

import json

import pytest

from pos.errors import PermissionDenied
from pos.model.contact import InvalidPhone
from pos.model.repair import IllegalTransition, RepairStatus
from pos.services import repair_edit, repair_status
from pos.services.context import TillContext
from pos.services.repair_common import IntakeIncomplete
from tests.integration.repair_helpers import take_in


def events(counter, kind: str) -> list[dict]:
    with counter.uow.read() as uow:
        rows = uow.store.rows("SELECT payload FROM outbox WHERE type = ? ORDER BY device_seq",
                              (kind,))  # fmt: skip
    return [json.loads(r["payload"]) for r in rows]


def test_an_edit_sends_only_what_changed_under_one_later_stamp(counter, ctx):
    ticket = take_in(counter, ctx)
    (created,) = events(counter, "repair.ticket_created")
    changed = repair_edit.update_details(
        counter.uow, ctx, ticket, customer_name="Ola Nordmann", customer_phone="912 34 567",
        fault="Kjedet hopper av", accessories=("Lykt", "Veske", "Lås"), technician_no="",
    )  # fmt: skip
    assert changed == ("fault", "accessories", "technician_id")
    (sent,) = events(counter, "repair.updated")
    assert sent["fields"] == {
        "fault": "Kjedet hopper av",
        "accessories": ["Lykt", "Veske", "Lås"],
        "technician_id": None,  # the job was given to technician 2001 at intake
    }
    assert sent["hlc"] > created["hlc"]
    with counter.uow.read() as uow:
        row, clock = uow.repairs.ticket_row(ticket), uow.repairs.field_clock(ticket)
    assert json.loads(row["accessories"]) == ["Lykt", "Veske", "Lås"]
    assert clock["fault"] == clock["accessories"] == sent["hlc"]
    assert clock["customer_name"] == created["hlc"]
    assert repair_edit.update_details(counter.uow, ctx, ticket, fault="Kjedet hopper av") == ()
    assert len(events(counter, "repair.updated")) == 1


@pytest.mark.parametrize(
    ("changes", "error"),
    [
        ({"customer_phone": "12"}, InvalidPhone),
        ({"customer_name": "  "}, IntakeIncomplete),
        ({"fault": ""}, IntakeIncomplete),
    ],
)
def test_a_bad_value_is_refused_and_nothing_is_written(counter, ctx, changes, error):
    ticket = take_in(counter, ctx)
    with pytest.raises(error):
        repair_edit.update_details(counter.uow, ctx, ticket, **({"fault": "Ny feil"} | changes))
    with counter.uow.read() as uow:
        assert uow.repairs.ticket_row(ticket)["fault"] == "Girer ikke, bremsene tar dårlig"
    assert events(counter, "repair.updated") == []


def test_only_a_manager_reopens_a_finished_job(counter, ctx, manager):
    ticket = take_in(counter, ctx)
    with pytest.raises(IllegalTransition):  # not finished yet
        repair_status.reopen(counter.uow, ctx, ticket, approver=manager)
    for to in (RepairStatus.NOT_REPAIRABLE, RepairStatus.SCRAPPED):
        repair_status.change_status(counter.uow, ctx, ticket, to)
    with pytest.raises(PermissionDenied):
        repair_status.reopen(counter.uow, ctx, ticket)
    repair_status.reopen(counter.uow, ctx, ticket, RepairStatus.IN_REPAIR, approver=manager,
                         note="Kunden kom tilbake")  # fmt: skip
    (sent,) = events(counter, "repair.reopened")
    assert (sent["from"], sent["to"], sent["approved_by"]) == (
        "scrapped", "in_repair", manager.staff_id,
    )  # fmt: skip
    with counter.uow.read() as uow:
        assert uow.repairs.ticket_row(ticket)["status"] == "in_repair"
        assert uow.repairs.history(ticket)[-1]["note"] == "Kunden kom tilbake"
    manager_ctx = TillContext("K1", manager, ctx.signer, ctx.clock)
    with pytest.raises(IllegalTransition):  # in repair again: nothing to reopen
        repair_status.reopen(counter.uow, manager_ctx, ticket)


def test_a_status_conflict_shows_on_the_ticket_whatever_flag_the_server_named_first(counter, ctx):
    """The server lists every flag of an event; a clamped stamp comes before the conflict."""
    from pos.services import repair_detail

    ticket = take_in(counter, ctx)
    repair_status.change_status(counter.uow, ctx, ticket, RepairStatus.DIAGNOSING)
    with counter.uow() as uow:
        (sent,) = uow.store.rows(
            "SELECT event_id, device_seq, tenant_id FROM outbox WHERE type = ?",
            ("repair.status_changed",),
        )
        uow.sync.add_problems([sent | {"type": "repair.status_changed", "status": "flagged",
                                       "code": "hlc_clamped",
                                       "codes": ["hlc_clamped", "status_conflict"]}])  # fmt: skip
        uow.commit()
    conflicts = repair_detail.ticket_detail(counter.uow, ticket).status_conflicts
    assert [(c.from_status, c.to_status) for c in conflicts] == [
        (RepairStatus.RECEIVED, RepairStatus.DIAGNOSING)
    ]


def test_a_value_the_server_would_drop_is_refused_at_the_counter(counter, ctx):
    """The server keeps only what sync_protocol.field_value_ok accepts; a longer fault or a
    51st accessory taken here would never reach the other counters."""
    with pytest.raises(repair_edit.FieldTooLong):
        take_in(counter, ctx, fault="x" * 4001)
    with counter.uow.read() as uow:
        assert uow.store.rows("SELECT id FROM repair_tickets") == []
    ticket = take_in(counter, ctx)
    before = events(counter, "repair.updated")
    with pytest.raises(repair_edit.FieldTooLong):
        repair_edit.update_details(
            counter.uow, ctx, ticket, accessories=[f"Del {n}" for n in range(51)]
        )
    with pytest.raises(repair_edit.FieldTooLong):
        repair_edit.update_details(counter.uow, ctx, ticket, condition="y" * 4001)
    assert events(counter, "repair.updated") == before
