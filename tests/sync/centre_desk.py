"""What a person does at one counter of the centre, through the real services at the PC's own
clock, run as its own process so libfaketime can set that clock:
``python -m tests.sync.centre_desk DATA_DIR sell|take-in|collect TICKET``. Each prints what
it made (receipt numbers, the ticket id, the deposit deducted)."""

from __future__ import annotations

import sys
from pathlib import Path

from pos.clock import SystemClock
from pos.counter import Counter, open_counter
from pos.model.basket import Basket
from pos.model.catalogue import ItemKind
from pos.model.payment import Tender, TenderKind
from pos.services import auth, catalogue, checkout, item_entry, repair_money, setup, till
from pos.services.context import TillContext
from pos.vat import VatClass
from tests.integration.repair_helpers import ready_job


def at_the_counter(counter: Counter, staff_no: str = "1001", pin: str = "1234") -> TillContext:
    """The till opened by the manager if it is closed; then ``staff_no`` at the register."""
    register, clock = counter.register_id(), SystemClock()
    if till.current_session_id(counter.uow, register) is None:
        manager = auth.authenticate(counter.uow, "9001", "9999")
        till.open_till(counter.uow, TillContext(register, manager, counter.signer(), clock), 50000)
    person = auth.authenticate(counter.uow, staff_no, pin)
    return TillContext(register, person, counter.signer(), clock)


def sell(counter: Counter) -> list[str]:
    """Two second-hand chairs labelled here, each sold with a coffee (cash, then card)."""
    ctx = at_the_counter(counter)
    chair = setup.NewItem("11", f"Stol fra {ctx.register_id}", 24950, VatClass.HIGH,
                          "DIVERSE", ItemKind.ONE_OFF)  # fmt: skip
    numbers = []
    for item, tender in zip(
        item_entry.register_items(counter.uow, ctx, [chair] * 2),
        (TenderKind.CASH, TenderKind.CARD),
        strict=True,
    ):
        basket = Basket()
        basket.add(item)
        basket.add(catalogue.find_item(counter.uow, "KAFFE-MED"))
        paid = 100000 if tender is TenderKind.CASH else basket.total
        done = checkout.complete_sale(counter.uow, ctx, basket, [Tender(tender, paid, "T1")])
        numbers += [r.number for r in done.receipts]
    return numbers


def take_in(counter: Counter) -> str:
    """A bike job with a 200 kr cash deposit, repaired and ready for pickup."""
    return ready_job(counter, at_the_counter(counter))


def collect(counter: Counter, ticket: str) -> int:
    """The customer collects the job: the deposit (wherever it was paid) is deducted, the
    rest paid by card. Returns the deposit deducted."""
    ctx = at_the_counter(counter)
    basket = Basket()
    pickup = repair_money.add_pickup_to_basket(counter.uow, basket, ticket)
    deposit = pickup.deposit.amount if pickup.deposit else 0
    tenders = [Tender(TenderKind.CARD, pickup.total - deposit, "T2")]
    if pickup.deposit is not None:
        tenders.insert(0, pickup.deposit)
    repair_money.complete_pickup(counter.uow, ctx, basket, tenders, [pickup])
    return deposit


def main(argv: list[str]) -> int:
    data_dir, action, *rest = argv
    with open_counter(Path(data_dir)) as counter:
        if action == "sell":
            print(" ".join(sell(counter)))
        elif action == "take-in":
            print(take_in(counter))
        elif action == "collect":
            print(collect(counter, rest[0]))
        else:
            raise SystemExit(f"unknown action {action}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
