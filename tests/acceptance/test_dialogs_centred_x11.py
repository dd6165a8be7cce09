"""In a real X server without a window manager (a kiosk session), the counter's dialogs open
over the middle of its window: Qt alone leaves them up and to the left of it, where it keeps
room for a title bar nobody draws."""

from __future__ import annotations

import subprocess
import sys
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


def over_the_middle(x: XSession, dialog: str, middle: tuple[int, int]) -> None:
    wait_until(lambda: near(centre(x, dialog), middle), 10, f"the dialog over {middle}",
               lambda: str(centre(x, dialog)))  # fmt: skip


def centre(x: XSession, window_id: str) -> tuple[int, int]:
    shell = x.run("xdotool", "getwindowgeometry", "--shell", window_id).stdout
    at = dict(line.split("=", 1) for line in shell.split())
    return int(at["X"]) + int(at["WIDTH"]) // 2, int(at["Y"]) + int(at["HEIGHT"]) // 2


def near(point: tuple[int, int], middle: tuple[int, int]) -> bool:
    return abs(point[0] - middle[0]) <= 1 and abs(point[1] - middle[1]) <= 1
