"""The counter's start loads only what the login screen needs. The login is painted before
anything of the store is loaded (SQLAlchemy, the store's tables, the services: they load while
the store opens behind it); the counter window's login, once the store is open, comes without the
dialogs, backups, PDFs, the printer database and images, check-digit tables and the first-run
set-up (loaded when first used), and the refusal sound soon after. Checked in a fresh process
started as a person starts it."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import PROJECT_ROOT

NOT_AT_LOGIN = (
    "alembic",
    "reportlab",
    "escpos",
    "PIL",
    "barcode",
    "stdnum",
    "pydoc",
    "requests",
    "httpx",
    "cryptography",
    "pos.adapters.backup",
    "pos.services.backups",
    "ui.clock_dialog",
    "ui.menu_dialog",
    "ui.print_jobs_dialog",
    "ui.recovery_dialog",
    "ui.restore_dialog",
    "ui.first_run",
    "PySide6.QtMultimedia",
)
"""Modules (and packages) not loaded when the counter window's login shows."""
BEHIND_THE_LOGIN = ("sqlalchemy", "pos.adapters.db", "pos.counter", "pos.services", "ui.app")
"""Not loaded when the login is first painted: the store is opened after it."""

LOGIN_SHOWN = """
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from ui.login_first import LoginFirst
watched = sys.argv[1].split(",")
def loaded():
    names = list(sys.modules)
    return sorted({w for w in watched for m in names if m == w or m.startswith(w + ".")})
def shown():
    return ",".join(type(w).__name__ for w in QApplication.topLevelWidgets() if w.isVisible())
store_open = LoginFirst._store_open
def window_made(self, opened):
    store_open(self, opened)
    print("then shown:", shown(), flush=True)
    print("at counter login:", ",".join(loaded()), flush=True)
LoginFirst._store_open = window_made
def exec_(self):
    print("shown:", shown(), flush=True)
    print("at login:", ",".join(loaded()), flush=True)
    end = time.monotonic() + 3
    while time.monotonic() < end:  # the event loop runs a while: what waited is made
        self.processEvents()
        time.sleep(0.01)
    print("soon after:", ",".join(loaded()), flush=True)
    QTimer.singleShot(0, self.quit)
    return real_exec()
real_exec = QApplication.exec
QApplication.exec = exec_
import main
sys.exit(main.main(sys.argv[2:]))
"""


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", LOGIN_SHOWN, ",".join(NOT_AT_LOGIN + BEHIND_THE_LOGIN), *args],
        cwd=PROJECT_ROOT,
        env=os.environ | {"QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=120,
    )


def said(out: str, label: str) -> list[str]:
    line = next(line for line in out.splitlines() if line.startswith(label))
    return [name for name in line.removeprefix(label).strip().split(",") if name]


def test_the_login_shows_before_what_it_does_not_need_is_loaded(tmp_path):
    data = str(tmp_path / "data")
    made = subprocess.run(
        [sys.executable, "main.py", "--data-dir", data, "demo"],
        cwd=PROJECT_ROOT, env=os.environ | {"QT_QPA_PLATFORM": "offscreen"},
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    started = run("--data-dir", data)
    assert started.returncode == 0, started.stderr
    assert said(started.stdout, "shown:") == ["EarlyLogin"]
    assert said(started.stdout, "at login:") == []  # painted before the store is opened
    assert "MainWindow" in said(started.stdout, "then shown:")
    assert set(said(started.stdout, "at counter login:")) <= set(BEHIND_THE_LOGIN)
    assert "PySide6.QtMultimedia" in said(started.stdout, "soon after:")  # the refusal sound
