"""The central server as the harness sees it: ``python -m server serve`` (``omigjen-server``) in
its own process on loopback (killed and restarted on the same port), and plain SQL on its
database for the checks."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import psycopg
import requests

from bench._crash import APP_VERSION
from pos.counter import Counter
from pos.services.signing_keys import public_keys
from server import admin_ops
from server.db import Scope, make_engine, scoped
from server.pg_cluster import _free_port
from sync.enrolment import enrol

ROOT = Path(__file__).resolve().parents[2]
SITE = "Asker"


class ServerProcess:
    def __init__(self, database_url: str, log_path: Path) -> None:
        self.database_url = database_url
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = log_path
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> ServerProcess:
        with open(self.log_path, "ab") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "server", "serve", "--database-url", self.database_url,
                 "--host", "127.0.0.1", "--port", str(self.port), "--no-notifier"],
                cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
            )  # fmt: skip
        deadline = time.monotonic() + 60
        while True:
            try:
                if requests.get(self.url + "/openapi.json", timeout=1).status_code == 200:
                    return self
            except requests.RequestException:
                pass
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"the server did not start; see {self.log_path}")
            time.sleep(0.1)

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def kill(self) -> None:
        """SIGKILL: no graceful shutdown, open transactions die with it."""
        if self.process is not None:
            self.process.kill()
            self.process.wait()

    def stop(self) -> None:
        if self.running and self.process is not None:
            self.process.terminate()
            self.process.wait(10)


def enrol_counter(counter: Counter, database_url: str, server_url: str) -> None:
    """Make the site, then enrol the counter with a one-time code (its tenants travel)."""
    engine = make_engine(database_url)
    try:
        with scoped(engine, Scope.admin()) as conn:
            admin_ops.ensure_site(conn, SITE)
            code = admin_ops.enrolment_code(conn, SITE, 24)[0]
    finally:
        engine.dispose()
    keys = public_keys(counter.keys)
    enrol(
        counter.uow, server_url, code, device_name="K1", app_version=APP_VERSION, public_keys=keys
    )


class ServerFacts:
    """Read-only SQL on the server's database (as its owner: no row-level security)."""

    def __init__(self, database_url: str) -> None:
        self.dsn = database_url.replace("postgresql+psycopg://", "postgresql://", 1)

    def events(self) -> tuple[int, int, set[tuple[str, int]]]:
        """(rows, distinct event ids, {(event_id, device_seq)})."""
        with psycopg.connect(self.dsn) as conn:
            total, distinct = conn.execute(
                "SELECT count(*), count(DISTINCT event_id) FROM events"
            ).fetchone() or (0, 0)
            pairs = {
                (str(e), int(s))
                for e, s in conn.execute("SELECT event_id, device_seq FROM events").fetchall()
            }
        return int(total), int(distinct), pairs

    def count(self, table: str) -> int:
        with psycopg.connect(self.dsn) as conn:
            row = conn.execute(f"SELECT count(*) FROM {table}").fetchone()  # noqa: S608
        return int(row[0]) if row else 0
