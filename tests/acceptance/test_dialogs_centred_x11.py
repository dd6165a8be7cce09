"""In a real X server without a window manager (a kiosk session), the counter's dialogs open
over the middle of its window: Qt alone leaves them up and to the left of it, where it keeps
room for a title bar nobody draws; and a dialog opened right after another closed (F10's reason,
then the manager's approval) is on top of the window, not hidden behind it."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.acceptance.counter_ui import MAIN_WINDOW, Person
from tests.acceptance.xsession import XSession, missing, wait_until
from tests.conftest import PROJECT_ROOT

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(missing() is not None, reason=f"real X session: {missing()}"),
]


def test_the_menu_and_the_payment_open_over_the_middle_of_the_window(tmp_path: Path):
    data = tmp_path / "data"
    subprocess.run([sys.executable, str(PROJECT_ROOT / "main.py"), "--data-dir", str(data),
                    "demo"], check=True, capture_output=True)  # fmt: skip
    x = XSession(size="1366x768").start()
    try:
        x.start_app(data, "--printer", x.printer_url(data))
        person = Person(x, data, tmp_path / "shots")
        person.focus()
        person.log_in("1001", "1234")
        person.scan("KAFFE-MED")
        middle = centre(x, x.wait_for_window(MAIN_WINDOW))
        for key, title in (("F1", "^Meny"), ("F12", "^Betaling")):
            person.press(key)
            over_the_middle(x, x.wait_for_window(title), middle)
            person.press("Escape")
            person.closed(title)
    finally:
        x.stop()


def test_the_approval_after_the_drawer_s_reason_opens_over_the_window(tmp_path: Path):
    data = tmp_path / "data"
    subprocess.run([sys.executable, str(PROJECT_ROOT / "main.py"), "--data-dir", str(data),
                    "demo"], check=True, capture_output=True)  # fmt: skip
    x = XSession(size="1366x768").start()
    try:
        x.start_app(data, "--printer", x.printer_url(data))
        person = Person(x, data, tmp_path / "shots")
        person.focus()
        person.log_in("1001", "1234")  # a cashier: a no-sale opening needs a manager
        main = x.wait_for_window(MAIN_WINDOW)
        person.press("F10")
        wait_until(lambda: len(top_level(x)) > 1, 10, "the reason dialog", lambda: "")
        person.enter("veksel")
        approval = x.wait_for_window("^Godkjenning av leder")
        wait_until(lambda: above(x, approval, main), 10, "the approval above the window",
                   lambda: f"{top_level(x)} dialog {approval} window {main}")  # fmt: skip
        time.sleep(0.5)
        assert above(x, approval, main), top_level(x)  # and it stays there
    finally:
        x.stop()


def top_level(x: XSession) -> list[int]:
    """The root's children as xwininfo lists them: the topmost first."""
    tree = x.run("xwininfo", "-root", "-children").stdout
    return [int(line.split()[0], 16) for line in tree.splitlines()
            if line.strip().startswith("0x") and "(has no name)" not in line]  # fmt: skip


def above(x: XSession, dialog: str, window: str) -> bool:
    order, above_id, below_id = top_level(x), int(dialog), int(window)
    return above_id in order and below_id in order and order.index(above_id) < order.index(below_id)


def over_the_middle(x: XSession, dialog: str, middle: tuple[int, int]) -> None:
    wait_until(lambda: near(centre(x, dialog), middle), 10, f"the dialog over {middle}",
               lambda: str(centre(x, dialog)))  # fmt: skip


def centre(x: XSession, window_id: str) -> tuple[int, int]:
    shell = x.run("xdotool", "getwindowgeometry", "--shell", window_id).stdout
    at = dict(line.split("=", 1) for line in shell.split())
    return int(at["X"]) + int(at["WIDTH"]) // 2, int(at["Y"]) + int(at["HEIGHT"]) // 2


def near(point: tuple[int, int], middle: tuple[int, int]) -> bool:
    return abs(point[0] - middle[0]) <= 1 and abs(point[1] - middle[1]) <= 1
