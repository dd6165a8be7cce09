"""Quarantined events: listed, and released once their cause is fixed (a tenant approved for
the site, a server that now knows an event type).

A release re-checks each held event exactly as a push would, device by device in
``device_seq`` order under the device's own lock and scope, and stores the ones that now pass
through the push's own path (signatures verified, receipt numbers claimed, items and tickets
published), under the epoch they were sent with, a few thousand per transaction: the checks
run in Python on the copies read, and the rows that pass are copied into ``events`` inside the
database from the very quarantine rows checked. In the same transaction each released row is
recorded in ``quarantine_releases`` (insert-only, like the quarantine itself), so each event is
stored once: a second release finds nothing, and an event the counter sent again meanwhile is
already there. Events whose sequence number or id another stored event holds
(``seq_conflict``, ``seq_repeated``, ``event_id_conflict``) or that did not match their own
hash are never released, nor a copy that differs from what was sent (one kept without its NUL
characters or cut at 32 levels): each copy carries the hash it was received with, and a copy
that does not match it is held as ``copy_differs``.
"""

from __future__ import annotations

import gc
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import orjson
from sqlalchemy import Connection, Engine, text

from server.auth import device_by_id
from server.checked import Outcome
from server.db import Scope, apply_scope, scoped
from server.ingest import lock_device, store_new

NEVER_RELEASED = ("seq_conflict", "seq_repeated", "event_id_conflict", "hash_mismatch")
_OPEN = "NOT EXISTS (SELECT 1 FROM quarantine_releases r WHERE r.quarantine_id = quarantine.id)"
BATCH = 5000
"""Events released per transaction (a stream of 100 000 is twenty commits)."""


@dataclass(frozen=True)
class Filter:
    code: str | None = None
    device_id: str | None = None
    tenant_id: str | None = None
    """The tenant the events claim (approving a tenant releases its events)."""

    def sql(self) -> str:
        where = f"{_OPEN} AND code <> ALL(:never)"
        if self.code:
            where += " AND code = :code"
        if self.device_id:
            where += " AND device_id = :device"
        if self.tenant_id:
            where += " AND claimed_tenant_id = :tenant"
        return where

    def params(self) -> dict[str, Any]:
        return {
            "never": list(NEVER_RELEASED),
            "code": self.code,
            "device": self.device_id,
            "tenant": self.tenant_id,
        }


@dataclass
class Released:
    stored: int = 0
    already: int = 0
    """Released because the very same event is on the server already."""
    held: Counter[str] = field(default_factory=Counter)
    """Events that still fail, by their code now."""


def summary(conn: Connection, where: Filter) -> list[dict[str, Any]]:
    """Open quarantine rows counted by device and code (any code, also never-released ones)."""
    found = conn.execute(
        text(
            "SELECT device_id, code, count(*), min(received_at)::text FROM quarantine "
            f"WHERE {_OPEN} AND (CAST(:code AS text) IS NULL OR code = :code) AND "
            "(CAST(:device AS text) IS NULL OR device_id = :device) "
            "GROUP BY device_id, code ORDER BY device_id, code"
        ),
        where.params(),
    )
    return [{"device_id": d, "code": c, "count": n, "since": at} for d, c, n, at in found]


def listing(conn: Connection, where: Filter, limit: int) -> list[dict[str, Any]]:
    found = conn.execute(
        text(
            "SELECT device_id, device_epoch, device_seq, code, claimed_tenant_id, "
            f"raw->>'type', detail FROM quarantine WHERE {_OPEN} AND "
            "(CAST(:code AS text) IS NULL OR code = :code) AND "
            "(CAST(:device AS text) IS NULL OR device_id = :device) "
            "ORDER BY device_id, device_epoch, device_seq LIMIT :n"
        ),
        where.params() | {"n": limit},
    )
    keys = ("device_id", "epoch", "seq", "code", "tenant_id", "type", "detail")
    return [dict(zip(keys, row, strict=True)) for row in found]


def release(engine: Engine, where: Filter) -> Released:
    """Re-check and store the open quarantine rows ``where`` selects."""
    with scoped(engine, Scope.admin()) as conn:
        streams = conn.execute(
            text(
                f"SELECT DISTINCT device_id, device_epoch FROM quarantine WHERE {where.sql()} "
                "ORDER BY device_id, device_epoch"
            ),
            where.params(),
        ).all()
    result = Released()
    for device_id, epoch in streams:
        after: int | None = 0
        while after is not None:
            with scoped(engine, Scope.admin()) as conn, _collector_paused():
                after = release_batch(conn, device_id, int(epoch), after, where, result)
    return result


@contextmanager
def _collector_paused() -> Iterator[None]:
    """A batch makes a few hundred thousand objects that live until it ends, and the cyclic
    collector walked them all again and again (about a fifth of its Python time); what they leave
    is freed by reference counting, the few cycles at the next collection."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _candidates(rows: Sequence[Any], result: Released) -> dict[int, tuple[int, dict[str, Any]]]:
    """The held copies to re-check, by sequence number, each carrying the hash it was received
    with (``check_event`` refuses a copy that does not match: it is never stored)."""
    candidates: dict[int, tuple[int, dict[str, Any]]] = {}
    for row_id, seq, digest, raw in rows:
        event = orjson.loads(raw)
        if seq in candidates or not isinstance(event, dict):
            result.held["copy_differs"] += 1
            continue
        event["device_seq"], event["hash"] = seq, digest
        candidates[seq] = (row_id, event)
    return candidates


def held_after(where: Filter) -> str:
    """The next open rows of a device stream, in the order of ``quarantine_by_stream_seq``
    (migration s0016): the index gives them in order, so only the batch is read."""
    return (
        f"SELECT id, device_seq, hash, raw::text FROM quarantine WHERE {where.sql()} "
        "AND device_id = :d AND device_epoch = :e AND device_seq > :after "
        "ORDER BY device_id, device_epoch, device_seq, id LIMIT :n"
    )


def release_batch(
    conn: Connection, device_id: str, epoch: int, after: int, where: Filter, result: Released
) -> int | None:
    """One transaction: the next ``BATCH`` open rows of a device stream after ``after``;
    returns the last sequence number seen, or None when the stream is done."""
    device = device_by_id(conn, device_id, epoch)
    if device is None:
        return None
    apply_scope(conn, device.scope)
    lock_device(conn, device, wait=True)
    rows = conn.execute(
        text(held_after(where)),
        where.params() | {"d": device_id, "e": epoch, "after": after, "n": BATCH},
    ).all()
    if not rows:
        return None
    candidates = _candidates(rows, result)
    out = Outcome(0)
    events = [event for _, event in candidates.values()]
    held = {seq: row_id for seq, (row_id, _) in candidates.items()}
    failed = store_new(
        conn, device, events, False, out, datetime.now(UTC), keep_rejected=False, held=held
    ) if events else []  # fmt: skip
    not_stored = {c.seq for c in failed}
    for c in failed:
        code = c.reject[0] if c.reject else "rejected"
        result.held["copy_differs" if code == "hash_mismatch" else code] += 1
    already = sum(1 for r in out.results if r["status"] == "duplicate")
    released = [row_id for seq, (row_id, _) in candidates.items() if seq not in not_stored]
    result.already += already
    result.stored += len(released) - already
    if released:
        conn.execute(
            text(
                "INSERT INTO quarantine_releases (quarantine_id) "
                "SELECT unnest(CAST(:ids AS bigint[]))"
            ),
            {"ids": released},
        )
    return int(rows[-1][1]) if len(rows) == BATCH else None
