"""The store is found damaged while the counter runs (the manager's backup refuses it): from
then on the till records nothing more in it, as the message says, and the sale screen says so
over every screen with the way to restore; a sale is refused with the same message."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import Qt

from pos.adapters.db import DB_FILE
from tests.reliability.damage import flip
from tests.ui.conftest import log_in, press
from tests.ui.test_print_again_screens import ring_up_coffee
from ui.payment_dialog import PaymentDialog


def receipts(counter) -> int:
    with sqlite3.connect(counter.data_dir / DB_FILE) as db:
        return int(db.execute("SELECT COUNT(*) FROM receipts").fetchone()[0])


def damage_live(counter) -> None:
    """64 bytes flipped in the middle of the store's file while it is open (a failing disk)."""
    path = counter.data_dir / DB_FILE
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size, pages = (int(db.execute(f"PRAGMA {p}").fetchone()[0])
                            for p in ("page_size", "page_count"))  # fmt: skip
    flip(path, (pages // 2) * page_size, 64)


def test_after_damage_is_found_the_till_records_nothing_and_says_so(window, counter, qtbot):
    window.page_context.data_dir = counter.data_dir
    log_in(window, "9001", "9999")
    assert window.damage_warning.isHidden()
    ring_up_coffee(window)  # rung up before the damage is found: its payment is refused
    damage_live(counter)
    box = window.show_page("devices").backups
    press(box.place, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "skadet" in box.message.text())
    assert not list((counter.data_dir / "backups").glob("*.zip"))

    press(window.stack.currentWidget(), Qt.Key.Key_Escape)  # back to the sale screen
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.sale)
    qtbot.waitUntil(lambda: window.damage_warning.isVisible())
    said = window.damage_warning.text()
    assert "er skadet" in said and "Ingenting mer blir lagret" in said and "Gjenopprett" in said

    before = receipts(counter)
    press(window.sale, Qt.Key.Key_F12)
    dialog = window.sale.dialog
    assert isinstance(dialog, PaymentDialog)
    press(dialog.amount, Qt.Key.Key_F2)
    press(dialog.amount, Qt.Key.Key_F12)
    qtbot.waitUntil(
        lambda: (
            "skadet"
            in window.refusals.text.text() + dialog.message.text() + window.sale.message.text()
        )
    )
    assert receipts(counter) == before


def test_a_scan_refused_on_a_damaged_store_changes_nothing_on_the_screen(window, counter, qtbot):
    """The line the store cannot keep is not rung up: the basket, its list, the tenants on the
    status strip and the payment all stay as they were (an empty basket)."""
    from pos.adapters.store_check import note_damage
    from tests.ui.conftest import type_slowly
    from tests.ui.test_print_again_screens import COFFEE

    log_in(window, "9001", "9999")
    damage_live(counter)
    note_damage(counter.data_dir, "database disk image is malformed")  # as a backup's check
    type_slowly(window.sale.code, COFFEE)
    press(window.sale.code, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "skadet" in window.refusals.text.text() + window.sale.message.text())
    assert window.session.basket.lines == []
    assert window.sale.model.rowCount() == 0
    assert window.status.tenants.text().endswith(": 0")
    press(window.sale, Qt.Key.Key_F12)
    assert not isinstance(window.sale.dialog, PaymentDialog)  # nothing to pay for
    assert receipts(counter) == 0
