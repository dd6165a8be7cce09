"""Counter actions that are not sales are journaled with their SAF-T event codes."""

import json

import pytest

from pos.errors import PermissionDenied, ReasonRequired, TillAlreadyOpen, UnknownParkedBasket
from pos.model.basket import Basket
from pos.model.events import EventCode
from pos.model.payment import Tender, TenderKind
from pos.services import auth, checkout, parking, till
from pos.services.context import TillContext


def last_events(counter, n):
    with counter.uow.read() as uow:
        rows = list(uow.queries.journal_rows())[-n:]
    return [(r["event_code"], r["tenant_id"], r["amount"], json.loads(r["details"])) for r in rows]


def test_login_and_logout_are_journaled(counter, ctx, clock):
    auth.log_in(counter.uow, "K1", "1001", "1234", clock)
    auth.log_out(counter.uow, ctx)
    (login, _, _, details), (logout, _, _, _) = last_events(counter, 2)
    assert (login, logout) == (EventCode.LOGIN, EventCode.LOGOUT)
    assert details == {"staff_no": "1001"}


def test_a_wrong_pin_is_refused_and_pins_are_not_stored_in_clear(counter):
    with pytest.raises(auth.WrongPin):
        auth.log_in(counter.uow, "K1", "1001", "0000")
    with counter.uow.read() as uow:
        stored = uow.store.staff_by_no("1001")["pin_hash"]
    assert stored.startswith("scrypt$") and "1234" not in stored


def test_the_till_opens_once_with_a_float(counter, ctx, manager):
    with pytest.raises(TillAlreadyOpen):
        till.open_till(counter.uow, ctx, 100000, approver=manager)
    with pytest.raises(PermissionDenied):  # a cashier may not open the till alone
        till.open_till(counter.uow, ctx, 100000)


def test_cash_in_and_out_need_a_reason_and_are_journaled(counter, ctx):
    with pytest.raises(ReasonRequired):
        till.move_cash(counter.uow, ctx, 5000, "  ")
    till.move_cash(counter.uow, ctx, 50000, "Vekslepenger fra banken")
    till.move_cash(counter.uow, ctx, -20000, "Innskudd i bank")
    codes = [code for code, *_ in last_events(counter, 2)]
    assert codes == [EventCode.OTHER, EventCode.CASH_WITHDRAWAL]  # drawer: when its kick is sent


def test_a_no_sale_drawer_opening_needs_a_manager_and_a_reason(counter, ctx, manager):
    before = last_events(counter, 1)
    with pytest.raises(PermissionDenied):
        till.no_sale_opening(ctx, "Veksle")
    with pytest.raises(ReasonRequired):
        till.no_sale_opening(ctx, "  ", approver=manager)
    opening = till.no_sale_opening(ctx, "Veksle 500-lapp", approver=manager)
    assert opening.reason == "no_sale" and opening.staff_id == ctx.operator.staff_id
    assert dict(opening.details) == {"note": "Veksle 500-lapp", "approved_by": manager.staff_id}
    assert last_events(counter, 1) == before  # journaled when its kick reaches the printer


def test_deleted_lines_and_price_look_ups_are_counted_per_tenant(counter, ctx, shelf):
    basket = Basket()
    coat = basket.add(shelf.one_off("11", 1))
    basket.add(shelf("KAFFE-MED"))
    till.delete_line(counter.uow, ctx, basket, coat.line_id)
    till.look_up_price(counter.uow, ctx, shelf.one_off("13", 1))
    (delete, lookup) = last_events(counter, 2)
    assert delete[0] == EventCode.OTHER and delete[3]["kind"] == "line_delete"
    assert delete[2] == 64900 and delete[1] == coat.tenant_id
    assert lookup[0] == EventCode.PRICE_LOOKUP and lookup[2] == 249000
    assert [line.description for line in basket.lines] == ["Kaffe (ta med)"]


def test_a_void_needs_a_manager_and_records_each_tenants_amount(counter, ctx, shelf, manager):
    basket = Basket()
    basket.add(shelf.one_off("11", 2))
    basket.add(shelf("KAFFE-INNE"), 2)
    with pytest.raises(PermissionDenied):
        till.void_basket(counter.uow, ctx, basket)
    till.void_basket(counter.uow, ctx, basket, approver=manager, reason="Kunden angret")
    events = last_events(counter, 2)
    assert [(code, amount) for code, _, amount, _ in events] == [
        (EventCode.VOID, 29900),
        (EventCode.VOID, 7000),
    ]
    assert basket.lines == []


def test_a_parked_basket_resumes_once_and_sells(counter, ctx, shelf, cashier, clock):
    basket = Basket()
    basket.add(shelf.one_off("12", 1))
    basket.add(shelf("SMA-DIV"), 1, 2000)
    parked_id = parking.park(counter.uow, ctx, basket, "Henter lommebok")
    assert basket.lines == []
    with counter.uow.read() as uow:
        assert [p["label"] for p in uow.queries.parked_baskets("K1")] == ["Henter lommebok"]
    other_ctx = TillContext("K1", cashier, counter.signer(), clock)
    resumed = parking.resume(counter.uow, other_ctx, parked_id).basket
    assert resumed.total == 152000
    with pytest.raises(UnknownParkedBasket):
        parking.resume(counter.uow, other_ctx, parked_id)
    checkout.complete_sale(counter.uow, other_ctx, resumed, [Tender(TenderKind.CARD, 152000)])
    codes = [code for code, *_ in last_events(counter, 3)]
    # the sale's receipt is recorded (13999 sale_receipt); 13012 waits for its printout
    assert codes == [EventCode.PARK, EventCode.RESUME, EventCode.OTHER]
    assert last_events(counter, 1)[0][-1]["kind"] == "sale_receipt"


def test_training_never_moves_real_cash(counter, ctx):
    from pos.errors import TrainingRestriction

    till.set_training(counter.uow, ctx, True, basket=Basket())
    with pytest.raises(TrainingRestriction):
        till.move_cash(counter.uow, ctx, 10000, "Øvelse")
    till.set_training(counter.uow, ctx, False, basket=Basket())


def test_the_first_start_of_another_version_is_journaled_as_a_software_update(counter, ctx):
    till.start_application(counter.uow, ctx, "1.4.0")
    till.start_application(counter.uow, ctx, "1.4.0")
    assert [code for code, *_ in last_events(counter, 2)] == [EventCode.POS_START] * 2
    till.start_application(counter.uow, ctx, "1.5.0")
    update, start = last_events(counter, 2)
    assert (update[0], start[0]) == (EventCode.SOFTWARE_UPDATE, EventCode.POS_START)
    assert update[-1] == {"from": "1.4.0", "to": "1.5.0"}
    till.start_application(counter.uow, ctx, "1.5.0")
    assert [code for code, *_ in last_events(counter, 1)] == [EventCode.POS_START]
