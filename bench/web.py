"""The web back office: a tenant's month page over 50 000 receipts, and the manager's day page
for 20 tenants on 5 counters, each rendered in full through the app (session, row-level
security, roll-up read, template) against a real PostgreSQL; the sign-in page of the same run
is the baseline. Receipts go in as counters push them (``events`` rows, noted for the takings
roll-up), made in SQL for speed; the first read's roll-up of them all is timed apart, the pages
after it."""

from __future__ import annotations

import re
import time
from typing import Any

from bench import Figure, median, percentile
from bench.sync import fold_takings
from server import admin_ops
from server.db import Scope, make_engine, migrate, scoped
from server.pg_cluster import PgCluster
from server.settings import ServerSettings

MONTH_RECEIPTS = 50_000
TENANTS = 20
DEVICES = 5
DAY_RECEIPTS_PER_TENANT_DEVICE = 40
ROUNDS = 40
PASSWORD = "benk passord 123"

_RECEIPTS = """
INSERT INTO events (event_id, site_id, device_id, device_epoch, device_seq, tenant_id, type,
    type_version, occurred_at, hash, payload)
SELECT gen_random_uuid(), :site, :device, 1, :seq0 + n, :tenant,
    CASE WHEN n % 25 = 0 THEN 'return.completed' ELSE 'sale.completed' END, 1, now(), 'h',
    jsonb_build_object(
      'receipt', jsonb_build_object('register_id', CAST(:register AS text), 'kind',
          CASE WHEN n % 25 = 0 THEN 'return' ELSE 'sale' END,
          'number_text', 'B-' || n, 'total', (CASE WHEN n % 25 = 0 THEN -1 ELSE 1 END) * 12500,
          'total_ex_vat', (CASE WHEN n % 25 = 0 THEN -1 ELSE 1 END) * 10000, 'rounding', 0,
          'local_date', to_char(CAST(:first AS date) + (n % :days), 'YYYY-MM-DD'),
          'local_time', '12:00:00',
          'sig_nr', n, 'signature', 's', 'key_version', '1'),
      'training', false, 'staff_id', 's1',
      'lines', jsonb_build_array(jsonb_build_object('line_no', 1, 'item_id', 'i' || (n % 500),
          'qty', 1, 'amount', (CASE WHEN n % 25 = 0 THEN -1 ELSE 1 END) * 12500,
          'vat_class', '25', 'vat_amount', (CASE WHEN n % 25 = 0 THEN -1 ELSE 1 END) * 2500,
          'discount', CASE WHEN n % 10 = 0 THEN 500 ELSE 0 END, 'article_group_id', 'KLAER',
          'description', 'Genser')),
      'payments', jsonb_build_array(jsonb_build_object('tender_id', 't' || n,
          'kind', CASE WHEN n % 3 = 0 THEN 'cash' ELSE 'card' END, 'reference', '',
          'amount', (CASE WHEN n % 25 = 0 THEN -1 ELSE 1 END) * 12500)),
      'vat', '[]'::jsonb)
FROM generate_series(1, :count) AS n
"""


def _fill(
    conn: Any, site: str, tenant: str, device: str, seq0: int, count: int, first: str, days: int
) -> None:
    from sqlalchemy import text

    conn.execute(
        text(_RECEIPTS),
        {
            "site": site,
            "device": device,
            "seq0": seq0,
            "tenant": tenant,
            "register": device[-2:],
            "count": count,
            "first": first,
            "days": days,
        },
    )


def _world(url: str) -> dict[str, Any]:
    from sqlalchemy import text

    from server.web import users

    engine = make_engine(url, role=None)
    with scoped(engine, Scope.admin()) as conn:
        site = admin_ops.ensure_site(conn, "Asker")
        tenants = [
            admin_ops.add_tenant(
                conn,
                "Asker",
                {"code": f"{10 + n:02d}", "name": f"Leietaker {n}", "org_no": "921100116"},
            )
            for n in range(TENANTS)
        ]
        for d in range(DEVICES):
            conn.execute(
                text(
                    "INSERT INTO devices (id, site_id, name, app_version, epoch, token_hash, "
                    "public_keys, last_seen_at) VALUES (:i, :s, :n, '1', 1, :h, '{}', now())"
                ),
                {"i": f"dev_K{d + 1}", "s": site, "n": f"K{d + 1}", "h": f"hash{d}"},
            )
        users.add_user(conn, users.NewUser("leder", "Leder", "manager", PASSWORD, site_id=site))
        users.add_user(
            conn, users.NewUser("butikk", "Butikk", "tenant", PASSWORD, tenant_id=tenants[0])
        )
    with scoped(engine, Scope.admin()) as conn:
        _fill(conn, site, tenants[0], "dev_K1", 0, MONTH_RECEIPTS, "2026-01-01", 31)
    with scoped(engine, Scope.admin()) as conn:
        seq = {f"dev_K{d + 1}": MONTH_RECEIPTS for d in range(DEVICES)}
        for tenant in tenants:
            for device in seq:
                _fill(
                    conn,
                    site,
                    tenant,
                    device,
                    seq[device],
                    DAY_RECEIPTS_PER_TENANT_DEVICE,
                    "2026-02-02",
                    1,
                )
                seq[device] += DAY_RECEIPTS_PER_TENANT_DEVICE
        conn.execute(
            text(
                "INSERT INTO takings_pending (tenant_id, event_ids, received_at) "
                "SELECT tenant_id, array_agg(id), received_at FROM events GROUP BY 1, 3"
            )
        )
        conn.execute(text("ANALYZE"))
    engine.dispose()
    return {"tenant": tenants[0]}


def _client(url: str) -> Any:
    from fastapi.testclient import TestClient

    from server.app import create_app

    return TestClient(create_app(ServerSettings(database_url=url)))


def _sign_in(client: Any, login: str) -> None:
    page = client.get("/login").text
    token = re.search(r'name="csrf" value="([^"]+)"', page)
    assert token is not None
    answer = client.post(
        "/login", data={"login": login, "password": PASSWORD, "csrf": token.group(1)}
    )
    assert answer.status_code == 200, answer.status_code


def _times(client: Any, path: str, rounds: int = ROUNDS) -> list[float]:
    client.get(path)  # warm: templates compiled, connection pooled
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        answer = client.get(path)
        samples.append((time.perf_counter() - start) * 1000)
        assert answer.status_code == 200, (path, answer.status_code)
    return samples


def run() -> list[Figure]:
    with PgCluster() as pg:
        url = pg.create_database("bench_web")
        migrate(url)
        world = _world(url)
        began = time.perf_counter()
        folded = fold_takings(url)
        fold_ms = (time.perf_counter() - began) * 1000
        manager, tenant = _client(url), _client(url)
        baseline = median(_times(manager, "/login"))
        _sign_in(manager, "leder")
        _sign_in(tenant, "butikk")
        month = _times(tenant, f"/tenants/{world['tenant']}/takings?from=2026-01-01&to=2026-01-31")
        day = _times(manager, "/takings?from=2026-02-02&to=2026-02-02")
        day_end = _times(manager, "/day-end?date=2026-02-02")
    receipts = MONTH_RECEIPTS + TENANTS * DEVICES * DAY_RECEIPTS_PER_TENANT_DEVICE
    return [
        Figure("sign-in page (baseline), median", baseline, "ms"),
        Figure(
            f"takings roll-up of {folded} receipts (first read)",
            fold_ms,
            "ms",
            f"= {receipts} receipts",
            folded == receipts,
        ),
        Figure(
            f"tenant month page, {MONTH_RECEIPTS} receipts, p95",
            percentile(month, 95),
            "ms",
            "<= 300 ms",
            percentile(month, 95) <= 300,
            baseline,
        ),
        Figure(
            f"manager day page, {TENANTS} tenants x {DEVICES} counters, p95",
            percentile(day, 95),
            "ms",
            "<= 300 ms",
            percentile(day, 95) <= 300,
            baseline,
        ),
        Figure(
            "manager day-end page, p95",
            percentile(day_end, 95),
            "ms",
            "<= 300 ms",
            percentile(day_end, 95) <= 300,
            baseline,
        ),
    ]
