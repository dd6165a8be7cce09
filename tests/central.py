"""Test support for the central server: a real PostgreSQL per test run, a fresh database per
test (cloned from a migrated template), and the server itself in-process or on loopback."""

from __future__ import annotations

import itertools
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import psycopg
import uvicorn
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from server import admin_ops
from server.app import create_app
from server.db import Scope, make_engine, migrate, scoped
from server.pg_cluster import PgCluster
from server.settings import ServerSettings

TEMPLATE = "omigjen_template"
SITE = "Asker"
_numbers = itertools.count(1)


def start_cluster() -> PgCluster:
    cluster = PgCluster().start()
    migrate(cluster.create_database(TEMPLATE))
    return cluster


def fresh_database(cluster: PgCluster) -> str:
    name = f"t{next(_numbers)}"
    with psycopg.connect(cluster.url(driver="postgresql"), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{TEMPLATE}"')
    return cluster.url(name)


@dataclass
class Central:
    """One server database with its app; helpers for the admin side of a test."""

    url: str
    engine: Engine
    settings: ServerSettings

    @staticmethod
    def open(url: str, **settings: Any) -> Central:
        config = ServerSettings(database_url=url, **settings)
        return Central(url, make_engine(url), config)

    def app(self) -> Any:
        return create_app(self.settings, self.engine)

    def client(self) -> TestClient:
        return TestClient(self.app())

    def admin(self) -> Any:
        return scoped(self.engine, Scope.admin())

    def site(self, name: str = SITE, *, approve_tenants: bool = False) -> str:
        """The admin makes a site (``add-site``): the tenants its counters bring are registered,
        or with ``approve_tenants`` held until approved (``tenants --approve``)."""
        with self.admin() as conn:
            return admin_ops.ensure_site(conn, name, approve_tenants)

    def decide_tenant(self, tenant_id: str, approve: bool = True) -> None:
        """The admin approves (or refuses) a tenant a counter brought (``tenants --approve``)."""
        from server import quarantine, tenant_offers

        with self.admin() as conn:
            tenant_offers.decide(conn, tenant_id, approve)
        if approve:
            quarantine.release(self.engine, quarantine.Filter(tenant_id=tenant_id))

    def add_tenant(self, site: str, code: str, name: str = "Other AS") -> str:
        with self.admin() as conn:
            return admin_ops.add_tenant(
                conn, site, {"code": code, "name": name, "org_no": "921100116"}
            )

    def enrolment_code(self, site: str = SITE, device_id: str | None = None) -> str:
        """A one-time code for ``site`` (made first if need be, as ``add-site`` would)."""
        with self.admin() as conn:
            admin_ops.ensure_site(conn, site)
            return admin_ops.enrolment_code(conn, site, 24, device_id)[0]

    def admin_token(self) -> str:
        with self.admin() as conn:
            return admin_ops.admin_token(conn, "test")

    def tenant_token(self, tenant_id: str) -> str:
        with self.admin() as conn:
            return admin_ops.tenant_token(conn, tenant_id)

    def scalar(self, sql: str, **params: Any) -> Any:
        from sqlalchemy import text

        with self.admin() as conn:
            return conn.execute(text(sql), params).scalar()

    def close(self) -> None:
        self.engine.dispose()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def live_server(central: Central, certfile: str = "", keyfile: str = "") -> Iterator[str]:
    """The app on a loopback port in a thread (real HTTP for ``requests``); yields its URL."""
    port = free_port()
    config = uvicorn.Config(
        central.app(),
        host="127.0.0.1",
        port=port,
        log_level="warning",
        access_log=False,
        ssl_certfile=certfile or None,
        ssl_keyfile=keyfile or None,
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.02)
    try:
        yield f"{'https' if certfile else 'http'}://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)
