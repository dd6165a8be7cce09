"""Do an action as the person logged in; when the rules want a manager, ask one for their staff
number and PIN (``ApprovalDialog``) and do it again with them as the approver. The rule itself
is the service's: this only asks when the service says PermissionDenied."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from pos.errors import DomainError, PermissionDenied
from pos.model.staff import Operator
from pos.services.auth import authenticate
from ui.approval_dialog import ApprovalDialog
from ui.common import error_text
from ui.tasks import TaskRunner
from ui.till_session import TillSession

Action = Callable[[Operator | None], None]


def with_approval(
    parent: QWidget,
    session: TillSession,
    tasks: TaskRunner,
    action: Action,
    failed: Callable[[str], None],
) -> ApprovalDialog | None:
    """Run ``action``; returns the approval dialog when one was opened. Refusals other than a
    missing permission (and a refused approval) go to ``failed`` as text."""
    try:
        action(None)
    except PermissionDenied as error:
        dialog = ApprovalDialog(
            error_text(error), lambda no, pin: authenticate(session.uow, no, pin), tasks, parent
        )
        dialog.approved.connect(lambda approver: _again(action, approver, failed))
        dialog.open()
        return dialog
    except DomainError as error:
        failed(error_text(error))
    return None


def _again(action: Action, approver: Operator, failed: Callable[[str], None]) -> None:
    try:
        action(approver)
    except DomainError as error:
        failed(error_text(error))
