"""Read side of the repair counter: the ticket board, held deposits, queued messages and the
names the ticket screens show. Plain rows from the current unit of work's connection; the
services turn them into the screens' DTOs."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pos.adapters.repositories import Store
from pos.model.catalogue import ItemKind, ItemStatus

_BOARD = (
    "SELECT t.id, t.status, t.customer_name, t.customer_phone, t.item_category, "
    "t.item_brand_model, t.promised_date, t.created_at, tn.code AS tenant_code, "
    "tn.name AS tenant_name, s.name AS technician "
    "FROM repair_tickets t JOIN tenants tn ON tn.id = t.tenant_id "
    "LEFT JOIN staff s ON s.id = t.technician_id"
)


@dataclass(frozen=True)
class BoardFilter:
    """Which tickets a board page shows, as the service has read the person's query."""

    statuses: tuple[str, ...]
    leave_out: bool = False
    """``statuses`` are left out (the open board) rather than chosen."""
    tenant_code: str = ""
    technician_no: str = ""
    promised_before: str = ""
    """Overdue: promised before this ISO day and not ``not_status`` (oldest promise first)."""
    not_status: str = ""
    ticket_id: str = ""
    phone: str = ""
    """A whole phone number in E.164."""
    phone_digits: str = ""
    """Part of a phone number."""
    name_part: str = ""
    """Part of a customer's name, case-folded."""


def _where(board: BoardFilter) -> tuple[list[str], list[object]]:
    marks = ", ".join("?" * len(board.statuses))
    where = [f"t.status {'NOT IN' if board.leave_out else 'IN'} ({marks})"]
    params: list[object] = list(board.statuses)

    def add(clause: str, *values: object) -> None:
        where.append(clause)
        params.extend(values)

    if board.tenant_code:
        add("t.tenant_id = (SELECT id FROM tenants WHERE code = ?)", board.tenant_code)
    if board.technician_no:
        add("t.technician_id = (SELECT id FROM staff WHERE staff_no = ?)", board.technician_no)
    if board.promised_before:
        add("t.promised_date < ? AND t.status != ?", board.promised_before, board.not_status)
    if board.ticket_id:
        add("t.id = ?", board.ticket_id)
    if board.phone:
        add("t.customer_phone = ?", board.phone)
    if board.phone_digits:
        add("t.customer_phone LIKE ?", f"%{board.phone_digits}%")
    if board.name_part:  # the small (name, id) index rather than the table
        add(
            "t.id IN (SELECT id FROM repair_tickets INDEXED BY repair_by_name "
            "WHERE customer_search LIKE ?)",
            f"%{board.name_part}%",
        )
    return where, params


class RepairQueries:
    def __init__(self, store: Store) -> None:
        self._store = store

    def board(self, board: BoardFilter, limit: int, offset: int) -> list[dict[str, Any]]:
        """Tickets newest first (overdue: oldest promise first)."""
        where, params = _where(board)
        order = "t.promised_date, t.id" if board.promised_before else "t.created_at DESC, t.id"
        sql = f"{_BOARD} WHERE {' AND '.join(where)} ORDER BY {order} LIMIT ? OFFSET ?"
        return self._store.rows(sql, [*params, limit, offset])

    def deposits_taken(self, tenant_code: str = "") -> list[dict[str, Any]]:
        """Deposit vouchers issued here, oldest first: ticket id, tenant code, customer name,
        status and when it was taken."""
        sql = (
            "SELECT t.id, tn.code, t.customer_name, t.status, cn.created_at "
            "FROM credit_notes cn JOIN repair_tickets t ON t.id = cn.number "
            "JOIN tenants tn ON tn.id = t.tenant_id WHERE cn.kind = 'deposit'"
            + (" AND tn.code = ?" if tenant_code else "")
            + " ORDER BY cn.created_at"
        )
        return self._store.rows(sql, [tenant_code] if tenant_code else [])

    def messages(self, states: Sequence[str], limit: int) -> list[dict[str, Any]]:
        marks = ", ".join("?" * len(states))
        return self._store.rows(
            f"SELECT * FROM notifications WHERE state IN ({marks}) ORDER BY created_at LIMIT ?",
            [*states, limit],
        )

    def messages_of(self, ticket_id: str) -> list[dict[str, Any]]:
        return self._store.rows(
            "SELECT id, channel, recipient, state FROM notifications WHERE ticket_id = ?",
            (ticket_id,),
        )

    def staff_name(self, staff_id: str | None) -> str | None:
        rows = self._store.rows("SELECT name FROM staff WHERE id = ?", (staff_id or "",))
        return str(rows[0]["name"]) if rows else None

    def technicians(self) -> list[tuple[str, str]]:
        """(staff number, name) of the active technicians, then the managers."""
        rows = self._store.rows(
            "SELECT staff_no, name FROM staff WHERE active AND role IN ('technician', 'manager') "
            "ORDER BY role DESC, staff_no"
        )
        return [(r["staff_no"], r["name"]) for r in rows]

    def open_jobs(self, tenant_id: str, statuses: Sequence[str]) -> int:
        """How many of the tenant's jobs are in one of ``statuses``."""
        marks = ", ".join("?" * len(statuses))
        rows = self._store.rows(
            f"SELECT COUNT(*) AS n FROM repair_tickets WHERE tenant_id = ? AND status IN ({marks})",
            (tenant_id, *statuses),
        )
        return int(rows[0]["n"])

    def open_price_item_in_group(self, tenant_id: str, group_id: str) -> str | None:
        """The id of the tenant's first active open-price item in an article group."""
        rows = self._store.rows(
            "SELECT id FROM items WHERE tenant_id = ? AND kind = ? AND article_group_id = ? "
            "AND status != ? ORDER BY barcode",
            (tenant_id, ItemKind.OPEN_PRICE.value, group_id, ItemStatus.INACTIVE.value),
        )
        return str(rows[0]["id"]) if rows else None
