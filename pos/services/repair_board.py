"""The technicians' ticket board and the manager's lists: read-only, paged, never loading all.

Filters by status, tenant, technician and overdue; search by ticket id, phone or customer name.
Rows are frozen, pre-formatted DTOs the UI shows as they are.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from pos.clock import local_text
from pos.model.contact import InvalidPhone, parse_phone
from pos.model.repair import RepairStatus
from pos.model.ticket_id import is_ticket_id, normalise_ticket_id
from pos.money import Ore, format_nok
from pos.unit_of_work import UnitOfWorkFactory

MAX_PAGE = 200
_FINAL = tuple(s.value for s in RepairStatus if s.final)
_SELECT = (
    "SELECT t.id, t.status, t.customer_name, t.customer_phone, t.item_category, "
    "t.item_brand_model, t.promised_date, t.created_at, tn.code AS tenant_code, "
    "tn.name AS tenant_name, s.name AS technician "
    "FROM repair_tickets t JOIN tenants tn ON tn.id = t.tenant_id "
    "LEFT JOIN staff s ON s.id = t.technician_id"
)


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
    where, params = _where(query)
    order = "t.promised_date, t.id" if query.overdue_on else "t.created_at DESC, t.id"
    sql = f"{_SELECT} WHERE {' AND '.join(where) or '1'} ORDER BY {order} LIMIT ? OFFSET ?"
    with uow_factory.read() as uow:
        rows = uow.store.rows(sql, [*params, page_size + 1, page * page_size])
    today = today or query.overdue_on
    return BoardPage(tuple(_row(r, today) for r in rows[:page_size]), page, len(rows) > page_size)


def _where(query: BoardQuery) -> tuple[list[str], list[object]]:
    where: list[str] = []
    params: list[object] = []
    if query.statuses:
        where.append(f"t.status IN ({', '.join('?' * len(query.statuses))})")
        params += [s.value for s in query.statuses]
    else:
        where.append(f"t.status NOT IN ({', '.join('?' * len(_FINAL))})")
        params += list(_FINAL)
    if query.tenant_code:
        where.append("t.tenant_id = (SELECT id FROM tenants WHERE code = ?)")
        params.append(query.tenant_code)
    if query.technician_no:
        where.append("t.technician_id = (SELECT id FROM staff WHERE staff_no = ?)")
        params.append(query.technician_no)
    if query.overdue_on:
        where.append("t.promised_date < ? AND t.status != ?")
        params += [query.overdue_on.isoformat(), RepairStatus.READY_FOR_PICKUP.value]
    term = query.search.strip()
    if term:
        clause, values = _search(term)
        where.append(clause)
        params += values
    return where, params


def _search(term: str) -> tuple[str, list[object]]:
    if is_ticket_id(term):
        return "t.id = ?", [normalise_ticket_id(term)]
    digits = "".join(ch for ch in term if ch.isdigit())
    if digits and len(digits) >= len(term.replace(" ", "").replace("+", "")) - 1:
        try:
            return "t.customer_phone = ?", [parse_phone(term).e164]
        except InvalidPhone:
            return "t.customer_phone LIKE ?", [f"%{digits}%"]
    # Scans the small (name, id) index rather than the table.
    return (
        "t.id IN (SELECT id FROM repair_tickets INDEXED BY repair_by_name "
        "WHERE customer_search LIKE ?)",
        [f"%{term.casefold()}%"],
    )


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
    """Deposits still held against tickets (for the manager and the day end)."""
    sql = (
        "SELECT t.id, tn.code, t.customer_name, t.status, cn.created_at, "
        "(SELECT SUM(amount) FROM repair_deposits d WHERE d.ticket_id = t.id) - "
        "COALESCE((SELECT SUM(tn2.amount) FROM tenders tn2 WHERE tn2.credit_note_id = cn.id "
        "AND tn2.amount > 0), 0) AS held "
        "FROM credit_notes cn JOIN repair_tickets t ON t.id = cn.number "
        "JOIN tenants tn ON tn.id = t.tenant_id WHERE cn.kind = 'deposit'"
        + (" AND tn.code = ?" if tenant_code else "")
        + " ORDER BY cn.created_at"
    )
    with uow_factory.read() as uow:
        rows = uow.store.rows(sql, [tenant_code] if tenant_code else [])
    return [
        OpenDeposit(
            r["id"],
            r["code"],
            r["customer_name"],
            RepairStatus(r["status"]).label_nb,
            r["held"],
            format_nok(r["held"]),
            local_text(r["created_at"], "%Y-%m-%d"),
            RepairStatus(r["status"]),
        )
        for r in rows
        if r["held"] > 0
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


def notifications(
    uow_factory: UnitOfWorkFactory, states: Sequence[str] = ("pending",), *, limit: int = 100
) -> list[NotificationRow]:
    """Queued messages by state (pending: not yet confirmed sent by the central server)."""
    marks = ", ".join("?" * len(states))
    with uow_factory.read() as uow:
        rows = uow.store.rows(
            f"SELECT * FROM notifications WHERE state IN ({marks}) ORDER BY created_at LIMIT ?",
            [*states, min(limit, 1000)],
        )
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
        )
        for r in rows
    ]
