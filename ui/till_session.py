"""The counter's working state and the calls the screens make (Anki's ``operations`` idea):
who is logged in, the basket being rung up, training mode. Qt-free, so it is easy to test and
the widgets stay thin; every rule is still enforced by the services it calls."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from pos.clock import Clock, Stamp, SystemClock
from pos.errors import UnknownTenant
from pos.model.basket import Basket, BasketLine
from pos.model.catalogue import Item
from pos.model.payment import Tender
from pos.model.staff import Operator
from pos.model.tenant import Tenant
from pos.model.till_close import BlindCount, TillCloseDoc
from pos.money import Ore
from pos.services import (
    auth,
    basket_drafts,
    catalogue,
    checkout,
    legal_time,
    parked_list,
    parking,
    records_ahead,
    repair_money,
    returns,
    till,
    till_day,
)
from pos.services.checkout import SaleResult
from pos.services.context import TillContext
from pos.services.overview import CounterOverview, counter_overview
from pos.services.parked_list import ParkedBasket
from pos.services.till_day import TillStatus
from pos.signing import Signer
from pos.unit_of_work import UnitOfWorkFactory
from ui.receipt_output import NoPrinter, ReceiptOutput


class LazySigner:
    """Loads the signing key on first use, so the login screen appears without it."""

    def __init__(self, load: Callable[[], Signer]) -> None:
        self._load = load
        self._signer: Signer | None = None

    def _get(self) -> Signer:
        if self._signer is None:
            self._signer = self._load()
        return self._signer

    def reload(self) -> None:
        """Load the key again on next use: after a rotation, the next receipt is signed with
        the new key without restarting the counter."""
        self._signer = None

    @property
    def method(self) -> str:
        return self._get().method

    @property
    def key_version(self) -> str:
        return self._get().key_version

    def sign(self, data: str) -> str:
        return self._get().sign(data)

    def verify(self, data: str, signature: str) -> bool:
        return self._get().verify(data, signature)


@dataclass(frozen=True)
class TenantTotal:
    tenant: Tenant
    total: Ore
    lines: int


class TillSession:
    def __init__(
        self,
        uow: UnitOfWorkFactory,
        register_id: str,
        signer: Signer,
        *,
        clock: Clock | None = None,
        output: ReceiptOutput | None = None,
    ) -> None:
        self.uow = uow
        self.register_id = register_id
        self.signer = signer
        self.clock: Clock = clock or SystemClock()
        self.output: ReceiptOutput = output or NoPrinter()
        self.basket = Basket()
        self.ctx: TillContext | None = None
        self.discount_approver: Operator | None = None
        """A manager who approved a large discount on this basket (used again at payment)."""
        self.pickups: list[repair_money.Pickup] = []
        """Repair jobs scanned into this basket: paying closes them (``complete_pickup``)."""
        self._tenants: dict[str, Tenant] | None = None

    # -- who -------------------------------------------------------------------------------
    @property
    def operator(self) -> Operator | None:
        return None if self.ctx is None else self.ctx.operator

    @property
    def training(self) -> bool:
        return self.ctx is not None and self.ctx.training

    def log_in(self, staff_no: str, pin: str) -> Operator:
        operator = auth.log_in(self.uow, self.register_id, staff_no, pin, self.clock)
        self.ctx = TillContext(
            self.register_id, operator, self.signer, self.clock, drawer=self.output.drawer_state
        )
        return operator

    def log_out(self) -> bool:
        """The basket in progress is parked under this person's name: the next person starts
        with an empty basket, and this one can be resumed (F7). True if a basket was parked."""
        if self.ctx is None:
            return False
        parked = bool(self.basket.lines)
        if parked:
            self.park(why="at log-out")
        if self.ctx.training:
            till.set_training(self.uow, self.ctx, False, basket=self.basket)
        auth.log_out(self.uow, self.ctx)
        self.ctx = None
        return parked

    # -- the clock of the legal record ------------------------------------------------------
    def clock_state(self) -> legal_time.ClockState | None:
        """None when this session's clock is not the counter's (tests with a fixed clock)."""
        if not isinstance(self.clock, legal_time.CounterClock):
            return None
        return legal_time.clock_state(self.uow, self.clock)

    def confirm_time(self, staff_no: str, pin: str, real_now: datetime) -> int | None:
        """A manager confirms the real time (journaled); returns the offset kept, if any."""
        if not isinstance(self.clock, legal_time.CounterClock):
            raise RuntimeError("this session does not keep the counter's clock")
        manager = auth.authenticate(self.uow, staff_no, pin)
        return legal_time.confirm_time(self.uow, self.clock, manager, real_now)

    def server_clock_says(self) -> str | None:
        """What the central server's clock says of the PC's (``records_ahead.server_says``)."""
        return records_ahead.server_says(self.uow)

    def declare_records_ahead(
        self, staff_no: str, pin: str, real_now: datetime
    ) -> records_ahead.Declared:
        """A manager declares the last records stamped ahead by a PC clock that ran fast and
        gives the real time (journaled); the till goes on from it."""
        if not isinstance(self.clock, legal_time.CounterClock):
            raise RuntimeError("this session does not keep the counter's clock")
        manager = auth.authenticate(self.uow, staff_no, pin)
        return records_ahead.declare(self.uow, self.clock, manager, real_now)

    def context(self) -> TillContext:
        if self.ctx is None:
            raise RuntimeError("nobody is logged in")
        return self.ctx

    def overview(self) -> CounterOverview:
        return counter_overview(self.uow, self.register_id)

    # -- tenants ---------------------------------------------------------------------------
    def tenants(self) -> dict[str, Tenant]:
        if self._tenants is None:
            self._tenants = {t.id: t for t in self.overview().tenants}
        return self._tenants

    def tenant_by_code(self, code: str) -> Tenant:
        for tenant in self.tenants().values():
            if tenant.code == code:
                return tenant
        raise UnknownTenant(code)

    def totals_by_tenant(self) -> list[TenantTotal]:
        tenants = self.tenants()
        totals = [
            TenantTotal(
                tenants[tid],
                sum(ln.amount for ln in self.basket.lines if ln.tenant_id == tid),
                sum(1 for ln in self.basket.lines if ln.tenant_id == tid),
            )
            for tid in self.basket.tenant_ids
            if tid in tenants
        ]
        return sorted(totals, key=lambda total: total.tenant.code)

    def dues(self) -> list[tuple[str, Ore]]:
        """(tenant id, amount) per receipt, in the order checkout makes the receipts."""
        return [(t.tenant.id, t.total) for t in self.totals_by_tenant()]

    # -- catalogue -------------------------------------------------------------------------
    def find(self, code: str) -> Item:
        return catalogue.find_item(self.uow, code)

    def identify(self, code: str) -> Item | catalogue.UnknownLabel:
        return catalogue.identify(self.uow, code)

    def quick_items(self) -> list[Item]:
        return catalogue.open_price_items(self.uow)

    def open_price_item_of(self, tenant_id: str) -> Item | None:
        return next((i for i in self.quick_items() if i.tenant_id == tenant_id), None)

    def adopt_label(self, label: catalogue.UnknownLabel, price: Ore, description: str) -> Item:
        """An unknown in-store label becomes a one-off item of its tenant (in the article
        group and VAT class of the tenant's quick key), so it sells once."""
        like = self.open_price_item_of(label.tenant.id)
        if like is None:
            return catalogue.adopt_label(self.uow, self.context(), label, price, description)
        return catalogue.adopt_label(
            self.uow, self.context(), label, price, description, like.article_group_id,
            like.vat_class,
        )  # fmt: skip

    def look_up_price(self, item: Item) -> None:
        till.look_up_price(self.uow, self.context(), item)

    # -- the basket ------------------------------------------------------------------------
    def ring_up(self, item: Item, qty: int = 1, price: Ore | None = None) -> BasketLine:
        """Add a line; refused at once, not only at payment, while the clock is behind. A line
        the store cannot keep (``_keep`` refused) is taken out again: a refused scan changes
        nothing."""
        now = legal_time.require_clock(self.uow, self.clock)
        if not self.basket.lines:  # a closed till is said at the first line, not at payment
            self.require_open_till()
        return self._kept(lambda: self.basket.add(item, qty, price), Stamp.of(now))

    def stock_left(self, item_id: str, item: Item | None = None) -> int | None:
        """The count of a stock item once the basket's are sold (None: not counted); from
        ``item`` when it was just read (a scan), else read now."""
        in_basket = sum(ln.qty for ln in self.basket.lines if ln.item_id == item_id)
        if item is not None and item.id == item_id:
            return item.stock_after(in_basket)
        return catalogue.stock_left(self.uow, item_id, in_basket)

    def one_off_in_basket(self, item: Item) -> bool:
        return self.basket.holds_one_off(item)

    def set_quantity(self, line_id: str, qty: int) -> BasketLine:
        return self._kept(lambda: self.basket.set_quantity(line_id, qty))

    def set_discount(
        self, line_id: str, discount: Ore, reason: str, approver: Operator | None = None
    ) -> BasketLine:
        """Give a discount; above the centre's limit it needs a manager (PermissionDenied)."""
        line = self.basket.line(line_id)
        over_limit = checkout.check_discount(self.uow, self.context(), line, discount, approver)
        if over_limit and approver is not None:
            self.discount_approver = approver
        return self._kept(lambda: self.basket.set_discount(line_id, discount, reason))

    def deletes_whole_job(self, line_id: str) -> bool:
        """Deleting this line takes a whole repair job (its other lines, its deposit) out."""
        return repair_money.job_of_line(self.pickups, line_id) is not None

    def delete_line(self, line_id: str) -> BasketLine:
        deleted = repair_money.delete_line(
            self.uow, self.context(), self.basket, self.pickups, line_id
        )
        self.pickups = list(deleted.pickups)
        self._keep()
        return deleted.line

    # -- repair pickup ---------------------------------------------------------------------
    def add_pickup(self, ticket_id: str) -> repair_money.Pickup:
        """A job tag scanned at the till: the job's labour and parts into the basket."""
        self.require_open_till()
        pickup = repair_money.add_pickup_to_basket(self.uow, self.basket, ticket_id)
        self.pickups.append(pickup)
        self._keep()
        return pickup

    def deposit_tenders(self) -> list[Tender]:
        """The deposits the jobs in the basket bring to the payment, already paid at intake."""
        return [p.deposit for p in self.pickups if p.deposit is not None]

    def void(self, approver: Operator | None = None, reason: str = "") -> None:
        till.void_basket(self.uow, self.context(), self.basket, approver, reason)
        self._new_basket()

    def park(self, label: str = "", *, why: str = "") -> str:
        parked = parking.park(self.uow, self.context(), self.basket, label, self.pickups, why=why)
        self._new_basket()
        return parked

    def parked(self) -> list[ParkedBasket]:
        """This register's parked baskets, oldest first: who, when, tenants, first item."""
        return parked_list.parked_baskets(self.uow, self.register_id, self.clock.now())

    def resume(self, parked_id: str) -> parking.Resumed:
        """Bring a parked basket back; the one at the till, if any, is parked in its place."""
        self.require_open_till()
        parking.check_resumable(self.uow, self.context(), parked_id)
        if self.basket.lines:
            self.park(why="in place of the one fetched")
        resumed = parking.resume(self.uow, self.context(), parked_id)
        self.basket = resumed.basket
        self.pickups = list(resumed.pickups)
        self._keep()
        return resumed

    def _new_basket(self) -> None:
        self.basket = Basket()
        self.discount_approver = None
        self.pickups = []
        self._keep()

    def _kept(self, change: Callable[[], BasketLine], saved_at: Stamp | None = None) -> BasketLine:
        """The change made to the basket and kept; one the store cannot keep (a damaged
        store refuses every write) is undone, so what the screen shows is what is kept."""
        lines = list(self.basket.lines)
        line = change()
        try:
            self._keep(saved_at)
        except BaseException:
            self.basket.lines[:] = lines
            raise
        return line

    def _keep(self, saved_at: Stamp | None = None) -> None:
        """The basket as it is now survives a crash or a power cut (``basket_drafts``)."""
        if self.ctx is not None:
            basket_drafts.keep(self.uow, self.ctx, self.basket, self.pickups, saved_at)

    def recover(self) -> basket_drafts.Recovered | None:
        """After login: a basket an interruption left on this register, back in the basket if
        it is this person's (in its mode), else parked for its cashier."""
        recovered = basket_drafts.recover(self.uow, self.context())
        if recovered is not None and recovered.resumed is not None:
            self.basket = recovered.resumed.basket
            self.pickups = list(recovered.resumed.pickups)
            self._keep()
        return recovered

    # -- money -----------------------------------------------------------------------------
    def pay(self, tenders: Sequence[Tender], approver: Operator | None = None) -> SaleResult:
        approver = approver or self.discount_approver
        if self.pickups:  # the same sale, and the jobs are collected in its transaction
            result = repair_money.complete_pickup(
                self.uow, self.context(), self.basket, tenders, self.pickups, approver=approver
            )
        else:
            result = checkout.complete_sale(
                self.uow, self.context(), self.basket, tenders, approver=approver
            )
        self._new_basket()
        self.output.print_sale(result)
        return result

    def credit_note_tender(
        self,
        number: str,
        amount: Ore | None,
        dues: Sequence[tuple[str, Ore]],
        tenders: Sequence[Tender],
    ) -> Tender:
        """A credit note as payment; without ``amount``, what its tenant's receipt still owes."""
        return checkout.credit_note_tender(self.uow, number, amount, dues, tenders)

    def returnable(self, receipt_number: str) -> list[returns.ReturnableLine]:
        return returns.returnable_lines(self.uow, receipt_number)

    def complete_return(
        self,
        receipt_number: str,
        requests: Sequence[returns.ReturnRequest],
        refund: Sequence[Tender],
        approver: Operator | None = None,
    ) -> SaleResult:
        result = returns.complete_return(
            self.uow, self.context(), receipt_number, requests, refund, approver=approver
        )
        self.output.print_sale(result)
        return result

    def set_training(self, on: bool) -> None:
        """Refused by the service unless the basket is empty."""
        till.set_training(self.uow, self.context(), on, basket=self.basket)

    def open_drawer(self, reason: str, approver: Operator | None = None) -> bool:
        """Kick the drawer for an approved no-sale opening; journaled (13005) only when the
        kick reaches the printer. False when no kick could be sent."""
        opening = till.no_sale_opening(self.context(), reason, approver)
        return self.output.open_drawer(opening)

    # -- the till's day (float, cash in/out, shift change) --------------------------------
    def till_status(self) -> TillStatus:
        return till_day.till_status(self.uow, self.register_id)

    def require_open_till(self) -> None:
        till_day.require_open(self.uow, self.register_id)

    def open_till(
        self, amount: Ore | None, count: BlindCount | None, approver: Operator | None = None
    ) -> None:
        """Open with the stated float; the drawer opens for it to be put in."""
        ctx = self.context()
        session_id = till_day.open_with_float(self.uow, ctx, amount, count, approver)
        self.output.kick_drawer("Skuff: vekselkasse", till.float_opening(ctx, session_id))

    def move_cash(self, amount: Ore, reason: str, approver: Operator | None = None) -> None:
        """Cash in (positive) or out (negative) with a reason: the drawer kick and the slip are
        queued; the opening is journaled when the kick reaches the printer."""
        movement_id = till.move_cash(self.uow, self.context(), amount, reason, approver)
        self.output.cash_moved(movement_id)

    def hand_over(
        self, count: BlindCount, note: str, approver: Operator | None = None
    ) -> TillCloseDoc:
        """A shift change: the counted drawer becomes the next session's float (no Z)."""
        return till_day.hand_over(self.uow, self.context(), count, note=note, approver=approver)
