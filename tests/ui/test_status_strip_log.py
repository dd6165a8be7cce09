"""What the status strip warns of reaches the support log when the warning appears, changes or
goes: the counter offline (and online again), its clock over two minutes from the central
server's. Once each, not at every refresh of the strip."""

from __future__ import annotations

import logging

import pytest

from pos.services import clock_skew, sync_state

STRIP = "ui.status_strip"


def enrolled(counter) -> None:  # type: ignore[no-untyped-def]
    sync_state.save_enrolment(counter.uow, server_url="https://sentral.example", ca_file="",
                              device_id="dev_k1", device_epoch=1, token="t",
                              site_id="s1")  # fmt: skip


def said(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == STRIP]


def test_going_offline_and_back_is_logged_once_each(window, counter, caplog):
    caplog.set_level(logging.INFO, logger=STRIP)
    enrolled(counter)
    sync_state.record_contact(counter.uow, True)
    window.refresh_status()
    assert said(caplog) == []  # online from the start: nothing to tell
    waiting = sync_state.sync_status(counter.uow).unsynced
    sync_state.record_contact(counter.uow, False, "unreachable")
    window.refresh_status()
    window.refresh_status()
    assert said(caplog) == [f"status strip: offline, {waiting} not yet synced"]
    sync_state.record_contact(counter.uow, True)
    window.refresh_status()
    assert said(caplog)[1:] == [f"status strip: online again, {waiting} not yet synced"]


def test_the_clock_warning_is_logged_when_it_appears_changes_and_goes(window, counter, caplog):
    caplog.set_level(logging.INFO, logger=STRIP)
    enrolled(counter)

    def measured(offset_ms: int) -> None:
        sync_state.record_contact(counter.uow, True, clock_offset_ms=offset_ms,
                                  clock_reading=clock_skew.measured(offset_ms))  # fmt: skip
        window.refresh_status()

    measured(-3 * 60_000)
    measured(-3 * 60_000 - 5_000)  # the next sync's reading: the same warning
    measured(25 * 60_000)
    measured(30_000)
    assert said(caplog) == [
        "status strip: this PC's clock is 3 min ahead of the central server's",
        "status strip: this PC's clock is 25 min behind the central server's",
        "status strip: the clock is within two minutes of the server's again",
    ]
