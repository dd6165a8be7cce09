"""Catch-up after a week offline: 100 000 queued sale events pushed to the central server on
loopback (its own PostgreSQL, one Uvicorn worker in its own process), against a bare batched
INSERT of the same rows (500 a transaction) into the same PostgreSQL, and the takings roll-up
the first back-office read after it brings up to date; then a pull of 100 000 reference rows
into the counter. Signatures are real RSA-SHA1 chains the server verifies."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import datetime
from pathlib import Path
from typing import Any

import psycopg
import requests

from bench import Figure
from pos.clock import OSLO, SteppingClock
from pos.counter import Counter, open_counter
from pos.demo.centre import seed_demo
from pos.services import sync_state
from pos.services.signing_keys import public_keys
from pos.signing import signed_string
from server import admin_ops, refdata
from server.db import Scope, make_engine, migrate, scoped
from server.pg_cluster import PgCluster
from server.takings_rollup import bring_up_to_date
from sync.cycle import CycleReport, SyncCycle
from sync.enrolment import enrol

EVENTS = int(os.environ.get("OMIGJEN_BENCH_SYNC_EVENTS", "100000"))
REF_ROWS = int(os.environ.get("OMIGJEN_BENCH_SYNC_REFS", "100000"))
ROOT = Path(__file__).resolve().parents[1]


def run() -> list[Figure]:
    with PgCluster() as pg, tempfile.TemporaryDirectory() as tmp:
        url = pg.create_database("bench")
        migrate(url)
        counter = _counter(Path(tmp))
        _queue_sales(counter, EVENTS)
        with _server(url) as server_url:
            shared = _enrol(counter, url, server_url)
            cpu = [cluster_cpu(pg), process_cpu(server_url.pid)]
            push_s, report = _timed(
                lambda: SyncCycle(counter.uow, app_version="0.1.0").run(pull=False)
            )
            cpu = [cluster_cpu(pg) - cpu[0], process_cpu(server_url.pid) - cpu[1]]
            unique, total = _counts(url)
            fold_cpu = cluster_cpu(pg)
            fold_s, folded = _timed(lambda: fold_takings(url))
            fold_cpu = cluster_cpu(pg) - fold_cpu
            rows = _event_rows(url)
            bare_cpu = cluster_cpu(pg)
            insert_s = _bare_insert(url, rows)
            bare_cpu = cluster_cpu(pg) - bare_cpu
            _publish_items(url, counter, REF_ROWS)
            pull_s, pulled = _timed(lambda: _pull(counter))
        counter.close()
    assert report.drained and pulled.pulled >= REF_ROWS
    return [
        Figure(f"push catch-up of {EVENTS} events", push_s, "s", "<= 10 s", push_s <= 10, insert_s),
        Figure("bare INSERT of the same rows (500/txn)", insert_s, "s"),
        Figure("  PostgreSQL CPU during the push", cpu[0], "s", "", None, bare_cpu),
        Figure("  server CPU during the push", cpu[1], "s"),
        Figure("  PostgreSQL CPU during the bare INSERT", bare_cpu, "s"),
        Figure("takings roll-up at the first read after it", fold_s, "s", "", None, insert_s),
        Figure("  PostgreSQL CPU during that roll-up", fold_cpu, "s"),
        Figure("receipts in that roll-up", folded, "rows", f"= {EVENTS}", folded == EVENTS),
        Figure("push and that roll-up to bare INSERT", (push_s + fold_s) / insert_s, "x"),
        Figure("duplicates on the server", total - unique, "rows", "0", total == unique),
        Figure(
            "events stored (sales and the centre's data)",
            total,
            "rows",
            f"= {EVENTS} + {shared}",
            total == EVENTS + shared,
        ),  # fmt: skip
        Figure(f"pull of {REF_ROWS} reference rows", pull_s, "s", "<= 8 s", pull_s <= 8),
        Figure("push ratio to bare INSERT", push_s / insert_s, "x", "<= 2", push_s <= 2 * insert_s),
    ]


def _cpu_of(stat: str) -> tuple[int, float, float]:
    """(parent pid, own CPU seconds, CPU seconds of its children it has waited for)."""
    fields = stat.rsplit(")", 1)[1].split()
    tick = os.sysconf("SC_CLK_TCK")
    return (
        int(fields[1]),
        (int(fields[11]) + int(fields[12])) / tick,
        (int(fields[13]) + int(fields[14])) / tick,
    )


def process_cpu(pid: int) -> float:
    return _cpu_of(Path(f"/proc/{pid}/stat").read_text())[1]


def cluster_cpu(pg: PgCluster) -> float:
    """CPU seconds used so far by the cluster: the postmaster, its live processes, and the
    backends that have ended (counted in the postmaster's children's times, once it has
    reaped them: hence the pause)."""
    time.sleep(0.5)
    postmaster = int((pg.data / "postmaster.pid").read_text().split()[0])
    _, own, ended = _cpu_of(Path(f"/proc/{postmaster}/stat").read_text())
    total = own + ended
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent, used, _ = _cpu_of((entry / "stat").read_text())
            except OSError:  # ended meanwhile
                continue
            if parent == postmaster:
                total += used
    return total


def _timed(action: Any) -> tuple[float, Any]:
    began = time.perf_counter()
    result = action()
    return time.perf_counter() - began, result


def _counter(tmp: Path) -> Counter:
    counter = open_counter(tmp / "counter")
    clock = SteppingClock(datetime(2026, 3, 2, 10, 0, tzinfo=OSLO))
    seed_demo(counter.uow, counter.signer(), clock=clock, open_till=False)
    return counter


def _queue_sales(counter: Counter, count: int) -> None:
    """A week of sales as the till writes them: one receipt per event, chained signatures."""
    signer = counter.signer()
    with counter.uow.read() as uow:
        tenants = [t for t in uow.store.tenants()]
    heads = {t.id: (0, "0") for t in tenants}
    rows = []
    for seq in range(1, count + 1):
        tenant = tenants[seq % len(tenants)]
        nr, previous = heads[tenant.id]
        nr += 1
        day, second = divmod(seq, 20_000)
        local_date = f"2026-03-{2 + day:02d}"
        local_time = f"{9 + second // 3600:02d}:{second // 60 % 60:02d}:{second % 60:02d}"
        total = 4900 + seq % 700 * 100
        ex_vat = total * 4 // 5
        signature = signer.sign(signed_string(previous, local_date, local_time, nr, total, ex_vat))
        heads[tenant.id] = (nr, signature)
        sale_id = str(uuid.uuid4())
        receipt = {
            "id": str(uuid.uuid4()),
            "sale_id": sale_id,
            "tenant_id": tenant.id,
            "register_id": "K1",
            "kind": "sale",
            "number": nr,
            "number_text": f"{tenant.code}-K1-{nr:06d}",
            "total": total,
            "total_ex_vat": ex_vat,
            "rounding": 0,
            "original_receipt_id": None,
            "sig_nr": nr,
            "signature": signature,
            "sig_method": signer.method,
            "key_version": signer.key_version,
            "local_date": local_date,
            "local_time": local_time,
        }
        payload = {
            "sale_id": sale_id,
            "receipt": receipt,
            "training": False,
            "staff_id": "s1",
            "lines": [
                {
                    "id": str(uuid.uuid4()),
                    "line_no": 1,
                    "item_id": "i1",
                    "description": "Brukt jakke",
                    "qty": 1,
                    "unit_price": total,
                    "amount": total,
                    "vat_class": "25",
                    "vat_amount": total - ex_vat,
                }
            ],
            "payments": [
                {"tender_id": str(uuid.uuid4()), "kind": "card", "reference": "", "amount": total}
            ],
            "vat": [{"class": "25", "gross": total, "vat": total - ex_vat}],
        }
        rows.append(
            (
                seq,
                str(uuid.uuid4()),
                "sale.completed",
                tenant.id,
                f"{local_date}T08:00:00.000Z",
                json.dumps(payload, ensure_ascii=False),
            )
        )
    with counter.uow() as uow:
        uow.sync.execute_many(
            "INSERT INTO outbox (device_seq, event_id, type, tenant_id, occurred_at, payload) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            rows,
        )
        uow.sync.execute_many(
            "INSERT OR REPLACE INTO counters (name, value) VALUES (?, ?)", [("device_seq", count)]
        )
        uow.commit()


class _ServerUrl(str):
    """The server's address, and its process id (for its CPU time)."""

    pid: int = 0


class _server:
    """The server in its own process, as in production (one Uvicorn worker)."""

    def __init__(self, url: str) -> None:
        from server.pg_cluster import _free_port as free_port

        self.port = free_port()
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "server",
                "--database-url",
                url,
                "--port",
                str(self.port),
                "--no-migrate",
                "--no-notifier",
            ],
            cwd=ROOT,
        )

    def __enter__(self) -> _ServerUrl:
        url = _ServerUrl(f"http://127.0.0.1:{self.port}")
        url.pid = self.process.pid
        for _ in range(300):
            try:
                requests.get(url + "/openapi.json", timeout=5)
                return url
            except requests.RequestException:  # not up yet, or too slow on a loaded machine
                time.sleep(0.1)
        raise RuntimeError("server did not start")

    def __exit__(self, *exc: object) -> None:
        self.process.terminate()
        self.process.wait(10)


def _enrol(counter: Counter, db_url: str, server_url: str) -> int:
    """The site made and a code given out; the counter's tenants travel with it. Returns the
    events the first enrolment queues (the centre's article groups, staff and items)."""
    engine = make_engine(db_url)
    with scoped(engine, Scope.admin()) as conn:
        admin_ops.ensure_site(conn, "Bench")
        code, _ = admin_ops.enrolment_code(conn, "Bench")
    engine.dispose()
    keys = public_keys(counter.keys)
    done = enrol(counter.uow, server_url, code, device_name="K1", app_version="0.1.0",
                 public_keys=keys)  # fmt: skip
    return done.shared


def _counts(db_url: str) -> tuple[int, int]:
    with psycopg.connect(db_url.replace("+psycopg", "")) as conn:
        row = conn.execute("SELECT count(DISTINCT event_id), count(*) FROM events").fetchone()
        flags = conn.execute("SELECT count(*) FROM event_flags").fetchone()
        assert row is not None and flags is not None and flags[0] == 0, "signatures must verify"
        return int(row[0]), int(row[1])


def fold_takings(db_url: str) -> int:
    """What the first read of the back office's takings does after a catch-up: the receipts
    the pushes noted folded into the roll-up (server.takings_rollup), as the admin."""
    engine = make_engine(db_url)
    try:
        with scoped(engine, Scope.admin()) as conn:
            return bring_up_to_date(conn)
    finally:
        engine.dispose()


def _event_rows(db_url: str) -> list[tuple[Any, ...]]:
    with psycopg.connect(db_url.replace("+psycopg", "")) as conn:
        return conn.execute(
            "SELECT event_id, site_id, device_id, device_epoch, device_seq, tenant_id, type, "
            "type_version, occurred_at, hash, payload::text FROM events ORDER BY id"
        ).fetchall()


def _bare_insert(db_url: str, rows: list[tuple[Any, ...]]) -> float:
    """The floor: the same rows, 500 per transaction, into a copy of the events table."""
    with psycopg.connect(db_url.replace("+psycopg", "")) as conn:
        conn.execute("CREATE TABLE bare_events (LIKE events INCLUDING ALL)")
        conn.commit()
        began = time.perf_counter()
        with conn.cursor() as cursor:
            for start in range(0, len(rows), 500):
                cursor.executemany(
                    "INSERT INTO bare_events (event_id, site_id, device_id, device_epoch, "
                    "device_seq, tenant_id, type, type_version, occurred_at, hash, payload) "
                    "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s::jsonb)",
                    rows[start : start + 500],
                )
                conn.commit()
        return time.perf_counter() - began


def _publish_items(db_url: str, counter: Counter, count: int) -> None:
    with counter.uow.read() as uow:
        tenant = uow.store.tenants()[0]
    engine = make_engine(db_url)
    with scoped(engine, Scope.admin()) as conn:
        refdata.put_many(
            conn,
            "item",
            [
                (
                    f"ref-{n}",
                    tenant.id,
                    {
                        "kind": "one_off",
                        "description": f"Bok nr {n}",
                        "price": 5000 + n % 100,
                        "vat_class": "0",
                        "article_group_id": "DIVERSE",
                        "barcode": f"REF-{n}",
                        "status": "available",
                    },
                )
                for n in range(count)
            ],
        )
    engine.dispose()


def _pull(counter: Counter) -> CycleReport:
    report = CycleReport()
    SyncCycle(counter.uow, app_version="0.1.0").pull(report)
    return report


def unsynced(counter: Counter) -> int:
    return sync_state.sync_status(counter.uow).unsynced
