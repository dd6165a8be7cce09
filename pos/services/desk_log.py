"""The support log's lines for the repair desk and the people at the counter: a job taken in,
moved on and its customer's message queued, a staff member added, a manager's approval. A
support person answers "who moved this job?", "did the SMS go in the queue?" and "which manager
approved that?" from them. Staff by number, jobs by ticket id, a message by its channel — never
the customer's name, phone or e-mail, nor a PIN. Lines for sales: ``support_log``; for the day:
``day_log``."""

from __future__ import annotations

import logging

from pos.model.staff import Operator, Role
from pos.services.context import TillContext
from pos.services.repair_common import StatusChanged

log = logging.getLogger("pos.services.desk")


def repair_taken_in(ctx: TillContext, ticket_id: str, tenant_code: str) -> None:
    log.info(
        "repair %s taken in at %s by staff %s for tenant %s",
        ticket_id, ctx.register_id, ctx.operator.staff_no, tenant_code,
    )  # fmt: skip


def repair_moved(ctx: TillContext, changed: StatusChanged) -> None:
    queued = changed.preview.message
    log.info(
        "repair %s: %s -> %s at %s by staff %s%s",
        changed.ticket_id, changed.from_status.value, changed.to_status.value,
        ctx.register_id, ctx.operator.staff_no,
        f", {queued.channel.value} message queued" if changed.notification_id and queued else "",
    )  # fmt: skip


def staff_added(ctx: TillContext, staff_no: str, role: Role) -> None:
    log.info(
        "staff %s added as %s at %s by staff %s",
        staff_no, role.value, ctx.register_id, ctx.operator.staff_no,
    )  # fmt: skip


def approved(ctx: TillContext, what: str, approver: Operator) -> None:
    log.info(
        "%s approved at %s for staff %s by staff %s",
        what, ctx.register_id, ctx.operator.staff_no, approver.staff_no,
    )  # fmt: skip
