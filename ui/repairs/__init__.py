"""The repair counter's screens: intake, the ticket board with each ticket's detail
and status change, pending customer messages, and for the manager open deposits and the message
rules. Pickup at the till is on the sale screen (scan the job tag)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication

from pos.clock import OSLO
from pos.model.staff import Permission
from ui.pages import PageContext, PageSpec


def desk_of(ctx: PageContext):
    """One RepairDesk per page context, shared by the repair pages."""
    from ui.repairs.desk import RepairDesk

    desk = ctx.extras.get("repair_desk")
    if not isinstance(desk, RepairDesk):
        desk = RepairDesk(ctx.session, ctx.printing, ctx.data_dir)
        ctx.extras["repair_desk"] = desk
    return desk


def _intake(ctx: PageContext):
    from ui.repairs.intake_page import IntakePage

    return IntakePage(desk_of(ctx), ctx.tasks)


def _board(ctx: PageContext):
    from ui.repairs.board_page import BoardPage

    def today() -> date:
        return ctx.session.clock.now().astimezone(OSLO).date()

    return BoardPage(desk_of(ctx), ctx.tasks, today)


def _notifications(ctx: PageContext):
    from ui.repairs.notifications_page import NotificationsPage

    return NotificationsPage(desk_of(ctx))


def _deposits(ctx: PageContext):
    from ui.repairs.deposits_page import DepositsPage

    return DepositsPage(desk_of(ctx))


def _rules(ctx: PageContext):
    from ui.repairs.rules_page import RulesPage

    return RulesPage(desk_of(ctx))


def pages() -> list[PageSpec]:
    return [
        PageSpec(
            "repairs.intake",
            lambda: QCoreApplication.translate("RepairPages", "Repair intake"),
            _intake,
        ),
        PageSpec(
            "repairs.board",
            lambda: QCoreApplication.translate("RepairPages", "Repair board"),
            _board,
        ),
        PageSpec(
            "repairs.notifications",
            lambda: QCoreApplication.translate("RepairPages", "Customer messages"),
            _notifications,
        ),
        PageSpec(
            "repairs.deposits",
            lambda: QCoreApplication.translate("RepairPages", "Open deposits"),
            _deposits,
            Permission.MANAGE,
        ),
        PageSpec(
            "repairs.rules",
            lambda: QCoreApplication.translate("RepairPages", "Message rules"),
            _rules,
            Permission.MANAGE,
        ),
    ]
