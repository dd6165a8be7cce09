"""The operator's view: the server's ``serve`` and ``admin`` (``python -m server``, the same as
``omigjen-server``), the counter's ``enrol`` and ``sync`` as commands, and two server processes
on one database behaving as one."""

from __future__ import annotations

import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import requests

from main import VERSION
from pos.counter import open_counter
from pos.services import sync_state
from sync.cycle import SyncCycle
from sync.http import ServerApi
from tests.central import free_port
from tests.conftest import PROJECT_ROOT
from tests.faketime import days_ago, main_at


def main_py(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(PROJECT_ROOT / "main.py"), *args],
        capture_output=True,
        text=True,
        cwd=PROJECT_ROOT,
        timeout=timeout,
    )


def omigjen_server(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "server", *args],
        capture_output=True,
        text=True,
        cwd=PROJECT_ROOT,
        timeout=timeout,
    )


@contextmanager
def server_process(database_url: str, port: int | None = None) -> Iterator[str]:
    port = port or free_port()
    log = tempfile.NamedTemporaryFile(prefix="omigjen-serve-", suffix=".log")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "server",
            "serve",
            "--database-url",
            database_url,
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--no-notifier",
        ],
        cwd=PROJECT_ROOT,
        stdout=log,  # a pipe nobody reads would fill with the access log and stop the server
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if requests.get(url + "/openapi.json", timeout=1).status_code == 200:
                    break
            except requests.RequestException:  # refused, or too busy starting to answer
                pass
            assert process.poll() is None, Path(log.name).read_text(errors="replace")
            assert time.monotonic() < deadline, "server did not start"
            time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        process.wait(10)
        log.close()


def admin(url: str, *args: str) -> str:
    done = omigjen_server("admin", "--database-url", url, *args)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def demo_counter(data_dir, central, days: int = 1) -> None:
    """A demo counter with ``days`` of simulated history ending yesterday, and its site on the
    server (its tenants travel with it at enrolment)."""
    made = main_at(days_ago(days, 6), data_dir, "demo")
    assert made.returncode == 0, made.stderr
    simulated = main_at(days_ago(1, 18), data_dir, "simulate", "--days", str(days),
                        "--sales-per-day", "15" if days == 1 else "40")  # fmt: skip
    assert simulated.returncode == 0, simulated.stderr
    admin(central.url, "add-site", "--name", "Asker")


def test_enrol_and_sync_from_the_command_line_and_offline_keeps_the_queue(central, tmp_path):
    data = tmp_path / "counter"
    demo_counter(data, central)
    with server_process(central.url) as url:
        code = admin(central.url, "enrolment-code", "--site", "Asker").split()[0]
        enrolled = main_py("--data-dir", str(data), "enrol", "--server", url, "--code", code)
        assert enrolled.returncode == 0, enrolled.stderr
        assert "registrert som dev_" in enrolled.stdout  # in the interface's language
        assert "11 Bua Brukte Klær AS: registrert for stedet" in enrolled.stdout
        again = main_py("--data-dir", str(data), "enrol", "--server", url, "--code", code)
        assert again.returncode == 4 and "registreringen mislyktes" in again.stderr
        again = main_py("--data-dir", str(data), "--lang", "en", "enrol", "--server", url,
                        "--code", code)  # fmt: skip
        assert again.returncode == 4 and "enrolment failed" in again.stderr
        assert "enrol_code_invalid" in again.stderr
    offline = main_py("--data-dir", str(data), "sync", "--max-wait", "0")
    assert offline.returncode == 3
    assert "serveren svarer ikke" in offline.stderr and "hendelsene venter i køen" in offline.stderr
    with open_counter(data) as counter:
        status = sync_state.sync_status(counter.uow)
    assert status.unsynced > 0 and not status.online
    assert central.scalar("SELECT count(*) FROM events") == 0
    with server_process(central.url, port=int(url.rsplit(":", 1)[1])):  # back online
        synced = main_py("--data-dir", str(data), "sync")
        assert synced.returncode == 0, synced.stderr
        assert "alt er sendt" in synced.stdout and "hentet" in synced.stdout
    assert central.scalar("SELECT count(*) FROM events") == status.unsynced


def test_sync_refuses_to_run_on_a_counter_that_is_not_enrolled(tmp_path):
    done = main_py("--data-dir", str(tmp_path / "c"), "sync")
    assert done.returncode == 4 and "not enrolled" in done.stderr


def test_two_server_processes_on_one_database_behave_as_one(central, tmp_path):
    first = tmp_path / "k1"
    demo_counter(first, central, days=3)
    code1 = admin(central.url, "enrolment-code", "--site", "Asker").split()[0]
    with server_process(central.url) as url1, server_process(central.url) as url2:
        assert (
            main_py("--data-dir", str(first), "enrol", "--server", url1, "--code", code1).returncode
            == 0
        )
        with open_counter(first) as counter:
            token = sync_state.enrolment(counter.uow).token
            errors: list[BaseException] = []

            def push_via(url: str) -> None:
                try:
                    SyncCycle(
                        counter.uow, ServerApi(url, token), app_version=VERSION, batch_size=50
                    ).run(pull=False)
                except BaseException as error:  # pragma: no cover - asserted below
                    errors.append(error)

            threads = [threading.Thread(target=push_via, args=(u,)) for u in (url1, url2) * 2]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(120)
            assert errors == []
            with counter.uow.read() as uow:
                total = uow.queries.count("outbox")
            assert sync_state.acked_through(counter.uow) == total
    assert central.scalar("SELECT count(*) FROM events") == total
    assert central.scalar("SELECT count(DISTINCT event_id) FROM events") == total
    assert central.scalar("SELECT count(*) FROM event_flags") == 0


def test_enrol_refuses_plain_http_to_another_machine_unless_told(tmp_path):
    data = tmp_path / "counter"
    assert main_py("--data-dir", str(data), "demo").returncode == 0
    refused = main_py("--data-dir", str(data), "enrol", "--server", "http://sync.invalid:8443",
                      "--code", "ABCD-EFGH-JKLM")  # fmt: skip
    assert refused.returncode == 2 and "unencrypted" in refused.stderr
    allowed = main_py("--data-dir", str(data), "enrol", "--server", "http://sync.invalid:8443",
                      "--code", "ABCD-EFGH-JKLM", "--insecure")  # fmt: skip
    assert allowed.returncode == 3 and "serveren svarer ikke" in allowed.stderr  # it tried


def test_sync_says_why_and_exits_5_while_tenants_wait_for_the_operator(central, tmp_path):
    data = tmp_path / "counter"
    assert main_at(days_ago(1, 6), data, "demo").returncode == 0
    simulated = main_at(days_ago(1, 18), data, "simulate", "--days", "1", "--sales-per-day", "5")
    assert simulated.returncode == 0, simulated.stderr
    admin(central.url, "add-site", "--name", "Asker", "--tenants", "approve")
    with server_process(central.url) as url:
        code = admin(central.url, "enrolment-code", "--site", "Asker")
        enrolled = main_py("--data-dir", str(data), "enrol", "--server", url, "--code", code)
        assert enrolled.returncode == 0, enrolled.stderr
        assert "venter på operatørens godkjenning" in enrolled.stdout
        held = main_py("--data-dir", str(data), "sync")
        assert held.returncode == 5, held.stdout + held.stderr
        assert "holdes i serverens karantene" in held.stderr
        assert "tenants --pending" in held.stderr
        waiting = [
            line.split("\t")[0]
            for line in admin(central.url, "tenants", "--pending").splitlines()[1:]
        ]
        approved = admin(central.url, "tenants", "--approve", *waiting)  # all in one command
        assert approved.count("approved tenant") == len(waiting) > 1
        assert central.scalar("SELECT count(*) FROM quarantine") > 0
        assert central.scalar("SELECT count(*) FROM quarantine_releases") == central.scalar(
            "SELECT count(*) FROM quarantine"
        )
        synced = main_py("--data-dir", str(data), "sync")
        assert synced.returncode == 0, synced.stderr
        # the counter lets go of what the server released: nothing is listed as refused
        released = central.scalar("SELECT count(*) FROM quarantine_releases")
        assert f"{released} holdte hendelser er lagret på serveren" in synced.stdout
        problems = main_py("--data-dir", str(data), "sync", "--problems")
        assert problems.returncode == 0 and problems.stdout == "Ingen synkroniseringsproblemer.\n"
        english = main_py("--data-dir", str(data), "--lang", "en", "sync", "--problems")
        assert english.stdout == "No sync problems.\n"
        with open_counter(data) as counter:
            assert sync_state.sync_status(counter.uow).problems == 0
        # the operator sees on the server that the sales arrived: nothing flagged or held
        [head, k1] = admin(central.url, "devices").splitlines()
        assert head.split("\t")[:4] == ["site", "register", "name", "id"]
        row = dict(zip(head.split("\t"), k1.split("\t"), strict=True))
        assert (row["site"], row["register"], row["held"], row["flagged"]) == ("Asker", "K1",
                                                                             "0", "0")  # fmt: skip
        assert int(row["stored"]) == int(row["acked through"]) > 0 and row["last push"] != "never"
