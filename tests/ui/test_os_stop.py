"""The operating system stopping the counter (SIGTERM at shutdown): the real ``main.py`` in a
subprocess closes down as if the window were closed — exit code 0, no traceback or fatal error,
the stop journaled after the start, the data directory unlocked — also with a modal dialog
open; and a long session of scans ends without a fatal error at exit."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from pos.counter import open_counter
from tests.conftest import PROJECT_ROOT

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")

ENV = os.environ | {"QT_QPA_PLATFORM": "offscreen"}

MODAL_AT_START = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from tests.counter_shown import when_shown
real_exec = QApplication.exec
def exec_with_a_dialog(self):
    def ask():
        print("modal open", flush=True)
        QMessageBox.question(self.activeWindow(), "Omigjen POS", "Still there?")
        print("modal closed", flush=True)
    when_shown(lambda _window: ask())
    return real_exec()
QApplication.exec = exec_with_a_dialog
import main
sys.exit(main.main(sys.argv[1:]))
"""


def journal_codes(data: Path) -> list[int]:
    db = sqlite3.connect(data / "omigjen.sqlite3")
    try:
        return [code for (code,) in db.execute("SELECT event_code FROM journal ORDER BY seq")]
    finally:
        db.close()


def demo_store(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    seeded = subprocess.run(
        [sys.executable, "main.py", "--data-dir", str(data), "demo"],
        cwd=PROJECT_ROOT, env=ENV, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert seeded.returncode == 0, seeded.stderr
    return data


def wait_for(condition: Callable[[], bool], timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "the counter did not come up"
        time.sleep(0.1)


def assert_closed_down_cleanly(process: subprocess.Popen[str], data: Path, starts: int) -> None:
    out, err = process.communicate(timeout=60)
    assert process.returncode == 0, err
    assert "Traceback" not in err and "Fatal Python error" not in err, err
    codes = journal_codes(data)
    assert codes.count(13001) == starts + 1
    assert codes[-2:] == [13001, 13002]  # this start, then its stop
    with open_counter(data):  # the lock was given back
        pass


def test_sigterm_closes_the_running_counter_like_closing_its_window(tmp_path):
    data = demo_store(tmp_path)
    starts = journal_codes(data).count(13001)
    process = subprocess.Popen(
        [sys.executable, "main.py", "--data-dir", str(data)],
        cwd=PROJECT_ROOT, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    wait_for(lambda: journal_codes(data).count(13001) > starts)
    process.send_signal(signal.SIGTERM)
    assert_closed_down_cleanly(process, data, starts)


def test_sigterm_with_a_modal_dialog_open_still_closes_down_in_order(tmp_path):
    data = demo_store(tmp_path)
    starts = journal_codes(data).count(13001)
    process = subprocess.Popen(
        [sys.executable, "-c", MODAL_AT_START, "--data-dir", str(data)],
        cwd=PROJECT_ROOT, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "modal open"
    process.send_signal(signal.SIGTERM)
    assert_closed_down_cleanly(process, data, starts)


LONG_SESSION = """
import sys
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from tests.counter_shown import when_shown
real_exec = QApplication.exec
def a_long_session(self):
    def work(window):
        for field, text in ((window.login.staff_no, "1001"), (window.login.pin, "1234")):
            QTest.keyClicks(field, text, Qt.KeyboardModifier.NoModifier, 80)
            QTest.keyClick(field, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, 80)
        for _ in range(200):
            if window.logged_in:
                break
            QTest.qWait(100)
        else:
            print("never logged in", flush=True)
            return self.quit()
        before = sys.getrefcount(None), sys.getrefcount(True)
        for _ in range(400):  # a working day's scans at the sale screen
            QTest.keyClicks(window.sale.code, "KAFFE-MED")
            QTest.keyClick(window.sale.code, Qt.Key.Key_Return)
        after = sys.getrefcount(None), sys.getrefcount(True)
        print("drift", *(a - b for a, b in zip(after, before)), flush=True)
        self.quit()
    when_shown(work)
    return real_exec()
QApplication.exec = a_long_session
import main
sys.exit(main.main(sys.argv[1:]))
"""


def test_a_long_session_at_the_sale_screen_keeps_the_counts_and_ends_without_a_fatal_error(
    tmp_path,
):
    """Every Qt call and signal of a working day goes through the binding; one that miscounts
    None or True brings it to zero and the process aborts at exit (or before)."""
    data = demo_store(tmp_path)
    done = subprocess.run(
        [sys.executable, "-c", LONG_SESSION, "--data-dir", str(data)],
        cwd=PROJECT_ROOT, env=ENV, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "Fatal Python error" not in done.stderr
    (line,) = [line for line in done.stdout.splitlines() if line.startswith("drift")]
    none_drift, true_drift = (int(n) for n in line.split()[1:])
    assert abs(none_drift) < 400 and abs(true_drift) < 400, line
