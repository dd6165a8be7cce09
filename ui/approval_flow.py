"""The one way every screen asks for a manager: the service refused the action with
PermissionDenied, ``ApprovalDialog`` shows why and takes the approver's staff number and PIN,
``pos.services.approval.approve`` checks them and that the approver may grant it (a wrong PIN
counts as at login; a colleague who may not approve is told so and the dialog stays open), and
the action runs again with them as its approver. The rule is the service's: nothing here decides
who needs approval."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from pos.errors import DomainError, PermissionDenied
from pos.model.staff import Operator
from pos.services import approval
from ui.approval_dialog import ApprovalDialog
from ui.common import error_text
from ui.tasks import TaskRunner
from ui.till_session import TillSession

Action = Callable[[Operator | None], None]
Show = Callable[[ApprovalDialog], None]


def ask_approval(
    parent: QWidget,
    session: TillSession,
    tasks: TaskRunner,
    refused: PermissionDenied,
    then: Callable[[Operator], None],
    *,
    why: str = "",
    show: Show | None = None,
) -> ApprovalDialog:
    """Open the approval for what ``refused`` needs; ``then(approver)`` once approved.
    ``why`` replaces the refusal's own words; ``show`` opens the dialog (default: ``open``)."""
    needed = approval.needed_for(refused)
    ctx = session.context()
    dialog = ApprovalDialog(
        why or error_text(refused),
        lambda staff_no, pin: approval.approve(session.uow, ctx, needed, staff_no, pin),
        tasks,
        parent,
    )
    dialog.approved.connect(then)
    (show or ApprovalDialog.open)(dialog)
    return dialog


def with_approval(
    parent: QWidget,
    session: TillSession,
    tasks: TaskRunner,
    action: Action,
    failed: Callable[[str], None],
    *,
    show: Show | None = None,
) -> ApprovalDialog | None:
    """Run ``action`` now (it is quick); returns the approval dialog when one was opened.
    Refusals other than a missing permission go to ``failed`` as text."""
    try:
        action(None)
    except PermissionDenied as error:
        return ask_approval(
            parent, session, tasks, error, lambda approver: _again(action, approver, failed),
            show=show,
        )  # fmt: skip
    except DomainError as error:
        failed(error_text(error))
    return None


def _again(action: Action, approver: Operator, failed: Callable[[str], None]) -> None:
    try:
        action(approver)
    except DomainError as error:
        failed(error_text(error))
