"""The manager's approval grows with its message: a wrong PIN's reason wraps to two lines in
a dialog sized for one, and OK and Cancel must stay whole below it (no fixed size)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox

from pos.errors import WrongPin
from pos.model.staff import Operator
from ui.approval_dialog import ApprovalDialog
from ui.common import TOUCH_MIN_PX
from ui.tasks import ImmediatePool, TaskRunner


def wrong_pin(staff_no: str, pin: str) -> Operator:
    raise WrongPin(tries_left=4, minutes=1)


def test_a_wrong_pin_message_on_two_lines_leaves_ok_and_cancel_whole(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = ApprovalDialog("Returen trenger en leder.", wrong_pin, TaskRunner(ImmediatePool()))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    one_line = dialog.message.height()
    dialog.staff_no.setText("9100")
    dialog.pin.setText("1")
    dialog.submit()
    assert "4 forsøk igjen" in dialog.message.text()
    assert dialog.message.height() > one_line  # it wrapped
    assert dialog.message.height() >= dialog.message.heightForWidth(dialog.message.width())
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    assert buttons.height() >= TOUCH_MIN_PX
    assert buttons.geometry().bottom() < dialog.height()
