"""A throwaway PostgreSQL cluster on loopback in a temporary directory (tests, benchmarks, trials).

Follows ``sync-protocol.md`` §5: ``initdb`` refuses to run as root, so as root the server runs as
the ``postgres`` user via ``runuser``. Durability is switched off: nothing here is kept.
``PgCluster(debian_auth=True)`` authenticates as Debian's packaged cluster does (the OS user on
the socket, a password over TCP), so a set-up that works on it works on a fresh Debian server.
"""

from __future__ import annotations

import os
import secrets
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path


class PostgresUnavailable(RuntimeError):
    """No PostgreSQL server binaries on this machine (install the ``postgresql`` package)."""


def _bindir() -> Path:
    candidates = []
    if shutil.which("pg_config"):
        out = subprocess.run(["pg_config", "--bindir"], capture_output=True, text=True)
        candidates.append(Path(out.stdout.strip()))
    candidates += sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)
    for path in candidates:
        if (path / "initdb").exists():
            return path
    raise PostgresUnavailable("initdb not found: apt-get install -y postgresql")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class PgCluster:
    """``start()`` a cluster, ``create_database(name)`` URLs, then ``stop()`` (removes it all)."""

    def __init__(self, *, debian_auth: bool = False) -> None:
        self.bindir = _bindir()
        self.debian_auth = debian_auth
        self.password = secrets.token_hex(12) if debian_auth else ""
        """The ``postgres`` superuser's password over TCP (Debian-style authentication only)."""
        self.root = Path(tempfile.mkdtemp(prefix="omigjen-pg-"))
        self.port = _free_port()
        self._as_pg: list[str] = []
        if os.geteuid() == 0:
            shutil.chown(self.root, "postgres", "postgres")
            self._as_pg = ["runuser", "-u", "postgres", "--"]
        os.chmod(self.root, 0o700)

    @property
    def data(self) -> Path:
        return self.root / "data"

    def _run(self, *args: str) -> None:
        subprocess.run([*self._as_pg, *args], check=True, capture_output=True, timeout=120)

    def _auth(self) -> list[str]:
        if not self.debian_auth:
            return ["--auth=trust"]
        password_file = self.root / "superuser-password"
        password_file.write_text(self.password + "\n")
        if self._as_pg:
            shutil.chown(password_file, "postgres", "postgres")
        return ["--auth-local=peer", "--auth-host=scram-sha-256", f"--pwfile={password_file}"]

    def start(self) -> PgCluster:
        self._run(
            str(self.bindir / "initdb"),
            "-D",
            str(self.data),
            "-U",
            "postgres",
            *self._auth(),
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
        )
        options = (
            f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.root} -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
        )
        self._run(
            str(self.bindir / "pg_ctl"),
            "-D",
            str(self.data),
            "-l",
            str(self.root / "pg.log"),
            "-w",
            "-t",
            "30",
            "-o",
            options,
            "start",
        )
        return self

    def url(self, database: str = "postgres", driver: str = "postgresql+psycopg") -> str:
        user = f"postgres:{self.password}" if self.password else "postgres"
        return f"{driver}://{user}@127.0.0.1:{self.port}/{database}"

    def create_database(self, name: str) -> str:
        import psycopg

        with psycopg.connect(self.url(driver="postgresql"), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def stop(self) -> None:
        pid_file = self.data / "postmaster.pid"
        if pid_file.exists():
            try:
                self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "fast", "stop")
            except subprocess.CalledProcessError:
                os.kill(int(pid_file.read_text().split()[0]), 2)
        for _ in range(50):
            if not pid_file.exists():
                break
            time.sleep(0.1)
        shutil.rmtree(self.root, ignore_errors=True)

    def __enter__(self) -> PgCluster:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
