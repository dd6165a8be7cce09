"""The docs are the test: the commands of the "Running" block in docs/sync.md, run exactly as
written (one bash per line, in order) against a throwaway PostgreSQL cluster that authenticates
as a fresh Debian one does (peer on the socket, a password over TCP), give a database user and
database, a certificate, a server and two counters in sync: the second, from an empty data
directory, is register K2 with label block 2 and has the centre's tenants, staff and items. Both
then sell, and their receipt numbers and labels never collide while the server's totals equal
the counters' own. Only the ports get this test's values (a free one for the server, the
cluster's own for PostgreSQL: not the default, so the block's port is proved to reach every
line); ``PGHOST`` points ``psql`` at the throwaway cluster's socket directory."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests

from pos.clock import SystemClock
from pos.counter import Counter, open_counter
from pos.identifiers import parse_in_store_ean13
from pos.model.basket import Basket
from pos.model.catalogue import ItemKind, ItemStatus
from pos.model.payment import Tender, TenderKind
from pos.services import auth, catalogue, checkout, item_entry, setup, till
from pos.services.context import TillContext
from pos.services.labels import PER_BLOCK
from pos.vat import VatClass
from server.pg_cluster import PgCluster, PostgresUnavailable
from tests.central import free_port
from tests.conftest import PROJECT_ROOT

DOC = PROJECT_ROOT / "docs" / "sync.md"
_ASSIGNMENT = re.compile(r"^([A-Z][A-Z0-9_]*)=(.*)$")


def running_block() -> list[str]:
    """The command lines of the first code block under ``## Running`` (comments dropped)."""
    text = DOC.read_text(encoding="utf-8")
    section = text.split("\n## Running\n", 1)[1].split("\n## ", 1)[0]
    block = section.split("```sh\n", 1)[1].split("```\n", 1)[0]
    lines = [line.split("  #")[0].rstrip() for line in block.splitlines()]
    return [line for line in lines if line and not line.lstrip().startswith("#")]


class Shell:
    """Runs the block's lines one by one, keeping the variables the lines assign."""

    def __init__(self, cwd: Path, overrides: dict[str, str], env: dict[str, str]) -> None:
        self.cwd, self.overrides = cwd, overrides
        bin_dir = str(Path(sys.executable).parent)
        self.env = os.environ | env | {"PATH": f"{bin_dir}:{os.environ.get('PATH', '')}"}
        self.assigned: set[str] = set()
        self.background: list[subprocess.Popen[bytes]] = []
        self.outputs: list[tuple[str, subprocess.CompletedProcess[str]]] = []

    def run(self, line: str) -> None:
        words = line.split(None, 1)
        if words[0] == "export":
            for assignment in shlex.split(words[1]):
                self.assign(assignment)
        elif _ASSIGNMENT.match(line):
            self.assign(line)
        elif line.endswith(" &"):
            self.background.append(self.start(line[:-2]))
        else:
            done = self.bash(line)
            assert done.returncode == 0, f"{line}\n{done.stdout}\n{done.stderr}"

    def assign(self, assignment: str) -> None:
        name, value = _ASSIGNMENT.match(assignment).groups()  # type: ignore[union-attr]
        self.assigned.add(name)
        if name in self.overrides:
            self.env[name] = self.overrides[name]
            return
        # as bash assigns it ($VAR, $(...)); the assignment fails if its command does
        done = self.bash(f'{name}={value}; status=$?; printf %s "${name}"; exit $status')
        assert done.returncode == 0, f"{assignment}\n{done.stderr}"
        self.env[name] = done.stdout.strip()

    def bash(self, line: str) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(["bash", "-c", line], cwd=self.cwd, env=self.env,
                              capture_output=True, text=True, timeout=600)  # fmt: skip
        self.outputs.append((line, done))
        return done

    def start(self, line: str) -> subprocess.Popen[bytes]:
        quiet = subprocess.DEVNULL
        process = subprocess.Popen(["bash", "-c", f"exec {line}"], cwd=self.cwd, env=self.env,
                                   stdout=quiet, stderr=quiet)  # fmt: skip
        self.wait_for_server(process)
        return process

    def wait_for_server(self, process: subprocess.Popen[bytes]) -> None:
        url, deadline = self.env["SERVER"] + "/openapi.json", time.monotonic() + 60
        while True:
            try:
                if requests.get(url, timeout=2, verify=str(self.cwd / "server.pem")).ok:
                    return
            except requests.RequestException:
                pass
            assert process.poll() is None, "the server stopped"
            assert time.monotonic() < deadline, "the server did not start"
            time.sleep(0.2)

    def stop(self) -> None:
        for process in self.background:
            process.terminate()
            process.wait(15)


@dataclass(frozen=True)
class Documented:
    database: str
    here: Path
    shell: Shell


def debian_like() -> Iterator[PgCluster]:
    """A PostgreSQL cluster set up as Debian's package sets one up: the superuser reached as
    the OS user ``postgres`` on the socket (peer), everyone else with a password over TCP."""
    if os.geteuid() != 0:
        pytest.skip("the documented set-up runs as root (runuser -u postgres)")
    try:
        cluster = PgCluster(debian_auth=True).start()
    except PostgresUnavailable as missing:
        pytest.skip(str(missing))
    yield cluster
    cluster.stop()


debian_cluster = pytest.fixture(scope="module")(debian_like)
fresh_debian_cluster = pytest.fixture(debian_like)
"""A cluster of its own: roles are the cluster's, so once the Running block has made
``omigjen_app`` another database's first migrate no longer needs to create it."""


@pytest.fixture(scope="module")
def documented(debian_cluster, tmp_path_factory) -> Iterator[Documented]:
    """The Running block run once for the module; its server keeps running until the end."""
    here = tmp_path_factory.mktemp("running")
    here.chmod(0o755)  # runuser -u postgres starts there
    where = {"PGHOST": str(debian_cluster.root)}
    shell = Shell(here, {"PORT": str(free_port()), "DB_PORT": str(debian_cluster.port)}, where)
    assert debian_cluster.port != 5432
    lines = running_block()
    assert any(line.startswith("omigjen-server serve") for line in lines)
    try:
        for line in lines:
            shell.run(line)
        assert set(shell.overrides) <= shell.assigned  # the doc still names what the test replaces
        yield Documented(debian_cluster.url("pos"), here, shell)
    finally:
        shell.stop()


def test_the_running_section_of_the_sync_doc_sets_up_a_server_and_two_counters(documented):
    assert_both_counters_in_sync(documented.database, documented.here)
    said = {line.split()[2]: done.stdout for line, done in documented.shell.outputs
            if line.startswith("omigjen-pos --data-dir") and " enrol " in line}  # fmt: skip
    assert "denne kassen er kasse K1 med etikettserie 1" in said["K1"]  # bokmål, as the UI
    assert "denne kassen er kasse K2 med etikettserie 2" in said["K2"]


def test_the_second_counter_is_set_up_from_the_server_and_works_from_the_command_line(
    documented,
):
    synced = [done.stdout for line, done in documented.shell.outputs
              if line == "omigjen-pos --data-dir K2 sync"]  # fmt: skip
    with open_counter(documented.here / "K1") as k1, k1.uow.read() as uow:
        centre = uow.store.get_meta("centre_name")  # the first counter's, not the site's
    assert centre and centre != "Asker"
    said = f"satt opp fra serveren som kasse K2 (etikettserie 2) i senteret {centre}"
    assert said in synced[0]
    with open_counter(documented.here / "K2") as k2, k2.uow.read() as uow:
        assert uow.store.get_meta("centre_name") == centre
    shell = documented.shell
    opened = shell.bash("omigjen-pos --data-dir K2 till-open --float 1500 --staff 9001 --pin 9999")
    assert opened.returncode == 0, opened.stderr
    status = shell.bash("omigjen-pos --data-dir K2 till-status")
    assert status.returncode == 0 and "K2" in status.stdout and "1\u00a0500,00" in status.stdout
    listed = shell.bash("omigjen-pos --data-dir K2 tenants")
    with open_counter(documented.here / "K1") as k1, k1.uow.read() as uow:
        codes = {t.code for t in uow.store.tenants()}
    assert {line.split("\t")[0] for line in listed.stdout.splitlines()} == codes


def assert_both_counters_in_sync(database: str, here: Path) -> None:
    import psycopg

    with open_counter(here / "K1") as k1, k1.uow.read() as uow:
        sent = uow.queries.count("outbox")
        tenants = {(t.id, t.code, t.name) for t in uow.store.tenants()}
        staff = {(s["staff_no"], s["name"], s["role"]) for s in uow.store.staff_list()}
        items = {(i.id, i.barcode, i.price) for i in uow.queries.items()}
        sold = {i.id for i in uow.queries.items() if i.status is ItemStatus.SOLD}
        counts = {i.id: i.stock_qty for i in uow.queries.items() if i.kind is ItemKind.STOCK}
    with open_counter(here / "K2") as k2, k2.uow.read() as uow:
        pulled = {(t.id, t.code, t.name) for t in uow.store.tenants()}
        pulled_staff = {(s["staff_no"], s["name"], s["role"]) for s in uow.store.staff_list()}
        pulled_items = {(i.id, i.barcode, i.price) for i in uow.queries.items()}
        pulled_sold = {i.id for i in uow.queries.items() if i.status is ItemStatus.SOLD}
        pulled_counts = {i.id: i.stock_qty for i in uow.queries.items()
                         if i.kind is ItemKind.STOCK}  # fmt: skip
        registers = uow.store.registers()
        second = k2.register_id()
        k2_name = uow.store.register_name("K2")
    with open_counter(here / "K1") as k1, k1.uow.read() as uow:
        k1_name = uow.store.register_name("K1")
    with psycopg.connect(database.replace("+psycopg", "")) as conn:
        stored = conn.execute("SELECT count(*), count(DISTINCT event_id) FROM events").fetchone()
        held = conn.execute("SELECT count(*) FROM quarantine").fetchone()
        flags = conn.execute("SELECT count(*) FROM event_flags").fetchone()
        devices = conn.execute("SELECT count(*) FROM devices").fetchone()
        names = dict(conn.execute("SELECT r.register_id, d.name FROM devices d JOIN "
                                  "site_registers r ON r.device_id = d.id").fetchall())  # fmt: skip
    assert sent > 20 and stored == (sent, sent)
    assert held == (0,) and flags == (0,) and devices == (2,)
    assert pulled == tenants and len(tenants) >= 5
    # the second counter is register K2 with label block 2, with the centre's staff and items
    assert second == "K2" and [(r["id"], r["label_block"]) for r in registers] == [("K2", 2)]
    assert pulled_staff == staff and len(staff) >= 3
    assert pulled_items == items and len(items) >= 20
    assert pulled_sold == sold and sold  # the one-offs K1 sold are sold at K2 too
    # the second counter's register has a name people read (login, Z report: "K2 Kasse 2"),
    # and the server knows each counter by its register's name
    assert k2_name == "Kasse 2" and k1_name and k1_name != "K1"
    assert names == {"K1": k1_name, "K2": "K2"}
    # the centre's stock: K1's counts (its sales before enrolment in them, not taken twice)
    assert pulled_counts == counts and any(q is not None for q in counts.values())


def sell_here(counter: Counter, tenant_code: str = "11") -> list[str]:
    """Three one-off items labelled at this counter, each sold with a coffee; their labels."""
    register, clock = counter.register_id(), SystemClock()
    cashier = auth.authenticate(counter.uow, "1001", "1234")
    ctx = TillContext(register, cashier, counter.signer(), clock)
    if till.current_session_id(counter.uow, register) is None:
        manager = auth.authenticate(counter.uow, "9001", "9999")
        till.open_till(counter.uow, TillContext(register, manager, counter.signer(), clock), 50000)
    chair = setup.NewItem(tenant_code, f"Stol fra {register}", 25000, VatClass.HIGH, "DIVERSE",
                          ItemKind.ONE_OFF)  # fmt: skip
    labelled = item_entry.register_items(counter.uow, ctx, [chair] * 3)
    for item in labelled:
        basket = Basket()
        basket.add(item)
        basket.add(catalogue.find_item(counter.uow, "KAFFE-MED"))
        checkout.complete_sale(counter.uow, ctx, basket, [Tender(TenderKind.CASH, 100000)])
    return [str(item.barcode) for item in labelled]


def counter_totals(here: Path, name: str) -> dict[tuple[str, str], int]:
    """The counter's own receipts, summed per (register, tenant)."""
    with open_counter(here / name) as counter, counter.uow.read() as uow:
        found = uow.store.rows(
            "SELECT register_id, tenant_id, sum(total) AS total FROM receipts "
            "GROUP BY register_id, tenant_id"
        )
    return {(r["register_id"], r["tenant_id"]): int(r["total"]) for r in found}


def test_both_counters_sell_with_their_own_receipt_numbers_and_labels(documented):
    import psycopg

    here, shell = documented.here, documented.shell
    labels = {}
    for name in ("K1", "K2"):
        with open_counter(here / name) as counter:
            labels[name] = sell_here(counter)
        shell.run(f"omigjen-pos --data-dir {name} sync")  # as the doc has it
    shell.run("omigjen-pos --data-dir K1 sync")  # K1 pulls K2's labelled items
    blocks = {name: {parse_in_store_ean13(code).item_number // PER_BLOCK  # type: ignore[union-attr]
                     for code in codes} for name, codes in labels.items()}  # fmt: skip
    assert blocks == {"K1": {1}, "K2": {2}} and not set(labels["K1"]) & set(labels["K2"])
    with open_counter(here / "K1") as k1:  # each counter scans the other's labels
        assert all(catalogue.find_item(k1.uow, code) for code in labels["K2"])
    totals = counter_totals(here, "K1") | counter_totals(here, "K2")
    assert {register for register, _ in totals} == {"K1", "K2"}
    with psycopg.connect(documented.database.replace("+psycopg", "")) as conn:
        numbers = conn.execute(
            "SELECT tenant_id, payload->'receipt'->>'register_id', payload->'receipt'->>'kind', "
            "payload->'receipt'->>'number', payload->'receipt'->>'number_text' FROM events "
            "WHERE type IN ('sale.completed', 'return.completed', 'deposit.completed')"
        ).fetchall()
        on_server = conn.execute(
            "SELECT payload->'receipt'->>'register_id', tenant_id, "
            "sum((payload->'receipt'->>'total')::bigint) FROM events WHERE type IN "
            "('sale.completed', 'return.completed', 'deposit.completed') GROUP BY 1, 2"
        ).fetchall()
        held = conn.execute("SELECT count(*) FROM quarantine").fetchone()
        flags = conn.execute("SELECT code, count(*) FROM event_flags GROUP BY code").fetchall()
    assert len({row[:4] for row in numbers}) == len(numbers)  # no number held twice
    assert all(f"-{row[1]}-" in row[4] for row in numbers)  # 11-K2-000001: the register's own
    assert {row[1] for row in numbers} == {"K1", "K2"}
    assert {(r, t): int(total) for r, t, total in on_server} == totals  # to the øre
    assert held == (0,) and flags == []


def test_what_postgresql_refuses_at_set_up_is_said_with_the_step_that_fixes_it(
    fresh_debian_cluster, tmp_path
):
    """A user made without CREATEROLE, a URL without the password, a database not made, a
    second user who may not take the server's role: each refusal names the command to run,
    and running that command (as printed) lets migrate on."""
    tmp_path.chmod(0o755)
    cluster = fresh_debian_cluster
    shell = Shell(tmp_path, {}, {"PGHOST": str(cluster.root), "PGPORT": str(cluster.port)})
    for user in ("shop", "clerk"):
        made = shell.bash(f"runuser -u postgres -- psql -c \"CREATE ROLE {user} LOGIN "
                          "PASSWORD 'pw1'\"")  # fmt: skip
        assert made.returncode == 0, made.stderr

    def migrate(url: str) -> str:
        done = shell.bash(f"OMIGJEN_DATABASE_URL={url} omigjen-server admin migrate")
        assert done.returncode == (0 if "up to date" in done.stdout else 2), done.stderr
        assert "Traceback" not in done.stderr
        return done.stdout + done.stderr

    said = migrate("postgresql+psycopg://shop:pw1@localhost/shop")
    step = "runuser -u postgres -- createdb --owner shop shop"
    assert 'database "shop" does not exist' in said and step in said
    assert shell.bash(step).returncode == 0
    said = migrate("postgresql+psycopg://shop@localhost/shop")
    assert "no password supplied" in said
    assert "put it in the URL, postgresql+psycopg://shop:PASSWORD@localhost/shop" in said
    said = migrate("postgresql+psycopg://shop:pw1@localhost/shop")
    step = 'runuser -u postgres -- psql -c "ALTER ROLE shop CREATEROLE"'
    assert "permission denied to create role" in said and step in said
    assert shell.bash(step).returncode == 0
    assert "schema is up to date" in migrate("postgresql+psycopg://shop:pw1@localhost/shop")
    # the role is there now; a second database's owner may not take it
    assert shell.bash("runuser -u postgres -- createdb --owner clerk clerk").returncode == 0
    said = migrate("postgresql+psycopg://clerk:pw1@localhost/clerk")
    step = 'runuser -u postgres -- psql -c "GRANT omigjen_app TO clerk"'
    assert 'permission denied to set role "omigjen_app"' in said and step in said
    assert shell.bash(step).returncode == 0
    assert "schema is up to date" in migrate("postgresql+psycopg://clerk:pw1@localhost/clerk")
