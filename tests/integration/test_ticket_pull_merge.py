"""The counter's merge of pulled tickets on its own: a pulled edit wins only with a later clock,
an edit not yet pushed stays on top, and pulled data it cannot use becomes a sync problem,
never an exception."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pos.model.basket import Basket
from pos.model.repair import RepairStatus
from pos.services import (
    reference_pull,
    repair_edit,
    repair_money,
    repair_status,
    sync_state,
    ticket_clock,
)
from pos.services.repair_work import labour_item
from tests.integration.repair_helpers import ready_job, take_in

_versions = itertools.count(1)


def pulled(counter, ticket: str, **changes) -> dict:
    """The server's copy of a ticket as this counter made it, with ``changes`` on top."""
    with counter.uow.read() as uow:
        row = uow.repairs.ticket_row(ticket)
        stamps = uow.repairs.field_clock(ticket)
    data = {
        "ticket": ticket,
        "register_id": row["register_id"],
        "created_by": row["created_by"],
        "created_at": row["created_at"],
        "status": row["status"],
        "fields": repair_edit.field_values(row),
        "field_hlc": stamps,
        "history": [], "notes": [], "lines": [], "removals": [], "approvals": [],
    } | changes  # fmt: skip
    return {"entity": "ticket", "op": "upsert", "id": f"{row['tenant_id']}/{ticket}",
            "tenant_id": row["tenant_id"], "version": next(_versions), "data": data}  # fmt: skip


def apply(counter, *changes) -> int:
    return reference_pull.apply_page(counter.uow, list(changes), "c").refused


def fault(counter, ticket: str) -> str:
    with counter.uow.read() as uow:
        return uow.repairs.ticket_row(ticket)["fault"]


def test_a_pulled_field_wins_only_with_a_later_stamp_and_moves_the_local_clock(counter, ctx):
    ticket = take_in(counter, ctx)
    base = pulled(counter, ticket)
    mine = base["data"]["field_hlc"]["fault"]
    later = f"{int(mine[:13]) + 5000:013d}-00000-dev_other"
    earlier = f"{int(mine[:13]) - 5000:013d}-00000-dev_other"
    old = dict(base["data"]["fields"], fault="Eldre")
    assert (
        apply(
            counter,
            pulled(
                counter,
                ticket,
                fields=old,
                field_hlc=dict(base["data"]["field_hlc"], fault=earlier),
            ),
        )
        == 0
    )
    assert fault(counter, ticket) != "Eldre"
    new = dict(base["data"]["fields"], fault="Nyere")
    assert (
        apply(
            counter,
            pulled(
                counter, ticket, fields=new, field_hlc=dict(base["data"]["field_hlc"], fault=later)
            ),
        )
        == 0
    )
    assert fault(counter, ticket) == "Nyere"
    with counter.uow.read() as uow:
        assert ticket_clock.current(uow) > later  # the receive rule
    repair_edit.update_details(counter.uow, ctx, ticket, fault="Etter")
    with counter.uow.read() as uow:
        assert uow.repairs.field_clock(ticket)["fault"] > later


def test_an_unpushed_local_edit_and_status_stay_on_top_of_older_pulled_state(counter, ctx):
    ticket = take_in(counter, ctx)
    stale = pulled(counter, ticket)  # what the server held before the edits below
    repair_edit.update_details(counter.uow, ctx, ticket, fault="Lokal endring")
    from pos.model.repair import RepairStatus
    from pos.services import repair_status

    repair_status.change_status(counter.uow, ctx, ticket, RepairStatus.DIAGNOSING)
    assert sync_state.sync_status(counter.uow).unsynced > 0
    assert apply(counter, stale) == 0
    with counter.uow.read() as uow:
        row = uow.repairs.ticket_row(ticket)
    assert (row["fault"], row["status"]) == ("Lokal endring", "diagnosing")


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=12),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=10,
)
KEYS = st.sampled_from(["ticket", "status", "fields", "field_hlc", "history", "notes", "lines",
                        "removals", "approvals", "created_by", "register_id"])  # fmt: skip
NAMES = st.sampled_from(["customer_name", "fault", "estimate", "accessories"])


def test_pulled_ticket_data_that_makes_no_sense_is_refused_not_a_crash(counter, ctx):
    ticket = take_in(counter, ctx)

    @given(
        junk=st.dictionaries(KEYS, JSON, max_size=6),
        keep_id=st.booleans(),
        stamped=st.lists(NAMES, max_size=2),
    )
    @settings(max_examples=80, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))  # fmt: skip
    def merge(junk, keep_id, stamped):
        change = pulled(counter, ticket)
        change["data"] = change["data"] | junk | ({"ticket": ticket} if keep_id else {})
        change["data"].setdefault("field_hlc", {})
        if isinstance(change["data"]["field_hlc"], dict):  # junk stamps for real fields
            change["data"]["field_hlc"].update({name: "zzz" for name in stamped})
        apply(counter, change)
        with counter.uow.read() as uow:
            row = uow.repairs.ticket_row(ticket)
            clock = uow.repairs.field_clock(ticket)
        assert row is not None and row["customer_name"]
        assert all(stamp[:13].isdigit() for stamp in clock.values())

    merge()
    assert apply(counter, {"entity": "ticket", "op": "upsert", "id": "x", "tenant_id": None,
                           "version": 1, "data": "not an object"}) == 1  # fmt: skip


def test_a_ticket_refused_for_want_of_its_staff_merges_once_they_arrive(counter, ctx):
    from pos.services import sync_state

    other = take_in(counter, ctx)
    change = pulled(counter, other)
    change["id"] = change["id"].replace(other, "R0200003X")
    change["data"] = change["data"] | {"ticket": "R0200003X", "created_by": "staff-new"}
    assert apply(counter, change) == 1
    assert [p["code"] for p in sync_state.sync_problems(counter.uow)] == ["reference_conflict"]
    nils = {"staff_no": "3001", "name": "Nils Ny", "role": "technician", "pin_hash": "x"}
    staff = {"entity": "staff", "op": "upsert", "id": "staff-new", "tenant_id": None,
             "version": next(_versions), "data": nils}  # fmt: skip
    assert apply(counter, staff) == 0
    with counter.uow.read() as uow:
        assert uow.repairs.ticket_row("R0200003X")["created_by"] == "staff-new"
    assert sync_state.sync_problems(counter.uow) == []


def test_a_pulled_line_with_an_out_of_range_number_does_not_stop_the_pull(counter, ctx):
    """The server passes a line's ``minutes`` through as the counter sent it: a number SQLite
    cannot hold (OverflowError, not a sqlite3.Error) must not make every later pull fail."""
    ticket = take_in(counter, ctx)
    with counter.uow.read() as uow:
        tenant_id = uow.repairs.ticket_row(ticket)["tenant_id"]
        item_id = labour_item(uow, tenant_id).id
    line = {"id": "line-huge", "staff_id": ctx.operator.staff_id, "at": "2026-03-02T10:00:00Z",
            "item_id": item_id, "kind": "labour", "description": "Arbeid", "qty": 1,
            "minutes": 10**20, "unit_price": 45000, "amount": 45000,
            "hlc": "1772445600000-00000-dev_other"}  # fmt: skip
    odd_time = line | {"id": "line-odd-time", "minutes": 30, "at": 10**30}
    assert apply(counter, pulled(counter, ticket, lines=[line])) == 0
    assert apply(counter, pulled(counter, ticket, lines=[odd_time])) == 1  # refused, no crash
    with counter.uow.read() as uow:
        lines = uow.store.rows("SELECT id, minutes FROM repair_lines WHERE ticket_id = ?",
                               (ticket,))  # fmt: skip
    assert {(r["id"], r["minutes"]) for r in lines} == {("line-huge", None)}


def test_a_job_with_a_pulled_line_this_counter_cannot_hold_is_not_handed_over_short(counter, ctx):
    """A part registered at another counter is not an item here, so its line is skipped at the
    merge; handing the job over would charge the customer without it."""
    ticket = ready_job(counter, ctx, deposit=False)
    part = {"id": "line-from-k2", "staff_id": ctx.operator.staff_id, "at": "2026-03-02T10:00Z",
            "item_id": "item-only-at-k2", "kind": "part", "description": "Brukt kjede",
            "qty": 1, "unit_price": 12000, "amount": 12000,
            "hlc": "1772445600000-00000-dev_k2"}  # fmt: skip
    assert apply(counter, pulled(counter, ticket, lines=[part])) == 0
    with pytest.raises(repair_money.PickupProblem) as refused:
        repair_money.add_pickup_to_basket(counter.uow, Basket(), ticket)
    assert "en annen kasse" in refused.value.message("nb")
    with pytest.raises(repair_status.CollectAtTill):
        repair_status.change_status(counter.uow, ctx, ticket, RepairStatus.COLLECTED)
    removal = {"id": "line-from-k2", "staff_id": ctx.operator.staff_id, "reason": "Feil",
               "at": "2026-03-02T10:05Z", "hlc": "1772445900000-00000-dev_k2"}  # fmt: skip
    apply(counter, pulled(counter, ticket, lines=[part], removals=[removal]))
    assert repair_money.add_pickup_to_basket(counter.uow, Basket(), ticket).ticket_id == ticket


def test_once_an_edit_is_acked_the_server_s_value_is_taken_even_with_an_earlier_stamp(counter, ctx):
    """The server clamps a stamp from a clock far ahead, so another counter's later edit can
    win there with a stamp below this counter's: once the server has the edit, its decision
    stands here too instead of the two copies drifting apart."""
    ticket = take_in(counter, ctx)
    repair_edit.update_details(counter.uow, ctx, ticket, fault="Herfra, klokka går foran")
    with counter.uow() as uow:  # pushed and acknowledged
        uow.sync.set_acked_through(uow.sync.outbox_last_seq())
        uow.commit()
    mine = pulled(counter, ticket)["data"]["field_hlc"]["fault"]
    theirs = f"{int(mine[:13]) - 3_600_000:013d}-00000-dev_other"
    base = pulled(counter, ticket)["data"]
    change = pulled(
        counter,
        ticket,
        fields=dict(base["fields"], fault="Fra den andre kassen"),
        field_hlc=dict(base["field_hlc"], fault=theirs),
    )
    assert apply(counter, change) == 0
    assert fault(counter, ticket) == "Fra den andre kassen"
    with counter.uow.read() as uow:
        assert uow.repairs.field_clock(ticket)["fault"] == theirs
        assert ticket_clock.current(uow) >= mine  # the clock never goes back


def test_a_pulled_ticket_of_another_site_does_not_touch_the_job_with_that_id_here(counter, ctx):
    """Ticket ids are unique per site only; a tenant at two sites gets both sites' tickets."""
    ticket = take_in(counter, ctx)
    with counter.uow() as uow:
        device = {"server_url": "https://sentral.example", "device_id": "dev_k1",
                  "device_epoch": 1, "token": "t", "site_id": "site-here"}  # fmt: skip
        uow.sync.save_device(device)
        uow.commit()
    base = pulled(counter, ticket)["data"]
    later = f"{int(base['field_hlc']['fault'][:13]) + 5000:013d}-00000-dev_far"
    theirs = pulled(
        counter,
        ticket,
        site_id="site-elsewhere",
        fields=dict(base["fields"], customer_name="Per Annen", fault="Knust skjerm"),
        field_hlc=dict(base["field_hlc"], customer_name=later, fault=later),
    )
    assert apply(counter, theirs) == 0  # not this site's: left alone, not a problem
    assert fault(counter, ticket) == "Girer ikke, bremsene tar dårlig"
    mine = pulled(counter, ticket, site_id="site-here", fields=dict(base["fields"], fault="Ny"),
                  field_hlc=dict(base["field_hlc"], fault=later))  # fmt: skip
    assert apply(counter, mine) == 0
    assert fault(counter, ticket) == "Ny"
    deposit = {"id": "d-far", "amount": 20000, "staff_id": ctx.operator.staff_id}
    assert (
        apply(counter, pulled(counter, ticket, site_id="site-elsewhere", deposits=[deposit])) == 0
    )
    with counter.uow.read() as uow:  # nor does its deposit count against the job here
        assert uow.repairs.deposit_ledger(ticket).taken_elsewhere == 0


def test_intake_skips_a_ticket_number_a_pulled_job_already_has(counter, ctx):
    """After a restore from an older backup the register numbers its intakes again, while the
    jobs it took in since come back with pull: intake must not fail on them for good."""
    first = take_in(counter, ctx)
    with counter.uow() as uow:  # the counter as the older backup had it
        uow.store._raw.execute(
            "UPDATE counters SET value = value - 1 WHERE name = 'repair_ticket:K1'"
        )
        uow.commit()
    second = take_in(counter, ctx, customer_name="Per Annen")
    assert second != first
    with counter.uow.read() as uow:
        assert uow.repairs.ticket_row(first)["customer_name"] == "Ola Nordmann"
