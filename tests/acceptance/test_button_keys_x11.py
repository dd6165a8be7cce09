"""In a real X server a button's key does what the button does though the field with the focus
has an editing key on it: Qt gives a text field on X11 Ctrl+E for "end of line", so the items
page's "Change price Ctrl+E", pressed with the new price typed in its field, did nothing."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pos.counter import open_counter
from pos.identifiers import make_in_store_ean13
from pos.services import catalogue
from tests.acceptance.counter_ui import Person
from tests.acceptance.xsession import XSession, missing
from tests.conftest import PROJECT_ROOT

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(missing() is not None, reason=f"real X session: {missing()}"),
]


def test_ctrl_e_changes_the_price_typed_for_the_item_scanned(tmp_path: Path):
    data = tmp_path / "data"
    subprocess.run([sys.executable, str(PROJECT_ROOT / "main.py"), "--data-dir", str(data),
                    "demo"], check=True, capture_output=True)  # fmt: skip
    label = make_in_store_ean13("11", 1)
    shots = Path(os.environ.get("OMIGJEN_X_SHOTS") or tmp_path / "shots") / "button-keys"
    with XSession(size="1366x768") as x:
        x.start_app(data, "--printer", x.printer_url(data))
        person = Person(x, data, shots)
        person.focus()
        person.log_in("9001", "9999")
        person.open_page("items", "manager")
        person.scan(label, "taken", "ItemsPage")
        person.press("Tab", "Tab", "Tab", "Tab")  # tenant, text, two filters, list: the price
        person.type("180")
        person.press("ctrl+e")
        time.sleep(2)
        person.shot("after-ctrl-e")
        person.press("ctrl+l")
        time.sleep(1)
    with open_counter(data) as counter:
        assert catalogue.find_item(counter.uow, label).price == 18000
