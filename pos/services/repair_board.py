"""The technicians' ticket board and the manager's lists: read-only, paged, never loading all.

Filters by status, tenant, technician and overdue; search by ticket id, phone or customer name.
Rows are frozen, pre-formatted DTOs the UI shows as they are.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from pos.adapters.repair_queries import BoardFilter
from pos.clock import local_text
from pos.model.contact import InvalidPhone, parse_phone
from pos.model.repair import RepairStatus
from pos.model.ticket_id import is_ticket_id, normalise_ticket_id
from pos.money import Ore, format_nok
from pos.unit_of_work import UnitOfWorkFactory

MAX_PAGE = 200
_FINAL = tuple(s.value for s in RepairStatus if s.final)


@dataclass(frozen=True)
class BoardQuery:
    statuses: tuple[RepairStatus, ...] = ()
    """Empty: every open status (final ones only when named)."""
    tenant_code: str = ""
    technician_no: str = ""
    overdue_on: date | None = None
    """Only jobs promised before this day and not yet ready."""
    search: str = ""


@dataclass(frozen=True)
class BoardRow:
    ticket_id: str
    status: RepairStatus
    status_label: str
    tenant_code: str
    tenant_name: str
    customer: str
    phone: str
    item: str
    technician: str
    promised: str
    received: str
    overdue: bool


@dataclass(frozen=True)
class BoardPage:
    rows: tuple[BoardRow, ...]
    page: int
    has_more: bool


def board(
    uow_factory: UnitOfWorkFactory,
    query: BoardQuery,
    *,
    page: int = 0,
    page_size: int = 50,
    today: date | None = None,
) -> BoardPage:
    """One page of tickets, newest first (overdue: oldest promise first)."""
    page_size = max(1, min(page_size, MAX_PAGE))
    with uow_factory.read() as uow:
        rows = uow.repair_queries.board(_filter(query), page_size + 1, page * page_size)
    today = today or query.overdue_on
    return BoardPage(tuple(_row(r, today) for r in rows[:page_size]), page, len(rows) > page_size)


def _filter(query: BoardQuery) -> BoardFilter:
    statuses = tuple(s.value for s in query.statuses)
    board = BoardFilter(
        statuses or _FINAL,
        leave_out=not statuses,  # every open status unless some are named
        tenant_code=query.tenant_code,
        technician_no=query.technician_no,
    )
    if query.overdue_on:
        board = replace(
            board,
            promised_before=query.overdue_on.isoformat(),
            not_status=RepairStatus.READY_FOR_PICKUP.value,
        )
    term = query.search.strip()
    return _search(board, term) if term else board


def _search(board: BoardFilter, term: str) -> BoardFilter:
    """A ticket id, a phone number (whole or in part) or part of the customer's name."""
    if is_ticket_id(term):
        return replace(board, ticket_id=normalise_ticket_id(term))
    digits = "".join(ch for ch in term if ch.isdigit())
    if digits and len(digits) >= len(term.replace(" ", "").replace("+", "")) - 1:
        try:
            return replace(board, phone=parse_phone(term).e164)
        except InvalidPhone:
            return replace(board, phone_digits=digits)
    return replace(board, name_part=term.casefold())


def _row(r: dict, today: date | None) -> BoardRow:
    status = RepairStatus(r["status"])
    promised = r["promised_date"] or ""
    overdue = bool(
        today
        and promised
        and promised < today.isoformat()
        and status.open
        and status is not RepairStatus.READY_FOR_PICKUP
    )
    phone = r["customer_phone"]
    return BoardRow(
        ticket_id=r["id"],
        status=status,
        status_label=status.label_nb,
        tenant_code=r["tenant_code"],
        tenant_name=r["tenant_name"],
        customer=r["customer_name"],
        phone=parse_phone(phone).display if phone else "",
        item=" – ".join(x for x in (r["item_category"], r["item_brand_model"]) if x),
        technician=r["technician"] or "",
        promised=date.fromisoformat(promised).strftime("%d.%m.%Y") if promised else "",
        received=r["created_at"][:10],
        overdue=overdue,
    )


@dataclass(frozen=True)
class OpenDeposit:
    ticket_id: str
    tenant_code: str
    customer: str
    status_label: str
    held: Ore
    held_text: str
    paid_at: str
    status: RepairStatus | None = None
    """The ticket's status: the screens name it in the person's language."""


def open_deposits(uow_factory: UnitOfWorkFactory, tenant_code: str = "") -> list[OpenDeposit]:
    """Deposits taken at this counter and still held against their jobs, after what any
    counter of the site has deducted or paid back (for the manager and the day end)."""
    with uow_factory.read() as uow:
        rows = uow.repair_queries.deposits_taken(tenant_code)
        held = {r["id"]: uow.repairs.deposit_held(r["id"]) for r in rows}
    return [
        OpenDeposit(
            r["id"],
            r["code"],
            r["customer_name"],
            RepairStatus(r["status"]).label_nb,
            held[r["id"]],
            format_nok(held[r["id"]]),
            local_text(r["created_at"], "%Y-%m-%d"),
            RepairStatus(r["status"]),
        )
        for r in rows
        if held[r["id"]] > 0
    ]


@dataclass(frozen=True)
class NotificationRow:
    notification_id: str
    ticket_id: str
    channel: str
    to: str
    subject: str
    body: str
    state: str
    """pending (not yet confirmed sent by the central server), failed or withdrawn."""
    created_at: str
    queued_at: str = ""
    """When it was queued, in Norwegian local time as the screens show it."""
    error: str = ""
    """Why the server's last attempt failed (a pending message it retries, or a failed one)."""


def notifications(
    uow_factory: UnitOfWorkFactory, states: Sequence[str] = ("pending",), *, limit: int = 100
) -> list[NotificationRow]:
    """Queued messages by state (pending: not yet confirmed sent by the central server)."""
    with uow_factory.read() as uow:
        rows = uow.repair_queries.messages(states, min(limit, 1000))
    return [
        NotificationRow(
            r["id"],
            r["ticket_id"],
            r["channel"],
            r["recipient"],
            r["subject"],
            r["body"],
            r["state"],
            r["created_at"],
            local_text(r["created_at"]),
            r["error"] or "",
        )
        for r in rows
    ]
