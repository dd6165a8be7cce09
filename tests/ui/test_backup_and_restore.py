"""Backups and restore on the screens: the manager names a second place on the register page and
backs up; at start a damaged store is refused in the user's language, the newest good backup is
offered and restored once a manager approves, the readable sales come back and the till starts."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from cli.bootstrap import Settings, open_app
from pos.adapters.db import DB_FILE
from pos.counter import open_counter
from pos.model.basket import Basket
from pos.model.payment import Tender, TenderKind
from pos.services import checkout
from pos.services.catalogue import find_item
from pos.services.verification import verify_store
from tests.reliability.damage import damage_zip_member, flip_bytes_in_table
from tests.ui.conftest import log_in, press
from ui.approval_dialog import ApprovalDialog
from ui.qt_start import restore_offer
from ui.restore_dialog import RestoreDialog


def sell(counter, ctx):
    basket = Basket()
    basket.add(find_item(counter.uow, "KAFFE-MED"))
    return checkout.complete_sale(counter.uow, ctx, basket, [Tender(TenderKind.CARD, 3200)])


def test_the_manager_names_a_second_place_and_backs_up_now(window, counter, tmp_path, qtbot):
    window.page_context.data_dir = counter.data_dir
    usb = tmp_path / "usb"
    usb.mkdir()
    log_in(window, "9001", "9999")
    page = window.show_page("devices")
    box = page.backups
    box.place.setText(str(usb))
    qtbot.mouseClick(box.save_button, Qt.MouseButton.LeftButton)
    assert str(usb) in box.message.text()
    press(box.place, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: box.now_button.isEnabled() and str(usb) in box.message.text())
    copies = list(usb.glob("omigjen-*-manual.zip"))
    assert len(copies) == 1 and (counter.data_dir / "backups" / copies[0].name).exists()


def test_a_second_place_that_is_not_there_is_refused_and_the_old_one_kept(
    window, counter, tmp_path, qtbot
):
    usb = tmp_path / "usb"
    usb.mkdir()
    log_in(window, "9001", "9999")
    box = window.show_page("devices").backups
    box.place.setText(str(usb))
    qtbot.mouseClick(box.save_button, Qt.MouseButton.LeftButton)
    box.place.setText(str(tmp_path / "unplugged" / "omigjen"))
    qtbot.mouseClick(box.save_button, Qt.MouseButton.LeftButton)
    assert "finnes ikke" in box.message.text() and "unplugged" in box.message.text()
    box.load()
    assert box.place.text() == str(usb)
    assert not (tmp_path / "unplugged").exists()


def damaged_after_backup(counter, ctx):
    """A sale, a backup, two sales, then the receipts' pages damaged on disk."""
    sell(counter, ctx)
    counter.backup("manual")
    later = [sell(counter, ctx), sell(counter, ctx)]
    counter.close()
    flip_bytes_in_table(counter.data_dir / DB_FILE, "receipts")
    return later


def test_the_restore_dialog_says_what_it_replaces_and_needs_a_manager(counter, ctx, qtbot):
    from pos.errors import StoreDamaged
    from ui.tasks import ImmediatePool, TaskRunner

    damaged_after_backup(counter, ctx)
    problem = StoreDamaged(str(counter.data_dir), reason="x", backup="y").message("nb")
    dialog = RestoreDialog(counter.data_dir, problem, TaskRunner(ImmediatePool()))
    qtbot.addWidget(dialog)
    dialog.show()
    assert "skadet" in dialog.problem.text()
    assert " 2 " in dialog.preview.text()  # two signed receipts after the backup
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    approval = dialog.approval
    assert approval is not None
    approval.staff_no.setText("1001")  # a cashier may not restore
    approval.pin.setText("1234")
    approval.submit()
    assert approval.isVisible() and approval.message.text()
    assert not list(counter.data_dir.glob(f"{DB_FILE}.replaced-*"))
    approval.staff_no.setText("9001")
    approval.pin.setText("9999")
    approval.submit()
    assert dialog.start_button.isVisible()
    assert "2" in dialog.outcome.text()
    dialog.accept()
    with open_counter(counter.data_dir) as restored:
        assert verify_store(restored.uow, restored.keys.verifiers()).ok


def test_a_newest_backup_damaged_on_disk_is_passed_over_in_the_window(counter, ctx, qtbot):
    from ui.tasks import ImmediatePool, TaskRunner

    sell(counter, ctx)
    older = counter.backup("manual").path
    sell(counter, ctx)
    newer = counter.backup("manual").path
    counter.close()
    damage_zip_member(newer)  # a bad CRC in the newest: it must not stop the recovery
    flip_bytes_in_table(counter.data_dir / DB_FILE, "receipts")
    dialog = RestoreDialog(counter.data_dir, "skadet", TaskRunner(ImmediatePool()))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.restore_button.isEnabled()
    assert older.name in dialog.preview.text() and newer.name in dialog.preview.text()
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    approval = dialog.approval
    assert approval is not None
    approval.staff_no.setText("9001")
    approval.pin.setText("9999")
    approval.submit()
    assert dialog.start_button.isVisible()
    dialog.accept()
    with open_counter(counter.data_dir) as restored:
        assert verify_store(restored.uow, restored.keys.verifiers()).ok


def test_the_restore_dialog_names_the_cash_moved_and_the_copy_it_brings_back(
    counter, ctx, boss, qtbot, in_bokmal
):
    from pos.services import copies, till
    from ui.tasks import ImmediatePool, TaskRunner

    sold = sell(counter, ctx)
    counter.backup("manual")
    till.move_cash(counter.uow, boss, 20000, "Mynt")
    copies.make_copy(counter.uow, boss, sold.receipts[0].number)
    counter.close()
    flip_bytes_in_table(counter.data_dir / DB_FILE, "items")
    dialog = RestoreDialog(counter.data_dir, "skadet", TaskRunner(ImmediatePool()))
    qtbot.addWidget(dialog)
    dialog.show()
    assert "Også 2 andre registreringer" in dialog.preview.text()
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    approval = dialog.approval
    assert approval is not None
    approval.staff_no.setText("9001")
    approval.pin.setText("9999")
    approval.submit()
    said = dialog.outcome.text()
    assert "Også hentet tilbake" in said and "Inn i kassen 200,00 kr (Mynt)" in said
    assert f"Kopi (KOPI) av {sold.receipts[0].number}" in said
    dialog.accept()


def test_the_restore_dialog_names_the_receipts_it_cannot_read(counter, ctx, qtbot, in_bokmal):
    from tests.reliability.damage import damage_schema_page
    from ui.tasks import ImmediatePool, TaskRunner

    sell(counter, ctx)
    counter.backup("manual")
    lost = [sell(counter, ctx).receipts[0].number for _ in range(3)]
    counter.close()
    damage_schema_page(counter.data_dir / DB_FILE)  # no receipt of the store can be read
    dialog = RestoreDialog(counter.data_dir, "skadet", TaskRunner(ImmediatePool()))
    qtbot.addWidget(dialog)
    dialog.show()
    assert "Alt kassen registrerte etter" in dialog.preview.text()  # before: not only receipts
    assert "kontanter inn og ut, skuffeåpninger uten salg" in dialog.preview.text()
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    approval = dialog.approval
    assert approval is not None
    approval.staff_no.setText("9001")
    approval.pin.setText("9999")
    approval.submit()
    assert f"Kan ikke leses: {lost[0]}–{lost[-1]}" in dialog.outcome.text()
    assert "kunne ikke leses og kan være tapt" in dialog.outcome.text()
    dialog.accept()


@pytest.fixture
def in_bokmal():
    """The translations the start installs (``ui.app.start_qt``), removed again afterwards."""
    from PySide6.QtCore import QTranslator

    from ui.i18n import install_translator

    app = QApplication.instance()
    before = set(app.findChildren(QTranslator))
    install_translator(app, "nb")
    yield
    for translator in set(app.findChildren(QTranslator)) - before:
        app.removeTranslator(translator)
        translator.setParent(None)


def test_a_damaged_store_at_start_is_restored_after_a_managers_approval(
    counter, ctx, qtbot, in_bokmal
):
    """The real start path: open_counter refuses, the dialog is modal, a person drives it."""
    damaged_after_backup(counter, ctx)
    seen: list[str] = []

    def drive() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, ApprovalDialog):
            QTest.keyClicks(dialog.staff_no, "9001")
            QTest.keyClicks(dialog.pin, "9999")
            dialog.submit()
        elif isinstance(dialog, RestoreDialog):
            if not seen:
                seen.append(dialog.problem.text())
                dialog.restore_button.click()
            elif dialog.start_button.isVisible():
                seen.append(dialog.outcome.text())
                dialog.start_button.click()
                return
        QTimer.singleShot(50, drive)

    QTimer.singleShot(50, drive)
    app = open_app(Settings(counter.data_dir), restore_offer("nb", counter.data_dir))
    assert app is not None
    with app.counter as opened:
        assert "skadet" in seen[0]
        assert "Gjenopprettet" in seen[1]  # in bokmål, the user's language
        with opened.uow.read() as uow:
            kinds = [r["details"] for r in uow.store.rows(
                "SELECT details FROM journal WHERE event_code = 13999 "
                "AND json_extract(details, '$.kind') = 'restore'")]  # fmt: skip
        assert len(kinds) == 1


def test_the_restore_dialog_says_per_receipt_why_one_cannot_come_back(
    counter, ctx, qtbot, in_bokmal
):
    from pos.errors import StoreDamaged
    from ui.tasks import ImmediatePool, TaskRunner

    sell(counter, ctx)
    counter.backup("manual")
    lost = sell(counter, ctx)
    counter.close()
    flip_bytes_in_table(counter.data_dir / DB_FILE, "sale_lines")  # its lines cannot be read
    problem = StoreDamaged(str(counter.data_dir), reason="x", backup="y").message("nb")
    dialog = RestoreDialog(counter.data_dir, problem, TaskRunner(ImmediatePool()))
    qtbot.addWidget(dialog)
    number = lost.receipts[0].number
    said = f"Hentes ikke tilbake: {number}: Salget kan ikke leses i databasen som ble erstattet."
    assert said in dialog.preview.text()
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    dialog.approval.staff_no.setText("9001")
    dialog.approval.pin.setText("9999")
    dialog.approval.submit()
    assert said in dialog.outcome.text()  # what was said is what was done
    dialog.accept()


def test_the_restore_dialog_says_where_a_left_behind_deposit_is_kept_and_that_it_is_queued(
    counter, ctx, qtbot, in_bokmal
):
    from pos.errors import StoreDamaged
    from pos.services import repair_money
    from tests.integration.repair_helpers import take_in
    from ui.tasks import ImmediatePool, TaskRunner

    counter.backup("manual")
    job = take_in(counter, ctx)
    paid = repair_money.pay_deposit(counter.uow, ctx, job, [Tender(TenderKind.CARD, 20000, "T3")])
    counter.close()
    problem = StoreDamaged(str(counter.data_dir), reason="x", backup="y").message("nb")
    dialog = RestoreDialog(counter.data_dir, problem, TaskRunner(ImmediatePool()))
    qtbot.addWidget(dialog)
    number = paid.receipt.number
    assert f"Hentes ikke tilbake: {number}: En kvittering for reparasjon (depositum)" in (
        dialog.preview.text()
    )
    assert "legges i kø til serveren" in dialog.preview.text()
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    dialog.approval.staff_no.setText("9001")
    dialog.approval.pin.setText("9999")
    dialog.approval.submit()
    said = dialog.outcome.text()
    folder = next((counter.data_dir / "salvage").iterdir())
    assert f"1 signert kvittering ble ikke hentet tilbake. Listen med grunnene: {folder}" in said
    assert str(folder / "left-behind.jsonl") in said and (folder / "left-behind.jsonl").is_file()
    assert "Lagt i kø til serveren: 1." in said
    dialog.accept()
