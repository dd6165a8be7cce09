"""A counter whose PC clock runs hours ahead, through the real command line under libfaketime
against a real server on PostgreSQL: its first repair intake is stamped ahead and the server
clamps it (``hlc_clamped``); the sync measures the clock, says it is ahead, and the counter's
hybrid logical clock counts from the server's time from then on, so later edits are not
clamped. With the PC's clock set right the journal is ahead of it: a manager confirms the
time (the legal record never goes back), and the counter's edits still carry the server's
time, not clamped."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

from pos.clock import OSLO
from pos.counter import open_counter
from pos.services import clock_skew
from tests.faketime import main_at
from tests.sync.conftest import cycle

AHEAD = "+3h"


def intake(data_dir, offset: str | None, customer: str) -> str:
    done = main_at(None, data_dir, "repair-intake", "--tenant", "13", "--staff", "2001",
                   "--pin", "2345", "--customer", customer, "--item", "Sykkel DBS",
                   "--fault", "Girer ikke", "--terms-accepted", offset=offset)  # fmt: skip
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def sync(data_dir, offset: str | None):  # type: ignore[no-untyped-def]
    done = main_at(None, data_dir, "sync", offset=offset)
    assert done.returncode == 0, done.stderr
    return done


def clamped(central) -> int:
    return central.scalar("SELECT count(*) FROM event_flags WHERE code = 'hlc_clamped'")


def test_a_clock_hours_ahead_is_said_and_the_servers_time_stamps_its_later_edits(enrolled, central):
    cycle(enrolled).run()
    data = enrolled.data_dir
    enrolled.close()  # the command line opens the data directory itself
    first = intake(data, AHEAD, "Ola Foran")
    said = sync(data, AHEAD)
    assert clamped(central) == 1  # stamped three hours ahead: clamped to the server's time
    assert "3 timer foran den sentrale serverens" in said.stderr  # as the status strip
    second = intake(data, AHEAD, "Kari Foran")
    sync(data, AHEAD)
    assert clamped(central) == 1  # stamped with the server's time: not clamped
    sync(data, None)  # the PC's clock set right: the journal is three hours ahead of it
    refused = main_at(None, data, "repair-intake", "--tenant", "13", "--staff", "2001",
                      "--pin", "2345", "--customer", "Per", "--item", "Sykkel", "--fault", "Gir",
                      "--terms-accepted")  # fmt: skip
    assert refused.returncode != 0 and "bekrefter riktig tid" in refused.stderr
    confirmed = main_at(None, data, "confirm-time", "--now", _after_the_journal(), "--staff",
                        "9001", "--pin", "9999")  # fmt: skip
    assert confirmed.returncode == 0, confirmed.stderr
    third = intake(data, None, "Per Riktig")
    said = sync(data, None)
    assert clamped(central) == 1
    assert "timer foran den sentrale serverens" in said.stderr  # the counter's clock is
    ahead = central.scalar(
        "SELECT json_object_agg(payload->>'ticket', (substr(payload->>'hlc', 1, 13)::bigint "
        "- extract(epoch FROM received_at) * 1000) / 60000) FROM events "
        "WHERE type = 'repair.ticket_created'"
    )  # minutes each intake's stamp was ahead of the server when it arrived
    assert 170 < ahead[first] < 190
    assert abs(ahead[second]) < 2 and abs(ahead[third]) < 2
    with open_counter(data) as again, again.uow.read() as uow:
        offset = clock_skew.offset_ms(uow)  # the counter records at the confirmed time
        assert offset is not None and -3 * 3_600_000 - 300_000 < offset < -3 * 3_600_000 + 300_000
        flags = uow.sync.problems(50)
    codes = [c for p in flags for c in (json.loads(p["codes"]) if isinstance(p["codes"], str)
                                        else p["codes"])]  # fmt: skip
    assert codes.count("hlc_clamped") == 1  # the ahead time is flagged (clock_ahead) all along


def _after_the_journal() -> str:
    """A time the manager may confirm: after the journal's rows stamped three hours ahead."""
    return (datetime.now(OSLO) + timedelta(hours=3, minutes=2)).strftime("%Y-%m-%d %H:%M")
