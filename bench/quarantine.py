"""Releasing a week of quarantined sales: 100 000 signed sale events pushed by a counter whose
tenants wait for the operator's approval (all quarantined ``tenant_pending``, acked), then the
tenants are approved and ``quarantine.release`` re-checks and stores every event, in device
order, signatures verified. The baseline is a bare batched INSERT of the same rows (500 a
transaction, into a copy of the events table without row security), measured in the same run
as ``bench sync`` measures it; the takings roll-up the first back-office read brings up to date
after the release is timed apart."""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path
from typing import Any

import psycopg
from sqlalchemy import Engine

from bench import Figure
from bench.sync import (
    _bare_insert,
    _counter,
    _queue_sales,
    _server,
    _timed,
    cluster_cpu,
    fold_takings,
)
from pos.counter import Counter
from pos.services.signing_keys import public_keys
from server import admin_ops, quarantine, tenant_offers
from server.db import Scope, make_engine, migrate, scoped
from server.pg_cluster import PgCluster
from sync.cycle import SyncCycle
from sync.enrolment import enrol

EVENTS = int(os.environ.get("OMIGJEN_BENCH_QUARANTINE_EVENTS", "100000"))


def run() -> list[Figure]:
    with PgCluster() as pg, tempfile.TemporaryDirectory() as tmp:
        url = pg.create_database("bench")
        migrate(url)
        counter = _counter(Path(tmp))
        _queue_sales(counter, EVENTS)
        with _server(url) as server_url:
            _enrol_held(counter, url, server_url)
            push_s, report = _timed(
                lambda: SyncCycle(counter.uow, app_version="0.1.0").run(pull=False)
            )
        held_before = _held(url)
        engine = make_engine(url)
        _approve(counter, engine)
        cpu = [cluster_cpu(pg), time.process_time()]
        release_s, done = _timed(lambda: quarantine.release(engine, quarantine.Filter()))
        cpu = [cluster_cpu(pg) - cpu[0], time.process_time() - cpu[1]]
        engine.dispose()
        fold_cpu = cluster_cpu(pg)
        fold_s, folded = _timed(lambda: fold_takings(url))
        fold_cpu = cluster_cpu(pg) - fold_cpu
        stored, held, flags, ordered = _after(url)
        rows = _released_rows(url)
        bare_cpu = cluster_cpu(pg)
        insert_s = _bare_insert(url, rows)
        bare_cpu = cluster_cpu(pg) - bare_cpu
        with counter.uow.read() as uow:
            sent = uow.queries.count("outbox")
        counter.close()
    # the sales and the catalogue the enrolment queued wait; its staff and groups do not
    assert report.drained and EVENTS <= held_before < sent
    return [
        Figure(f"push of {sent} events, {held_before} quarantined", push_s, "s"),
        Figure(
            f"release of {held_before} quarantined events",
            release_s,
            "s",
            "<= 10 s",
            release_s <= 10,
            insert_s,
        ),
        Figure("  PostgreSQL CPU during the release", cpu[0], "s", "", None, bare_cpu),
        Figure("  Python CPU of the release", cpu[1], "s"),
        Figure(f"bare INSERT of the same {held_before} rows (500/txn)", insert_s, "s"),
        Figure("  PostgreSQL CPU during the bare INSERT", bare_cpu, "s"),
        Figure("takings roll-up at the first read after it", fold_s, "s", "", None, insert_s),
        Figure("  PostgreSQL CPU during that roll-up", fold_cpu, "s"),
        Figure("receipts in that roll-up", folded, "rows", f"= {EVENTS}", folded == EVENTS),
        Figure("release and that roll-up to bare INSERT", (release_s + fold_s) / insert_s, "x"),
        Figure(
            "events on the server after the release", stored, "rows", f"= {sent}", stored == sent
        ),  # fmt: skip
        Figure("still quarantined", held, "rows", "0", held == 0 and done.stored == held_before),
        Figure("flags (signatures, numbering)", flags, "rows", "0", flags == 0),
        Figure("stored in device order", float(ordered), "", "1", ordered),
    ]


def _enrol_held(counter: Counter, db_url: str, server_url: str) -> None:
    """A site that holds the tenants its counters bring until the operator approves them."""
    engine = make_engine(db_url)
    with scoped(engine, Scope.admin()) as conn:
        admin_ops.ensure_site(conn, "Bench", tenant_approval=True)
        code, _ = admin_ops.enrolment_code(conn, "Bench")
    engine.dispose()
    keys = public_keys(counter.keys)
    enrol(counter.uow, server_url, code, device_name="K1", app_version="0.1.0", public_keys=keys)


def _approve(counter: Counter, engine: Engine) -> None:
    """Approve the tenants, then time the release (``tenants --approve`` does both)."""
    with counter.uow.read() as uow:
        tenants = uow.store.tenants()
    with scoped(engine, Scope.admin()) as conn:
        for t in tenants:
            tenant_offers.decide(conn, t.id, approve=True)


def _held(db_url: str) -> int:
    with psycopg.connect(db_url.replace("+psycopg", "")) as conn:
        row = conn.execute(
            "SELECT count(*) FROM quarantine q WHERE NOT EXISTS "
            "(SELECT 1 FROM quarantine_releases r WHERE r.quarantine_id = q.id)"
        ).fetchone()
        return int(row[0]) if row else -1


def _released_rows(db_url: str) -> list[tuple[Any, ...]]:
    with psycopg.connect(db_url.replace("+psycopg", "")) as conn:
        return conn.execute(
            "SELECT event_id, site_id, device_id, device_epoch, device_seq, tenant_id, type, "
            "type_version, occurred_at, hash, payload::text FROM events e WHERE EXISTS "
            "(SELECT 1 FROM quarantine q WHERE q.event_id = e.event_id::text) ORDER BY id"
        ).fetchall()


def _after(db_url: str) -> tuple[int, int, int, bool]:
    with psycopg.connect(db_url.replace("+psycopg", "")) as conn:
        stored = conn.execute("SELECT count(*) FROM events").fetchone()
        flags = conn.execute("SELECT count(*) FROM event_flags").fetchone()
        disorder = conn.execute(
            "SELECT count(*) FROM (SELECT device_seq < lag(device_seq) OVER (ORDER BY id) AS back "
            "FROM events WHERE tenant_id IS NOT NULL) s WHERE back"  # staff, groups: not held
        ).fetchone()
    assert stored and flags and disorder
    return int(stored[0]), _held(db_url), int(flags[0]), disorder[0] == 0
