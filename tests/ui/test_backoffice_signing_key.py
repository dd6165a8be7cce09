"""Rotating the signing key on the register and printers page: the confirmation explains what it
does; Yes makes key version 2 (journaled as a key change) and the next receipt is signed with it
without a restart; Cancel changes nothing."""

from __future__ import annotations

import json

import pytest
from PySide6.QtWidgets import QMessageBox

from pos.counter import Counter
from pos.model.basket import Basket
from pos.model.payment import Tender, TenderKind
from pos.services import checkout
from pos.services.context import TillContext
from pos.services.verification import verify_store
from tests.ui.conftest import log_in
from ui.backoffice.devices_page import DevicesPage
from ui.main_window import MainWindow
from ui.till_session import LazySigner, TillSession


@pytest.fixture
def session(counter: Counter, clock) -> TillSession:  # type: ignore[no-untyped-def]
    """As ``ui.app`` builds it: a lazily loaded signer that can be told to load again."""
    return TillSession(counter.uow, "K1", LazySigner(counter.signer), clock=clock)


@pytest.fixture
def page(window: MainWindow, counter: Counter) -> DevicesPage:
    window.page_context.extras["keys"] = counter.keys
    log_in(window, "9001", "9999")
    shown = window.show_page("devices")
    assert isinstance(shown, DevicesPage)
    return shown


def key_changes(counter: Counter) -> list[dict]:
    with counter.uow.read() as uow:
        rows = [r for r in uow.queries.journal_rows() if r["event_code"] == 13999]
    found = []
    for row in rows:
        details = row["details"]
        details = json.loads(details) if isinstance(details, str) else details
        if details.get("kind") == "key_change":
            found.append(details)
    return found


def button(box: QMessageBox, role: QMessageBox.ButtonRole):  # type: ignore[no-untyped-def]
    (found,) = [b for b in box.buttons() if box.buttonRole(b) is role]
    return found


def test_a_manager_rotates_the_key_and_the_next_receipt_uses_it(page, counter, shelf, cashier):
    assert "version 1" in page.key_version.text() or "versjon 1" in page.key_version.text()
    assert page.rotate_button.isEnabled()
    box = page.ask_rotate()
    assert box is not None and box.isVisible()
    explained = box.informativeText()
    assert "(version 2)" in explained or "(versjon 2)" in explained
    assert "export-public-key" in explained
    button(box, QMessageBox.ButtonRole.YesRole).click()
    assert not box.isVisible()
    shown = page.key_version.text()
    assert "version 2" in shown or "versjon 2" in shown, page.message.text()
    assert "2" in page.message.text() and "#b00020" not in page.message.styleSheet()
    (change,) = key_changes(counter)
    assert (change["old_key_version"], change["new_key_version"]) == ("1", "2")
    assert change["public_key_sha256"] in shown  # the fingerprint on the page is the journaled
    assert sorted(v for (_, v) in counter.keys.verifiers()) == ["1", "2"]
    till = TillContext("K1", cashier, page.session.signer, page.session.clock)
    basket = Basket()
    basket.add(shelf("KAFFE-MED"))
    checkout.complete_sale(counter.uow, till, basket, [Tender(TenderKind.CASH, 5000)])
    with counter.uow.read() as uow:
        (version,) = uow.store.rows("SELECT key_version FROM receipts", ())
    assert version["key_version"] == "2"  # no restart needed
    assert verify_store(counter.uow, counter.keys.verifiers()).ok


def test_answering_no_changes_nothing(page, counter):
    box = page.ask_rotate()
    assert box is not None
    button(box, QMessageBox.ButtonRole.NoRole).click()
    assert not box.isVisible()
    assert "version 1" in page.key_version.text() or "versjon 1" in page.key_version.text()
    assert key_changes(counter) == []
    assert [v for (_, v) in counter.keys.verifiers()] == ["1"]
    assert page.session.signer.key_version == "1"


def test_without_the_key_store_the_button_is_off(window):
    log_in(window, "9001", "9999")
    shown = window.show_page("devices")
    assert isinstance(shown, DevicesPage)
    assert not shown.rotate_button.isEnabled() and shown.ask_rotate() is None
