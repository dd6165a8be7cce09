"""The server history ``bench server_months`` writes by COPY (``bench/_server_load``) is what the
push stores: a counter's signed sales pushed through the real server into one database, and the
same events (received at the same times) written by the fast path into another with the same
site, tenants and device, give the same events (partition, hash, generated dates), keys,
receipt numbers, chain and number heads, and, once folded, the same takings roll-up."""

from __future__ import annotations

import gzip
from typing import Any

import orjson
import psycopg

from bench._server_load import Stream, copy_stream, last_event_id, note_receipts
from bench.sync import _counter, _queue_sales, fold_takings
from pos.services.signing_keys import public_keys
from sync.cycle import SyncCycle
from sync.enrolment import enrol
from tests.central import fresh_database, live_server

SALES = 260
_ENROLLED = ("sites", "tenants", "site_tenants", "devices", "device_streams")
"""What the fast path needs in place, copied from the pushed-to database (in this order)."""
_COMPARED = {
    "events": "WHERE type = 'sale.completed'",
    "event_keys": "WHERE event_id IN (SELECT event_id FROM events WHERE type = 'sale.completed')",
    "receipt_numbers": "",
    "chain_heads": "",
    "number_heads": "",
    "takings_days": "",
    "takings_vat": "",
    "takings_payments": "",
    "takings_pending": "",
    "event_flags": "",
}


def _rows(url: str, table: str, where: str) -> list[str]:
    with psycopg.connect(url.replace("+psycopg", "")) as conn:
        found = conn.execute(
            f"SELECT (to_jsonb(t) - 'id' - 'updated_at')::text || ' in ' || t.tableoid::regclass "
            f"FROM {table} t {where} ORDER BY 1"
        ).fetchall()
    return [r[0] for r in found]


def _pushed(url: str, server_url: str, counter: Any, code: str) -> list[dict[str, Any]]:
    """Enrol, push everything queued; returns the events the server was sent."""
    enrol(counter.uow, server_url, code, device_name="K1", app_version="0.1.0",
          public_keys=public_keys(counter.keys))  # fmt: skip
    cycle = SyncCycle(counter.uow, app_version="0.1.0")
    post, sent = cycle.api.post_gzipped, []

    def capture(path: str, data: bytes) -> dict[str, Any]:
        sent.extend(orjson.loads(gzip.decompress(data))["events"])
        return post(path, data)

    cycle.api.post_gzipped = capture  # type: ignore[method-assign]
    assert cycle.run(pull=False).drained
    return sent


def test_the_fast_load_stores_the_rows_the_push_stores(tmp_path, central, pg_cluster):
    counter = _counter(tmp_path)
    _queue_sales(counter, SALES)
    with live_server(central) as server_url:
        sent = _pushed(central.url, server_url, counter, central.enrolment_code())
    counter.close()
    sales = [e for e in sent if e["type"] == "sale.completed"]
    assert len(sales) == SALES and len(sent) > SALES  # the centre's data came too
    pushed, loaded = central.url, fresh_database(pg_cluster)
    with (
        psycopg.connect(pushed.replace("+psycopg", "")) as source,
        psycopg.connect(loaded.replace("+psycopg", "")) as target,
    ):
        for table in _ENROLLED:
            with (
                source.cursor().copy(f"COPY {table} TO STDOUT (FORMAT binary)") as out,
                target.cursor().copy(f"COPY {table} FROM STDIN (FORMAT binary)") as into,
            ):
                for block in out:
                    into.write(block)
        target.execute("UPDATE device_streams SET acked_through = 0")
        found = source.execute("SELECT event_id::text, received_at FROM events").fetchall()
        received: dict[str, Any] = dict(found)
        enrolled = source.execute("SELECT site_id, id FROM devices").fetchone()
        assert enrolled is not None
        site, device = enrolled
        after = last_event_id(target)
        stored = copy_stream(
            target, Stream(site, device), [(e, received[e["event_id"]]) for e in sales]
        )
        assert stored == SALES and note_receipts(target, after) == SALES
        target.commit()
        acked = target.execute("SELECT acked_through FROM device_streams").fetchone()
    assert acked == (SALES,)
    assert fold_takings(pushed) == fold_takings(loaded) == SALES
    for table, where in _COMPARED.items():
        assert _rows(loaded, table, where) == _rows(pushed, table, where), table
    assert len(_rows(loaded, "events", "")) == SALES
    assert len(_rows(loaded, "takings_days", "")) > 1
