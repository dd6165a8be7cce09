"""The support log's lines for the repair desk and the people at the counter: a job taken in,
moved on and its customer's message queued, a staff member added, a manager's approval, a
failed print job retried or dismissed, a receipt printed again (its original, or its one copy,
KOPI). A support person answers "who moved this job?", "did the SMS go in the queue?", "which
manager approved that?" and "who printed that copy?" from them. Staff by number, jobs by ticket
id, a message by its channel — never the customer's name, phone or e-mail, nor a PIN. Lines for
sales: ``support_log``; for the day: ``day_log``."""

from __future__ import annotations

import logging
from collections.abc import Sequence

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


def print_job_retried(ctx: TillContext, title: str, originals: Sequence[str],
                      copies: Sequence[str]) -> None:  # fmt: skip
    """A failed job queued again: what it prints now (a receipt's original or its one copy)."""
    what = [f"original {n}" for n in originals] + [f"copy (KOPI) {n}" for n in copies]
    log.info(
        "print job %r retried at %s by staff %s%s",
        title, ctx.register_id, ctx.operator.staff_no, f": {', '.join(what)}" if what else "",
    )  # fmt: skip


def print_job_dismissed(ctx: TillContext, title: str, error: str) -> None:
    """A failed job that held no receipt, dropped on purpose: it is never printed."""
    log.info(
        "print job %r dismissed at %s by staff %s (it had failed: %s)",
        title, ctx.register_id, ctx.operator.staff_no, error or "?",
    )  # fmt: skip


def receipt_printed_again(ctx: TillContext, number: str, *, copy: bool) -> None:
    """A receipt sent to the printer again from the look-up or the command line."""
    log.info(
        "receipt %s queued again as its %s at %s by staff %s",
        number, "copy (KOPI)" if copy else "original", ctx.register_id, ctx.operator.staff_no,
    )  # fmt: skip
