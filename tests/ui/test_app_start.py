"""Starting the counter as a person does (``python main.py`` with no command): the window comes
up on the opened store, the start and the stop are journaled, work still running when the
window closes (the first start of a day takes the daily backup) finishes first, and a bug on a
worker thread is logged without a dialog that would hang that thread."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path

from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QMessageBox

from tests.conftest import PROJECT_ROOT
from ui import qt_start
from ui.tasks import TaskRunner

CLOSE_AT_ONCE = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from tests.counter_shown import shown_windows, when_shown
real_exec = QApplication.exec
def exec_then_close(self):
    print("at first:", ",".join(shown_windows()), flush=True)
    def close(_window):
        print("shown:", ",".join(shown_windows()), flush=True)
        QTimer.singleShot(0, self.quit)
    when_shown(close)
    return real_exec()
QApplication.exec = exec_then_close
import main
sys.exit(main.main(sys.argv[1:]))
"""


def run_main(*args: str, cwd: Path = PROJECT_ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", CLOSE_AT_ONCE, *args],
        cwd=cwd,
        env=os.environ | {"QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(PROJECT_ROOT)},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_window_opens_on_the_store_and_start_and_stop_are_journaled(tmp_path):
    data = tmp_path / "data"
    assert run_main("--data-dir", str(data), "demo").returncode == 0
    started = run_main("--data-dir", str(data))
    assert started.returncode == 0, started.stderr
    assert "at first: EarlyLogin" in started.stdout  # the login, before the store is open
    assert "MainWindow" in started.stdout.split("shown:")[1]
    db = sqlite3.connect(data / "omigjen.sqlite3")
    codes = [code for (code,) in db.execute("SELECT event_code FROM journal ORDER BY seq")]
    assert codes[-2:] == [13001, 13002]  # application start, application stop
    (backup,) = (data / "backups").glob("*-daily.zip")
    with zipfile.ZipFile(backup) as bundle:  # the daily backup, taken once the window showed
        (tmp_path / "store.sqlite3").write_bytes(bundle.read("store.sqlite3"))
    copy = sqlite3.connect(tmp_path / "store.sqlite3")
    assert copy.execute("PRAGMA quick_check").fetchone() == ("ok",)


def test_a_data_folder_named_relative_to_where_the_counter_starts(tmp_path):
    """As the README's `make run` and `--data-dir centre` name it: the login painted before the
    store opens reads the names from the same folder the store opens."""
    assert run_main("--data-dir", "centre", "demo", cwd=tmp_path).returncode == 0
    started = run_main("--data-dir", "centre", cwd=tmp_path)
    assert started.returncode == 0, started.stderr
    assert "MainWindow" in started.stdout.split("shown:")[1]
    assert not (PROJECT_ROOT / "centre").exists()


def test_work_still_running_at_shutdown_is_waited_for(qtbot):
    tasks = TaskRunner(QThreadPool())
    finished: list[str] = []

    def slow() -> None:
        time.sleep(0.3)
        finished.append("done")

    tasks.run(slow, lambda _r: None, lambda _e: None)
    tasks.wait_until_idle()
    assert finished == ["done"]


def test_a_bug_on_a_worker_thread_is_logged_without_a_dialog(qtbot, monkeypatch, caplog):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(str(args[2])))
    hook = qt_start._unexpected_error_hook("en")  # noqa: SLF001 - the hook start_qt installs
    error = RuntimeError("on a worker")
    worker = threading.Thread(target=lambda: hook(RuntimeError, error, None))
    worker.start()
    worker.join(5)
    assert shown == [] and "unexpected error" in caplog.text
    hook(RuntimeError, RuntimeError("on the GUI thread"), None)
    assert len(shown) == 1 and "on the GUI thread" in shown[0]


def test_a_backup_dated_in_the_future_does_not_stop_the_daily_one(tmp_path):
    """A backup taken while the PC's clock was a year ahead: the next start with the clock
    right still takes the day's backup."""
    from datetime import UTC, datetime, timedelta

    from tests.faketime import main_at

    data = tmp_path / "data"
    assert run_main("--data-dir", str(data), "demo").returncode == 0
    ahead = (datetime.now(UTC) + timedelta(days=365)).strftime("%Y-%m-%d %H:%M:%S")
    taken = main_at(ahead, data, "backup")
    assert taken.returncode == 0, taken.stderr
    assert f"omigjen-{ahead[:4]}" in taken.stdout
    started = run_main("--data-dir", str(data))
    assert started.returncode == 0, started.stderr
    today = datetime.now().strftime("%Y%m%d")
    assert list((data / "backups").glob(f"omigjen-{today}-*-daily.zip"))
