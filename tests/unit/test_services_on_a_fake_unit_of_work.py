"""Use cases on a fake unit of work (cosmicpython's FakeUnitOfWork): the rules a service applies
to what it reads, checked in microseconds without a store. The same services run against the
real SQLite store in tests/integration."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from types import TracebackType
from typing import Any, cast

import pytest

from pos.adapters.repair_queries import BoardFilter
from pos.errors import CreditNoteProblem, PermissionDenied, ReasonRequired, TillNotOpen
from pos.model.basket import Basket, BasketLine
from pos.model.catalogue import Item, ItemKind
from pos.model.events import EventCode
from pos.model.payment import Tender, TenderKind
from pos.model.repair import RepairStatus
from pos.model.staff import Operator, Role
from pos.model.ticket_id import make_ticket_id
from pos.services import checkout, repair_board
from pos.services import till as till_service
from pos.services.context import TillContext
from pos.signing import Signer
from pos.unit_of_work import UnitOfWorkFactory
from pos.vat import VatClass


class FakeRepositories:
    """The settings, till, journal and outbox repositories in one, recording what is written."""

    def __init__(self, meta: dict[str, str], notes: dict[str, tuple[dict, int]]) -> None:
        self.meta, self.notes = meta, notes
        self.session: dict[str, Any] | None = None
        self.written: list[tuple[str, dict[str, Any]]] = []
        """What the service wrote, in order: (what, its details)."""

    def get_meta(self, key: str, default: str | None = None) -> str | None:
        return self.meta.get(key, default)

    def credit_note(self, number: str) -> tuple[dict, int] | None:
        return self.notes.get(number)

    def open_session(self, register_id: str) -> dict[str, Any] | None:
        return self.session

    def add_cash_movement(self, movement_id: str, session_id: str, amount: int, reason: str,
                          staff_id: str, stamp: object) -> None:  # fmt: skip
        self.written.append(("movement", {"session": session_id, "amount": amount,
                                          "reason": reason, "staff": staff_id}))  # fmt: skip

    def append_journal(self, **row: Any) -> int:
        self.written.append(("journal", row))
        return len(self.written)

    def append_outbox(self, event_type: str, tenant_id: str | None, stamp: object,
                      payload: dict[str, Any]) -> int:  # fmt: skip
        self.written.append((event_type, payload))
        return len(self.written)


class FakeRepairQueries:
    def __init__(self, rows: list[dict[str, Any]]) -> None:
        self.rows = rows
        self.asked: list[tuple[BoardFilter, int, int]] = []

    def board(self, board: BoardFilter, limit: int, offset: int) -> list[dict[str, Any]]:
        self.asked.append((board, limit, offset))
        return self.rows[offset : offset + limit]


class FakeUnitOfWork:
    def __init__(self, repositories: FakeRepositories, repair_queries: FakeRepairQueries) -> None:
        self.repositories, self.repair_queries = repositories, repair_queries
        self.meta = self.till = self.journal = self.outbox = repositories
        self.committed = False

    def __enter__(self) -> FakeUnitOfWork:
        return self

    def __exit__(self, *exc: type[BaseException] | BaseException | TracebackType | None) -> None:
        pass

    def commit(self) -> None:
        self.committed = True


class FakeUnits:
    """What services are given: every unit, read or write, is the one fake (typed as the real
    factory with ``as_factory``, as the services only use what the fake has)."""

    def __init__(
        self,
        meta: dict[str, str] | None = None,
        notes: dict[str, tuple[dict, int]] | None = None,
        board_rows: Sequence[dict[str, Any]] = (),
    ) -> None:
        self.unit = FakeUnitOfWork(FakeRepositories(meta or {}, notes or {}),
                                   FakeRepairQueries(list(board_rows)))  # fmt: skip

    def __call__(self) -> FakeUnitOfWork:
        return self.unit

    def read(self) -> FakeUnitOfWork:
        return self.unit

    def as_factory(self) -> UnitOfWorkFactory:
        return cast(UnitOfWorkFactory, self)


def till(role: Role) -> TillContext:
    return TillContext("K1", Operator("s1", "1001", "Kari", role), signer=cast(Signer, None))


MANAGER = Operator("m1", "9001", "Mona", Role.MANAGER)


def a_line(price: int) -> BasketLine:
    item = Item("i1", "t1", ItemKind.STOCK, "Sykkel", price, VatClass.HIGH, "DIVERSE")
    return Basket().add(item)


def test_the_discount_limit_is_the_centres_setting_and_twenty_per_cent_without_one():
    line = a_line(100000)
    cashier = till(Role.CASHIER)
    assert checkout.check_discount(FakeUnits().as_factory(), cashier, line, 20000) is False
    with pytest.raises(PermissionDenied):
        checkout.check_discount(FakeUnits().as_factory(), cashier, line, 20001)
    strict = FakeUnits({"discount_limit_percent": "5"})
    with pytest.raises(PermissionDenied):
        checkout.check_discount(strict.as_factory(), cashier, line, 5001)
    assert checkout.check_discount(strict.as_factory(), cashier, line, 5001, MANAGER) is True
    assert checkout.check_discount(strict.as_factory(), till(Role.MANAGER), line, 90000) is True


def test_a_credit_note_is_looked_up_by_its_number_as_typed_and_pays_its_tenants_part():
    units = FakeUnits(notes={"TG11000007": ({"tenant_id": "bua", "number": "TG11000007"}, 30000)})
    dues = [("bua", 14950), ("kafe", 3500)]
    tender = checkout.credit_note_tender(units.as_factory(), " tg11000007 ", None, dues, [])
    assert tender == Tender(
        TenderKind.CREDIT_NOTE, 14950, credit_note_number="TG11000007", tenant_id="bua"
    )
    with pytest.raises(CreditNoteProblem) as paid:  # its tenant's part is paid: nothing to take
        checkout.credit_note_tender(units.as_factory(), "TG11000007", None, dues, [tender])
    assert "ingenting igjen å betale" in paid.value.message("nb")
    with pytest.raises(CreditNoteProblem) as too_much:
        checkout.credit_note_tender(units.as_factory(), "TG11000007", 30100, dues, [])
    assert "300,00 kr igjen" in too_much.value.message("nb")
    empty = FakeUnits(notes={"TG11000009": ({"tenant_id": "bua", "number": "TG11000009"}, 0)})
    with pytest.raises(CreditNoteProblem) as used_up:
        checkout.credit_note_tender(empty.as_factory(), "TG11000009", None, dues, [])
    assert "brukt opp" in used_up.value.message("nb")
    with pytest.raises(CreditNoteProblem) as missing:
        checkout.credit_note_tender(units.as_factory(), "TG11000008", None, dues, [])
    assert "TG11000008" in missing.value.message("nb")


def board_filter(query: repair_board.BoardQuery) -> BoardFilter:
    units = FakeUnits()
    repair_board.board(units.as_factory(), query)
    ((asked, limit, offset),) = units.unit.repair_queries.asked
    assert (limit, offset) == (51, 0)  # one more than the page: is there a next page?
    return asked


def test_the_open_board_leaves_out_the_final_statuses_and_named_ones_are_chosen():
    open_board = board_filter(repair_board.BoardQuery())
    assert open_board.leave_out
    assert set(open_board.statuses) == {s.value for s in RepairStatus if s.final}
    ready = board_filter(repair_board.BoardQuery(statuses=(RepairStatus.READY_FOR_PICKUP,)))
    assert not ready.leave_out and ready.statuses == (RepairStatus.READY_FOR_PICKUP.value,)


def test_the_board_search_reads_a_ticket_id_a_phone_number_or_part_of_a_name():
    ticket = make_ticket_id(3, 17)
    typed = ticket.lower()[:4] + " " + ticket.lower()[4:]
    assert board_filter(repair_board.BoardQuery(search=typed)).ticket_id == ticket
    assert board_filter(repair_board.BoardQuery(search="900 12 345")).phone == "+4790012345"
    assert board_filter(repair_board.BoardQuery(search="12 34")).phone_digits == "1234"
    assert board_filter(repair_board.BoardQuery(search=" Ågot ")).name_part == "ågot"
    overdue = board_filter(repair_board.BoardQuery(overdue_on=date(2026, 3, 2)))
    assert overdue.promised_before == "2026-03-02"
    assert overdue.not_status == RepairStatus.READY_FOR_PICKUP.value


def test_a_board_page_says_whether_another_follows():
    row = {"id": "R1", "status": "received", "customer_name": "Ågot", "customer_phone": None,
           "item_category": "Sykkel", "item_brand_model": "", "promised_date": "2026-03-01",
           "created_at": "2026-02-27T09:00:00+00:00", "tenant_code": "13",
           "tenant_name": "Sykkelfikseren", "technician": None}  # fmt: skip
    units = FakeUnits(board_rows=[row | {"id": f"R{n}"} for n in range(3)])
    page = repair_board.board(
        units.as_factory(), repair_board.BoardQuery(), page_size=2, today=date(2026, 3, 2)
    )
    assert page.has_more and [r.ticket_id for r in page.rows] == ["R0", "R1"]
    assert page.rows[0].overdue and page.rows[0].promised == "01.03.2026"
    last = repair_board.board(units.as_factory(), repair_board.BoardQuery(), page=1, page_size=2)
    assert not last.has_more and [r.ticket_id for r in last.rows] == ["R2"]


def test_cash_taken_out_is_one_movement_journaled_and_sent_on():
    units = FakeUnits()
    store = units.unit.repositories
    cashier = till(Role.CASHIER)
    with pytest.raises(TillNotOpen):
        till_service.move_cash(units.as_factory(), cashier, -20000, "Til banken")
    with pytest.raises(ReasonRequired):
        till_service.move_cash(units.as_factory(), cashier, -20000, "  ")
    assert store.written == [] and not units.unit.committed
    store.session = {"id": "S1"}
    till_service.move_cash(units.as_factory(), cashier, -20000, " Til banken ")
    assert [what for what, _ in store.written] == ["movement", "journal", "cash.moved"]
    movement, taken, sent = (details for _, details in store.written)
    assert movement == {"session": "S1", "amount": -20000, "reason": "Til banken", "staff": "s1"}
    assert taken["event_code"] == EventCode.CASH_WITHDRAWAL and taken["amount"] == -20000
    assert sent["session_id"] == "S1" and sent["amount"] == -20000 and units.unit.committed
