"""The manager's day end from the counter: menu by role, X and Z reports printed and saved as
PDF, the till closed with a blind count."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from pos.model.basket import Basket
from pos.model.payment import Tender, TenderKind
from pos.services import checkout
from printers.printing import Printing
from tests.printers.escpos_decoder import decode
from tests.ui.conftest import log_in, type_slowly
from ui.day_end.day_end_page import DayEndPage
from ui.pages import SYNC_NOW, PageContext


@pytest.fixture
def sold(counter, ctx, shelf):
    basket = Basket()
    basket.add(shelf("KAFFE-MED"), 2)
    basket.add(shelf.one_off("11", 1))
    return checkout.complete_sale(counter.uow, ctx, basket, [Tender(TenderKind.CASH, 80000)])


def test_only_managers_get_the_day_end_page(window):
    log_in(window)  # a cashier
    day_end = next(s for s in window.page_specs if s.key == "day_end")
    assert not day_end.allowed(window.session.operator)
    with pytest.raises(PermissionError):
        window.show_page("day_end")
    window.log_out()
    log_in(window, "9001", "9999")
    page = window.show_page("day_end")
    assert isinstance(page, DayEndPage) and window.stack.currentWidget() is page
    page.close_requested.emit()
    assert window.stack.currentWidget() is window.sale


def test_z_reports_are_printed_and_saved(window, counter, sold, tmp_path, monkeypatch):
    log_in(window, "9001", "9999")
    printing = Printing(counter.uow, "K1", override_url=f"file://{tmp_path / 'out.bin'}")
    pushes: list[int] = []
    window.page_context = PageContext(window.session, window.tasks, printing, tmp_path,
                                      {SYNC_NOW: lambda: pushes.append(1)})  # fmt: skip
    page = window.show_page("day_end")
    page.x_report()
    assert "X-rapport" in page.text.toPlainText()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.z_reports()
    names = [r.company_name for r in page.last_reports]
    assert names == ["Omigjen Ombruk AS", "Bua Brukte Klær AS", "Kafé Kvisten SA"]  # centre: drawer
    assert all(Path(p).is_file() and Path(p).stat().st_size > 1000 for p in page.last_pdfs)
    with counter.uow.read() as uow:
        jobs = uow.printing.jobs("K1", (), 10)
        printed = b"".join(uow.printing.payload(j.id) for j in jobs)
    text = decode(printed).text
    assert "Z-rapport" in text and "Kafé Kvisten SA" in text
    page.z_reports()  # the same day again
    assert "allerede tatt" in page.message.text()  # one Z per tenant, register and day
    page.z_copies()  # copies ask the server for nothing
    assert pushes == [1]  # the day's Zs went to the server at once, not at tomorrow's start
    page.day_end_pdf()
    assert "dagsoppgjor" in page.message.text()


def test_a_skipped_day_is_listed_and_its_z_taken_for_its_own_day(
    window, counter, sold, ctx, shelf, clock, tmp_path, monkeypatch
):
    clock.advance(days=1)
    basket = Basket()
    basket.add(shelf("KAFFE-MED"))
    checkout.complete_sale(counter.uow, ctx, basket, [Tender(TenderKind.CARD, 3200)])
    clock.advance(hours=8)
    log_in(window, "9001", "9999")
    window.page_context = PageContext(window.session, window.tasks, None, tmp_path)
    page = window.show_page("day_end")
    listed = [page.open_days.item(i).text() for i in range(page.open_days.count())]
    assert listed[0].startswith("2026-03-02  (missing)") and "Kafé Kvisten SA" in listed[0]
    assert listed[1].startswith("2026-03-03  (today, still open)")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.z_reports()
    assert {r.business_date for r in page.last_reports} == {"2026-03-02"}
    assert page.open_days.count() == 1 and page.chosen_day() == "2026-03-03"
    page.z_reports()
    assert {r.business_date for r in page.last_reports} == {"2026-03-03"}
    assert page.open_days.count() == 0


def test_after_the_close_the_page_shows_each_tenants_cash_and_the_terminal_check(
    window, counter, ctx, sold, qtbot
):
    from PySide6.QtCore import QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QDialogButtonBox

    from pos.services import repair_money
    from tests.integration.repair_helpers import take_in
    from ui.till_close_dialog import TillCloseDialog

    job = take_in(counter, ctx)
    repair_money.pay_deposit(counter.uow, ctx, job, [Tender(TenderKind.CARD, 20000, "T3")])
    log_in(window, "9001", "9999")
    page = window.show_page("day_end")
    seen: list[TillCloseDialog] = []

    def count_and_close() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, TillCloseDialog)
        seen.append(dialog)
        for value, pieces in ((100000, 2), (10000, 1), (5000, 1), (2000, 2), (500, 1), (100, 3)):
            dialog.spin_boxes[value].setValue(pieces)  # 2 198 kr: 15 kr short of 1 500 + 713
        type_slowly(dialog.card_edit, "210")
        dialog.note_edit.setPlainText("15 kr mangler")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    QTimer.singleShot(0, count_and_close)
    QTest.keyClick(page, Qt.Key.Key_F4)
    assert seen and not seen[0].isVisible()
    table = page.close_table
    assert table.isVisible()
    rows = [[table.cell(r, c) for c in range(4)] for r in range(table.rowCount())]
    # one drawer is counted: a tenant's row has no "counted" of its own (the owner's would be
    # negative when its variance passes its expected cash), only the variance it bears
    assert rows[0] == ["Omigjen Ombruk AS", "1\u00a0500,00", "–", "-15,00"]
    assert rows[1] == ["Bua Brukte Klær AS", "649,00", "–", "0,00"]
    assert rows[2] == ["Kafé Kvisten SA", "64,00", "–", "0,00"]
    assert rows[3] == ["The drawer in all", "2\u00a0213,00", "2\u00a0198,00", "-15,00"]
    terminal = ["Card terminal (repair deposits 200,00 included)", "200,00", "210,00", "10,00"]
    assert rows[4] == terminal
    assert rows[5] == ["Vipps", "0,00", "–", "–"]
    assert "variance -15,00" in page.message.text()


def test_after_a_shift_change_the_close_matches_the_terminal_against_the_whole_day(
    window, counter, ctx, sold, qtbot
):
    """A deposit taken by card before the hand-over is in the terminal's batch at the close."""
    from PySide6.QtCore import QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QDialogButtonBox

    from pos.model.till_close import BlindCount
    from pos.services import repair_money, till_day
    from tests.integration.repair_helpers import take_in
    from ui.till_close_dialog import TillCloseDialog

    job = take_in(counter, ctx)
    repair_money.pay_deposit(counter.uow, ctx, job, [Tender(TenderKind.CARD, 20000, "T3")])
    till_day.hand_over(counter.uow, ctx, BlindCount({100000: 2, 20000: 1}), note="13 kr")
    log_in(window, "9001", "9999")
    page = window.show_page("day_end")

    def count_and_close() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, TillCloseDialog)
        for value, pieces in ((100000, 2), (20000, 1)):
            dialog.spin_boxes[value].setValue(pieces)  # the 2 200 kr handed over
        type_slowly(dialog.card_edit, "200")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    QTimer.singleShot(0, count_and_close)
    QTest.keyClick(page, Qt.Key.Key_F4)
    table = page.close_table
    rows = [[table.cell(r, c) for c in range(4)] for r in range(table.rowCount())]
    terminal = ["Card terminal (repair deposits 200,00 included)", "200,00", "200,00", "0,00"]
    assert terminal in rows, rows


def test_any_taken_z_prints_again_as_a_copy_marked_kopi(
    window, counter, sold, tmp_path, monkeypatch
):
    log_in(window, "9001", "9999")
    printing = Printing(counter.uow, "K1", override_url=f"file://{tmp_path / 'out.bin'}")
    window.page_context = PageContext(window.session, window.tasks, printing, tmp_path)
    page = window.show_page("day_end")
    page.z_copies()
    assert "Ingen Z-rapport" in page.message.text() or "No Z report" in page.message.text()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.z_reports()
    assert page.taken_days.count() == 1 and page.open_days.count() == 0
    assert page.taken_days.item(0).text().startswith("2026-03-02: Omigjen Ombruk AS nr. 1")
    press_f6 = page.buttons["copy"]
    press_f6.click()
    assert [r.company_name for r in page.last_reports] == [
        "Omigjen Ombruk AS", "Bua Brukte Klær AS", "Kafé Kvisten SA"]  # fmt: skip
    assert all(Path(p).name.endswith("-KOPI.pdf") for p in page.last_pdfs)
    assert "KOPI" in page.text.toPlainText()
    with counter.uow.read() as uow:
        jobs = uow.printing.jobs("K1", (), 10)
        printed = decode(b"".join(uow.printing.payload(j.id) for j in jobs)).text
    assert printed.count("KOPI") >= 3
    page.refresh_open_days()
    assert page.open_days.count() == 0  # printing a copy is no use that needs a Z


def test_each_shift_changes_count_is_on_the_day_end_page_and_pdf_adding_up_to_the_day(
    window, counter, ctx, sold, tmp_path, monkeypatch
):
    import subprocess

    from PySide6.QtCore import QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QDialogButtonBox

    from pos.model.till_close import BlindCount
    from pos.services import till_day
    from pos.services.day_end import day_end_doc
    from ui.till_close_dialog import TillCloseDialog

    handed = till_day.hand_over(counter.uow, ctx, BlindCount({100000: 2, 20000: 1}))
    assert handed.variance == -1300  # 2 200 kr counted of 2 213 kr: Kari hands over 13 kr short
    log_in(window, "9001", "9999")
    window.page_context = PageContext(window.session, window.tasks, None, tmp_path)
    page = window.show_page("day_end")
    counts = page.day_counts
    assert counts.isVisible() and counts.rowCount() == 2  # before the close: the hand-over
    assert counts.cell(0, 0).startswith("Shift change ") and "Kari Kasserer" in counts.cell(0, 0)

    def count_and_close() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, TillCloseDialog)
        for value, pieces in ((100000, 2), (20000, 1), (500, 1)):
            dialog.spin_boxes[value].setValue(pieces)  # 2 205 kr: 5 kr over the 2 200 handed
        dialog.note_edit.setPlainText("5 kr for mye")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    QTimer.singleShot(0, count_and_close)
    QTest.keyClick(page, Qt.Key.Key_F4)
    rows = [[counts.cell(r, c) for c in range(4)] for r in range(counts.rowCount())]
    assert rows[0][1:] == ["2\u00a0213,00", "2\u00a0200,00", "-13,00"]
    assert rows[1][0].startswith("Close ") and "Mona Leder" in rows[1][0]
    assert rows[1][1:] == ["2\u00a0200,00", "2\u00a0205,00", "5,00"]
    assert rows[2] == ["The day's variance", "", "", "-8,00"]
    assert "variance 5,00" in page.message.text() and "-8,00" in page.message.text()
    doc = day_end_doc(counter.uow, "K1", handed.local_date, [])
    assert doc.variance == -800  # the page's total is the day-end document's, to the øre
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.z_reports()
    page.day_end_pdf()
    pdf_path = tmp_path / "reports" / f"dagsoppgjor-K1-{handed.local_date}.pdf"
    pdf = subprocess.run(["pdftotext", "-layout", str(pdf_path), "-"],
                         capture_output=True, text=True, check=True).stdout  # fmt: skip
    assert "Vaktbytte kl." in pdf and "(Kari Kasserer)" in pdf
    assert "Kassedifferanse i alt" in pdf and "-8,00" in pdf
