"""The staff page: add a member, reset a PIN (never shown), unlock after lockout, change a
role, deactivate; each checked in the database and the journal."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from pos.errors import StaffLocked, WrongPin
from pos.model.staff import Role
from pos.services import auth, staff
from pos.services.auth import MAX_PIN_ATTEMPTS
from tests.ui.conftest import log_in, press


def open_page(window):
    log_in(window, "9001", "9999")
    window.wedge.enabled = False
    return window.show_page("staff")


def fill(field, text):
    field.setFocus()
    field.selectAll()
    QTest.keyClicks(field, text)


def ctrl(page, key):
    press(page.staff_no, key, Qt.KeyboardModifier.ControlModifier)


def test_a_manager_adds_staff_and_sets_a_pin_that_is_never_shown(window, counter):
    page = open_page(window)
    fill(page.staff_no, "1002")
    fill(page.name, "Ola Nordmann")
    page.role.setCurrentIndex(page.role.findData(Role.TECHNICIAN))
    fill(page.pin, "4321")
    assert page.pin.echoMode() == page.pin.EchoMode.Password
    ctrl(page, Qt.Key.Key_N)
    assert page.pin.text() == "", page.message.text()
    assert "1002" in page.message.text()
    assert auth.authenticate(counter.uow, "1002", "4321").role is Role.TECHNICIAN
    fill(page.pin, "86420")
    ctrl(page, Qt.Key.Key_P)
    assert auth.authenticate(counter.uow, "1002", "86420").name == "Ola Nordmann"
    with counter.uow.read() as uow:
        journal = json.dumps([r["details"] for r in uow.queries.journal_rows()])
    assert "86420" not in journal and "4321" not in journal
    assert "1002" in page.table.item(1, 0).text()


def test_a_locked_out_cashier_is_unlocked_role_changed_and_deactivated(window, counter):
    for _ in range(MAX_PIN_ATTEMPTS):
        with pytest.raises((WrongPin, StaffLocked)):
            auth.authenticate(counter.uow, "1001", "0000", window.session.clock)
    page = open_page(window)
    page.table.selectRow(0)
    assert page.staff_no.text() == "1001"
    assert "LOCKED" in page.table.item(0, 3).text()
    ctrl(page, Qt.Key.Key_U)
    assert auth.authenticate(counter.uow, "1001", "1234").name == "Kari Kasserer"
    page.role.setCurrentIndex(page.role.findData(Role.MANAGER))
    ctrl(page, Qt.Key.Key_R)
    assert {m.staff_no: m.role for m in staff.list_staff(counter.uow)}["1001"] is Role.MANAGER
    ctrl(page, Qt.Key.Key_D)
    assert not {m.staff_no: m.active for m in staff.list_staff(counter.uow)}["1001"]
    with pytest.raises(WrongPin):
        auth.authenticate(counter.uow, "1001", "1234")


def test_a_short_pin_is_refused_with_a_message(window, counter):
    page = open_page(window)
    page.table.selectRow(0)
    fill(page.pin, "12")
    ctrl(page, Qt.Key.Key_P)
    assert page.message.text() and page.pin.text() == ""
    auth.authenticate(counter.uow, "1001", "1234")


def test_the_page_opens_ready_to_type_and_tab_leaves_the_list(window):
    """Keyboard only: the staff number has the focus when the page opens; from the list,
    Tab goes on to the form (arrows choose a row) instead of walking its cells."""
    page = open_page(window)
    assert page.staff_no.hasFocus()
    page.table.setFocus()
    press(page.table, Qt.Key.Key_Tab)
    assert page.staff_no.hasFocus()
