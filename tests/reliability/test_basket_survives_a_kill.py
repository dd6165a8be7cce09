"""A basket survives the counter being killed (SIGKILL: a crash or a power cut) mid-basket: the
real app, started as ``main.py`` starts it, is killed after two items are rung up; started
again, the cashier logs in and the two items are back; someone else logging in finds them parked
under the cashier's name instead."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PROJECT_ROOT

DRIVE = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from ui.main_window import MainWindow
from tests.counter_shown import when_shown
real_exec = QApplication.exec
staff, pin, codes, quit_after = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4] == "quit"

def window():
    return next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))

def when(ready, then):
    timer = QTimer()
    def check():
        if ready():
            timer.stop()
            then()
    timer.timeout.connect(check)
    timer.start(20)
    when.timers.append(timer)
when.timers = []

def report():
    win = window()
    lines = [line.description for line in win.session.basket.lines]
    print("BASKET", "|".join(lines), flush=True)
    print("SAID", win.sale.message.text(), flush=True)
    parked = win.session.parked()
    print("PARKED", "|".join(f"{p.parked_by}: {p.first_item}" for p in parked), flush=True)
    if quit_after:
        QApplication.instance().quit()

def ring_up():
    win = window()
    for code in filter(None, codes.split(",")):
        win.route_scan(code)
    report()

def exec_and_drive(self):
    def log_in(shown):
        shown.log_in(staff, pin)
        when(lambda: shown.logged_in, ring_up)
    when_shown(log_in)
    return real_exec()

QApplication.exec = exec_and_drive
import main
sys.exit(main.main(sys.argv[5:]))
"""


def start(
    data: Path, staff: str, pin: str, codes: str, *, quit_after: bool
) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", DRIVE, staff, pin, codes, "quit" if quit_after else "stay",
         "--data-dir", str(data)],
        cwd=PROJECT_ROOT,
        env=os.environ | {"QT_QPA_PLATFORM": "offscreen"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )  # fmt: skip


def said(process: subprocess.Popen[str]) -> dict[str, str]:
    out, err = process.communicate(timeout=120)
    assert process.returncode == 0, err[-3000:]
    return dict(line.split(" ", 1) for line in out.splitlines() if " " in line)


def killed_mid_basket(data: Path) -> None:
    seller = start(data, "1001", "1234", "KAFFE-MED,7310750000018", quit_after=False)
    assert seller.stdout is not None
    for line in seller.stdout:  # the basket is on the screen: now the power goes
        if line.startswith("BASKET"):
            assert line.strip() == 'BASKET Kaffe (ta med)|Slange 28" Schrader'
            break
    else:
        pytest.fail(seller.stderr.read() if seller.stderr else "no basket")
    seller.send_signal(signal.SIGKILL)
    seller.wait(timeout=30)
    assert seller.returncode == -signal.SIGKILL


@pytest.fixture
def data(tmp_path: Path) -> Path:
    made = subprocess.run(
        [sys.executable, "main.py", "--data-dir", str(tmp_path / "data"), "demo"],
        cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    return tmp_path / "data"


def test_the_cashier_gets_the_basket_back_after_the_counter_was_killed(data):
    killed_mid_basket(data)
    back = said(start(data, "1001", "1234", "", quit_after=True))
    assert back["BASKET"] == 'Kaffe (ta med)|Slange 28" Schrader'
    assert "is back" in back["SAID"] or "er tilbake" in back["SAID"]


def test_the_next_person_finds_it_parked_under_the_cashiers_name(data):
    killed_mid_basket(data)
    other = said(start(data, "9001", "9999", "", quit_after=True))
    assert other.get("BASKET", "") == ""
    assert "Kari Kasserer" in other["SAID"]
    assert other["PARKED"] == "Kari Kasserer: Kaffe (ta med)"
