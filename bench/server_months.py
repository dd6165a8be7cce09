"""Fifty centres on the server: a database holding years of sales from 50 sites × 3 counters
(by default 1 000 000; the issue's figure is 10 000 000), written by the fast path that stores
the rows the push stores (``bench._server_load``, checked against the push by
``tests/integration/test_bench_server_load.py``), against an empty database with the same
centres in the same run. Measured on both: the push of 5 000 real signed sales by a new
counter, 500 a request, through the server in its own process (time per batch); the pull of
its 20 000 reference rows; the web back office's pages (a tenant's month, the manager's month
and day takings, the day-end page) rendered in full through the app.

``OMIGJEN_BENCH_MONTHS_EVENTS`` and ``OMIGJEN_BENCH_MONTHS`` set the size and the months it
covers; ``OMIGJEN_BENCH_MONTHS_KEEP=1`` leaves the loaded database's cluster in place and
prints where (for EXPLAIN)."""

from __future__ import annotations

import os
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import psycopg

from bench import Figure, median, percentile
from bench._server_history import World, load, make_world
from bench.sync import _counter, _enrol, _publish_items, _pull, _queue_sales, _server, fold_takings
from bench.web import _client, _sign_in, _times
from server.db import migrate
from server.pg_cluster import PgCluster
from sync.cycle import SyncCycle

EVENTS = int(os.environ.get("OMIGJEN_BENCH_MONTHS_EVENTS", "1000000"))
MONTHS = int(os.environ.get("OMIGJEN_BENCH_MONTHS", "24"))
PUSHED = 5_000
PULLED = 20_000
SITES, COUNTERS, TENANTS = 50, 3, 20
PAGES = ("tenant month page", "manager month takings", "manager day takings", "manager day-end")


def run() -> list[Figure]:
    with PgCluster() as pg, tempfile.TemporaryDirectory() as tmp:
        empty, loaded = pg.create_database("empty"), pg.create_database("loaded")
        worlds = {}
        for name, url in (("empty", empty), ("loaded", loaded)):
            migrate(url)
            worlds[name] = make_world(url, SITES, COUNTERS, TENANTS, items=name == "loaded")
        load_s, fold_s, folded = load(loaded, worlds["loaded"], EVENTS, MONTHS,
                                      lambda: fold_takings(loaded))  # fmt: skip
        stored, size = _analyze(loaded)
        _analyze(empty)
        found: dict[str, dict[str, Any]] = {}
        for name, url in (("empty", empty), ("loaded", loaded)):
            found[name] = _measure(Path(tmp) / name, url, worlds[name])
        if os.environ.get("OMIGJEN_BENCH_MONTHS_KEEP"):
            print(f"kept: {pg.root} ({loaded}); Ctrl-C ends it", flush=True)
            time.sleep(3600)
    return _figures(found["empty"], found["loaded"], (load_s, fold_s, folded, stored, size))


_SIZES = """
SELECT (SELECT count(*) FROM events), pg_database_size(current_database()),
       (SELECT sum(pg_total_relation_size(inhrelid)) FROM pg_inherits
        WHERE inhparent = 'events'::regclass),
       pg_total_relation_size('event_keys'), pg_total_relation_size('receipt_numbers'),
       pg_total_relation_size('takings_days') + pg_total_relation_size('takings_vat')
       + pg_total_relation_size('takings_payments')
"""
SIZE_PARTS = ("events (every month, with indexes)", "event_keys", "receipt_numbers",
              "takings roll-up tables")  # fmt: skip


def _analyze(url: str) -> tuple[int, list[int]]:
    """VACUUM ANALYZE (as autovacuum would have, over years); the events and the sizes."""
    with psycopg.connect(url.replace("+psycopg", ""), autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE")
        row = conn.execute(_SIZES).fetchone()
    assert row is not None
    return int(row[0]), [int(v or 0) for v in row[1:]]


def _measure(tmp: Path, url: str, world: World) -> dict[str, Any]:
    """A new counter's 5 000 sales pushed (ms per request) and its reference rows pulled (s);
    then the pages, read as the first site's manager and its first tenant."""
    counter = _counter(tmp)
    _queue_sales(counter, PUSHED)
    times: list[float] = []
    with _server(url) as server_url:
        _enrol(counter, url, server_url)
        cycle = SyncCycle(counter.uow, app_version="0.1.0")
        post = cycle.api.post_gzipped

        def timed(path: str, data: bytes) -> dict[str, Any]:
            began = time.perf_counter()
            try:
                return post(path, data)
            finally:
                times.append((time.perf_counter() - began) * 1000)

        cycle.api.post_gzipped = timed  # type: ignore[method-assign]
        report = cycle.run(pull=False)
        assert report.drained
        _publish_items(url, counter, PULLED)
        began = time.perf_counter()
        pulled = _pull(counter)
        pull_s = time.perf_counter() - began
    counter.close()
    assert pulled.pulled >= PULLED, pulled.pulled
    return {"push": times, "pull": pull_s, **_pages(url, world)}


def _pages(url: str, world: World) -> dict[str, list[float]]:
    fold_takings(url)  # the receipts the push noted: the first read's work, not the pages'
    manager, tenant = _client(url), _client(url)
    _sign_in(manager, "leder")
    _sign_in(tenant, "butikk")
    today = datetime.now(UTC).date()
    last = today.replace(day=1) - timedelta(days=1)
    first = last.replace(day=1)
    yesterday = today - timedelta(days=1)
    month = f"from={first}&to={last}"
    return dict(zip(PAGES, (
        _times(tenant, f"/tenants/{world.tenants[0][0]}/takings?{month}", rounds=20),
        _times(manager, f"/takings?{month}", rounds=20),
        _times(manager, f"/takings?from={yesterday}&to={yesterday}", rounds=20),
        _times(manager, f"/day-end?date={yesterday}", rounds=20),
    ), strict=True))  # fmt: skip


def _figures(base: dict[str, Any], full: dict[str, Any], made: tuple) -> list[Figure]:
    load_s, fold_s, folded, stored, size = made
    p95 = percentile
    figures = [
        Figure(f"fast load of {EVENTS} sales, {SITES}x{COUNTERS} counters, {MONTHS} months",
               load_s, "s"),
        Figure(f"  takings roll-up of those {folded} receipts", fold_s, "s"),
        Figure("  events stored", stored, "rows", f">= {EVENTS}", stored >= EVENTS),
        Figure("  database size", size[0] / 2**30, "GiB"),
        *(Figure(f"    of which {part}", v / 2**30, "GiB")
          for part, v in zip(SIZE_PARTS, size[1:], strict=True)),
        Figure("push per 500 events, empty database, median", median(base["push"]), "ms"),
        Figure("push per 500 events, empty database, p95", p95(base["push"], 95), "ms"),
        Figure(f"push per 500 events, {EVENTS} stored, median", median(full["push"]), "ms",
               "", None, median(base["push"])),
        Figure(f"push per 500 events, {EVENTS} stored, p95", p95(full["push"], 95), "ms",
               "ratio <= 1.5", p95(full["push"], 95) <= 1.5 * p95(base["push"], 95),
               p95(base["push"], 95)),
        Figure(f"pull of {PULLED} reference rows, empty database", base["pull"], "s"),
        Figure(f"pull of {PULLED} reference rows, {EVENTS} stored", full["pull"], "s",
               "", None, base["pull"]),
    ]  # fmt: skip
    for page in PAGES:
        figures += [
            Figure(f"{page}, empty database, p95", p95(base[page], 95), "ms"),
            Figure(f"{page}, {EVENTS} stored, p95", p95(full[page], 95), "ms", "<= 300 ms",
                   p95(full[page], 95) <= 300, p95(base[page], 95)),
        ]  # fmt: skip
    return figures
