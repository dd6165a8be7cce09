"""Staff, roles and the permissions the services enforce (not only the UI)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Role(StrEnum):
    CASHIER = "cashier"
    TECHNICIAN = "technician"
    MANAGER = "manager"


class Permission(StrEnum):
    SELL = "sell"
    RETURN = "return"
    LARGE_DISCOUNT = "large_discount"
    VOID = "void"
    NO_SALE_DRAWER = "no_sale_drawer"
    PRICE_OVERRIDE = "price_override"
    OPEN_TILL = "open_till"
    CASH_IN_OUT = "cash_in_out"
    RECEIPT_COPY = "receipt_copy"
    """Print a receipt's one copy ("KOPI"): everyone who sells at the till."""
    SHIFT_CHANGE = "shift_change"
    """Count the drawer and hand it over to the next person (no Z): ``till_day.hand_over``."""
    MANAGE = "manage"


_GRANTS: dict[Role, frozenset[Permission]] = {
    Role.CASHIER: frozenset(
        {Permission.SELL, Permission.CASH_IN_OUT, Permission.RECEIPT_COPY, Permission.SHIFT_CHANGE}
    ),
    Role.TECHNICIAN: frozenset({Permission.SELL, Permission.RECEIPT_COPY}),
    Role.MANAGER: frozenset(Permission),
}


@dataclass(frozen=True)
class Operator:
    """A staff member who has proved their PIN in this session (made by services.auth only)."""

    staff_id: str
    staff_no: str
    name: str
    role: Role

    def may(self, permission: Permission) -> bool:
        return permission in _GRANTS[self.role]


def permitted(operator: Operator, approver: Operator | None, permission: Permission) -> bool:
    """Whether the operator, or a manager who approved with their own PIN, may do this."""
    return operator.may(permission) or (approver is not None and approver.may(permission))
