"""The acceptance week on the centre's SECOND counter, three business days in a real X session.

The central server is set up as the Running block of docs/sync.md says (a throwaway PostgreSQL
that authenticates as Debian's, the database user, a TLS certificate, ``serve``, the site and
its codes). The first counter is the week's centre set up in the window (day one's first run,
the manager's float, the cashier added, items labelled, one sold, the count, close and Z), then
enrolled and synced with the block's commands. The second counter starts from an empty data
directory and joins through the window's "Join a centre on the central server" (Alt+S) with
its own one-time code and the receipt printer, and runs day one's trade as register K2: the
manager's float, items labelled, mixed baskets with a split tender and cash rounding, a return
to a credit note taken at payment, a repair taken in, repaired and picked up, the blind count,
close and Z. Then both sync as the block has it; K2 lives two more business days
(``week_second_counter_days.py``): the job the first counter took in with a deposit picked up
at K2, a day with the server stopped and caught up after, K2's clock three minutes ahead said
in its status strip before the next sale. After the week the server's takings per tenant,
register and day equal each counter's Z reports to the øre, no receipt number or label is
given out twice across the two, the server found every signature chain whole, and
``verify-journal`` is OK at both."""

# ruff: noqa: F811  (the throwaway Debian-like cluster is imported from test_running_doc)
from __future__ import annotations

import contextlib
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from pos.clock import OSLO
from pos.identifiers import parse_in_store_ean13
from pos.services.labels import PER_BLOCK
from tests.acceptance.week_day_one import (
    add_cashier,
    first_run,
    register_items,
    repair_intake,
    trade_of_day_one,
)
from tests.acceptance.week_outputs import command, pages_with
from tests.acceptance.week_plan import (
    CASHIER,
    MANAGER,
    SCREEN,
    Week,
    close_and_z,
    open_till,
    pay,
)
from tests.acceptance.week_second_counter_days import (
    AHEAD,
    Clock,
    Server,
    k2_day_three,
    k2_day_two,
)
from tests.acceptance.xsession import XSession, missing
from tests.central import free_port
from tests.sync.test_centre_as_documented import z_reports_against_the_server
from tests.sync.test_running_doc import Shell, debian_cluster, running_block  # noqa: F401

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(missing() is not None, reason=f"real X session: {missing()}"),
    pytest.mark.skipif(shutil.which("faketime") is None, reason="needs faketime"),
]


FIRST_COUNT = (1, 1, 1, 0, 0, 0, 0, 0, 0)
"""1 700 kr at the first counter's close: the float and the repair job's deposit."""


@dataclass(frozen=True)
class Centre:
    database: str
    here: Path
    shell: Shell
    first: Week
    second: Week
    days: tuple[str, ...]
    server: Server
    k2_clock: Clock
    """K2's PC clock after the week (ahead of the server's)."""


@pytest.fixture
def centre(debian_cluster, tmp_path_factory) -> Iterator[Centre]:
    """The Running block's server, the first counter set up in the window and enrolled by the
    block's commands, the second joined in the window and its three days; both synced."""
    here = tmp_path_factory.mktemp("centre")
    here.chmod(0o755)  # runuser -u postgres starts there
    ports = {"PORT": str(free_port()), "DB_PORT": str(debian_cluster.port)}
    shell = Shell(here, ports, {"PGHOST": str(debian_cluster.root)})
    lines = running_block()
    counters = next(n for n, line in enumerate(lines) if line.startswith("omigjen-pos"))
    first_enrols = [line for line in lines[counters:] if "--data-dir K1" in line
                    and " simulate " not in line]  # fmt: skip
    second_code = next(line for line in lines if line.startswith("CODE2="))
    serve = next(line for line in lines if line.startswith("omigjen-server serve"))
    server = Server(shell, serve)
    today = datetime.now(OSLO).date()
    days = (today, today + timedelta(days=1), today + timedelta(days=2))
    try:
        for line in lines[:counters]:  # the server, its database, TLS, the site, a code
            shell.run(line)
        with XSession("no", size=f"{SCREEN[0]}x{SCREEN[1]}") as x:
            try:
                first = counter_week(x, here, "K1", today)
                ticket = the_first_counters_day(first)
                for line in first_enrols:  # enrol, sync
                    shell.run(line)
                shell.run(second_code)
                second = counter_week(x, here, "K2", today)
                address, code = shell.env["SERVER"], shell.env["CODE2"]
                join_and_trade(second, address, code, here / "server.pem")
                for name in ("K2", "K1"):  # the second's day up, then the first pulls it
                    shell.run(f"omigjen-pos --data-dir {name} sync")
                k2_day_two(second, first, server, days[1], ticket)
                k2_clock = k2_day_three(second, first, server, days[2])
            except BaseException:
                with contextlib.suppress(Exception):  # the failure itself is what matters
                    x.screenshot(here / "failed.png")
                raise
        for name, moment in (("K2", k2_clock.now()), ("K1", server.now())):
            command(here / name, moment, "sync")  # what is left, then the first pulls it
        database = debian_cluster.url("pos")
        yield Centre(database, here, shell, first, second, tuple(map(str, days)), server,
                     k2_clock)  # fmt: skip
    finally:
        shell.stop()


def counter_week(x: XSession, here: Path, register: str, today: date) -> Week:
    work = here / f"work-{register}"
    work.mkdir()
    return Week(x, here / register, here / f"printer-{register}.escpos", work / "shots", work,
                (today, today, today), register=register)  # fmt: skip


def the_first_counters_day(week: Week) -> str:
    """The centre set up here in the window, the cashier added, items labelled, one sold by
    card, a bike taken in for repair with a cash deposit, the count, close and Z. Returns the
    repair job's ticket id."""
    p = week.start(None)
    first_run(week, p)
    p.focus()
    p.log_in(MANAGER[0], MANAGER[2])
    open_till(p, "1500")
    add_cashier(p)
    register_items(week, p)
    p.scan(week.labels["Ullkåpe grå"])
    sold = pay(p, ("", "F2"))
    week.sold["coat"] = sold.group(1).split(", ")
    p.log_out()
    p.log_in(CASHIER[0], CASHIER[2])
    ticket = repair_intake(week, p)  # picked up at the second counter on day 2
    p.log_out()
    p.log_in(MANAGER[0], MANAGER[2])
    close_and_z(week, p, FIRST_COUNT, card="349", vipps="0", expected="1 700,00")
    week.stop()
    return ticket


def join_and_trade(week: Week, server: str, code: str, ca_file: Path) -> None:
    """An empty data directory: the first-run window's Alt+S, the server's address, the code
    and the certificate; the register's receipt printer (a test page); to the login. Then the
    manager's float and day one's trade."""
    p = week.start(None)
    p.focus("oppsett")
    p.press("alt+s")  # join a centre on the central server instead
    p.start_action()
    for value in (server, code, str(ca_file)):
        p.enter(value)  # Enter in the last field joins
    joined = p.wait_log(
        r"centre .(.+?). joined from the server as register (\w+): (\d+) staff", timeout_s=120
    )
    assert joined.group(2) == week.register and int(joined.group(3)) >= 2, joined.group(0)
    p.type(f"file://{week.printer}")
    p.press("F6")  # a test page straight to it
    p.wait(lambda: bool(pages_with(week.printer, "Testutskrift")), "the test page")
    p.press("Return", "Return", "Return")  # profile and paper as offered
    p.shot("day1-01-joined")
    p.press("Return")  # to the login
    p.closed("oppsett")
    p.log_in(MANAGER[0], MANAGER[2])  # the PIN set at the first counter
    open_till(p, "1500")
    trade_of_day_one(week, p)
    week.stop()


def test_the_second_counters_week_adds_up_on_the_server_with_nothing_given_out_twice(
    centre: Centre,
) -> None:
    """One test, so that the centre is set up once however the suite is spread over workers."""
    the_second_counter_joined_as_k2_and_both_journals_verify(centre)
    each_counters_z_reports_equal_the_servers_takings_to_the_ore_every_day(centre)
    no_receipt_number_or_label_is_given_out_twice_across_the_counters(centre)
    the_server_found_every_chain_whole_and_no_clock_ahead(centre)


def the_second_counter_joined_as_k2_and_both_journals_verify(centre: Centre) -> None:
    second = centre.second
    log = second.p.log()
    assert "joined from the server as register K2" in log
    assert log.count("till closed at K2 by staff 9001") == 3
    for number, day in enumerate(centre.days, start=1):
        assert f"Z report nr {number} for org.no 921100221, business day {day}" in log
    for name, moment in (("K2", centre.k2_clock.now()), ("K1", centre.server.now())):
        verified = command(centre.here / name, moment, "verify-journal").stdout
        assert verified.startswith("OK:"), (name, verified)
    missing_z = command(centre.here / "K2", centre.k2_clock.now(), "z-report", "--missing",
                        "--staff", MANAGER[0], "--pin", MANAGER[2]).stdout  # fmt: skip
    assert "Ingen dager uten Z-rapport" in missing_z, missing_z


def each_counters_z_reports_equal_the_servers_takings_to_the_ore_every_day(
    centre: Centre,
) -> None:
    compared = {
        day: z_reports_against_the_server(centre.database, centre.here, day) for day in centre.days
    }
    first, second, third = centre.days
    assert {("K1", "11"), ("K2", "11"), ("K2", "12"), ("K2", "13")} <= compared[first]
    assert {("K2", "11"), ("K2", "12"), ("K2", "13")} <= compared[second]  # K1's job, here
    assert ("K2", "12") in compared[third]  # the sales queued offline, and the one after


def no_receipt_number_or_label_is_given_out_twice_across_the_counters(centre: Centre) -> None:
    import psycopg

    with psycopg.connect(centre.database.replace("+psycopg", "")) as conn:
        receipts = conn.execute(
            "SELECT payload->'receipt'->>'register_id', payload->'receipt'->>'kind', "
            "payload->'receipt'->>'number_text' FROM events WHERE type IN "
            "('sale.completed', 'return.completed', 'deposit.completed')"
        ).fetchall()
        held = conn.execute("SELECT count(*) FROM quarantine").fetchone()
    numbers = [number for _register, _kind, number in receipts]
    assert len(numbers) == len(set(numbers)) and held == (0,)
    assert all(f"-{register}-" in number for register, _kind, number in receipts)
    told = {n for week in (centre.first, centre.second) for ns in week.sold.values() for n in ns}
    assert set(numbers) == told  # every receipt either log named reached the server, once
    blocks = {
        week.register: {parse_in_store_ean13(code).item_number // PER_BLOCK  # type: ignore[union-attr]
                        for code in week.labels.values()}
        for week in (centre.first, centre.second)
    }  # fmt: skip
    assert blocks == {"K1": {1}, "K2": {2}}
    assert not set(centre.first.labels.values()) & set(centre.second.labels.values())


def the_server_found_every_chain_whole_and_no_clock_ahead(centre: Centre) -> None:
    """The server verifies each tenant's signature chain and numbering per register: no flag
    on any event (no chain break, bad signature, gap, number reused, or clock ahead: K2 was
    ahead by less than the server flags)."""
    import psycopg

    assert AHEAD < timedelta(minutes=5)
    with psycopg.connect(centre.database.replace("+psycopg", "")) as conn:
        flags = conn.execute("SELECT code, count(*) FROM event_flags GROUP BY code").fetchall()
        chains = conn.execute(
            "SELECT payload->'receipt'->>'register_id', count(DISTINCT tenant_id) FROM events "
            "WHERE type = 'sale.completed' GROUP BY 1 ORDER BY 1"
        ).fetchall()
    assert flags == []
    assert chains == [("K1", 1), ("K2", 3)]
