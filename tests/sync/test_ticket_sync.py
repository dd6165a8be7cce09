"""Two counters editing the same repair ticket converge (sync-protocol.md §2.4), against the
live server on a real PostgreSQL: two data directories, two enrolments on one site."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from main import VERSION
from pos.counter import Counter, open_counter
from pos.model.basket import Basket
from pos.model.payment import Tender, TenderKind
from pos.model.repair import RepairStatus
from pos.services import (
    auth,
    reference_pull,
    repair_board,
    repair_detail,
    repair_edit,
    repair_money,
    repair_status,
    repair_work,
    sync_state,
)
from pos.services.context import TillContext
from sync.enrolment import enrol
from tests.integration.repair_helpers import take_in
from tests.sync.conftest import cycle, public_keys


@pytest.fixture
def counter_b(enrolled, central, server_url, tmp_path, clock) -> Iterator[Counter]:
    """A second counter of the site from an empty data directory: the server makes it
    register K2 with label block 2, and it pulls the tenants, article groups, staff and items
    that counter A's enrolment queued and its sync sent."""
    cycle(enrolled).run()
    with open_counter(tmp_path / "counter-b") as b:
        done = enrol(b.uow, server_url, central.enrolment_code(), device_name="K2",
                     app_version=VERSION, public_keys=public_keys(b), clock=clock)  # fmt: skip
        assert (done.register_id, done.label_block, done.shared) == ("K2", 2, 0)
        cycle(b).run()
        yield b


@pytest.fixture
def ctx_b(counter_b, clock) -> TillContext:
    return TillContext(
        "K2", auth.authenticate(counter_b.uow, "2001", "2345"), counter_b.signer(), clock
    )


def sync(*counters: Counter) -> None:
    for counter in counters:
        report = cycle(counter).run()
        assert report.drained and report.rejected == 0


def row(counter: Counter, ticket: str) -> dict:
    with counter.uow.read() as uow:
        found = uow.repairs.ticket_row(ticket)
    assert found is not None
    return found


def sent_hlc(counter: Counter, ticket: str, field: str) -> str:
    """The stamp of the counter's last queued edit of ``field`` on the ticket."""
    with counter.uow.read() as uow:
        payloads = [
            json.loads(r["payload"])
            for r in uow.store.rows("SELECT payload FROM outbox WHERE type = 'repair.updated'")
        ]
    return [p["hlc"] for p in payloads if p["ticket"] == ticket and field in p["fields"]][-1]


def server_ticket(central, ticket: str) -> dict:
    return central.scalar(
        "SELECT data FROM ref_current WHERE entity = 'ticket' AND data->>'ticket' = :t", t=ticket
    )


def test_edits_of_different_fields_at_two_counters_both_survive(
    enrolled, ctx, counter_b, ctx_b, clock
):
    a, b = enrolled, counter_b
    ticket = take_in(a, ctx)
    sync(a, b)
    # both offline: A rewrites the fault, B the customer's phone and the promised date
    repair_edit.update_details(a.uow, ctx, ticket, fault="Punktert bakhjul, girer ikke")
    clock.advance(minutes=2)
    changed = repair_edit.update_details(b.uow, ctx_b, ticket, customer_phone="98765432",
                                         customer_name="Ola Nordmann")  # fmt: skip
    assert changed == ("customer_phone",)  # an unchanged value is not sent
    sync(a, b, a)
    for counter in (a, b):
        found = row(counter, ticket)
        assert found["fault"] == "Punktert bakhjul, girer ikke"
        assert found["customer_phone"] == "+4798765432"
        assert found["item_brand_model"] == "DBS Intruder 28"


def test_the_same_field_edited_at_both_counters_takes_the_later_clock_everywhere(
    enrolled, ctx, counter_b, ctx_b, clock, central
):
    a, b = enrolled, counter_b
    ticket = take_in(a, ctx)
    sync(a, b)
    repair_edit.update_details(a.uow, ctx, ticket, fault="A: kjedet er slakt")
    repair_edit.update_details(b.uow, ctx_b, ticket, fault="B: bremsene slurer")
    stamp_a, stamp_b = sent_hlc(a, ticket, "fault"), sent_hlc(b, ticket, "fault")
    assert stamp_a != stamp_b
    winner, loser = (a, b) if stamp_a > stamp_b else (b, a)
    top = max(stamp_a, stamp_b)
    expected = row(winner, ticket)["fault"]
    sync(winner, loser, winner)  # the older edit reaches the server last, and still loses
    assert row(a, ticket)["fault"] == row(b, ticket)["fault"] == expected
    data = server_ticket(central, ticket)
    assert data["fields"]["fault"] == expected and data["field_hlc"]["fault"] == top
    # the loser's clock moved past what it pulled: its next edit wins
    repair_edit.update_details(loser.uow, ctx if loser is a else ctx_b, ticket, fault="Siste ord")
    assert sent_hlc(loser, ticket, "fault") > top
    sync(loser, winner)
    assert row(winner, ticket)["fault"] == "Siste ord"


def test_a_job_taken_in_at_one_counter_is_worked_on_and_collected_at_the_other(
    enrolled, ctx, counter_b, ctx_b
):
    a, b = enrolled, counter_b
    ticket = take_in(a, ctx, deposit=0)
    sync(a, b)
    found = repair_board.board(b.uow, repair_board.BoardQuery(search="91234567")).rows
    assert [r.ticket_id for r in found] == [ticket]
    repair_edit.add_note(b.uow, ctx_b, ticket, "Kunden ringte: haster")
    repair_status.change_status(b.uow, ctx_b, ticket, RepairStatus.DIAGNOSING)
    line = repair_work.add_labour(b.uow, ctx_b, ticket, "Justere gir", amount=45000)
    part = repair_work.add_part(b.uow, ctx_b, ticket, "SYK-BREMS")
    repair_work.remove_line(b.uow, ctx_b, ticket, part.line_id, "Ikke nødvendig")
    sync(b, a)
    seen = repair_detail.ticket_detail(a.uow, ticket)
    assert seen.status is RepairStatus.DIAGNOSING
    assert [(w.line_id, w.amount) for w in seen.lines] == [(line.line_id, 45000)]
    assert [n.text for n in seen.notes] == ["Kunden ringte: haster"]
    # A finishes the job; B hands it over at its till
    repair_status.change_status(a.uow, ctx, ticket, RepairStatus.IN_REPAIR)
    repair_status.change_status(a.uow, ctx, ticket, RepairStatus.READY_FOR_PICKUP)
    sync(a, b)
    manager = TillContext("K2", auth.authenticate(b.uow, "9001", "9999"), b.signer(), ctx_b.clock)
    from pos.services import till

    till.open_till(b.uow, manager, 100000)
    basket = Basket()
    pickup = repair_money.add_pickup_to_basket(b.uow, basket, ticket)
    assert pickup.total == 45000
    repair_money.complete_pickup(b.uow, ctx_b, basket, [Tender(TenderKind.CASH, 45000)], [pickup])
    sync(b, a)
    assert row(a, ticket)["status"] == row(b, ticket)["status"] == "collected"


def _notes(counter: Counter, ticket: str) -> list[dict]:
    with counter.uow.read() as uow:
        return uow.repairs.notes(ticket)


def test_a_status_race_applies_one_move_flags_the_other_and_both_end_with_the_servers(
    enrolled, ctx, counter_b, ctx_b, central
):
    a, b = enrolled, counter_b
    ticket = take_in(a, ctx)
    sync(a, b)
    repair_status.change_status(a.uow, ctx, ticket, RepairStatus.DIAGNOSING)
    repair_status.change_status(b.uow, ctx_b, ticket, RepairStatus.IN_REPAIR)
    first = cycle(a).run()
    second = cycle(b).run()
    assert (first.flagged, second.flagged) == (0, 1)
    problems = sync_state.sync_problems(b.uow)
    assert [(p["type"], p["code"]) for p in problems] == [
        ("repair.status_changed", "status_conflict")
    ]
    sync(a)
    assert row(a, ticket)["status"] == row(b, ticket)["status"] == "diagnosing"
    assert server_ticket(central, ticket)["status"] == "diagnosing"
    conflicts = repair_detail.ticket_detail(b.uow, ticket).status_conflicts
    assert [(c.from_status, c.to_status) for c in conflicts] == [
        (RepairStatus.RECEIVED, RepairStatus.IN_REPAIR)
    ]
    assert repair_detail.ticket_detail(a.uow, ticket).status_conflicts == ()
    # the counter that lost can go on from the server's status
    repair_status.change_status(b.uow, ctx_b, ticket, RepairStatus.IN_REPAIR)
    assert cycle(b).run().flagged == 0
    sync(a)
    assert row(a, ticket)["status"] == "in_repair"


def test_replayed_pushes_and_re_applied_pages_never_duplicate_notes_or_lines(
    enrolled, ctx, counter_b, ctx_b, central
):
    a, b = enrolled, counter_b
    ticket = take_in(a, ctx)
    repair_edit.add_note(a.uow, ctx, ticket, "Lagt på hylle 3")
    repair_work.add_labour(a.uow, ctx, ticket, "Feilsøking", minutes=30)
    sync(a)
    parts = central.scalar("SELECT count(*) FROM repair_ticket_parts")
    sync_state.rewind_to(a.uow, 0)  # acknowledgements lost: everything is sent again
    replay = cycle(a).run()
    assert replay.duplicates > 0 and replay.pushed == 0
    assert central.scalar("SELECT count(*) FROM repair_ticket_parts") == parts
    runner = cycle(b)
    page = runner.api.get_json("/v1/sync/pull", {"limit": 1000})
    reference_pull.apply_page(b.uow, page["changes"], page["cursor"])
    reference_pull.apply_page(b.uow, page["changes"], page["cursor"])  # a crash re-applies it
    sync(b)
    assert [n["text"] for n in _notes(b, ticket)] == ["Lagt på hylle 3"]
    detail = repair_detail.ticket_detail(b.uow, ticket)
    assert [w.description for w in detail.lines] == ["Feilsøking"]
    assert len(detail.history) == 1
