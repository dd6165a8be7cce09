"""Ticket ids stay unique when two counters take in repairs offline, and the board pages."""

from datetime import date, datetime
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pos.clock import OSLO, SteppingClock
from pos.counter import open_counter
from pos.demo.centre import load_demo_data, seed_demo
from pos.model.repair import RepairStatus
from pos.services import auth, repair_board, repair_documents, repair_status
from pos.services.context import TillContext
from tests.integration.repair_helpers import take_in


def counter_with_block(path: Path, register: str, block: int):
    data = load_demo_data()
    data["register"] = {"id": register, "name": register, "label_block": block}
    clock = SteppingClock(datetime(2026, 3, 2, 10, tzinfo=OSLO))
    counter = open_counter(path)
    seed_demo(counter.uow, counter.signer(), data, clock)
    operator = auth.authenticate(counter.uow, "2001", "2345")
    return counter, TillContext(register, operator, counter.signer(), clock)


@settings(
    max_examples=5, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.sampled_from([0, 1]), min_size=1, max_size=12))
def test_two_registers_offline_never_hand_out_the_same_ticket_id(tmp_path_factory, order):
    base = tmp_path_factory.mktemp("offline")
    first = counter_with_block(base / "k1", "K1", 1)
    second = counter_with_block(base / "k2", "K2", 2)
    made = []
    try:
        for which in order:
            counter, ctx = (first, second)[which]
            made.append(take_in(counter, ctx))
    finally:
        first[0].close()
        second[0].close()
    assert len(set(made)) == len(made)


def test_the_board_filters_searches_and_pages(counter, ctx):
    tickets = [take_in(counter, ctx, customer_name=f"Kunde {n}") for n in range(7)]
    take_in(
        counter,
        ctx,
        tenant_code="14",
        customer_name="Åse Ødegård",
        phone="41234567",
        category="Radio",
        brand_model="Tandberg",
    )
    repair_status.change_status(counter.uow, ctx, tickets[0], RepairStatus.DIAGNOSING)
    first = repair_board.board(counter.uow, repair_board.BoardQuery(), page_size=5)
    second = repair_board.board(counter.uow, repair_board.BoardQuery(), page=1, page_size=5)
    assert len(first.rows) == 5 and first.has_more and len(second.rows) == 3
    assert not second.has_more
    by_status = repair_board.board(
        counter.uow, repair_board.BoardQuery(statuses=(RepairStatus.DIAGNOSING,))
    )
    assert [r.ticket_id for r in by_status.rows] == [tickets[0]]
    electro = repair_board.board(counter.uow, repair_board.BoardQuery(tenant_code="14"))
    assert [r.customer for r in electro.rows] == ["Åse Ødegård"]
    for term in ("åse", "412 34 567", tickets[3].lower()):
        found = repair_board.board(counter.uow, repair_board.BoardQuery(search=term)).rows
        assert len(found) == 1, term
    late = repair_board.board(counter.uow, repair_board.BoardQuery(overdue_on=date(2026, 3, 10)))
    assert len(late.rows) == 8 and all(r.overdue for r in late.rows)
    mine = repair_board.board(counter.uow, repair_board.BoardQuery(technician_no="2001"))
    assert len(mine.rows) == 8 and mine.rows[0].technician == "Tor Tekniker"


def test_the_slip_says_it_is_not_a_receipt_and_tags_hold_nothing_that_changes(counter, ctx):
    ticket = take_in(counter, ctx)
    slip = repair_documents.claim_slip(counter.uow, ctx, ticket)
    again = repair_documents.claim_slip(counter.uow, ctx, ticket)
    assert slip.heading == "Reparasjonsbevis" and slip.marking == "IKKE KVITTERING FOR KJØP"
    assert (slip.print_number, again.print_number) == (1, 2) and slip.barcode == ticket
    tags = repair_documents.job_tags(counter.uow, ctx, ticket)
    assert [(t.numbering, t.label) for t in tags] == [
        ("1/3", ""),
        ("2/3", "Lykt"),
        ("3/3", "Veske"),
    ]
    (extra,) = repair_documents.job_tags(counter.uow, ctx, ticket, ["Lader"])
    assert extra.numbering == "1/1" and extra.barcode == ticket
    assert not {"status", "estimate", "price", "promised_date"} & set(vars(extra))
    with counter.uow.read() as uow:
        prints = [r for r in uow.queries.journal_rows() if r["event_code"] == 13018]
    assert len(prints) == 4
