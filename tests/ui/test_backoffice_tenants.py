"""The tenants page: a manager edits a tenant, adds one (org.no checked), deactivates one."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from pos.services import tenants
from tests.ui.conftest import log_in, press, type_slowly


def open_page(window, counter):
    log_in(window, "9001", "9999")
    window.page_context.data_dir = counter.data_dir
    window.wedge.enabled = False  # typing into forms only; scans are tested elsewhere
    return window.show_page("tenants")


def select_all_and_type(field, text):
    field.setFocus()
    field.selectAll()
    QTest.keyClicks(field, text)


def test_a_manager_edits_a_tenant_and_its_terms(window, counter, tmp_path):
    page = open_page(window, counter)
    page.list.setCurrentRow(2)  # 12 Småfolk Gjenbruk
    assert page.code.text() == "12" and page.code.isReadOnly()
    select_all_and_type(page.name, "Småfolk Gjenbruk AS")
    page.vat.setFocus()
    QTest.keyClick(page.vat, Qt.Key.Key_Space)
    select_all_and_type(page.commission, "12,5")
    select_all_and_type(page.rent, "3 500")
    select_all_and_type(page.account, "1234.56.78903")
    select_all_and_type(page.footer, "Takk for handelen")
    logo = tmp_path / "smaafolk.png"
    logo.write_bytes(b"\x89PNG\r\n")
    select_all_and_type(page.logo, str(logo))
    press(page.name, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    details = tenants.tenant_details(counter.uow, "12")
    assert details.tenant.name == "Småfolk Gjenbruk AS" and details.tenant.vat_registered
    assert details.tenant.receipt_footer == "Takk for handelen"
    assert details.commission_bp == 1250 and details.monthly_rent == 350000
    assert details.bank_account == "12345678903"
    assert details.logo_path.endswith("logos/12.png")  # kept in the data directory


def test_a_bad_account_number_saves_nothing(window, counter):
    page = open_page(window, counter)
    page.list.setCurrentRow(1)
    select_all_and_type(page.name, "Nytt navn")
    select_all_and_type(page.account, "1234.56.78904")
    press(page.name, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert "kontonummer" in page.message.text()
    assert tenants.tenant_details(counter.uow, "11").tenant.name == "Bua Brukte Klær AS"


def test_a_new_tenant_is_added_and_a_tenant_deactivated(window, counter):
    page = open_page(window, counter)
    press(page.list, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    select_all_and_type(page.code, "16")
    page.org_no.setFocus()
    select_all_and_type(page.org_no, "921100778")  # wrong check digit
    page.name.setFocus()
    select_all_and_type(page.name, "Bok og Bytte")
    press(page.name, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert "16" not in {t.code for t in tenants.list_tenants(counter.uow)}
    assert page.message.text()
    select_all_and_type(page.org_no, "921100779")
    press(page.name, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert "16" in {t.code for t in tenants.list_tenants(counter.uow)}, page.message.text()
    press(page.list, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    listed = {t.code: t for t in tenants.list_tenants(counter.uow)}
    assert not listed["16"].active
    assert "16" in page.list.currentItem().text()


def test_ctrl_a_selects_a_terms_field_so_typing_replaces_it(window, counter):
    log_in(window, "9001", "9999")  # the scanner filter stays on, as at the counter
    page = window.show_page("tenants")
    page.list.setCurrentRow(1)  # 11 Bua Brukte Klær AS
    typing = [(page.commission, "20"), (page.rent, "1500"), (page.account, "1234.56.78903"),
              (page.group_rates, "KLAER 10")]  # fmt: skip
    for field, typed in typing:
        field.setFocus()
        press(field, Qt.Key.Key_End)
        press(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        type_slowly(field, typed)
        window.wedge.flush()
        assert field.text() == typed
    press(page.name, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    details = tenants.tenant_details(counter.uow, "11")
    assert details.commission_bp == 2000 and details.monthly_rent == 150000
