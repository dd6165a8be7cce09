"""The counter found its store damaged while it ran (noted as a backup's check notes it), then is
closed: it closes down cleanly (exit 0, no traceback) and records nothing more, not even its
stop, in the damaged store."""

from __future__ import annotations

import signal
import subprocess
import sys

import pytest

from pos.adapters.store_check import note_damage
from tests.conftest import PROJECT_ROOT
from tests.ui.test_os_stop import ENV, demo_store, journal_codes, wait_for

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")


def test_a_counter_closed_after_damage_was_found_stops_cleanly_and_records_nothing(tmp_path):
    data = demo_store(tmp_path)
    starts = journal_codes(data).count(13001)
    process = subprocess.Popen(
        [sys.executable, "main.py", "--data-dir", str(data)],
        cwd=PROJECT_ROOT, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    wait_for(lambda: journal_codes(data).count(13001) > starts)
    before = journal_codes(data)
    note_damage(data, "database disk image is malformed")
    process.send_signal(signal.SIGTERM)
    try:
        _out, err = process.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        process.kill()  # it hung at the stop: never left running
        process.communicate()
        raise
    assert process.returncode == 0, err
    assert "Traceback" not in err and "Fatal Python error" not in err, err
    assert journal_codes(data) == before  # no stop journaled into a damaged store


def test_a_counter_asked_to_stop_while_it_offers_a_restore_at_start_stops(tmp_path):
    """The store is damaged at start: the window offers a restore before the main loop runs,
    where Qt ignores ``quit()``. SIGTERM still ends the counter, nothing restored."""
    from pos.adapters.db import DB_FILE
    from tests.reliability.damage import flip_bytes_in_table, settle

    data = demo_store(tmp_path)
    settle(data / DB_FILE)
    flip_bytes_in_table(data / DB_FILE, "journal")
    log = data / "logs" / "omigjen.log"
    process = subprocess.Popen(
        [sys.executable, "main.py", "--data-dir", str(data)],
        cwd=PROJECT_ROOT, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    wait_for(lambda: log.exists() and "a restore is offered" in log.read_text(encoding="utf-8"))
    process.send_signal(signal.SIGTERM)
    try:
        _out, err = process.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        process.kill()  # it ignored the stop: never left running
        process.communicate()
        raise
    assert "Traceback" not in err, err
