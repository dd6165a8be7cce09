"""Keys typed at the login as soon as it shows are kept, in a real X server with no window
manager: a centre set up in the first-run window by real X key events, then Enter to the login
and, at once (while the counter window is still being made), the staff number, Enter, the PIN
and Enter — the manager is logged in. Before the set-up window stayed open until the counter
window had the keyboard, the first keys went to no window at all."""

from __future__ import annotations

import shutil
import subprocess
import time

import pytest

from tests.acceptance.xsession import XSession, missing

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(missing() is not None, reason=f"real X session: {missing()}"),
]
MANAGER, PIN = "9001", "4821"
KEY_MS = "60"
"""A quick typist: a key every 60 ms, with no pause after the login shows."""


def test_a_pin_typed_as_soon_as_the_login_shows_is_kept(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    with XSession("no") as x:
        x.start_app(data, "--printer", x.printer_url(data))
        x.focus(x.wait_for_window("oppsett", 60))

        def enter(text: str = "") -> None:
            if text:
                x.type(text)
            x.key("Return")

        enter("Testsenter Åsheim")
        x.key("Return", "Return", "Return")  # register K1, "Kasse 1", label block 1
        for _ in range(3):
            enter()  # the centre's company: later, in the back office
        for value in (MANAGER, "Åse Ødegård", PIN, PIN):
            enter(value)
        enter()  # the article groups as offered
        enter("Bua Brukte Klær AS")  # the code 10 offered, the name has the focus
        enter("921100221")  # added
        enter()  # no more tenants
        x.key("Return", "Return", "Return")  # the printer step as offered
        time.sleep(0.3)
        x.key("Return")  # set the centre up
        x.wait_for_log(data, r"centre .+ set up")
        x.wait_for_window("oppsett")
        time.sleep(0.5)  # the recovery code is shown
        mark = len(x.log_of(data))
        # Enter to the login, then the staff number and PIN at once, as one quick hand types.
        for keys in (["key", "Return"], ["type", "--delay", KEY_MS, MANAGER], ["key", "Return"],
                     ["type", "--delay", KEY_MS, PIN], ["key", "Return"]):  # fmt: skip
            subprocess.run(["xdotool", *keys], env=x.env, check=True, timeout=30)
        found = x.wait_for_log(data, rf"staff {MANAGER} logged in|login refused", after=mark)
        assert found.group(0).startswith(f"staff {MANAGER} logged in"), x.log_of(data)[mark:]
        x.wait_for_window("Åpne kassen")  # the float is asked for: the login went through
    assert shutil.which("xdotool")
