"""What a screen says belongs to that screen and that person: leaving a screen clears its message
line and the refused scans shown over it; the next person starts with none of the last one's
messages; news for the next person (a hand-over, a lock) is shown as news, not as an error."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ui.main_window import MainWindow
from ui.message_line import PROBLEM_COLOUR, MessageLine
from ui.repairs.intake_page import IntakePage

from .conftest import log_in, press, scan
from .test_sale_flow import COAT, COFFEE


def test_a_sale_message_and_a_refused_scan_are_gone_after_a_visit_to_another_screen(window):
    log_in(window)
    scan(window.sale.code, COFFEE)
    scan(window.sale.code, "7000000000000")  # a wrong check digit: refused
    assert window.refusals.isVisible() and window.sale.message.text()
    page = window.show_page("receipts")
    assert not window.refusals.isVisible()
    page.say("Kvittering 3 er skrevet ut.")  # type: ignore[attr-defined]
    window.show_sale()
    assert window.sale.message.text() == ""
    assert len(window.session.basket.lines) == 1  # only the words went, never the basket
    again = window.show_page("receipts")
    assert again is page and page.message.text() == ""  # type: ignore[attr-defined]


def test_a_page_message_is_cleared_when_it_is_left_by_its_back_key(window):
    log_in(window, "2001", "2345")
    page = window.show_page("repairs.intake")
    assert isinstance(page, IntakePage)
    press(page.customer, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # nothing filled in
    assert page.message.text() and page.message.problem
    press(page.customer, Qt.Key.Key_Escape)
    assert window.stack.currentWidget() is window.sale
    assert window.show_page("repairs.intake") is page and page.message.text() == ""


def test_the_next_person_sees_none_of_the_last_ones_messages(window):
    log_in(window)
    scan(window.sale.code, COAT)
    window.sale.say("Rabatt krever leder.", problem=True)
    press(window.sale.code, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.session.operator is None
    assert "F7" in window.login.message.text()  # the basket was parked: news, not an error
    assert not window.login.message.problem
    log_in(window, "2001", "2345")
    said = [m.text() for m in window.findChildren(MessageLine) if m.text() and m.isVisible()]
    assert not [text for text in said if "Rabatt krever leder" in text], said


def test_a_lock_after_a_quiet_spell_is_news_at_the_login_not_an_error(window: MainWindow):
    log_in(window)
    window.lock()
    assert window.login.message.text() and not window.login.message.problem
    assert PROBLEM_COLOUR not in window.login.message.styleSheet()
    window.login.submit()  # nothing typed: that is a problem, and said as one
    assert window.login.message.problem
    assert PROBLEM_COLOUR in window.login.message.styleSheet()
