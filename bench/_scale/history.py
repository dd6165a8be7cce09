"""Years of counter history for 20 tenants, made by the real services day by day.

Every day: the cashier logs in, the second-hand shops put out new one-off items (each price
journaled), customers buy mixed baskets across tenants with cash, card, Vipps or a split; some
bring back an item from an earlier day, ask for a receipt copy, or come to the repair counter
(intake with a deposit, work, pickup at the till); the cashier logs out and the manager takes
the day's Z for every tenant; the server acknowledges the day's outbox events, and the next
morning's upkeep deletes those past the retention window (a counter that syncs). Sales,
returns, copies and the day's items go through ``BufferedUnits`` (``bench/_scale/buffered.py``);
repairs and the Z use ordinary units of work.
Seeded: the same arguments make the same history (up to ids and signatures' randomness).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path

from stdnum.no import orgnr

from bench._scale.buffered import BufferedUnits
from pos.clock import OSLO, SteppingClock
from pos.counter import Counter
from pos.demo.baskets import fill_basket
from pos.demo.centre import demo_staff, seed_demo
from pos.demo.simulation_repairs import RepairDesk
from pos.demo.tenders import customer_tenders
from pos.errors import DomainError
from pos.identifiers import make_in_store_ean13
from pos.model.basket import Basket
from pos.model.catalogue import Item, ItemKind
from pos.model.payment import Tender, TenderKind
from pos.model.staff import Role
from pos.services import auth, checkout, copies, outbox_retention, reports, returns, setup
from pos.services.context import TillContext
from pos.unit_of_work import UnitOfWorkFactory
from pos.vat import VatClass

NEW_TENANTS = 14
"""Added to the demo centre's six: 20 tenants, as at a large reuse centre."""
OPENS, CLOSES = time(10, 0), time(17, 0)
WORDS = ("Genser", "Jakke", "Kjole", "Bok", "Lampe", "Stol", "Vase", "Sykkel", "Leke", "Veske")
PRICES = (2900, 4900, 7900, 9900, 14900, 19900, 29900, 49900, 12450)
RETURN_SHARE, COPY_SHARE = 0.01, 0.005
INTAKE_SHARE, WORK_SHARE, PICKUP_SHARE = 0.006, 0.015, 0.006


@dataclass
class HistoryStats:
    sales: int = 0
    receipts: int = 0
    returns: int = 0
    copies: int = 0
    repair_steps: int = 0
    z_reports: int = 0
    refused: dict[str, int] = field(default_factory=dict)
    days: list[str] = field(default_factory=list)


def org_number(n: int) -> str:
    """A valid Norwegian organisation number from a serial (the check digit found by trying)."""
    while True:
        for digit in range(10):
            candidate = f"92{n:06d}{digit}"
            if orgnr.is_valid(candidate):
                return candidate
        n += 1


class History:
    """Writes history into a counter's store, from ``first_day`` on, a day at a time."""

    def __init__(self, counter: Counter, first_day: date, *, seed: int = 1) -> None:
        self.counter = counter
        self.plain = UnitOfWorkFactory(counter.engine)  # no high-water mark while building
        self.batch = BufferedUnits(counter.engine)
        self.signer = counter.signer()
        self.rng = random.Random(seed)
        self.day = first_day
        self.clock = SteppingClock(datetime.combine(first_day, OPENS, OSLO))
        self.stats = HistoryStats()
        self.shelf: list[Item] = []
        self.fixed: list[Item] = []
        self.yesterday: list[str] = []
        self.today: list[str] = []
        self.serial = 100_000

    # -- set-up ----------------------------------------------------------------------------
    def set_up(self) -> None:
        """The demo centre, 14 more tenants, an open-price and a stock item for each."""
        self.clock.current = datetime.combine(self.day - timedelta(days=1), time(9), OSLO)
        seed_demo(self.plain, self.signer, clock=self.clock)
        self.cashier = demo_staff(self.plain, Role.CASHIER)
        manager = demo_staff(self.plain, Role.MANAGER)
        self.boss = TillContext("K1", manager, self.signer, self.clock)
        self.desk = RepairDesk(self.plain, self.rng, self.clock, self.counter.data_dir)
        for n in range(NEW_TENANTS):
            code = str(20 + n)
            setup.add_tenant(
                self.plain,
                code=code,
                name=f"Leietaker {code} AS",
                org_no=org_number(300 + n * 11),
                vat_registered=n % 5 != 0,
                clock=self.clock,
                ctx=self.boss,
            )
        self.fixed = setup.add_items(self.plain, self._fixed_items(), self.clock)
        with self.plain.read() as uow:
            demo = [i for i in uow.queries.items() if i.kind is not ItemKind.ONE_OFF]
        self.fixed = sorted(  # by what stays the same run to run, so the seed alone decides
            {i.id: i for i in self.fixed + demo}.values(),
            key=lambda i: (i.description, i.barcode or ""),
        )
        self.shop_codes = ["10", "11", "12", "13", "14"] + [str(20 + n) for n in range(14)]
        self.clock.advance(minutes=30)  # the set-up day is closed like any other
        reports.z_reports(self.plain, self.boss, (self.day - timedelta(days=1)).isoformat())

    def _fixed_items(self) -> list[setup.NewItem]:
        made = []
        for n in range(NEW_TENANTS):
            code = str(20 + n)
            made.append(
                setup.NewItem(
                    code,
                    f"Diverse {code}",
                    None,
                    VatClass.HIGH,
                    "DIVERSE",
                    ItemKind.OPEN_PRICE,
                    f"DIV-{code}",
                )
            )
            made.append(
                setup.NewItem(
                    code,
                    f"Handlenett {code}",
                    4900,
                    VatClass.HIGH,
                    "DIVERSE",
                    ItemKind.STOCK,
                    f"NETT-{code}",
                    stock_qty=10**7,
                )
            )
        return made

    # -- days ------------------------------------------------------------------------------
    def run(
        self, days: int, per_day: int, after_day: Callable[[date], None] | None = None
    ) -> HistoryStats:
        ctx = TillContext("K1", self.cashier, self.signer, self.clock)
        for _ in range(days):
            self._one_day(ctx, per_day)
            if after_day is not None:
                after_day(self.day)
            self.day += timedelta(days=1)
        self.batch.flush()
        return self.stats

    def _one_day(self, ctx: TillContext, per_day: int) -> None:
        opens = datetime.combine(self.day, OPENS, OSLO)
        span = (datetime.combine(self.day, CLOSES, OSLO) - opens).total_seconds()
        self.clock.current = opens
        auth.journal_login(self.batch, "K1", self.cashier, self.clock)
        self._stock_shelves(per_day)
        self.yesterday, self.today = self.today or self.yesterday, []
        for offset in sorted(self.rng.uniform(0, span) for _ in range(per_day)):
            self.clock.current = max(self.clock.current, opens + timedelta(seconds=offset))
            try:
                self._one_customer(ctx)
            except DomainError as error:
                self.stats.refused[error.code] = self.stats.refused.get(error.code, 0) + 1
        auth.log_out(self.batch, ctx)
        self.batch.flush()
        self.clock.current = datetime.combine(self.day, CLOSES, OSLO) + timedelta(minutes=30)
        made = reports.z_reports(self.plain, self.boss, self.day.isoformat())
        self.stats.z_reports += len(made)
        self.stats.days.append(self.day.isoformat())
        self._synced()

    def _synced(self) -> None:
        """The counter syncs: by evening the server has acknowledged the day's events, and the
        next morning's upkeep deletes those past the retention window."""
        with self.plain() as uow:
            uow.sync.set_acked_through(uow.sync.outbox_last_seq())
            uow.commit()
        outbox_retention.prune_daily(self.plain, self.clock.current + timedelta(hours=12))

    def _stock_shelves(self, per_day: int) -> None:
        new = []
        for _ in range(per_day + per_day // 4):
            code = self.rng.choice(self.shop_codes)
            self.serial += 1
            new.append(
                setup.NewItem(
                    code,
                    f"{self.rng.choice(WORDS)} #{self.serial}",
                    self.rng.choice(PRICES),
                    VatClass.HIGH,
                    "DIVERSE",
                    ItemKind.ONE_OFF,
                    make_in_store_ean13(code, self.serial),
                )
            )
        self.shelf.extend(setup.add_items(self.batch, new, self.clock))

    def _one_customer(self, ctx: TillContext) -> None:
        roll = self.rng.random()
        if roll < RETURN_SHARE and self.yesterday:
            self._return(ctx)
        elif roll < RETURN_SHARE + COPY_SHARE and self.yesterday:
            copies.make_copy(self.batch, ctx, self.yesterday.pop())
            self.stats.copies += 1
        elif roll < RETURN_SHARE + COPY_SHARE + INTAKE_SHARE + WORK_SHARE + PICKUP_SHARE:
            self._repair_counter(ctx, roll - RETURN_SHARE - COPY_SHARE)
        else:
            self._sale(ctx)

    def _sale(self, ctx: TillContext) -> None:
        basket = Basket()
        fill_basket(self.rng, basket, self.shelf, self.fixed, one_off_share=0.5)
        tenders = customer_tenders(self.rng, basket.total)
        result = checkout.complete_sale(self.batch, ctx, basket, tenders)
        self.stats.sales += 1
        self.stats.receipts += len(result.receipts)
        self.today.extend(r.number for r in result.receipts)

    def _return(self, ctx: TillContext) -> None:
        number = self.yesterday.pop(self.rng.randrange(len(self.yesterday)))
        lines = [ln for ln in returns.returnable_lines(self.batch, number) if ln.qty_left > 0]
        if not lines:
            return
        kind = TenderKind.CASH if self.rng.random() < 0.6 else TenderKind.CARD
        returns.complete_return(
            self.batch,
            ctx,
            number,
            [returns.ReturnRequest(self.rng.choice(lines).line_id, 1)],
            [Tender(kind, 0)],
            approver=self.boss.operator,
        )
        self.stats.returns += 1

    def _repair_counter(self, ctx: TillContext, roll: float) -> None:
        """Repairs read and write many tables: they run on ordinary units, after a flush."""
        self.batch.flush()
        if roll < INTAKE_SHARE:
            self.desk.intake(ctx)
        elif roll < INTAKE_SHARE + WORK_SHARE:
            self.desk.work(ctx, self.boss)
        elif self.desk.ready:
            extra = [self.rng.choice(self.fixed)] if self.rng.random() < 0.3 else []
            self.desk.pickup(ctx, extra, self.boss)
        self.stats.repair_steps += 1

    def close(self) -> None:
        self.batch.close()


def sales_per_day(sales: int, days: int) -> int:
    return max(1, round(sales / max(days, 1)))


def data_dir_size(data_dir: Path) -> int:
    return sum(p.stat().st_size for p in data_dir.glob("omigjen.sqlite3*") if p.is_file())
