"""The login painted before the store is open, in a real X server with no window manager: a
staff number and PIN typed by real X key events as soon as the login shows, while the store is
still being opened behind it, log the cashier in once it is open: every key kept, in order,
though the window that took them gave way to the counter window meanwhile."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from pos.counter import open_counter
from pos.demo.centre import seed_demo
from tests.acceptance.xsession import XSession, missing

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(missing() is not None, reason=f"real X session: {missing()}"),
]
KEY_MS = "40"
"""A quick typist, with no pause after the login shows."""


def test_a_pin_typed_before_the_store_is_open_logs_in_once_it_is(tmp_path):
    data = tmp_path / "data"
    with open_counter(data) as counter:
        seed_demo(counter.uow, counter.signer())
    with XSession("no") as x:
        x.start_app(data, "--printer", x.printer_url(data))
        x.focus(x.wait_for_window("^Kassen starter", 60))  # the login, the store not open yet
        for keys in (["type", "--delay", KEY_MS, "1001"], ["key", "Return"],
                     ["type", "--delay", KEY_MS, "1234"], ["key", "Return"]):  # fmt: skip
            subprocess.run(["xdotool", *keys], env=x.env, check=True, timeout=30)
        found = x.wait_for_log(data, r"staff 1001 logged in|login refused", timeout_s=60)
        assert found.group(0) == "staff 1001 logged in", x.log_of(data)
        handed = re.search(r"(\d+) key events typed meanwhile handed", x.log_of(data))
        assert handed is not None and int(handed.group(1)) > 0  # typed before the store opened
    assert shutil.which("xdotool")
