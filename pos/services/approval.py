"""A manager's approval of one action that the person logged in may not do alone (a discount
over the limit, a void, cash out, a return without receipt, reopening a finished job …): the
service refuses with PermissionDenied, the approver proves their PIN here, and the action runs
again with them as its approver. One call for every screen, so the rule is the same everywhere:
the approver's wrong PINs count as at login, and someone whose role may not grant the action is
refused here, before anything is done."""

from __future__ import annotations

from pos.errors import CannotApprove, PermissionDenied
from pos.model.staff import Operator, Permission
from pos.services import auth, desk_log
from pos.services.context import TillContext
from pos.unit_of_work import UnitOfWorkFactory


def needed_for(refusal: PermissionDenied) -> Permission:
    """What the refused action needs (a refusal names its permission)."""
    return Permission(str(refusal.params.get("value", Permission.MANAGE.value)))


def approve(
    uow_factory: UnitOfWorkFactory,
    ctx: TillContext,
    needed: Permission,
    staff_no: str,
    pin: str,
) -> Operator:
    """The approver, once their PIN is right and their role may grant ``needed``."""
    approver = auth.authenticate(uow_factory, staff_no, pin, ctx.clock)
    if not approver.may(needed):
        raise CannotApprove(approver.name, what=needed.value)
    desk_log.approved(ctx, needed.value, approver)
    return approver
