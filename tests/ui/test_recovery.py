"""No one locks out the last manager, on screen: the staff page makes a recovery code (shown
once, printed), shows how long a wrong-PIN lock lasts; the login screen's "Forgot manager PIN?"
takes the code, gives the locked-out manager a new PIN and shows the next code once."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from pos.errors import StaffLocked, WrongPin
from pos.services import auth, recovery
from printers.printing import Printing
from tests.printers.escpos_decoder import decode
from tests.ui.conftest import log_in, press
from ui.pages import PageContext


def wrong_pins(counter, staff_no: str, clock) -> None:
    for _ in range(auth.MAX_PIN_ATTEMPTS):
        with pytest.raises((WrongPin, StaffLocked)):
            auth.authenticate(counter.uow, staff_no, "0000", clock)


@pytest.fixture
def answered_yes(monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: shown.append(text))
    return shown


def test_the_staff_page_makes_a_code_shown_once_and_printed(window, counter, tmp_path,
                                                            answered_yes):  # fmt: skip
    log_in(window, "9001", "9999")
    printing = Printing(counter.uow, "K1", override_url=f"file://{tmp_path / 'out.bin'}")
    window.page_context = PageContext(window.session, window.tasks, printing, tmp_path)
    window.wedge.enabled = False
    page = window.show_page("staff")
    press(page.staff_no, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    code = page.shown_code
    assert code and code in answered_yes[0]
    with counter.uow.read() as uow:
        jobs = uow.printing.jobs("K1", (), 5)
        slip = decode(b"".join(uow.printing.payload(j.id) for j in jobs)).text
        stored = uow.store.get_meta(recovery.CODE_META)
        journal = json.dumps([r["details"] for r in uow.queries.journal_rows()])
    assert "Gjenopprettingskode" in slip and code in slip
    assert code not in stored and code not in journal and "recovery_code_set" in journal


def test_a_lock_shows_when_it_ends(window, counter, clock):
    wrong_pins(counter, "1001", clock)
    log_in(window, "9001", "9999")
    page = window.show_page("staff")
    state = page.table.item(0, 3).text()
    assert "1001" in page.table.item(0, 0).text() and ":" in state, state


def test_forgot_manager_pin_from_the_login_screen(window, counter, clock):
    boss = auth.authenticate(counter.uow, "9001", "9999")
    from pos.services.context import TillContext

    code = recovery.new_recovery_code(counter.uow, TillContext("K1", boss, counter.signer(), clock))
    wrong_pins(counter, "9001", clock)  # the only manager is locked out
    window.wedge.enabled = False  # typed fast below: not a scan
    QTest.mouseClick(window.login.forgot, Qt.MouseButton.LeftButton)
    dialog = window.recovery_dialog
    assert dialog is not None and dialog.isVisible()
    QTest.keyClicks(dialog.code, code.lower())
    QTest.keyClicks(dialog.staff_no, "9001")
    QTest.keyClicks(dialog.pin, "24680")
    QTest.keyClicks(dialog.repeat, "24689")  # a slip of the finger
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert "differ" in dialog.message.text() or "ulike" in dialog.message.text()
    QTest.keyClicks(dialog.pin, "24680")
    QTest.keyClicks(dialog.repeat, "24680")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    new_code = dialog.new_code.text()
    assert dialog.new_code.isVisible() and new_code and new_code != code
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert not dialog.isVisible()
    log_in(window, "9001", "24680")
    assert window.session.operator is not None and window.session.operator.staff_no == "9001"


def test_managers_are_reminded_at_login_until_a_recovery_code_exists(window, counter, boss):
    log_in(window, "1001", "1234")
    assert "recovery code" not in window.sale.message.text().lower()  # a cashier cannot make one
    window.log_out()
    log_in(window, "9001", "9999")
    reminder = window.sale.message.text()
    assert "recovery code" in reminder.lower() and "Ctrl+K" in reminder
    window.log_out()
    recovery.new_recovery_code(counter.uow, boss)
    log_in(window, "9001", "9999")
    assert "recovery code" not in window.sale.message.text().lower()
