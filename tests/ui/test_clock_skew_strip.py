"""The status strip says, before the next sale, that the counter's clock is over two minutes
from the central server's (as the last sync measured it), and which way; within two minutes,
or not measured, it says nothing. The sync page says it too."""

from __future__ import annotations

from pos.services import clock_skew, sync_state

from .conftest import log_in


def measured(counter, offset_ms: int) -> None:
    sync_state.save_enrolment(counter.uow, server_url="https://sentral.example", ca_file="",
                              device_id="dev_k1", device_epoch=1, token="t",
                              site_id="s1")  # fmt: skip
    sync_state.record_contact(counter.uow, True, clock_offset_ms=offset_ms,
                              clock_reading=clock_skew.measured(offset_ms))  # fmt: skip


def test_a_clock_hours_ahead_shows_in_the_strip_and_on_the_sync_page(window, counter):
    window.refresh_status()
    assert window.status.clock.isHidden()
    measured(counter, -3 * 3_600_000)
    window.refresh_status()
    strip = window.status.clock
    assert not strip.isHidden()
    said = ("Clock 3 h ahead of the server", "Klokka går 3 t foran serveren")
    assert strip.text().startswith(said)
    assert window.minimumSizeHint().width() <= 1024  # the strip still fits the smallest screen
    log_in(window, "9001", "9999")
    page = window.show_page("sync")
    # the strip's unit on the page too (it said "180 minutes" where the strip said "3 h")
    assert ("3 hours ahead" in page.state.text()) or ("3 timer foran" in page.state.text())


def test_a_clock_behind_is_said_and_within_two_minutes_nothing(window, counter):
    measured(counter, 25 * 60_000)
    window.refresh_status()
    assert window.status.clock.text().startswith(
        ("Clock 25 min behind the server", "Klokka går 25 min etter serveren"))
    measured(counter, 90_000)
    window.refresh_status()
    assert window.status.clock.isHidden()
