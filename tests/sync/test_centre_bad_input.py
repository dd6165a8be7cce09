"""Bad input to a centre of several counters, through the documented commands after the
Running block of docs/sync.md: a counter of another centre enrolled with this site's code
(one that has sold, and one only set up), a counter restored from another counter's backup,
and two counters claiming one register. Each is refused with a clear message in the counter's
language (bokmål), nothing stored on the server and nothing mixed at the counter."""

# ruff: noqa: F811  (the Running block's fixtures are imported from test_running_doc)
from __future__ import annotations

import pytest

from pos.counter import open_counter
from tests.sync.test_running_doc import Documented, debian_cluster, documented  # noqa: F401

NEW_CODE = "CODE=$(omigjen-server admin enrolment-code --site Asker)"
ENROL = "omigjen-pos --data-dir {dir} enrol --server $SERVER --code $CODE --ca-file server.pem"


def server_rows(documented: Documented) -> tuple[int, ...]:
    import psycopg

    tables = ("devices", "site_registers", "tenant_requests", "site_tenants", "outbox_seen")
    with psycopg.connect(documented.database.replace("+psycopg", "")) as conn:
        found = []
        for table in tables[:4]:
            found.append(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])  # noqa: S608
        found.append(conn.execute("SELECT count(*) FROM events").fetchone()[0])
    return tuple(found)


def refused(documented: Documented, line: str) -> str:
    """The command's last line on stderr (after what ``enrolment-code`` says of the code's
    validity), once it has failed with a message and no traceback."""
    done = documented.shell.bash(line)
    assert done.returncode != 0, done.stdout
    assert "Traceback" not in done.stderr and done.stderr.strip(), done.stderr
    return done.stderr.strip().splitlines()[-1]


@pytest.mark.parametrize(
    "set_up",
    ["simulate --days 1 --sales-per-day 3", "demo"],
    ids=["another-centre-that-has-sold", "another-centre-only-set-up"],
)
def test_a_counter_of_another_centre_is_refused_with_this_sites_code(documented, set_up):
    here, shell = documented.here, documented.shell
    other = f"OTHER-{set_up.split()[0]}"
    assert shell.bash(f"omigjen-pos --data-dir {other} {set_up}").returncode == 0
    before = server_rows(documented)
    said = refused(documented, f"{NEW_CODE}; {ENROL.format(dir=other)}")
    assert said.startswith("registreringen ble avvist: ")
    assert "another" not in said and "site" not in said  # bokmål only, the server not quoted
    assert "Ingenting er lagret" in said
    assert server_rows(documented) == before  # no device, register, tenant or event
    with open_counter(here / other) as counter, counter.uow.read() as uow:
        assert uow.sync.device() is None  # not enrolled anywhere
        assert uow.store.get_meta("register_id") in (None, "K1")  # its own, unchanged
    again = shell.bash(f"omigjen-pos --data-dir {other} sync")
    assert again.returncode != 0 and "Traceback" not in again.stderr  # not enrolled


def test_a_counter_restored_from_another_counters_backup_is_refused(documented):
    here, shell = documented.here, documented.shell
    taken = shell.bash("omigjen-pos --data-dir K1 backup")
    assert taken.returncode == 0, taken.stderr
    backup = taken.stdout.strip().splitlines()[-1]
    with open_counter(here / "K2") as k2, k2.uow.read() as uow:
        before = (uow.store.get_meta("register_id"), uow.sync.device()["device_id"],
                  uow.queries.count("journal"))  # fmt: skip
    said = refused(documented, f"omigjen-pos --data-dir K2 restore-backup {backup} "
                               "--staff 9001 --pin 9999")  # fmt: skip
    assert "er av en annen kasse i senteret (kasse K1), men denne kassen er kasse K2" in said
    assert "Ingenting er endret" in said
    with open_counter(here / "K2") as k2, k2.uow.read() as uow:
        after = (uow.store.get_meta("register_id"), uow.sync.device()["device_id"],
                 uow.queries.count("journal"))  # fmt: skip
    assert after == before and before[0] == "K2"
    assert shell.bash("omigjen-pos --data-dir K2 sync").returncode == 0  # still itself
    english = refused(documented, f"omigjen-pos --lang en --data-dir K2 restore-backup "
                                  f"{backup} --staff 9001 --pin 9999")  # fmt: skip
    assert "is of another counter of the centre (register K1)" in english


def test_two_counters_claiming_one_register_the_second_is_refused(documented):
    """K1's backup put on a new PC (an empty data directory: allowed, as after a disk died)
    while K1 still runs; enrolled with a new code it claims register K1: refused."""
    shell = documented.shell
    taken = shell.bash("omigjen-pos --data-dir K1 backup")
    backup = taken.stdout.strip().splitlines()[-1]
    put = shell.bash(f"omigjen-pos --data-dir COPY restore-backup {backup} --staff 9001 "
                     "--pin 9999")  # fmt: skip
    assert put.returncode == 0, put.stdout + put.stderr
    before = server_rows(documented)
    said = refused(documented, f"{NEW_CODE}; {ENROL.format(dir='COPY')}")
    assert said.startswith("registreringen ble avvist: en annen kasse i senteret er allerede "
                           "kasse K1")  # fmt: skip
    assert "enrolment-code --device ID" in said and "another" not in said
    assert server_rows(documented) == before
    english = refused(documented, f"{NEW_CODE}; omigjen-pos --lang en --data-dir COPY enrol "
                                  "--server $SERVER --code $CODE --ca-file server.pem")  # fmt: skip
    assert english.startswith("enrolment refused: another counter of the centre is register K1")
