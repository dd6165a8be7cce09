"""``simulate``: realistic counter history made by driving the real services day by day.

Mixed baskets across tenants, split tenders, discounts, credit notes, returns, copies, training,
parked and voided baskets, deleted lines. Seeded, so the same arguments give the same history.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

from pos.clock import OSLO, SteppingClock
from pos.demo.baskets import fill_basket
from pos.demo.centre import demo_staff, require_demo_store
from pos.demo.simulation_days import check_start, continue_point, last_record, opening_hours
from pos.demo.simulation_repairs import RepairDesk, RepairStats
from pos.demo.tenders import customer_tenders
from pos.errors import DomainError
from pos.identifiers import make_in_store_ean13, parse_in_store_ean13
from pos.model.basket import Basket
from pos.model.catalogue import Item, ItemKind, ItemStatus
from pos.model.payment import Tender, TenderKind
from pos.model.staff import Role
from pos.services import auth, checkout, copies, parking, reports, returns, setup, till
from pos.services.context import TillContext
from pos.signing import Signer
from pos.unit_of_work import UnitOfWorkFactory
from pos.vat import VatClass

SECOND_HAND = {  # tenant code -> (article group, descriptions)
    "11": ("KLAER", ["Kjole", "Bukse", "Genser", "Jakke", "Skjorte", "Sko", "Veske"]),
    "12": ("BARN", ["Body", "Dress", "Leke", "Bok", "Sko", "Lue", "Pusleputt"]),
    "13": ("SYKKEL", ["Sykkel", "Hjelm", "Lykt", "Lås", "Sete", "Kurv"]),
    "14": ("ELEKTRO", ["Radio", "Lampe", "Vannkoker", "Hodetelefoner", "Mikser"]),
    "10": ("DIVERSE", ["Vase", "Stol", "Bilde", "Bok", "Kopp", "Fat", "Speil"]),
}


@dataclass
class SimulationStats:
    sales: int = 0
    receipts: int = 0
    returns: int = 0
    copies: int = 0
    training: int = 0
    parked: int = 0
    voided: int = 0
    deleted_lines: int = 0
    refused: int = 0
    z_reports: int = 0
    days: list[str] = field(default_factory=list)
    """The business days simulated, in order."""
    without_z: list[str] = field(default_factory=list)
    """Days with use and no Z report when the run ended (the last day, unless it was closed)."""
    errors: dict[str, int] = field(default_factory=dict)
    """Refusals by the rules, counted by error code."""
    refusal_texts: dict[str, tuple[str, str]] = field(default_factory=dict)
    """Per error code, the first refusal's message (bokmål, English), to say what was refused."""
    repairs: RepairStats = field(default_factory=RepairStats)


class Simulation:
    def __init__(
        self,
        uow_factory: UnitOfWorkFactory,
        signer: Signer,
        register_id: str,
        *,
        seed: int,
        start: datetime | None = None,
        not_after: datetime | None = None,
        close_days: bool = False,
        after_sale: Callable[[checkout.SaleResult], object] | None = None,
        data_dir: Path | None = None,
    ) -> None:
        """Only on a demo store. History continues where the store's ends (``start`` may be
        later, never earlier) and stops at ``not_after``; with ``close_days`` every day but
        the last gets its Z. ``after_sale`` sees every sale and return (e.g. to print it)."""
        require_demo_store(uow_factory)
        earliest = continue_point(uow_factory, register_id)
        start = start or earliest or datetime.now(OSLO)
        check_start(start, earliest, last_record(uow_factory))
        self.uow = uow_factory
        self.signer = signer
        self.register_id = register_id
        self.rng = random.Random(seed)
        self.clock = SteppingClock(start)
        self.not_after = not_after
        self.close_days = close_days
        self.stats = SimulationStats()
        self.manager = demo_staff(uow_factory, Role.MANAGER)
        self.cashier = demo_staff(uow_factory, Role.CASHIER)
        self.shelf: list[Item] = []
        self.fixed: list[Item] = []
        self.recent_receipts: list[str] = []
        self.credit_notes: list[str] = []
        self.item_serial = 1000
        self.after_sale = after_sale or (lambda result: None)
        self.desk = RepairDesk(uow_factory, self.rng, self.clock, data_dir)
        self.stats.repairs = self.desk.stats

    def run(self, days: int, sales_per_day: int) -> SimulationStats:
        self._load_catalogue()
        ctx = TillContext(self.register_id, self.cashier, self.signer, self.clock)
        if till.current_session_id(self.uow, self.register_id) is None:
            till.open_till(self.uow, ctx, 150_000, approver=self.manager)
        first = self.clock.current.astimezone(OSLO).date()
        if self.close_days:  # a day an earlier run left open is closed first
            self._close_through(first - timedelta(days=1))
        for n in range(days):
            hours = opening_hours(first + timedelta(days=n), self.clock.current, self.not_after)
            if hours is not None:
                self.stats.days.append(hours[0].date().isoformat())
                self._run_day(ctx, hours, sales_per_day)
                if self.close_days and n < days - 1:
                    self.clock.current = max(self.clock.current, hours[1] + timedelta(minutes=30))
                    self._close_through(hours[0].date())
        manager = TillContext(self.register_id, self.manager, self.signer, self.clock)
        still_open = reports.open_days(self.uow, manager)
        self.stats.without_z = sorted({d.business_date for d in still_open})
        return self.stats

    def _load_catalogue(self) -> None:
        with self.uow.read() as uow:
            items = uow.queries.items()
        # Continue after the numbers earlier runs gave out, so a second run on the same data
        # directory makes new labels instead of colliding with the old ones.
        used = [parse_in_store_ean13(item.barcode or "") for item in items]
        self.item_serial = max([self.item_serial] + [u.item_number for u in used if u is not None])
        for item in items:
            if item.kind is ItemKind.ONE_OFF:
                if item.status is ItemStatus.AVAILABLE:
                    self.shelf.append(item)
            else:
                self.fixed.append(item)
        self.fixed.sort(key=lambda i: i.barcode or "")
        self.shelf.sort(key=lambda i: i.barcode or "")

    def _run_day(self, ctx: TillContext, hours: tuple[datetime, datetime], sales: int) -> None:
        """Customers at random moments within the opening hours, in order."""
        opens, closes = hours
        self.clock.current = opens
        self._stock_shelves(sales)
        auth.journal_login(self.uow, self.register_id, self.cashier, self.clock)
        span = (closes - opens).total_seconds()
        for offset in sorted(self.rng.uniform(0, span) for _ in range(sales)):
            self.clock.current = max(self.clock.current, opens + timedelta(seconds=offset))
            self._one_customer(ctx)
        auth.log_out(self.uow, ctx)

    def _close_through(self, day: date) -> None:
        """The manager's Z of every day up to ``day`` still open, each for its own day."""
        if self.not_after is not None and self.clock.current > self.not_after:
            return
        manager = TillContext(self.register_id, self.manager, self.signer, self.clock)
        while True:
            still_open = [
                d.business_date
                for d in reports.open_days(self.uow, manager)
                if d.business_date <= day.isoformat()
            ]
            made = reports.z_reports(self.uow, manager, still_open[0]) if still_open else []
            if not made:
                return
            self.stats.z_reports += len(made)

    def _stock_shelves(self, sales_per_day: int) -> None:
        new = []
        for _ in range(max(5, int(sales_per_day * 1.2))):
            code = self.rng.choice(sorted(SECOND_HAND))
            group, names = SECOND_HAND[code]
            self.item_serial += 1
            price = self.rng.choice([2900, 4900, 7900, 9900, 14900, 19900, 29900, 49900, 12450])
            new.append(
                setup.NewItem(
                    code,
                    f"{self.rng.choice(names)} #{self.item_serial}",
                    price,
                    VatClass.HIGH,
                    group,
                    ItemKind.ONE_OFF,
                    make_in_store_ean13(code, self.item_serial),
                )
            )
        self.shelf.extend(setup.add_items(self.uow, new, self.clock))

    def _one_customer(self, ctx: TillContext) -> None:
        roll = self.rng.random()
        try:
            if self._repair_counter(ctx):
                return
            if roll < 0.02 and self.recent_receipts:
                self._return(ctx)
            elif roll < 0.03:
                self._training_sale(ctx)
            else:
                self._sale(ctx)
            if self.rng.random() < 0.01 and self.recent_receipts:
                self._copy(ctx)
        except DomainError as error:
            self.stats.refused += 1
            self.stats.errors[error.code] = self.stats.errors.get(error.code, 0) + 1
            self.stats.refusal_texts.setdefault(
                error.code, (error.message("nb"), error.message("en"))
            )

    def _repair_counter(self, ctx: TillContext) -> bool:
        """A few customers in a hundred are at the repair counter (intake, work, or pickup)."""
        roll = self.rng.random()
        manager = TillContext(self.register_id, self.manager, self.signer, self.clock)
        if roll < 0.02:
            self.desk.intake(ctx)
        elif roll < 0.08:
            self.desk.work(ctx, manager)
        elif roll < 0.10 and self.desk.ready:
            extra = [self.rng.choice(self.fixed)] if self.rng.random() < 0.3 else []
            self.desk.pickup(ctx, extra, manager)
        else:
            return False
        return True

    def _fill(self, ctx: TillContext, basket: Basket) -> None:
        fill_basket(self.rng, basket, self.shelf, self.fixed, one_off_share=0.6)
        if len(basket.lines) > 1 and self.rng.random() < 0.03:
            till.delete_line(self.uow, ctx, basket, basket.lines[-1].line_id)
            self.stats.deleted_lines += 1

    def _sale(self, ctx: TillContext) -> None:
        basket = Basket()
        self._fill(ctx, basket)
        if self.rng.random() < 0.02:
            parked = parking.park(self.uow, ctx, basket, "Kunde henter lommebok")
            self.stats.parked += 1
            basket = parking.resume(self.uow, ctx, parked).basket
        if self.rng.random() < 0.01:
            till.void_basket(self.uow, ctx, basket, approver=self.manager, reason="Kunden angret")
            self.stats.voided += 1
            return
        tenders = customer_tenders(self.rng, basket.total, self._credit_note)
        result = checkout.complete_sale(self.uow, ctx, basket, tenders)
        self.after_sale(result)
        self.stats.sales += 1
        self.stats.receipts += len(result.receipts)
        self.recent_receipts.extend(r.number for r in result.receipts)
        del self.recent_receipts[:-200]

    def _credit_note(self) -> str | None:
        """A credit note a customer brings back, now and then, while any are out."""
        if self.credit_notes and self.rng.random() < 0.3:
            return self.credit_notes.pop()
        return None

    def _training_sale(self, ctx: TillContext) -> None:
        basket = Basket()
        till.set_training(self.uow, ctx, True, basket=basket)
        try:
            item = self.rng.choice(self.fixed)
            basket.add(item, 1, item.price or 5000)
            self.after_sale(
                checkout.complete_sale(
                    self.uow, ctx, basket, [Tender(TenderKind.CARD, basket.total)]
                )
            )
            self.stats.training += 1
        finally:  # the training basket is done with, sold or not
            till.set_training(self.uow, ctx, False, basket=Basket())

    def _return(self, ctx: TillContext) -> None:
        number = self.rng.choice(self.recent_receipts)
        lines = [ln for ln in returns.returnable_lines(self.uow, number) if ln.qty_left > 0]
        if not lines:
            return
        line = self.rng.choice(lines)
        as_credit_note = self.rng.random() < 0.4
        refund = (
            [Tender(TenderKind.CREDIT_NOTE, 0)] if as_credit_note else [Tender(TenderKind.CASH, 0)]
        )
        result = returns.complete_return(
            self.uow,
            ctx,
            number,
            [returns.ReturnRequest(line.line_id, 1)],
            refund,
            approver=self.manager,
        )
        self.after_sale(result)
        self.stats.returns += 1
        if as_credit_note:
            with self.uow.read() as uow:
                doc = uow.queries.receipt_doc(result.receipts[0].receipt_id)
            self.credit_notes.extend(number for number, _ in doc.credit_notes_issued)

    def _copy(self, ctx: TillContext) -> None:
        number = self.recent_receipts.pop(self.rng.randrange(len(self.recent_receipts)))
        copies.make_copy(self.uow, ctx, number)
        self.stats.copies += 1
