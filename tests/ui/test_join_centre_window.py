"""A counter that enrols first, through the first-run window and keys only: "Join a centre on
the central server" (Alt+S), the server's address and a one-time code, the printer, and the
counter opens as the centre's next register with its staff, tenants and items; the manager logs
in with the PIN set at the first counter, opens the till and sells. A counter enrolled before
the centre is on the server waits, and fetches it again with no new code; a used code is
refused in words."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from main import VERSION
from pos.counter import open_counter
from pos.demo.centre import seed_demo
from pos.services import first_run, print_queue, sync_state, till_day
from sync.cycle import SyncCycle
from sync.enrolment import enrol
from tests.central import live_server
from tests.sync.conftest import public_keys
from ui.main_window import MainWindow

from .first_run_keys import (
    activate,
    enter,
    focused,
    key,
    log_in_by_keys,
    started_counter,
    type_text,
)
from .test_first_run_and_till_day import (  # noqa: F401
    clock,
    open_with_float,
    printed_text,
    sell_quick_item,
)


@pytest.fixture
def server(central, tmp_path):  # type: ignore[no-untyped-def]
    with live_server(central) as url:
        yield url


def first_counter_sends_its_centre(central, server, tmp_path, clock) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    with open_counter(tmp_path / "K1") as k1:
        seed_demo(k1.uow, k1.signer(), clock=clock)
        enrol(k1.uow, server, central.enrolment_code(), device_name="K1", app_version=VERSION,
              public_keys=public_keys(k1), clock=clock)  # fmt: skip
        SyncCycle(k1.uow, app_version=VERSION, keys=k1.keys).run()


def join_by_keys(started, server: str, code: str) -> None:  # type: ignore[no-untyped-def]
    setup = started.first_run
    activate(setup)
    key(Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)  # join a centre instead
    assert setup.current is setup.join and focused() is setup.join.server
    enter(server)
    enter(code)
    enter()  # no CA file: join


def test_an_empty_counter_joins_the_centre_from_the_first_run_window_and_sells(
    central,
    server,
    tmp_path,
    qtbot,
    clock,  # noqa: F811
):
    first_counter_sends_its_centre(central, server, tmp_path, clock)
    with started_counter(tmp_path, qtbot, clock) as started:
        setup = started.first_run
        join_by_keys(started, server, central.enrolment_code())
        assert setup.current is setup.printer, setup.message.text()
        type_text(f"file://{tmp_path / 'printer.escpos'}")
        enter()
        enter()
        enter()
        assert setup.current is setup.joined_step, setup.message.text()
        said = setup.joined_step.summary.toPlainText()
        assert "Omigjen ombrukssenter (demo)" in said and "K2" in said and "2" in said
        enter()  # to the login
        window = started.window
        assert isinstance(window, MainWindow) and started.first_run is None
        qtbot.addWidget(window)
        assert window.session.register_id == "K2"
        # the first counter's centre name, not the site's
        assert window.session.overview().centre_name == "Omigjen ombrukssenter (demo)"
        assert not first_run.needs_set_up(window.session.uow)
        log_in_by_keys(window, "9001", "9999")  # the PIN set at the first counter
        open_with_float(window, "1500")
        assert till_day.till_status(window.session.uow, "K2").float_amount == 150000
        sale = sell_quick_item(window, qtbot, "100", "100")
        assert sale.receipts[0].number.split("-")[1] == "K2"
        assert sale.receipts[0].number in printed_text(tmp_path, qtbot, "K2")
        saved = print_queue.printer_settings(window.session.uow, "K2")
        assert [s.url for s in saved.values()] == [f"file://{tmp_path / 'printer.escpos'}"]


def test_a_counter_enrolled_before_its_centre_waits_and_fetches_it_without_a_new_code(
    central,
    server,
    tmp_path,
    qtbot,
    clock,  # noqa: F811
):
    with started_counter(tmp_path, qtbot, clock) as started:
        setup = started.first_run
        join_by_keys(started, server, central.enrolment_code())
        assert setup.current is setup.join and setup.join.waiting_as == "K1"
        assert "første kasse" in setup.message.text() or "first counter" in setup.message.text()
        assert sync_state.enrolment(started.counter.uow) is not None
        key(Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)  # no way back to a new centre
        assert setup.current is setup.join
        first_counter_sends_its_centre(central, server, tmp_path / "other", clock)
        setup.join.ca_file.setFocus()
        enter()  # fetch again
        assert setup.current is setup.printer, setup.message.text()


def test_a_used_code_is_refused_in_words_and_nothing_is_enrolled(
    central,
    server,
    tmp_path,
    qtbot,
    clock,  # noqa: F811
):
    first_counter_sends_its_centre(central, server, tmp_path, clock)
    code = central.enrolment_code()
    with open_counter(tmp_path / "other") as other:
        enrol(other.uow, server, code, device_name="X", app_version=VERSION,
              public_keys=public_keys(other), clock=clock)  # fmt: skip
    with started_counter(tmp_path, qtbot, clock) as started:
        setup = started.first_run
        join_by_keys(started, server, code)
        assert setup.current is setup.join and setup.join.waiting_as is None
        assert "brukt" in setup.message.text() or "used" in setup.message.text()
        assert sync_state.enrolment(started.counter.uow) is None
        key(Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)  # back to a new centre
        assert setup.current is setup.centre
