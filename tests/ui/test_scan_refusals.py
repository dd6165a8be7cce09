"""A refused scan can't be missed: a sound at the register's volume and a banner over the basket
that outlives the next scans, until the cashier says "seen" (Esc) or the sale is done; a
successful scan lights up its line. Bad input (a wrong check digit, a garbage burst, a scan
while a question is open, another keyboard layout) is refused and records nothing; a code
typed slowly goes where it was typed. The support log says what each scan did."""

from __future__ import annotations

import logging
import time
import wave

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QColor, QKeyEvent, QPalette
from PySide6.QtWidgets import QApplication

from pos.identifiers import gtin_check_digit, make_in_store_ean13
from pos.model.payment import Tender, TenderKind
from pos.services import devices
from ui.backoffice.scanner_page import ScannerPage
from ui.basket_model import FLASH_COLOUR
from ui.basket_view import SELECTED_LINE
from ui.main_window import MainWindow
from ui.price_dialog import PriceDialog
from ui.scanner.sound import REFUSED_WAV, RefusalSound

from .conftest import log_in, press, scan, type_slowly
from .test_sale_flow import COAT, COFFEE, TUBE


@pytest.fixture
def heard(window: MainWindow) -> list[int]:
    """The volumes of the refusal sounds played (0: silenced)."""
    sounds: list[int] = []
    window.sound.sounded.connect(sounds.append)
    return sounds


def sell_coat(window: MainWindow) -> None:
    scan(window.sale.code, COAT)
    window.session.pay([Tender(TenderKind.CASH, 70000)])
    window.sale.model.reset()


def test_a_sold_coat_among_fast_scans_stays_on_the_banner_until_seen(window, heard):
    log_in(window)
    sell_coat(window)
    for code in (COAT, TUBE, COFFEE):  # the coat is sold: refused between two good scans
        scan(window.sale.code, code)
    assert [ln.description for ln in window.session.basket.lines] == [
        'Slange 28" Schrader',
        "Kaffe (ta med)",
    ]
    assert heard == [80]
    banner = window.refusals
    assert banner.isVisible() and COAT in banner.text.text() and "Ullkåpe" in banner.text.text()
    assert window.sale.model.flashing == window.session.basket.lines[-1].line_id
    assert "Kaffe" in window.sale.message.text()  # the last scan's own message, as before

    press(window.sale.code, Qt.Key.Key_Escape)  # "seen"
    assert not banner.isVisible()


def test_the_line_just_scanned_flashes_though_it_is_the_marked_line(window, qtbot):
    log_in(window)
    view = window.sale.view
    mark = QPalette.ColorRole.Highlight
    scan(window.sale.code, TUBE)
    scan(window.sale.code, COFFEE)
    newest = window.session.basket.lines[-1]
    assert view.selected_row() == 1 and window.sale.model.flashing == newest.line_id
    assert view.palette().color(mark) == FLASH_COLOUR  # the mark shows the flash
    qtbot.waitUntil(lambda: window.sale.model.flashing is None, timeout=3000)
    assert view.palette().color(mark) == QColor(SELECTED_LINE) and view.selected_row() == 1
    scan(window.sale.code, "BOLLE-INNE")
    press(window.sale.code, Qt.Key.Key_Up)  # another line marked while the newest flashes
    assert window.sale.model.flashing is not None and view.selected_row() == 1
    assert view.palette().color(mark) == QColor(SELECTED_LINE)


def test_a_refusal_is_cleared_when_the_sale_is_recorded(window, heard, qtbot):
    log_in(window)
    scan(window.sale.code, TUBE)
    scan(window.sale.code, "7038010001658")  # an EAN-13 with a wrong check digit
    assert window.refusals.isVisible() and len(window.session.basket.lines) == 1
    press(window.sale, Qt.Key.Key_F12)
    payment = window.sale.dialog
    with qtbot.waitSignal(window.sale.sale_completed):
        press(payment.amount, Qt.Key.Key_Return)  # the rest in cash
        press(payment.amount, Qt.Key.Key_Return)  # confirm
    assert not window.refusals.isVisible()


def test_bad_codes_are_refused_audibly_and_nothing_is_rung_up(window, heard):
    log_in(window)
    for bad in ("7038010001658", "ZZ??!!##%%"):  # wrong check digit; a burst of garbage
        scan(window.sale.code, bad)
    assert window.session.basket.lines == [] and window.sale.code.text() == ""
    assert heard == [80, 80]
    shown = window.refusals.text.text()
    assert "7038010001658" in shown and "ZZ??!!##%%" in shown


def test_a_code_that_can_be_no_item_label_is_refused_never_offered_at_an_open_price(window, heard):
    log_in(window)
    codes = (
        "QX7ZK93PLM",  # a garbage burst that passes as a CODE128 code
        "R999999X",  # shaped like a job tag, but no job
        "5901234123457",  # a manufacturer's EAN-13 this catalogue lacks
        make_in_store_ean13("77", 1),  # an in-store label of a tenant this till lacks
    )
    for code in codes:
        scan(window.sale.code, code)
        assert window.sale.dialog is None, code
    assert window.session.basket.lines == [] and heard == [80] * len(codes)
    shown = window.refusals.text.text()
    assert all(code in shown for code in codes)
    assert "Ukjent kode" in shown and "leietaker 77" in shown
    press(window.sale.code, Qt.Key.Key_F5)  # price look-up: a known tenant's unknown label
    scan(window.sale.code, make_in_store_ean13("12", 777))
    assert window.sale.dialog is None and window.session.basket.lines == []
    assert heard == [80] * (len(codes) + 1)


def test_a_code_typed_by_hand_slowly_goes_into_the_code_field_and_is_rung_up(window, heard):
    log_in(window)
    type_slowly(window.sale.code, TUBE)
    assert window.sale.code.text() == TUBE  # typing, not a scan
    press(window.sale.code, Qt.Key.Key_Return)
    assert [ln.description for ln in window.session.basket.lines] == ['Slange 28" Schrader']
    assert heard == [] and not window.refusals.isVisible()


def test_a_scan_while_a_question_is_open_is_refused_and_never_typed_into_it(window, heard):
    log_in(window)
    scan(window.sale.code, make_in_store_ean13("11", 999))  # not in the catalogue: its price?
    question = window.sale.dialog
    assert isinstance(question, PriceDialog) and question.isVisible()
    question.price.setFocus()
    type_slowly(question.price, "50")
    scan(question.price, TUBE)
    assert question.price.text() == "50" and window.session.basket.lines == []
    assert QApplication.activeModalWidget() is question
    assert heard == [80] and TUBE in window.refusals.text.text()


def test_a_burst_through_another_keyboard_layout_is_refused_and_types_nothing(window, heard):
    """A US-layout scanner on a Norwegian PC: ']' of its AIM id is a dead key here."""
    log_in(window)
    field = window.sale.code
    dead = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Dead_Diaeresis, Qt.KeyboardModifier(0), "")
    dead.setTimestamp(int(time.monotonic() * 1000))
    QCoreApplication.sendEvent(field, dead)  # as the widget gets it (no shortcut to match)
    scan(field, "E07038010001659")  # the rest of the burst, right after it
    assert field.text() == "" and window.session.basket.lines == []
    assert heard == [80] and "E07038010001659" in window.refusals.text.text()


def test_a_scan_at_the_login_screen_is_refused_with_a_sound_not_a_banner(window, heard):
    scan(window.login.staff_no, TUBE)
    assert window.login.staff_no.text() == "" and heard == [80]
    assert window.login.message.text() and not window.refusals.isVisible()


def test_the_support_log_says_what_each_scan_did_but_not_an_unreadable_number(
    window, heard, caplog
):
    caplog.set_level(logging.INFO, logger="ui.scan_router")
    log_in(window)
    body = "9123456"
    phone_like = body + str((gtin_check_digit(body) + 1) % 10)  # 8 digits, not an EAN-8
    scan(window.sale.code, TUBE)
    scan(window.sale.code, phone_like)
    taken, refused = [r for r in caplog.records if r.name == "ui.scan_router"]
    assert taken.levelno == logging.INFO and f"item {TUBE}" in taken.getMessage()
    assert refused.levelno == logging.WARNING and "refused at sale:" in refused.getMessage()
    assert phone_like not in caplog.text and "<unreadable: 8 digits>" in caplog.text


def test_a_scanned_receipt_the_till_cannot_find_is_a_refused_scan(window, heard, caplog):
    """A receipt number that is not in this store (one from before a restore, or another
    counter's): the returns window opens saying so, and the scan is refused, heard and logged
    as a refused scan, never as one taken."""
    caplog.set_level(logging.INFO, logger="ui.scan_router")
    log_in(window)
    scan(window.sale.code, "11-K1-000099")
    lines = [r.getMessage() for r in caplog.records if r.name == "ui.scan_router"]
    assert len(lines) == 1 and lines[0].startswith("scan receipt 11-K1-000099 refused at sale: ")
    assert "11-K1-000099" in window.refusals.text.text() and heard == [80]
    assert window.sale.dialog is not None and window.sale.dialog.isVisible()  # type another


def test_a_receipt_scanned_at_the_look_up_that_is_not_here_is_a_refused_scan(window, heard, caplog):
    caplog.set_level(logging.INFO, logger="ui.scan_router")
    log_in(window, "9001", "9999")
    page = window.show_page("receipts")
    scan(window.sale.code, "11-K1-000099")
    (said,) = [r.getMessage() for r in caplog.records if r.name == "ui.scan_router"]
    assert said.startswith("scan receipt 11-K1-000099 refused at ")
    assert "11-K1-000099" in page.message.text() and heard == [80]


def test_a_refusal_is_logged_with_its_code_as_said_and_garbage_only_by_its_length(
    window, heard, caplog
):
    caplog.set_level(logging.INFO, logger="ui.scan_router")
    log_in(window)
    scan(window.sale.code, "5901234123457")  # a manufacturer's code the catalogue lacks
    scan(window.sale.code, "xq7#kz!!pw9")  # the refusal quotes it normalised: in capitals
    unknown, garbage = [r.getMessage() for r in caplog.records if r.name == "ui.scan_router"]
    assert "«5901234123457»" in unknown and "item 5901234123457»" not in unknown
    assert "«5901234123457»" in window.refusals.text.text()  # as the cashier was told
    assert "xq7#kz!!pw9" not in garbage.lower() and "<unreadable: 11 characters>" in garbage


def test_the_sound_volume_is_the_registers_setting_and_applies_at_once(window, heard, counter):
    log_in(window, "9001", "9999")
    page = window.show_page("scanner")
    assert isinstance(page, ScannerPage) and page.volume.value() == 80
    page.volume.setValue(30)
    press(page, Qt.Key.Key_F9)  # test sound, not saved yet
    assert heard == [30] and window.sound.volume == 80
    press(page, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert devices.scanner_settings(counter.uow, "K1").refusal_volume == 30
    assert window.sound.volume == 30
    page.volume.setValue(0)
    press(page, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    window.show_sale()
    scan(window.sale.code, "7038010001658")
    assert heard == [30, 0]  # silenced, and still shown
    assert window.refusals.isVisible()


def test_a_scanner_ending_with_two_line_ends_adds_no_payment(window, heard):
    """The second line end of a CR LF suffix must not reach the payment's amount field: Enter
    there takes the rest in cash (and a second one confirms the sale)."""
    log_in(window)
    scan(window.sale.code, TUBE)
    press(window.sale, Qt.Key.Key_F12)
    payment = window.sale.dialog
    payment.amount.setFocus()
    scan(payment.amount, "7038010001659", line_ends=2)  # refused while paying; CR LF
    assert payment.isVisible() and payment.tenders == [] and heard == [80]


def test_the_refusal_sound_is_a_short_wav_and_without_a_sound_device_the_bell_rings(qtbot, caplog):
    """QSoundEffect plays the WAV where a sound device takes it; where none does (a PC without
    sound, CI) the refusal rings the system bell instead, and the log says so once."""
    with wave.open(str(REFUSED_WAV)) as wav:
        seconds = wav.getnframes() / wav.getframerate()
        assert 0.1 <= seconds <= 0.6 and wav.getnchannels() == 1
    caplog.set_level(logging.WARNING, logger="ui.scanner.sound")
    sound = RefusalSound(volume=60)
    effect = sound.effect
    assert effect is not None, caplog.text  # QtMultimedia loaded (PySide6-Addons, libpulse0)
    settled = (effect.Status.Ready, effect.Status.Error)
    qtbot.waitUntil(lambda: effect.status() in settled, timeout=5000)
    heard: list[int] = []
    sound.sounded.connect(heard.append)
    sound.play()
    sound.play()
    assert heard == [60, 60] and effect.volume() == pytest.approx(0.6, abs=0.01)
    bell_notes = [r for r in caplog.records if "using the bell" in r.getMessage()]
    if effect.status() is effect.Status.Ready:
        assert bell_notes == [] and effect.source().toLocalFile() == str(REFUSED_WAV)
    else:
        assert len(bell_notes) == 1


def test_a_sold_item_scanned_while_paying_is_refused_as_sold(window, heard):
    """Going back to the basket would not help: the payment says what the sale screen says."""
    log_in(window)
    sell_coat(window)
    scan(window.sale.code, TUBE)
    press(window.sale, Qt.Key.Key_F12)
    payment = window.sale.dialog
    scan(payment.amount, COAT)
    said = payment.message.text()
    assert "allerede solgt" in said and "Ullkåpe" in said and "basket" not in said
    assert payment.tenders == [] and heard == [80]
    assert "allerede solgt" in window.refusals.text.text()
    scan(payment.amount, COFFEE)  # a sellable item still waits for the basket
    assert COFFEE in payment.message.text() and "allerede solgt" not in payment.message.text()
