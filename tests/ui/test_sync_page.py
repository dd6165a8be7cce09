"""Sync at the counter: a manager enrols it from the sync page with a one-time code (which syncs
at once), the status strip shows online and the unsynced count, and "sync now" drains the
outbox to a real server."""

import logging

from pos.model.basket import Basket
from pos.model.payment import Tender, TenderKind
from pos.services import checkout
from pos.services.sync_state import save_enrolment, sync_status
from tests.central import live_server
from tests.ui.conftest import log_in
from ui.pages import PageContext
from ui.sync_screen.sync_page import SyncPage


def test_a_manager_enrols_the_counter_and_syncs_from_the_page(
    window, counter, ctx, shelf, central, caplog
):
    caplog.set_level(logging.INFO, logger="ui.sync_screen.sync_page")
    basket = Basket()
    basket.add(shelf("KAFFE-MED"))
    checkout.complete_sale(counter.uow, ctx, basket, [Tender(TenderKind.CARD, 3200)])
    log_in(window, "9001", "9999")
    keys = {"1": counter.keys.public_key_pem("1").decode("ascii")}
    window.page_context = PageContext(window.session, window.tasks, extras={"public_keys": keys})
    page = window.show_page("sync")
    assert isinstance(page, SyncPage)
    assert "Not enrolled" in page.state.text() or "Ikke registrert" in page.state.text()
    with live_server(central) as url:
        page.server.setText(url)
        page.code.setText(central.enrolment_code())
        page.enrol()
        assert "Enrolled" in page.state.text() or "Registrert" in page.state.text()
        said = page.state.text()  # the demo counter has sold as K1 (block 1): it stays K1
        assert ("register K1 with label block 1" in said
                or "kasse K1 med etikettserie 1" in said)  # fmt: skip
        assert "Start" not in said  # no restart: it is the register it was
        assert sync_status(counter.uow).unsynced == 0  # synced at once, as enrol + sync
        another = Basket()
        another.add(shelf("KAFFE-MED"))
        checkout.complete_sale(counter.uow, ctx, another, [Tender(TenderKind.CARD, 3200)])
        assert sync_status(counter.uow).unsynced > 0
        page.run_sync()
        status = sync_status(counter.uow)
        assert status.online and status.unsynced == 0 and status.problems == 0
    (logged,) = [r.getMessage() for r in caplog.records if r.name == "ui.sync_screen.sync_page"]
    assert logged.startswith("sync now (sync page): pushed 1 events") and "drained" in logged
    window.refresh_status()
    assert "0" in window.status.unsynced.text()
    assert central.scalar("SELECT count(*) FROM events") > 0


def test_sync_now_with_the_server_away_is_in_the_support_log(window, counter, caplog):
    caplog.set_level(logging.INFO, logger="ui.sync_screen.sync_page")
    save_enrolment(counter.uow, server_url="https://127.0.0.1:9", ca_file="",
                   device_id="dev_k1", device_epoch=1, token="t", site_id="s1")  # fmt: skip
    log_in(window)
    page = window.show_page("sync")
    page.run_sync()
    (logged,) = [r for r in caplog.records if r.name == "ui.sync_screen.sync_page"]
    assert logged.levelno == logging.WARNING
    assert logged.getMessage().startswith("sync page: failed, everything stays queued: ")
    assert not sync_status(counter.uow).online


def test_a_cashier_sees_the_sync_state_but_cannot_enrol(window):
    log_in(window)
    page = window.show_page("sync")
    assert not page.enrol_button.isEnabled() and not page.sync_now.isEnabled()


def test_a_counter_with_no_central_server_says_so_beside_its_count(window, bokmal):
    log_in(window)
    window.refresh_status()
    assert window.status.unsynced.text().endswith(" venter (ingen sentral)")


def test_a_counter_of_another_centre_is_refused_in_words_and_stays_unenrolled(
    window, counter, ctx, shelf, central, clock, tmp_path
):
    from main import VERSION
    from pos.counter import open_counter
    from pos.demo.centre import seed_demo
    from sync.enrolment import enrol

    basket = Basket()
    basket.add(shelf("KAFFE-MED"))
    checkout.complete_sale(counter.uow, ctx, basket, [Tender(TenderKind.CARD, 3200)])
    log_in(window, "9001", "9999")
    keys = {"1": counter.keys.public_key_pem("1").decode("ascii")}
    window.page_context = PageContext(window.session, window.tasks, extras={"public_keys": keys})
    page = window.show_page("sync")
    with live_server(central) as url:
        with open_counter(tmp_path / "first") as first:  # the site's K1, sold as K1 before
            seed_demo(first.uow, first.signer(), clock=clock)
            enrol(first.uow, url, central.enrolment_code(), device_name="K1",
                  app_version=VERSION, public_keys={}, clock=clock)  # fmt: skip
        devices = central.scalar("SELECT count(*) FROM devices")
        page.server.setText(url)
        page.code.setText(central.enrolment_code())
        page.enrol()
    said = page.state.text()
    assert "Nothing was stored" in said or "Ingenting ble lagret" in said
    assert "403" not in said and "409" not in said  # the server's words, not its status line
    assert not sync_status(counter.uow).enrolled
    assert central.scalar("SELECT count(*) FROM devices") == devices


def test_the_clock_skew_is_said_by_the_strips_rule(window, bokmal):
    """Minutes under two hours, then hours, then days — as the status strip and the command
    line say it (the page said '2809 minutes' where the strip said '47 t')."""
    log_in(window)
    page = window.show_page("sync")
    minute = 60_000
    assert "går 5 minutter foran serverens" in page.clock_text(-5 * minute)
    assert "går 47 timer etter serverens" in page.clock_text(2809 * minute)
    assert "går 3 døgn foran serverens" in page.clock_text(-3 * 1440 * minute)
