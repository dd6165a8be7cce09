"""The centre tested as the docs set it up: the Running block of docs/sync.md run as written
(a throwaway PostgreSQL that authenticates as Debian's, a TLS server, the first counter from a
simulated history, the second from an empty data directory through the documented commands),
then a day across the two counters. The second counter's PC clock runs ahead (libfaketime);
each takes in a repair job with a deposit that the other hands over; the first counter loses
the network, sells and collects on what it last pulled, and catches up. Each counter's Z
reports then equal the server's takings for its register to the øre: sales, returns,
discounts, net, VAT per rate and payment means."""

# ruff: noqa: F811  (the Running block's fixtures are imported from test_running_doc)
from __future__ import annotations

import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from pos.clock import OSLO
from pos.counter import open_counter
from pos.services.reports import stored_z_reports
from server.db import Scope, make_engine, scoped
from server.web import figures
from tests.conftest import PROJECT_ROOT
from tests.faketime import faketime_env
from tests.sync.test_running_doc import debian_cluster, documented  # noqa: F401  (fixtures)

AHEAD = "+10m"
"""The second counter's PC clock: ahead of the server's by more than the 2 minutes the
counter warns at and the 5 minutes the server flags."""
OFFLINE = {"HTTPS_PROXY": "http://127.0.0.1:9", "NO_PROXY": ""}
"""The first counter's network gone: every request to the server fails to connect."""


class Centre:
    def __init__(self, here: Path) -> None:
        self.here = here

    def run(self, name: str, args: list[str], *, env: dict[str, str] | None = None,
            module: bool = False) -> subprocess.CompletedProcess[str]:  # fmt: skip
        """A command at counter ``name``: K2 always at its own clock (ahead)."""
        offset = AHEAD if name == "K2" else None
        command = ([sys.executable, "-m", "tests.sync.centre_desk", str(self.here / name)]
                   if module else
                   [sys.executable, str(PROJECT_ROOT / "main.py"), "--data-dir",
                    str(self.here / name)])  # fmt: skip
        environment = faketime_env(offset) | (env or {})
        return subprocess.run([*command, *args], capture_output=True, text=True,
                              cwd=PROJECT_ROOT, env=environment, timeout=300)  # fmt: skip

    def ok(self, name: str, args: list[str], **kwargs) -> str:  # type: ignore[no-untyped-def]
        done = self.run(name, args, **kwargs)
        assert done.returncode == 0 and "Traceback" not in done.stderr, (args, done.stderr)
        return done.stdout.strip()

    def desk(self, name: str, *args: str, **kwargs) -> str:  # type: ignore[no-untyped-def]
        return self.ok(name, list(args), module=True, **kwargs)

    def sync(self, name: str, **kwargs) -> subprocess.CompletedProcess[str]:  # type: ignore[no-untyped-def]
        done = self.run(name, ["sync"], **kwargs)
        assert "Traceback" not in done.stderr
        return done


@pytest.fixture(scope="module")
def day_across_the_centre(documented):  # type: ignore[no-untyped-def]
    centre = Centre(documented.here)
    said = centre.sync("K2")  # the first sync at the PC's clock measures it
    assert said.returncode == 0 and "minutter foran den sentrale serverens" in said.stderr
    centre.desk("K2", "sell")
    at_k2 = centre.desk("K2", "take-in")
    assert centre.sync("K2").returncode == 0
    centre.desk("K1", "sell")
    at_k1 = centre.desk("K1", "take-in")
    assert centre.sync("K1").returncode == 0  # pushes its job, pulls K2's with its deposit
    # the first counter's network goes: it sells and hands K2's job over on what it pulled
    assert centre.desk("K1", "collect", at_k2, env=OFFLINE) == "20000"
    centre.desk("K1", "sell", env=OFFLINE)
    offline = centre.sync("K1", env=OFFLINE)
    assert offline.returncode == 3, offline.stdout + offline.stderr
    assert centre.sync("K2").returncode == 0
    assert centre.desk("K2", "collect", at_k1) == "20000"  # K1's deposit, deducted at K2
    centre.desk("K2", "sell")
    assert centre.sync("K2").returncode == 0
    back = centre.sync("K1")  # the network is back: it catches up
    assert back.returncode == 0, back.stdout + back.stderr
    day = datetime.now(OSLO).date().isoformat()
    for name in ("K1", "K2"):
        centre.ok(name, ["z-report", "--date", _business_day(name), "--staff", "9001",
                         "--pin", "9999"])  # fmt: skip
        assert centre.sync(name).returncode == 0
    return documented, day


def _business_day(name: str) -> str:
    now = datetime.now(OSLO) + (timedelta(minutes=10) if name == "K2" else timedelta())
    return now.date().isoformat()


def test_each_counters_z_reports_equal_the_servers_takings_to_the_ore(day_across_the_centre):
    documented, day = day_across_the_centre
    compared = z_reports_against_the_server(documented.database, documented.here, day)
    # the café and the chairs' tenant at both; the bike workshop's deposits and pickups too
    assert {("K1", "11"), ("K2", "11"), ("K1", "15"), ("K2", "15")} <= compared
    assert {("K1", "13"), ("K2", "13")} <= compared


def z_reports_against_the_server(
    database: str, here: Path, day: str, registers: tuple[str, ...] = ("K1", "K2")
) -> set[tuple[str, str]]:
    """Each counter's (data directory ``here / register``) Z reports of ``day`` against the
    server's takings for its register, tenant by tenant, to the øre: sales, returns,
    discounts, net, VAT per rate and payment means; nothing left in the server's quarantine.
    Returns the (register, tenant code) pairs compared."""
    engine = make_engine(database)
    try:
        with scoped(engine, Scope.admin()) as conn:
            tenants = dict(conn.execute(text("SELECT code, id FROM tenants")).all())
            on_server = {
                code: figures.per_register(conn, figures.Period(day, day), tenant_id)
                for code, tenant_id in tenants.items()
            }
            held = conn.execute(text("SELECT count(*) FROM quarantine")).scalar()
    finally:
        engine.dispose()
    assert held == 0
    compared = set()
    for register in registers:
        with open_counter(here / register) as counter:
            for code in tenants:
                zs = stored_z_reports(counter.uow, code, day, day, register)
                takings = [t for (_, r), t in on_server[code].items() if r == register]
                if not zs:  # no use of the tenant at this register that day
                    assert not takings, (register, code)
                    continue
                (z,) = zs
                if not takings:  # no trade: the drawer owner's float, or a day of set-up
                    nothing = (z.sales.num, z.returns.num, z.total_cash_sales, _means(z.payments))
                    assert nothing == (0, 0, 0, {}), (register, code)
                    continue
                (t,) = takings
                assert (t.sales, t.returns, t.discounts) == (z.sales, z.returns, z.discounts)
                assert t.net == z.total_cash_sales
                assert t.used_vat == tuple(v for v in z.vat if v.base or v.vat)
                assert _means(t.payments) == _means(z.payments), (register, code)
                compared.add((register, code))
    return compared


def _means(lines) -> dict[str, int]:  # type: ignore[no-untyped-def]
    return {line.code: line.amount for line in lines if line.amount or line.num}
