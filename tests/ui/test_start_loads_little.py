"""The counter's start loads only what the login screen needs: the dialogs, backups, PDFs, the
printer database and images, check-digit tables and the first-run set-up are loaded when first
used, and the refusal sound soon after the login has shown. Checked in a fresh process started
as a person starts it."""

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
"""Modules (and packages) not loaded when the login screen first shows."""

LOGIN_SHOWN = """
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
watched = sys.argv[1].split(",")
def loaded():
    names = list(sys.modules)
    return sorted({w for w in watched for m in names if m == w or m.startswith(w + ".")})
def exec_(self):
    shown = [type(w).__name__ for w in self.topLevelWidgets() if w.isVisible()]
    print("shown:", ",".join(shown), flush=True)
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
        [sys.executable, "-c", LOGIN_SHOWN, ",".join(NOT_AT_LOGIN), *args],
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
    assert said(started.stdout, "shown:") == ["MainWindow"]
    assert said(started.stdout, "at login:") == []
    assert "PySide6.QtMultimedia" in said(started.stdout, "soon after:")  # the refusal sound
