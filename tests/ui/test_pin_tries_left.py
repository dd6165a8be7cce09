"""The PIN dialogs say how many tries are left before the wait: the login and a manager's
approval, the same answer for a staff number nobody has."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ui.approval_dialog import ApprovalDialog

from .conftest import log_in, press, scan, type_slowly
from .test_sale_flow import COFFEE


def try_pin(window, staff_no: str, pin: str) -> str:  # type: ignore[no-untyped-def]
    window.login.staff_no.clear()
    type_slowly(window.login.staff_no, staff_no)
    press(window.login.staff_no, Qt.Key.Key_Return)
    type_slowly(window.login.pin, pin)
    press(window.login.pin, Qt.Key.Key_Return)
    return window.login.message.text()


def test_the_login_counts_down_the_tries_then_says_the_wait(window):
    said = [try_pin(window, "1001", "0000") for _ in range(5)]
    assert [s.split(". ", 1)[1] for s in said[:4]] == [
        f"{n} forsøk igjen før du må vente 1 min." for n in (4, 3, 2, 1)
    ]
    assert "sperret i 1 min" in said[4] and window.login.message.problem
    assert "4 forsøk igjen" in try_pin(window, "1234", "0000")  # nobody has 1234: same words
    assert window.session.operator is None


def test_a_managers_approval_says_the_tries_left_too(window):
    log_in(window)
    scan(window.sale.code, COFFEE)
    window.sale.with_approval(window.sale._void)  # noqa: SLF001 - a cashier's void
    dialog = window.sale.dialog
    assert isinstance(dialog, ApprovalDialog)
    type_slowly(dialog.staff_no, "9001")
    press(dialog.staff_no, Qt.Key.Key_Return)
    type_slowly(dialog.pin, "1111")
    press(dialog.pin, Qt.Key.Key_Return)
    assert "4 forsøk igjen" in dialog.message.text() and dialog.isVisible()
    assert len(window.session.basket.lines) == 1  # nothing voided
