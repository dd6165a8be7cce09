"""The server with months of events behind it: a database loaded with COPY (by default 1 000 000
receipts received over the last 24 months, in their monthly partitions, with their keys and the
takings roll-up) against an empty one in the same run. Measured on both: the push of 5 000
real signed sales by a counter, 500 a request, through the server in its own process (time per
batch: median and p95); on the loaded one also the load itself and a tenant's month page.

``OMIGJEN_BENCH_MONTHS_EVENTS`` and ``OMIGJEN_BENCH_MONTHS`` set the size (the issue's fifty
centres are 10 000 000 events: that takes about ten times as long to load)."""

from __future__ import annotations

import os
import tempfile
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import orjson
import psycopg

from bench import Figure, median, percentile
from bench.sync import _counter, _enrol, _queue_sales, _server, fold_takings
from bench.web import PASSWORD, _client, _sign_in, _times
from server import admin_ops
from server.db import Scope, make_engine, migrate, scoped
from server.pg_cluster import PgCluster
from sync.cycle import SyncCycle

EVENTS = int(os.environ.get("OMIGJEN_BENCH_MONTHS_EVENTS", "1000000"))
MONTHS = int(os.environ.get("OMIGJEN_BENCH_MONTHS", "24"))
PUSHED = 5_000
SITES, COUNTERS, TENANTS = 10, 3, 20
_COLUMNS = (
    "event_id, site_id, device_id, device_epoch, device_seq, tenant_id, type, type_version, "
    "occurred_at, received_at, hash, payload"
)


def run() -> list[Figure]:
    with PgCluster() as pg, tempfile.TemporaryDirectory() as tmp:
        empty, loaded = pg.create_database("empty"), pg.create_database("loaded")
        migrate(empty)
        migrate(loaded)
        load_s, tenant = _timed(lambda: _load(loaded))
        fold_s, folded = _timed(lambda: fold_takings(loaded))
        _analyze(loaded)
        batches = {}
        for name, url in (("empty", empty), ("loaded", loaded)):
            batches[name] = _push(Path(tmp) / name, url)
        month = _month_page(loaded, tenant)
    base, full = batches["empty"], batches["loaded"]
    return [
        Figure(f"COPY of {EVENTS} events over {MONTHS} months", load_s, "s"),
        Figure(f"  takings roll-up of those {folded} receipts", fold_s, "s"),
        Figure("push per 500 events, empty database, median", median(base), "ms"),
        Figure("push per 500 events, empty database, p95", percentile(base, 95), "ms"),
        Figure(
            f"push per 500 events, {EVENTS} stored, median",
            median(full),
            "ms",
            "",
            None,
            median(base),
        ),
        Figure(
            f"push per 500 events, {EVENTS} stored, p95",
            percentile(full, 95),
            "ms",
            "ratio <= 1.5",
            percentile(full, 95) <= 1.5 * percentile(base, 95),
            percentile(base, 95),
        ),
        Figure(
            "tenant month page on it, p95",
            percentile(month, 95),
            "ms",
            "<= 300 ms",
            percentile(month, 95) <= 300,
        ),
    ]


def _timed(action: Any) -> tuple[float, Any]:
    began = time.perf_counter()
    result = action()
    return time.perf_counter() - began, result


def _load(url: str) -> str:
    """Sites, counters and tenants; events and their keys by COPY, spread evenly over the
    months (each received in its month, a receipt dated the day it was received), and the
    receipts noted for the roll-up. Returns a tenant for the month page."""
    engine = make_engine(url, role=None)
    with scoped(engine, Scope.admin()) as conn:
        sites = [admin_ops.ensure_site(conn, f"Senter {s}") for s in range(SITES)]
        tenants = [
            admin_ops.add_tenant(
                conn,
                f"Senter {n % SITES}",
                {"code": f"{10 + n:02d}", "name": f"Leietaker {n}", "org_no": "921100116"},
            )  # fmt: skip
            for n in range(TENANTS)
        ]
        from server.web import users

        users.add_user(
            conn, users.NewUser("butikk", "Butikk", "tenant", PASSWORD, tenant_id=tenants[0])
        )
    engine.dispose()
    raw = url.replace("+psycopg", "")
    now = datetime.now(UTC)
    with psycopg.connect(raw) as conn:
        conn.execute("SELECT events_add_months(%s, 24)", (now - timedelta(days=31 * MONTHS),))
        with conn.cursor().copy(f"COPY events ({_COLUMNS}) FROM STDIN") as copy:
            for row in _rows(sites, tenants, now):
                copy.write_row(row)
        conn.execute(
            "INSERT INTO event_keys SELECT device_id, device_epoch, device_seq, event_id "
            "FROM events"
        )
        conn.execute(
            "INSERT INTO takings_pending (tenant_id, event_ids, received_at) "
            "SELECT tenant_id, array_agg(id), received_at FROM events GROUP BY 1, 3"
        )
        conn.commit()
    return tenants[0]


def _rows(sites: list[str], tenants: list[str], now: datetime) -> Iterator[tuple[Any, ...]]:
    span = timedelta(days=30.4 * MONTHS)
    devices = [(s, f"dev_{s}_{c}", f"K{c + 1}") for s in sites for c in range(COUNTERS)]
    for n in range(EVENTS):
        site, device, register = devices[n % len(devices)]
        tenant = tenants[n % len(tenants)]
        at = now - span + span * (n / EVENTS)
        received = at.replace(hour=12, minute=0, second=0, microsecond=0)  # noted by the day
        total = 4900 + n % 700 * 100
        ex_vat = total * 4 // 5
        day = received.date().isoformat()
        payload = {
            "sale_id": str(uuid.uuid4()),
            "receipt": {
                "id": str(uuid.uuid4()), "tenant_id": tenant, "register_id": register,
                "kind": "sale", "number": n, "number_text": f"B-{n}", "total": total,
                "total_ex_vat": ex_vat, "rounding": 0, "sig_nr": n, "signature": "x" * 172,
                "sig_method": "RSA-SHA1-1024", "key_version": "1", "local_date": day,
                "local_time": at.strftime("%H:%M:%S"),
            },
            "training": False, "staff_id": "s1",
            "lines": [{"id": str(uuid.uuid4()), "line_no": 1, "item_id": f"i{n % 500}",
                       "description": "Brukt jakke", "qty": 1, "unit_price": total,
                       "amount": total, "vat_class": "25", "vat_amount": total - ex_vat}],
            "payments": [{"tender_id": str(uuid.uuid4()), "kind": "card", "reference": "",
                          "amount": total}],
            "vat": [{"class": "25", "gross": total, "vat": total - ex_vat}],
        }  # fmt: skip
        yield (str(uuid.uuid4()), site, device, 1, n // len(devices) + 1, tenant,
               "sale.completed", 1, received, received, "h" * 64,
               orjson.dumps(payload).decode())  # fmt: skip


def _analyze(url: str) -> None:
    with psycopg.connect(url.replace("+psycopg", ""), autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE")


def _push(tmp: Path, url: str) -> list[float]:
    """A counter's 5 000 queued sales pushed to a server on this database: ms per request."""
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
    counter.close()
    assert report.drained
    return times


def _month_page(url: str, tenant: str) -> list[float]:
    client = _client(url)
    _sign_in(client, "butikk")
    first = (datetime.now(UTC).replace(day=1) - timedelta(days=1)).replace(day=1).date()
    last = (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    return _times(client, f"/tenants/{tenant}/takings?from={first}&to={last}", rounds=20)
