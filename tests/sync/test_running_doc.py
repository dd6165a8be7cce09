"""The docs are the test: the commands of the "Running" block in docs/sync.md, run exactly as
written (one bash per line, in order) against an empty throwaway PostgreSQL database, give a
server and two counters in sync. Only the variables the block assigns get this test's values
(the database, a free port, the server's address); the TLS files it names are made here."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
import time
from pathlib import Path

import requests

from pos.counter import open_counter
from tests.central import free_port
from tests.conftest import PROJECT_ROOT
from tests.sync.test_tls_and_worker import self_signed

DOC = PROJECT_ROOT / "docs" / "sync.md"
_ASSIGNMENT = re.compile(r"^([A-Z][A-Z0-9_]*)=(.*)$")


def running_block() -> list[str]:
    """The command lines of the first code block under ``## Running`` (comments dropped)."""
    text = DOC.read_text(encoding="utf-8")
    section = text.split("\n## Running\n", 1)[1].split("\n## ", 1)[0]
    block = section.split("```\n", 2)[1]
    lines = [line.split("  #")[0].rstrip() for line in block.splitlines()]
    return [line for line in lines if line and not line.lstrip().startswith("#")]


class Shell:
    """Runs the block's lines one by one, keeping the variables the lines assign."""

    def __init__(self, cwd: Path, overrides: dict[str, str]) -> None:
        self.cwd, self.overrides = cwd, overrides
        bin_dir = str(Path(sys.executable).parent)
        self.env = os.environ | {"PATH": f"{bin_dir}:{os.environ.get('PATH', '')}"}
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


def test_the_running_section_of_the_sync_doc_sets_up_a_server_and_two_counters(
    pg_cluster, tmp_path
):
    database = pg_cluster.create_database("running_doc")
    port = free_port()
    self_signed(tmp_path)  # server.pem and server.key, for 127.0.0.1
    overrides = {
        "OMIGJEN_DATABASE_URL": database,
        "PORT": str(port),
        "SERVER": f"https://127.0.0.1:{port}",
    }
    shell = Shell(tmp_path, overrides)
    lines = running_block()
    assert any(line.startswith("omigjen-server serve") for line in lines)
    try:
        for line in lines:
            shell.run(line)
    finally:
        shell.stop()
    assert set(overrides) <= shell.assigned  # the doc still names what the test replaces
    assert_both_counters_in_sync(database, tmp_path)


def assert_both_counters_in_sync(database: str, here: Path) -> None:
    import psycopg

    with open_counter(here / "K1") as k1, k1.uow.read() as uow:
        sent = uow.queries.count("outbox")
        tenants = {(t.id, t.code, t.name) for t in uow.store.tenants()}
    with open_counter(here / "K2") as k2, k2.uow.read() as uow:
        pulled = {(t.id, t.code, t.name) for t in uow.store.tenants()}
    with psycopg.connect(database.replace("+psycopg", "")) as conn:
        stored = conn.execute("SELECT count(*), count(DISTINCT event_id) FROM events").fetchone()
        held = conn.execute("SELECT count(*) FROM quarantine").fetchone()
        flags = conn.execute("SELECT count(*) FROM event_flags").fetchone()
        devices = conn.execute("SELECT count(*) FROM devices").fetchone()
    assert sent > 20 and stored == (sent, sent)
    assert held == (0,) and flags == (0,) and devices == (2,)
    assert pulled == tenants and len(tenants) >= 5
