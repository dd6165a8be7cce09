"""A count says its noun in the singular for exactly one, in bokmål and in English (Qt's %n
forms): "1 leder", "2 ledere"; "1 manager", "2 managers"; the counter's own commands likewise."""

from __future__ import annotations

from cli.sync_words import centre_arrived
from pos.services.joining import JoinedCentre
from ui.first_run.join_step import JoinedStep
from ui.main_window import MainWindow
from ui.status_strip import StatusStrip

from .conftest import log_in
from .test_basket_line_keys import COAT, COFFEE, void_box

ONE_MANAGER = JoinedCentre("Omigjen", "K2", 2, tenants=1, staff=3, managers=1, article_groups=1,
                           items=2)  # fmt: skip
DAY_MS = 24 * 60 * 60 * 1000


def joined_summary(qtbot, centre: JoinedCentre) -> str:  # type: ignore[no-untyped-def]
    step = JoinedStep()
    qtbot.addWidget(step)
    step.show_joined(centre, "")
    return step.summary.toPlainText()


def test_what_came_from_the_server_in_bokmal(qtbot, bokmal):
    said = joined_summary(qtbot, ONE_MANAGER)
    assert "Fra serveren: 1 leietaker, 3 ansatte (1 leder), 1 varegruppe, 2 varer." in said


def test_what_came_from_the_server_in_english(qtbot, english):
    said = joined_summary(qtbot, ONE_MANAGER)
    assert "From the server: 1 tenant, 3 staff (1 manager), 1 article group, 2 items." in said
    none = JoinedCentre("Omigjen", "K2", 2, tenants=0, staff=1, managers=2, article_groups=5,
                        items=1)  # fmt: skip
    assert "0 tenants, 1 staff member (2 managers), 5 article groups, 1 item." in joined_summary(
        qtbot, none
    )


def test_a_span_of_days_on_the_status_strip(qtbot, bokmal):
    strip = StatusStrip()
    qtbot.addWidget(strip)
    assert strip.span(3 * DAY_MS) == "3 døgn"


def test_a_span_of_days_in_english(qtbot, english):
    strip = StatusStrip()
    qtbot.addWidget(strip)
    assert strip.span(DAY_MS * 2) == "2 days"  # under two days it counts hours


def test_voiding_a_basket_of_one_line_and_of_two(window: MainWindow, bokmal):
    log_in(window, "9001", "9999")
    window.route_scan(COAT)
    box = void_box(window)
    assert "Annullere hele kurven: 1 linje," in box.text()
    box.reject()
    window.route_scan(COFFEE)
    assert "Annullere hele kurven: 2 linjer," in void_box(window).text()


def test_the_join_command_words_its_counts():
    assert "1 leietaker, 3 ansatte (1 leder), 1 varegruppe, 2 varer;" in centre_arrived(
        "nb", ONE_MANAGER
    )
    assert "1 tenant, 3 staff (1 manager), 1 article group, 2 items;" in centre_arrived(
        "en", ONE_MANAGER
    )
