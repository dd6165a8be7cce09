"""A counter PC without a screen or without Qt's X11 libraries gets told what to do, in the
UI's language, instead of Qt aborting the process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from ui.display_check import display_problem

ROOT = Path(__file__).resolve().parents[2]


def everything(name: str) -> str | None:
    return f"/usr/lib/lib{name}.so"


def test_a_desktop_with_the_libraries_starts() -> None:
    assert display_problem("nb", {"DISPLAY": ":0"}, everything, "linux") is None
    assert display_problem("nb", {"WAYLAND_DISPLAY": "wayland-0"}, lambda _: None, "linux") is None


def test_no_screen_names_xvfb_run() -> None:
    said = display_problem("nb", {}, everything, "linux")
    assert said and "Fant ingen skjerm" in said and "xvfb-run" in said
    said = display_problem("en", {}, everything, "linux")
    assert said and "No screen found" in said


def test_missing_libraries_are_named_with_the_install_line() -> None:
    said = display_problem("nb", {"DISPLAY": ":0"}, lambda n: None if n == "xcb-cursor" else "x",
                           "linux")
    assert said is not None
    assert "libxcb-cursor" in said and "libEGL" not in said.split("(")[1].split(")")[0]
    assert "apt-get install" in said and "libxcb-cursor0" in said


def test_a_chosen_platform_or_another_system_is_left_to_qt() -> None:
    assert display_problem("nb", {"QT_QPA_PLATFORM": "offscreen"}, lambda _: None, "linux") is None
    assert display_problem("nb", {}, lambda _: None, "win32") is None


def test_the_gui_command_without_a_screen_exits_with_the_message(tmp_path) -> None:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--data-dir", str(tmp_path / "d"), "--lang", "en"],
        env=env, capture_output=True, text=True, timeout=60,
    )
    assert done.returncode == 2
    assert "No screen found" in done.stderr and "Traceback" not in done.stderr
