"""The acceptance week's first day on the centre's SECOND counter, in a real X session.

The central server is set up as the Running block of docs/sync.md says (a throwaway PostgreSQL
that authenticates as Debian's, the database user, a TLS certificate, ``serve``, the site and
its codes). The first counter is the week's centre set up in the window (day one's first run,
the manager's float, the cashier added, items labelled, one sold, the count, close and Z), then
enrolled and synced with the block's commands. The second counter starts from an empty data
directory and joins through the window's "Join a centre on the central server" (Alt+S) with
its own one-time code and the receipt printer, and runs day one's trade as register K2: the
manager's float, items labelled, mixed baskets with a split tender and cash rounding, a return
to a credit note taken at payment, a repair taken in, repaired and picked up, the blind count,
close and Z. Then both sync as the block has it, and the server's takings per tenant and
register equal each counter's Z reports to the øre, and no receipt number or label is given
out twice across the two."""

# ruff: noqa: F811  (the throwaway Debian-like cluster is imported from test_running_doc)
from __future__ import annotations

import contextlib
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import pytest

from pos.clock import OSLO
from pos.identifiers import parse_in_store_ean13
from pos.services.labels import PER_BLOCK
from tests.acceptance.week_day_one import (
    add_cashier,
    first_run,
    register_items,
    trade_of_day_one,
)
from tests.acceptance.week_outputs import command, pages_with
from tests.acceptance.week_plan import (
    DAY_TWO_FLOAT,
    MANAGER,
    SCREEN,
    Week,
    close_and_z,
    open_till,
    pay,
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


@dataclass(frozen=True)
class Centre:
    database: str
    here: Path
    shell: Shell
    first: Week
    second: Week
    day: str


@pytest.fixture
def centre(debian_cluster, tmp_path_factory) -> Iterator[Centre]:
    """The Running block's server, the first counter set up in the window and enrolled by the
    block's commands, the second joined in the window and its day; both synced."""
    here = tmp_path_factory.mktemp("centre")
    here.chmod(0o755)  # runuser -u postgres starts there
    ports = {"PORT": str(free_port()), "DB_PORT": str(debian_cluster.port)}
    shell = Shell(here, ports, {"PGHOST": str(debian_cluster.root)})
    lines = running_block()
    counters = next(n for n, line in enumerate(lines) if line.startswith("omigjen-pos"))
    first_enrols = [line for line in lines[counters:] if "--data-dir K1" in line
                    and " simulate " not in line]  # fmt: skip
    second_code = next(line for line in lines if line.startswith("CODE2="))
    today = datetime.now(OSLO).date()
    try:
        for line in lines[:counters]:  # the server, its database, TLS, the site, a code
            shell.run(line)
        with XSession("no", size=f"{SCREEN[0]}x{SCREEN[1]}") as x:
            try:
                first = counter_week(x, here, "K1", today)
                the_first_counters_day(first)
                for line in first_enrols:  # enrol, sync
                    shell.run(line)
                shell.run(second_code)
                second = counter_week(x, here, "K2", today)
                server, code = shell.env["SERVER"], shell.env["CODE2"]
                join_and_trade(second, server, code, here / "server.pem")
            except BaseException:
                with contextlib.suppress(Exception):  # the failure itself is what matters
                    x.screenshot(here / "failed.png")
                raise
        for name in ("K2", "K1"):  # the second's day up, then the first pulls it
            shell.run(f"omigjen-pos --data-dir {name} sync")
        database = debian_cluster.url("pos")
        yield Centre(database, here, shell, first, second, today.isoformat())
    finally:
        shell.stop()


def counter_week(x: XSession, here: Path, register: str, today: date) -> Week:
    work = here / f"work-{register}"
    work.mkdir()
    return Week(x, here / register, here / f"printer-{register}.escpos", work / "shots", work,
                (today, today, today), register=register)  # fmt: skip


def the_first_counters_day(week: Week) -> None:
    """The centre set up here in the window, the cashier added, items labelled, one sold by
    card, the count (the float), close and Z."""
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
    close_and_z(week, p, DAY_TWO_FLOAT, card="349", vipps="0", expected="1 500,00")
    week.stop()


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


def test_the_second_counters_day_adds_up_on_the_server_with_nothing_given_out_twice(
    centre: Centre,
) -> None:
    """One test, so that the centre is set up once however the suite is spread over workers."""
    the_second_counter_joined_as_k2_and_its_journal_verifies(centre)
    each_counters_z_reports_equal_the_servers_takings_to_the_ore(centre)
    no_receipt_number_or_label_is_given_out_twice_across_the_counters(centre)


def the_second_counter_joined_as_k2_and_its_journal_verifies(centre: Centre) -> None:
    second = centre.second
    log = second.p.log()
    assert "joined from the server as register K2" in log
    assert log.count("till closed at K2 by staff 9001") == 1
    assert re.search(rf"Z report nr \d+ for org.no 921100221, business day {centre.day}", log)
    now = datetime.now(OSLO)
    verified = command(second.data, now, "verify-journal").stdout
    assert verified.startswith("OK:"), verified
    missing_z = command(second.data, now, "z-report", "--missing", "--staff", MANAGER[0],
                        "--pin", MANAGER[2]).stdout  # fmt: skip
    assert "Ingen dager uten Z-rapport" in missing_z, missing_z


def each_counters_z_reports_equal_the_servers_takings_to_the_ore(centre: Centre) -> None:
    compared = z_reports_against_the_server(centre.database, centre.here, centre.day)
    assert {("K1", "11"), ("K2", "11"), ("K2", "12"), ("K2", "13")} <= compared


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
