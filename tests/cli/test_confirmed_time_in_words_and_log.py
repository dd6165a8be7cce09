"""The PC's clock a day behind and a manager's confirmed time in use: the command line says how
far off the PC's clock is in the window's words (``23 t 59 min``, never a count of seconds), and
the support log stamps its lines with the confirmed time the records get, not the PC's."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from pos.clock import OSLO
from tests.faketime import main_at

STAFF = ["--staff", "9001", "--pin", "9999"]
SPAN = r"\d+ (d|t|h|min)( \d+ (t|h|min))*"  # "1 d", "23 t 59 min": a whole day has no minutes


def ok(result) -> str:
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    return result.stdout


def test_a_confirmed_time_is_said_as_the_window_says_it_and_stamps_the_log(tmp_path):
    data = tmp_path / "data"
    today = datetime.now(OSLO).date()
    ok(main_at(None, data, "demo"))  # at the real time
    behind = "-1d"  # the PC's clock a day behind, running on
    refused = main_at(None, data, "x-report", *STAFF, offset=behind)
    assert refused.returncode == 2

    real = (datetime.now(OSLO) + timedelta(minutes=1)).strftime("%Y-%m-%d %H:%M")
    confirmed = ok(main_at(None, data, "confirm-time", "--now", real, *STAFF, offset=behind))
    assert re.search(f"PC-klokken går {SPAN} for sakte; kassen bruker tiden en leder bekreftet",
                     confirmed), confirmed  # fmt: skip
    assert "Få PC-klokken rettet." in confirmed and " s;" not in confirmed
    english = ok(main_at(None, data, "--lang", "en", "confirm-time", "--now", real, *STAFF,
                         offset=behind))  # fmt: skip
    assert re.search(f"The PC's clock is {SPAN} slow", english), english

    log = data / "logs" / "omigjen.log"
    before = len(log.read_text(encoding="utf-8").splitlines())
    ok(main_at(None, data, "x-report", *STAFF, offset=behind))
    new = [ln for ln in log.read_text(encoding="utf-8").splitlines()[before:] if ln[:4].isdigit()]
    assert new and all(line.startswith(f"{today} ") for line in new), new
