"""Deposits and pickup at the till.

A deposit is NOT a sale: it is a signed cash transaction of its own receipt kind (``deposit``,
"Kvittering for depositum", number series ``D``, SAF-T 11005, no VAT) that creates a voucher of
the repair tenant (``credit_notes`` kind 'deposit', number = ticket id) held against the ticket.
At pickup the job's labour and parts are sold as an ordinary sale of the repair tenant (full VAT
on the full price) and the deposit pays part of that tenant's receipt as tender ``DEPOSIT``
(SAF-T 12999), exactly like a credit note. So turnover counts the job once, at pickup, and the
money taken at intake plus at pickup equals the pickup receipt's total. A refund (job not
repaired, or deposit above the bill) is a negative deposit transaction.

Deposits are the centre's: the server keeps the ledger of every counter's deposits and
deductions per job (``server/deposit_uses.py``), so a job is handed over, and its deposit
deducted, at whichever counter of the site the customer comes to (``DepositLedger``). A
counter offline uses the ledger as it last pulled it, and the pickup says so.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, replace

from pos.clock import Stamp, local_text
from pos.errors import DomainError, InvalidTender, TillNotOpen, TrainingRestriction
from pos.model.basket import Basket, BasketLine
from pos.model.catalogue import ItemKind
from pos.model.deposits import DepositLedger
from pos.model.payment import Tender, TenderKind
from pos.model.receipt import ReceiptKind
from pos.model.repair import RepairStatus
from pos.model.sale import RecordedReceipt, tenant_receipt
from pos.model.staff import Operator, Permission
from pos.money import Ore, format_nok, round_to_krone
from pos.services import checkout, ticket_clock, till
from pos.services.checkout import SaleResult
from pos.services.context import TillContext
from pos.services.recording import record, sale_at_counter
from pos.services.repair_common import apply_status, load_ticket, require_open
from pos.services.repair_work import labour_item
from pos.services.support_log import log_recorded
from pos.unit_of_work import UnitOfWork, UnitOfWorkFactory


class DepositProblem(DomainError):
    code = "deposit_problem"
    nb = "Depositum for {value}: {reason_nb}."
    en = "Deposit for {value}: {reason_en}."


class PickupProblem(DomainError):
    code = "pickup_problem"
    nb = "Henting av {value}: {reason_nb}."
    en = "Pickup of {value}: {reason_en}."


@dataclass(frozen=True)
class DepositResult:
    ticket_id: str
    receipt: RecordedReceipt
    amount: Ore
    change: Ore


@dataclass(frozen=True)
class DepositElsewhere:
    """Part of the deposit to deduct is known only from the central server."""

    registers: tuple[str, ...]
    """The other counters that took it."""
    as_of: str
    """When this counter last heard from the server (Norwegian local time), '' never."""
    offline: bool
    """The last try to reach the server failed: another counter may have deducted it since."""


@dataclass(frozen=True)
class Pickup:
    """A job put in the basket: its lines (already in the basket) and the deposit to deduct."""

    ticket_id: str
    tenant_id: str
    line_ids: tuple[str, ...]
    work_line_ids: frozenset[str]
    total: Ore
    deposit: Tender | None
    elsewhere: DepositElsewhere | None = None


def _till_session(uow: UnitOfWork, ctx: TillContext) -> str:
    if ctx.training:
        raise TrainingRestriction("depositum")
    session = uow.till.open_session(ctx.register_id)
    if session is None:
        raise TillNotOpen()
    return str(session["id"])


def _deposit_problem(ticket_id: str, nb: str, en: str) -> DepositProblem:
    return DepositProblem(ticket_id, reason_nb=nb, reason_en=en)


def pay_deposit(
    uow_factory: UnitOfWorkFactory,
    ctx: TillContext,
    ticket_id: str,
    tenders: Sequence[Tender],
    amount: Ore | None = None,
) -> DepositResult:
    """Take the deposit (default: the amount agreed at intake) through the till."""
    ctx.require(Permission.SELL)
    if any(t.kind.is_voucher for t in tenders):
        raise InvalidTender("depositum betales med kontant, kort eller Vipps")
    with uow_factory() as uow:
        session_id = _till_session(uow, ctx)
        row, _ = load_ticket(uow, ticket_id)
        require_open(row)
        amount = row["deposit_requested"] if amount is None else amount
        if amount <= 0:
            raise _deposit_problem(
                row["id"], "beløpet må være over 0", "the amount must be above 0"
            )
        ledger = uow.repairs.deposit_ledger(row["id"])
        if uow.repairs.deposit_voucher(row["id"]) is not None or ledger.taken_elsewhere > 0:
            where = ", ".join(ledger.registers)
            raise _deposit_problem(
                row["id"],
                f"allerede betalt på kasse {where}" if where else "allerede betalt",
                f"already paid at register {where}" if where else "already paid",
            )
        result = _record_deposit(uow, ctx, session_id, row, amount, list(tenders))
        uow.commit()
    log_recorded(f"deposit for {ticket_id}", ctx, [result.receipt], tenders, result.change)
    return result


def refund_deposit(
    uow_factory: UnitOfWorkFactory,
    ctx: TillContext,
    ticket_id: str,
    kind: TenderKind = TenderKind.CASH,
    reference: str = "",
    approver: Operator | None = None,
) -> DepositResult:
    """Pay back what the deposit still holds (a negative deposit transaction; needs a manager).

    Allowed once the job will not be sold (not repairable, returned, scrapped) or is collected
    and the deposit was more than the bill. Cash is paid out rounded to whole kroner.
    """
    approved_by = ctx.require(Permission.RETURN, approver)
    if kind.is_voucher:
        raise InvalidTender(kind.label_nb)
    with uow_factory() as uow:
        session_id = _till_session(uow, ctx)
        row, ticket = load_ticket(uow, ticket_id)
        if ticket.status not in (
            RepairStatus.NOT_REPAIRABLE,
            RepairStatus.RETURNED_UNREPAIRED,
            RepairStatus.SCRAPPED,
            RepairStatus.COLLECTED,
        ):
            raise _deposit_problem(
                row["id"],
                "betales tilbake først når jobben ikke skal repareres",
                "is paid back only when the job will not be repaired",
            )
        held = uow.repairs.deposit_held(row["id"])
        if held <= 0:
            raise _deposit_problem(row["id"], "ingenting å betale tilbake", "nothing to pay back")
        paid = round_to_krone(held) if kind is TenderKind.CASH else held
        tender = Tender(kind, paid, reference)
        result = _record_deposit(uow, ctx, session_id, row, -held, [tender], approved_by)
        uow.commit()
    return result


def _record_deposit(
    uow: UnitOfWork,
    ctx: TillContext,
    session_id: str,
    row: dict,
    amount: Ore,
    tenders: list[Tender],
    approved_by: str | None = None,
) -> DepositResult:
    tenant = uow.tenants.tenant(row["tenant_id"])
    assert tenant is not None
    sale = record(
        uow,
        ctx,
        sale_at_counter(
            ctx,
            kind="deposit",
            session_id=session_id,
            approved_by=approved_by,
            receipts=[tenant_receipt(tenant, ReceiptKind.DEPOSIT, [], prepayment=amount)],
            tenders=tenders,
        ),
    )
    stamp, receipt = sale.stamp, sale.recorded()[0]
    deposit_id = str(uuid.uuid4())
    uow.repairs.add_deposit(deposit_id, row["id"], tenant.id, receipt.receipt_id, amount, stamp)
    # the receipt event is the money fact; this one tells the other counters the ticket holds
    # a deposit here (they cannot deduct it at pickup, so they must not hand the job over)
    uow.outbox.append_outbox(
        "repair.deposit_held",
        row["tenant_id"],
        stamp,
        {"ticket": row["id"], "deposit_id": deposit_id, "amount": amount,
         "register_id": ctx.register_id, "staff_id": ctx.operator.staff_id,
         "hlc": ticket_clock.next_stamp(uow, ctx.clock.now())},
    )  # fmt: skip
    return DepositResult(row["id"], receipt, amount, sale.change)


def add_pickup_to_basket(uow_factory: UnitOfWorkFactory, basket: Basket, ticket_id: str) -> Pickup:
    """Put a job ready for pickup (as scanned from its tag) into the basket: one line per labour
    line (the tenant's labour item at the agreed amount) and per part; returns the deposit
    tender to add to the payment."""
    with uow_factory.read() as uow:
        row, ticket = load_ticket(uow, ticket_id)
        if ticket.status is not RepairStatus.READY_FOR_PICKUP:
            raise PickupProblem(
                row["id"],
                reason_nb=f"status er «{ticket.status.label_nb}», ikke klar til henting",
                reason_en=f"its status is '{ticket.status.value}', not ready for pickup",
            )
        ticket.check_collectable()
        missing = uow.repairs.lines_elsewhere(row["tenant_id"], row["id"])
        if missing:
            raise PickupProblem(
                row["id"],
                reason_nb=f"{missing} linje(r) registrert på en annen kasse er ikke kjent her "
                "ennå (varen eller den ansatte mangler)",
                reason_en=f"{missing} line(s) recorded at another counter are not known here yet "
                "(the item or staff member is missing)",
            )
        if any(ticket_id_of(line) == row["id"] for line in basket.lines):
            raise PickupProblem(
                row["id"], reason_nb="er allerede i kurven", reason_en="is already in the basket"
            )
        labour = labour_item(uow, row["tenant_id"])
        work = uow.repairs.active_lines(row["id"])
        items = uow.items.items_by_ids({w["item_id"] for w in work} | {labour.id})
        ledger = uow.repairs.deposit_ledger(row["id"])
        elsewhere = _elsewhere(uow, ledger) if ledger.known_from_elsewhere else None
    added: list[BasketLine] = []
    for w in work:
        item = labour if w["kind"] == "labour" else items[w["item_id"]]
        qty = 1 if item.kind is ItemKind.OPEN_PRICE else w["qty"]
        price = w["amount"] if item.kind is ItemKind.OPEN_PRICE else w["unit_price"]
        line = basket.add(replace(item, price=price), qty)
        line = replace(line, description=_text(row, w, item.description))
        basket.lines[-1] = line
        added.append(line)
    total = sum(line.amount for line in added)
    deposit = None
    if ledger.held > 0:
        deposit = Tender(
            TenderKind.DEPOSIT,
            min(ledger.held, total),
            credit_note_number=row["id"],
            tenant_id=row["tenant_id"],
        )
    return Pickup(
        row["id"],
        row["tenant_id"],
        tuple(line.line_id for line in added),
        frozenset(w["id"] for w in work),
        total,
        deposit,
        elsewhere if deposit is not None else None,
    )


@dataclass(frozen=True)
class LineDeleted:
    line: BasketLine
    pickups: tuple[Pickup, ...]
    """The jobs still in the basket."""
    whole_job: bool
    """The line was a job's: its other lines went with it."""


def job_of_line(pickups: Sequence[Pickup], line_id: str) -> Pickup | None:
    return next((p for p in pickups if line_id in p.line_ids), None)


def delete_line(
    uow_factory: UnitOfWorkFactory,
    ctx: TillContext,
    basket: Basket,
    pickups: Sequence[Pickup],
    line_id: str,
) -> LineDeleted:
    """Delete a basket line (journaled). A job is collected whole or not at all: deleting one
    of its lines takes its other lines and its deposit out of the basket too."""
    line = till.delete_line(uow_factory, ctx, basket, line_id)
    job = job_of_line(pickups, line_id)
    if job is None:
        return LineDeleted(line, tuple(pickups), whole_job=False)
    in_basket = {ln.line_id for ln in basket.lines}
    for other in job.line_ids:
        if other in in_basket:
            till.delete_line(uow_factory, ctx, basket, other)
    return LineDeleted(line, tuple(p for p in pickups if p is not job), whole_job=True)


def _elsewhere(uow: UnitOfWork, ledger: DepositLedger) -> DepositElsewhere:
    last_ok = uow.sync.meta("sync_last_ok_at") or ""
    offline = uow.sync.meta("sync_online") != "1"
    return DepositElsewhere(ledger.registers, local_text(last_ok), offline)


def _text(row: dict, work: dict, item_text: str) -> str:
    """The receipt line names the ticket, so the line reads as this job's work or part."""
    if work["kind"] == "labour":
        return f"{item_text}: {work['description']} (rep. {row['id']})"
    return f"{work['description']} (rep. {row['id']})"


def ticket_id_of(line: BasketLine) -> str:
    text = line.description
    return text[text.rfind("(rep. ") + 6 : -1] if text.endswith(")") and "(rep. " in text else ""


def complete_pickup(
    uow_factory: UnitOfWorkFactory,
    ctx: TillContext,
    basket: Basket,
    tenders: Sequence[Tender],
    pickups: Sequence[Pickup],
    *,
    approver: Operator | None = None,
) -> SaleResult:
    """Sell the basket (jobs and anything else) and close the jobs, in the sale's transaction."""
    if ctx.training:
        raise TrainingRestriction("henting av reparasjon")
    in_basket = {line.line_id for line in basket.lines}
    for pickup in pickups:
        if not set(pickup.line_ids) <= in_basket:
            raise PickupProblem(
                pickup.ticket_id,
                reason_nb="linjene for jobben er tatt ut av kurven",
                reason_en="the job's lines were taken out of the basket",
            )
        held_tenders = [
            t
            for t in tenders
            if t.kind is TenderKind.DEPOSIT and t.credit_note_number == pickup.ticket_id
        ]
        if pickup.deposit is not None and not held_tenders:
            raise PickupProblem(
                pickup.ticket_id,
                reason_nb=f"depositum {format_nok(pickup.deposit.amount)} kr må trekkes fra",
                reason_en=f"the deposit {format_nok(pickup.deposit.amount)} kr must be deducted",
            )

    def close_tickets(
        uow: UnitOfWork, stamp: Stamp, sale_id: str, _receipts: Sequence[RecordedReceipt]
    ) -> None:
        for pickup in pickups:
            _close(uow, ctx, stamp, sale_id, pickup)

    return checkout.complete_sale(
        uow_factory, ctx, basket, tenders, approver=approver, after_record=close_tickets
    )


def _close(uow: UnitOfWork, ctx: TillContext, stamp: Stamp, sale_id: str, pickup: Pickup) -> None:
    row, ticket = load_ticket(uow, pickup.ticket_id)
    if {w["id"] for w in uow.repairs.active_lines(row["id"])} != pickup.work_line_ids:
        raise PickupProblem(
            row["id"],
            reason_nb="jobben er endret siden den ble skannet; skann lappen igjen",
            reason_en="the job changed since it was scanned; scan the tag again",
        )
    ticket.check_collectable()
    apply_status(uow, ctx, stamp, row, ticket, RepairStatus.COLLECTED)
    uow.repairs.update_ticket(row["id"], collected_sale_id=sale_id)
