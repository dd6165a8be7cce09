"""The GUI thread never waits on the store for the status poll nor on scrypt for a new PIN: with
the real database thread and a store or hash made slow, the window goes on at once and shows
the result when it comes back; a press guarded against a double submit is not held back by the
poll."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Iterator

import pytest

from tests.ui.conftest import log_in
from ui.main_window import MainWindow
from ui.tasks import TaskRunner

SLOW_S = 1.0
AT_ONCE_S = 0.3
"""Well under ``SLOW_S``: the call returned without waiting for the slow part."""


@pytest.fixture
def database_thread(window: MainWindow) -> Iterator[TaskRunner]:
    """The window's work on a real single-thread database pool, as the counter runs it."""
    tasks = TaskRunner()
    window.tasks = tasks
    yield tasks
    tasks.wait_until_idle()


def slowed(real, calls: list[float]):  # type: ignore[no-untyped-def]
    def slow(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(time.monotonic())
        time.sleep(SLOW_S)
        return real(*args, **kwargs)

    return slow


def test_the_status_poll_reads_the_store_off_the_gui_thread_and_shows_what_it_read(
    qtbot, window, database_thread, monkeypatch
):
    reads: list[float] = []
    monkeypatch.setattr(window.session, "overview", slowed(window.session.overview, reads))
    window.status.register.setText("")
    started = time.monotonic()
    window.refresh_status()
    assert time.monotonic() - started < AT_ONCE_S
    qtbot.waitUntil(lambda: "Kasse 1" in window.status.register.text(), timeout=5000)
    assert len(reads) == 1


def test_status_asked_for_while_it_is_being_read_is_read_once_more_not_once_per_ask(
    qtbot, window, database_thread, monkeypatch
):
    reads: list[float] = []
    monkeypatch.setattr(window.session, "overview", slowed(window.session.overview, reads))
    for _ in range(4):  # the timer, a finished print job, a sale…, all within one reading
        window.refresh_status()
    qtbot.waitUntil(lambda: len(reads) == 2, timeout=5000)
    qtbot.wait(int(SLOW_S * 1000) + 200)
    assert len(reads) == 2
    assert not window._status_reading


def test_the_status_poll_does_not_make_the_window_busy(qtbot, window, database_thread, monkeypatch):
    """A payment's confirm (and the like) is refused while the runner is busy: a reading nobody
    pressed for must never swallow such a press."""
    reads: list[float] = []
    monkeypatch.setattr(window.session, "overview", slowed(window.session.overview, reads))
    window.refresh_status()
    qtbot.waitUntil(lambda: len(reads) == 1, timeout=5000)
    assert not database_thread.busy


def test_a_new_pin_is_hashed_off_the_gui_thread_and_the_page_says_so_when_done(
    qtbot, window, counter, monkeypatch
):
    from pos.services import auth

    log_in(window, "9001", "9999")
    window.wedge.enabled = False
    page = window.show_page("staff")
    page.tasks = tasks = TaskRunner()
    hashed: list[float] = []
    monkeypatch.setattr(hashlib, "scrypt", slowed(hashlib.scrypt, hashed))
    page.table.selectRow(0)
    number = page.staff_no.text()
    page.pin.setText("97531")
    started = time.monotonic()
    page.set_pin()  # Ctrl+P
    assert time.monotonic() - started < AT_ONCE_S
    assert page.pin.text() == ""  # cleared at once, not when the hash is done
    qtbot.waitUntil(lambda: number in page.message.text(), timeout=5000)
    tasks.wait_until_idle()
    assert hashed
    monkeypatch.undo()
    assert auth.authenticate(counter.uow, number, "97531").staff_no == number


def test_the_daily_backup_and_the_wal_checkpoints_do_not_make_the_window_busy(window):
    """While the start's backup runs (seconds on a big store), a payment's confirm must queue
    behind it, not be dropped as a double submit."""
    import threading

    from ui.app import _start_housekeeping

    backing_up, finish = threading.Event(), threading.Event()

    class SlowCounter:
        def backup_if_due(self) -> None:
            backing_up.set()
            finish.wait(5)

        def checkpoint(self) -> None:
            pass

    tasks = TaskRunner()
    _start_housekeeping(SlowCounter(), tasks, window, "nb")  # type: ignore[arg-type]
    try:
        assert backing_up.wait(5)
        assert not tasks.busy
    finally:
        finish.set()
        tasks.wait_until_idle()
