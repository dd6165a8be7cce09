"""The repair side of ``simulate``: jobs taken in with deposits, moved through their statuses,
priced with labour and parts, and collected at the till (sometimes in a mixed basket)."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from pos.clock import OSLO, SteppingClock
from pos.model.basket import Basket
from pos.model.catalogue import Item
from pos.model.ords import BARRIERS, Outcome
from pos.model.payment import Tender, TenderKind
from pos.model.repair import RepairStatus
from pos.money import round_to_krone
from pos.services import repair_money, repair_status, repair_work
from pos.services.context import TillContext
from pos.services.repair_intake import IntakeForm, take_in
from pos.services.repair_outcome import record_outcome
from pos.unit_of_work import UnitOfWorkFactory

JOBS = {  # tenant code -> (category, models, faults, labour texts, part barcodes)
    "13": (
        "Sykkel",
        ["DBS Intruder", "Merida Crossway", "Trek FX 2", "Nakamura Summit"],
        ["Punktert", "Girer dårlig", "Bremsene tar ikke", "Slark i styret"],
        ["Service", "Justere gir", "Bytte slange", "Justere bremser"],
        ["7310750000018", "SYK-BREMS"],
    ),
    "14": (
        "Elektronikk",
        ["Tandberg radio", "Moccamaster", "Philips stavmikser", "Sony høyttaler"],
        ["Ingen lyd", "Varmer ikke", "Slår seg av", "Løs kontakt"],
        ["Feilsøking", "Lodding", "Bytte bryter", "Rengjøring"],
        [],
    ),
}
NAMES = ["Ola Hansen", "Kari Olsen", "Per Johansen", "Ingrid Larsen", "Åse Berg", "Nils Haugen"]
END_OF_LIFE_SHARE = 0.17
DECLINED_SHARE = 0.16
PATH = [
    RepairStatus.DIAGNOSING,
    RepairStatus.IN_REPAIR,
    RepairStatus.READY_FOR_PICKUP,
]


@dataclass
class RepairStats:
    taken_in: int = 0
    deposits: int = 0
    collected: int = 0
    not_repaired: int = 0
    """Returned unrepaired: the customer declined the quote (ORDS "Repairable")."""
    end_of_life: int = 0
    """Could not be repaired (ORDS "End of life", with a barrier)."""
    notifications: int = 0
    open: list[str] = field(default_factory=list)


class RepairDesk:
    def __init__(
        self,
        uow: UnitOfWorkFactory,
        rng: random.Random,
        clock: SteppingClock,
        data_dir: Path | None,
    ) -> None:
        self.uow = uow
        self.rng = rng
        self.clock = clock
        self.data_dir = data_dir
        self.stats = RepairStats()
        self.ready: list[str] = []

    def intake(self, ctx: TillContext) -> None:
        code = self.rng.choice(sorted(JOBS))
        category, models, faults, _, _ = JOBS[code]
        estimate = self.rng.choice([30000, 45000, 60000, 90000, 150000])
        deposit = self.rng.choice([0, 0, 10000, 20000, estimate // 2])
        name = self.rng.choice(NAMES)
        mobile = self.rng.random() < 0.8
        local_day = self.clock.current.astimezone(OSLO).date()
        form = IntakeForm(
            tenant_code=code,
            customer_name=name,
            phone=f"9{self.rng.randrange(10**7):07d}" if mobile else "",
            email="" if mobile else f"{name.split()[0].lower()}@example.no",
            contact_consent=self.rng.random() < 0.9,
            category=category,
            brand_model=self.rng.choice(models),
            fault=self.rng.choice(faults),
            condition="Brukt, små riper",
            accessories=("Lader",) if code == "14" and self.rng.random() < 0.3 else (),
            estimate=estimate,
            deposit=deposit,
            promised_date=local_day + timedelta(days=self.rng.choice([3, 5, 7])),
            technician_no="2001",
            terms_accepted=True,
        )
        ticket = take_in(self.uow, ctx, form, data_dir=self.data_dir)
        self.stats.taken_in += 1
        if deposit:
            tender = Tender(TenderKind.CARD, deposit, f"T{self.rng.randrange(10**6):06d}")
            repair_money.pay_deposit(self.uow, ctx, ticket, [tender])
            self.stats.deposits += 1
        self.stats.open.append(ticket)

    def work(self, ctx: TillContext, manager: TillContext) -> None:
        """Move one open job a step; add labour and parts on the way. After diagnosis about a
        third of the jobs end unrepaired, half of them for good (end of life, with the barrier)
        and half because the customer declines the quote (repairable): ORDS reports both."""
        for ticket in self.rng.sample(self.stats.open, min(1, len(self.stats.open))):
            with self.uow.read() as uow:
                row = uow.repairs.ticket_row(ticket)
            assert row is not None
            status = RepairStatus(row["status"])
            ending = self.rng.random() if status is RepairStatus.DIAGNOSING else 1.0
            if ending < END_OF_LIFE_SHARE:
                self._end_of_life(ctx, manager, ticket)
                continue
            if ending < END_OF_LIFE_SHARE + DECLINED_SHARE:
                self._declined(ctx, manager, ticket)
                continue
            nxt = PATH[PATH.index(status) + 1] if status in PATH[:-1] else PATH[0]
            if status is RepairStatus.DIAGNOSING:
                self._price(ctx, ticket, row)
            changed = repair_status.change_status(self.uow, ctx, ticket, nxt)
            self.stats.notifications += changed.notification_id is not None
            if nxt is RepairStatus.READY_FOR_PICKUP:
                self.stats.open.remove(ticket)
                self.ready.append(ticket)

    def _price(self, ctx: TillContext, ticket: str, row: dict) -> None:
        code = next(c for c, j in JOBS.items() if j[0] == row["item_category"])
        _, _, _, labour, parts = JOBS[code]
        repair_work.add_labour(
            self.uow, ctx, ticket, self.rng.choice(labour), minutes=self.rng.choice([20, 45, 60])
        )
        if parts and self.rng.random() < 0.6:
            repair_work.add_part(self.uow, ctx, ticket, self.rng.choice(parts))
        with self.uow.read() as uow:
            state = uow.repairs.ticket_state(row)
        if state.needs_approval:
            repair_work.record_approval(
                self.uow, ctx, ticket, state.actual, repair_work.ApprovalMethod.PHONE
            )

    def _end_of_life(self, ctx: TillContext, manager: TillContext, ticket: str) -> None:
        barrier = self.rng.choice(sorted(BARRIERS))
        record_outcome(self.uow, ctx, ticket, Outcome.END_OF_LIFE, barrier=barrier)
        repair_status.change_status(self.uow, ctx, ticket, RepairStatus.NOT_REPAIRABLE)
        self._pay_back_deposit(manager, ticket)
        left = self.rng.random() < 0.3  # the customer leaves it for recycling
        end = RepairStatus.SCRAPPED if left else RepairStatus.RETURNED_UNREPAIRED
        repair_status.change_status(self.uow, ctx, ticket, end)
        self.stats.open.remove(ticket)
        self.stats.end_of_life += 1

    def _declined(self, ctx: TillContext, manager: TillContext, ticket: str) -> None:
        record_outcome(self.uow, ctx, ticket, Outcome.REPAIRABLE)
        repair_status.change_status(self.uow, ctx, ticket, RepairStatus.AWAITING_APPROVAL)
        repair_status.change_status(self.uow, ctx, ticket, RepairStatus.RETURNED_UNREPAIRED)
        self._pay_back_deposit(manager, ticket)
        self.stats.open.remove(ticket)
        self.stats.not_repaired += 1

    def _pay_back_deposit(self, manager: TillContext, ticket: str) -> None:
        with self.uow.read() as uow:
            held = uow.repairs.deposit_held(ticket)
        if held > 0:
            repair_money.refund_deposit(self.uow, manager, ticket, TenderKind.CASH)

    def pickup(self, ctx: TillContext, extra: list[Item], manager_ctx: TillContext) -> None:
        """Collect one ready job, sometimes together with other tenants' items."""
        if not self.ready:
            return
        ticket = self.ready.pop(0)
        basket = Basket()
        for item in extra:
            basket.add(item, 1, item.price or 5000)
        pickup = repair_money.add_pickup_to_basket(self.uow, basket, ticket)
        tenders = [pickup.deposit] if pickup.deposit else []
        rest = basket.total - (pickup.deposit.amount if pickup.deposit else 0)
        if rest:
            tenders.append(Tender(TenderKind.CASH, round_to_krone(rest) + 10000))
        repair_money.complete_pickup(self.uow, ctx, basket, tenders, [pickup])
        self.stats.collected += 1
        with self.uow.read() as uow:
            held = uow.repairs.deposit_held(ticket)
        if held > 0:  # the deposit was more than the bill: pay the rest back
            repair_money.refund_deposit(self.uow, manager_ctx, ticket, TenderKind.CASH)
