"""A centre's settlement through the documented commands: the Running block of docs/sync.md
(a real PostgreSQL, a TLS server, K1 from a simulated history and K2 from an empty data
directory), the tenant's terms set at K1, sales at both counters, and `settlement` at K2:
refused naming K2 and the day while K2's day has no Z, then made by the server over both
registers with K1's commission, numbered for the centre (the next one asked at K1 gets the
next number), and shown once on the web's Oppgjør page with the same figures to the øre."""

# ruff: noqa: F811  (the Running block's fixtures are imported from test_running_doc)
from __future__ import annotations

import subprocess
import sys
from datetime import datetime, timedelta

import requests
from sqlalchemy import text

from pos.clock import OSLO
from pos.counter import open_counter
from pos.money import format_nok
from pos.services import settlement
from pos.services.reports import stored_z_reports
from server.db import Scope, make_engine, scoped
from server.web import users
from tests.conftest import PROJECT_ROOT
from tests.day_end.test_pdfs import pdf_text
from tests.faketime import faketime_env
from tests.sync.test_centre_as_documented import Centre
from tests.sync.test_running_doc import debian_cluster, documented  # noqa: F401  (fixtures)
from tests.web.test_sign_in_and_bad_input import PASSWORD, sign_in

MANAGER = ["--staff", "9001", "--pin", "9999"]


class Web:
    """The documented server's web back office over its TLS address."""

    def __init__(self, base: str, ca_file: str) -> None:
        self.base, self.ca_file, self.session = base, ca_file, requests.Session()

    def get(self, path: str) -> requests.Response:
        return self.session.get(self.base + path, timeout=30, verify=self.ca_file)

    def post(self, path: str, **kwargs) -> requests.Response:  # type: ignore[no-untyped-def]
        return self.session.post(self.base + path, timeout=30, verify=self.ca_file, **kwargs)


class CentreOnTime(Centre):
    """The documented centre's commands, both counters at the PC's own clock."""

    def run(self, name: str, args: list[str], *, env: dict[str, str] | None = None,
            module: bool = False) -> subprocess.CompletedProcess[str]:  # fmt: skip
        command = ([sys.executable, "-m", "tests.sync.centre_desk", str(self.here / name)]
                   if module else
                   [sys.executable, str(PROJECT_ROOT / "main.py"), "--data-dir",
                    str(self.here / name)])  # fmt: skip
        return subprocess.run([*command, *args], capture_output=True, text=True,
                              cwd=PROJECT_ROOT, env=faketime_env(None) | (env or {}),
                              timeout=300)  # fmt: skip


def z_net(here, register: str, day: str) -> int:  # type: ignore[no-untyped-def]
    with open_counter(here / register) as counter:
        zs = stored_z_reports(counter.uow, "11", day, day, register)
    assert len(zs) == 1
    return zs[0].total_cash_sales


def test_a_settlement_at_k2_covers_both_registers_with_k1s_terms_once(documented):
    here, shell = documented.here, documented.shell
    centre = CentreOnTime(here)
    day = datetime.now(OSLO).date().isoformat()
    yesterday = (datetime.now(OSLO) - timedelta(days=1)).date().isoformat()
    ok = centre.ok
    ok("K1", ["tenant-terms", "--tenant", "11", "--commission", "20", "--account",
              "1234.56.78903", *MANAGER])  # fmt: skip
    ok("K2", ["till-open", "--float", "1500", *MANAGER])
    centre.desk("K2", "sell")
    centre.desk("K1", "sell")
    for name in ("K1", "K2"):
        assert centre.sync(name).returncode == 0
    ok("K1", ["z-report", "--date", day, *MANAGER])
    assert centre.sync("K1").returncode == 0
    asked = ["settlement", "--tenant", "11", "--from", day, "--to", day, *MANAGER]
    refused = centre.run("K2", asked)
    assert refused.returncode == 2, refused.stdout + refused.stderr
    said = refused.stdout + refused.stderr
    assert "kasse K2" in said and day in said and "Traceback" not in said
    ok("K2", ["z-report", "--date", day, *MANAGER])
    made = ok("K2", [*asked, "--pdf", str(here / "oppgjor.pdf"), "--csv", str(here / "o.csv")])
    assert "OPPGJ-11-00001" in made and "Kasser: K1, K2 (alle kassene i senteret)" in made
    commission = [line for line in made.splitlines() if "Provisjon" in line]
    assert commission and all("20,00 %" in line for line in commission)  # K1's terms, at K2
    with open_counter(here / "K2") as k2:
        (doc,) = settlement.settlement_docs(k2.uow, "11")
    both = z_net(here, "K1", day) + z_net(here, "K2", day)
    assert doc.line_amount("info:net_sales") == both and z_net(here, "K2", day) > 0
    assert doc.bank_account == "12345678903" and doc.registers == "K1, K2"
    statement = pdf_text(here / "oppgjor.pdf")  # the statement names the registers it covers
    assert "Kasser: K1, K2 (alle kassene i senteret)." in statement
    csv_rows = (here / "o.csv").read_text(encoding="utf-8-sig").splitlines()
    assert csv_rows[0].split(";")[6] == "Kasser" and csv_rows[1].split(";")[6] == "K1, K2"
    # the next settlement, asked at K1, continues the centre's series
    second = ok("K1", ["settlement", "--tenant", "11", "--from", yesterday, "--to", yesterday,
                       *MANAGER])  # fmt: skip
    assert "OPPGJ-11-00002" in second
    # the web's Oppgjør page shows each once, with the counter's figures to the øre
    engine = make_engine(documented.database)
    try:
        with scoped(engine, Scope.admin()) as conn:
            site = conn.execute(text("SELECT id FROM sites WHERE name = 'Asker'")).scalar()
            users.add_user(conn, users.NewUser("leder", "Leder", "manager", PASSWORD,
                                               site_id=site))  # fmt: skip
    finally:
        engine.dispose()
    web = Web(f"https://localhost:{shell.overrides['PORT']}", str(here / "server.pem"))
    assert sign_in(web, "leder").status_code == 200
    page = web.get(f"/settlements?from={yesterday}&to={day}").text
    assert page.count('data-settlement="OPPGJ-11-00001"') == 1
    assert page.count('data-settlement="OPPGJ-11-00002"') == 1
    assert format_nok(doc.net_payable) in page and "K1, K2" in page
