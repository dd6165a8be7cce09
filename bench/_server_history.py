"""Fifty centres' history for ``bench server_months``: the sites, their tenants, counters and
web users, the reference data their counters pull, and years of sales written through the
fast path (``bench._server_load``), each counter's stream in device order."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from typing import Any

import psycopg
from sqlalchemy import text

from bench._server_load import Stream, copy_stream, last_event_id, note_receipts
from server import admin_ops, refdata
from server.db import Scope, make_engine, scoped

PASSWORD = "benk passord 123"
ITEMS_PER_SITE = 2_000
"""Reference rows (items) published to each centre's counters: what the others' pulls skip."""


@dataclass(frozen=True)
class World:
    sites: list[str]
    tenants: list[list[str]]
    """Each site's tenants."""
    streams: list[Stream]
    registers: list[str]
    """Each stream's register (``K1``…)."""


def make_world(url: str, sites: int, counters: int, tenants: int, items: bool) -> World:
    """Sites with their tenants and enrolled counters; a manager (``leder``) of the first site
    and a user (``butikk``) of its first tenant; with ``items``, each site's item catalogue."""
    from server.web import users

    engine = make_engine(url, role=None)
    site_ids: list[str] = []
    tenant_ids: list[list[str]] = []
    streams, registers = [], []
    with scoped(engine, Scope.admin()) as conn:
        for s in range(sites):
            name = f"Senter {s}"
            site_ids.append(admin_ops.ensure_site(conn, name))
            tenant_ids.append([
                admin_ops.add_tenant(conn, name, {"code": f"{10 + n:02d}",
                                                  "name": f"Leietaker {s}-{n}",
                                                  "org_no": "921100116"})
                for n in range(tenants)
            ])  # fmt: skip
            for c in range(counters):
                device = f"dev_{s}_{c + 1}"
                conn.execute(
                    text(
                        "INSERT INTO devices (id, site_id, name, app_version, epoch, token_hash, "
                        "public_keys, last_seen_at) VALUES (:i, :s, :n, '1', 1, :h, '{}', now())"
                    ),
                    {"i": device, "s": site_ids[-1], "n": f"K{c + 1}", "h": f"hash_{device}"},
                )
                conn.execute(
                    text("INSERT INTO device_streams (device_id, epoch, acked_through) "
                         "VALUES (:d, 1, 0)"),
                    {"d": device},
                )  # fmt: skip
                streams.append(Stream(site_ids[-1], device))
                registers.append(f"K{c + 1}")
        users.add_user(
            conn, users.NewUser("leder", "Leder", "manager", PASSWORD, site_id=site_ids[0])
        )
        users.add_user(
            conn,
            users.NewUser("butikk", "Butikk", "tenant", PASSWORD, tenant_id=tenant_ids[0][0]),
        )
    if items:
        for s, site_tenants in enumerate(tenant_ids):
            with scoped(engine, Scope.admin()) as conn:
                refdata.put_many(conn, "item", list(_items(s, site_tenants)))
    engine.dispose()
    return World(site_ids, tenant_ids, streams, registers)


def _items(site: int, tenants: list[str]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for n in range(ITEMS_PER_SITE):
        yield (f"item-{site}-{n}", tenants[n % len(tenants)],
               {"kind": "one_off", "description": f"Bok nr {n}", "price": 5000 + n % 100,
                "vat_class": "0", "article_group_id": "DIVERSE", "barcode": f"S{site}-{n}",
                "status": "available"})  # fmt: skip


def load(
    url: str,
    world: World,
    events: int,
    months: int,
    fold: Callable[[], int],
    now: datetime | None = None,
) -> tuple[float, float, int]:
    """``events`` sales spread evenly over the counters and the last ``months`` months, each
    counter's day of sales received at the day's end; the takings folded every ten counters, as
    the back office's reads would have. Returns (seconds loading, seconds folding, folded)."""
    import time as clock

    now = now or datetime.now(UTC)
    start = (now - timedelta(days=30.4 * months)).replace(hour=0, minute=0, second=0)
    days = max(1, (now - start).days - 1)
    per_stream, extra = divmod(events, len(world.streams))
    raw = url.replace("+psycopg", "")
    with psycopg.connect(raw) as conn:
        conn.execute("SELECT events_add_months(%s, 24)", (start,))
        conn.commit()
    loading = folding = 0.0
    folded = 0
    with psycopg.connect(raw) as conn:
        for n, (stream, register) in enumerate(zip(world.streams, world.registers, strict=True)):
            began = clock.perf_counter()
            after = last_event_id(conn)
            site_tenants = world.tenants[world.sites.index(stream.site_id)]
            count = per_stream + (n < extra)
            sales = _sales(site_tenants, register, count, start, days)
            copy_stream(conn, stream, sales)
            note_receipts(conn, after)
            conn.commit()
            loading += clock.perf_counter() - began
            if n % 10 == 9 or n == len(world.streams) - 1:
                began = clock.perf_counter()
                folded += fold()
                folding += clock.perf_counter() - began
    return loading, folding, folded


def _sales(
    tenants: list[str], register: str, count: int, start: datetime, days: int
) -> Iterator[tuple[dict[str, Any], datetime]]:
    numbers = dict.fromkeys(tenants, 0)
    for seq in range(1, count + 1):
        tenant = tenants[seq % len(tenants)]
        numbers[tenant] += 1
        nr = numbers[tenant]
        day, part = divmod((seq - 1) * days / count, 1)
        on = (start + timedelta(days=int(day))).date()
        at = datetime.combine(on, time(8), UTC) + timedelta(seconds=int(part * 9 * 3600))
        received = datetime.combine(on, time(21), UTC)  # the day's sync at closing time
        total = 4900 + seq % 700 * 100
        ex_vat = total * 4 // 5
        sale_id = str(uuid.uuid4())
        payload = {
            "sale_id": sale_id,
            "receipt": {
                "id": str(uuid.uuid4()), "sale_id": sale_id, "tenant_id": tenant,
                "register_id": register, "kind": "sale", "number": nr,
                "number_text": f"{register}-{nr:06d}", "total": total, "total_ex_vat": ex_vat,
                "rounding": 0, "original_receipt_id": None, "sig_nr": nr,
                "signature": "x" * 172, "sig_method": "RSA-SHA1-1024", "key_version": "1",
                "local_date": on.isoformat(), "local_time": at.strftime("%H:%M:%S"),
            },
            "training": False, "staff_id": "s1",
            "lines": [{"id": str(uuid.uuid4()), "line_no": 1, "item_id": f"i{seq % 500}",
                       "description": "Brukt jakke", "qty": 1, "unit_price": total,
                       "amount": total, "vat_class": "25", "vat_amount": total - ex_vat}],
            "payments": [{"tender_id": str(uuid.uuid4()),
                          "kind": "card" if seq % 3 else "cash", "reference": "",
                          "amount": total}],
            "vat": [{"class": "25", "gross": total, "vat": total - ex_vat}],
        }  # fmt: skip
        occurred = at.isoformat().replace("+00:00", "Z")
        event = {"event_id": str(uuid.uuid4()), "device_seq": seq, "tenant_id": tenant,
                 "type": "sale.completed", "type_version": 1, "occurred_at": occurred,
                 "payload": payload}  # fmt: skip
        yield event, received
