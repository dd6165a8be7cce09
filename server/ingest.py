"""Applying one push: idempotent by database constraints, contiguous by device sequence.

One transaction per push under a per-device advisory lock (``409 concurrent_push`` if busy).
Events at or below ``acked_through`` are compared by hash (duplicate or ``seq_conflict``); the
next ones are inserted with ``ON CONFLICT DO NOTHING`` on ``UNIQUE(event_id)`` and
``UNIQUE(device_id, device_epoch, device_seq)``; bad events are quarantined and still acked, so
the queue never jams; ``acked_through`` moves in the same transaction.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from itertools import pairwise
from typing import Any

import orjson
import psycopg
from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError

from pos.sync_protocol import (
    HASHED_FIELDS,
    ITEM_EVENT_TYPES,
    MAX_BATCH_EVENTS,
    RECEIPT_EVENT_TYPES,
    TICKET_EVENT_TYPES,
)
from server import items, tickets
from server.auth import Device
from server.event_checks import why_invalid
from server.problems import Problem
from server.verify import Flags, Heads, check_receipts, read_heads, save_heads

CLOCK_AHEAD = timedelta(minutes=5)
_HOOKED = TICKET_EVENT_TYPES | ITEM_EVENT_TYPES
"""Fresh events merged or published after the insert (tickets, items)."""


@dataclass
class Checked:
    """One event of the batch after validation: a row to insert, or why it is quarantined."""

    seq: int
    raw: dict[str, Any]
    hash: str
    row: dict[str, Any] | None = None
    reject: tuple[str, str] | None = None  # (code, detail)
    payload_json: bytes = b"null"


@dataclass
class Outcome:
    acked_through: int
    results: list[dict[str, Any]] = field(default_factory=list)

    def add(self, event: dict[str, Any], status: str, code: str = "", **extra: Any) -> None:
        entry: dict[str, Any] = {"event_id": str(event.get("event_id")), "status": status}
        if code:
            entry["code"] = code
        self.results.append(entry | extra)


def canonical(value: Any) -> bytes:
    """Stable JSON bytes: sorted keys, no spaces, UTF-8 (orjson: this is the hot path)."""
    return orjson.dumps(value, option=orjson.OPT_SORT_KEYS)


def event_hash(event: dict[str, Any], payload_json: bytes | None = None) -> str:
    """SHA-256 over the canonical identity fields, a newline and the canonical payload."""
    identity = canonical({name: event.get(name) for name in HASHED_FIELDS})
    if payload_json is None:
        payload_json = canonical(event.get("payload"))
    return hashlib.sha256(identity + b"\n" + payload_json).hexdigest()


def check_envelope(body: Any, device: Device) -> list[dict[str, Any]]:
    """The batch's events sorted by sequence, or 400/403 for an envelope that is not usable."""
    if not isinstance(body, dict) or not isinstance(body.get("events"), list):
        raise Problem(400, "malformed", "the body must be an object with an events list")
    if body.get("device_id") != device.id or body.get("device_epoch") != device.epoch:
        raise Problem(
            403,
            "device_mismatch",
            "device_id/device_epoch do not match the token",
            device_id=device.id,
            device_epoch=device.epoch,
        )
    events = body["events"]
    if len(events) > MAX_BATCH_EVENTS:
        raise Problem(413, "batch_too_large", f"at most {MAX_BATCH_EVENTS} events per push")
    seqs = []
    for event in events:
        seq = event.get("device_seq") if isinstance(event, dict) else None
        if not isinstance(seq, int) or isinstance(seq, bool) or not 1 <= seq < 2**62:
            raise Problem(400, "malformed", "every event needs an integer device_seq >= 1")
        seqs.append(seq)
    if len(set(seqs)) != len(seqs):
        raise Problem(400, "malformed", "device_seq repeats inside the batch")
    return sorted(events, key=lambda e: e["device_seq"])


def apply_push(
    conn: Connection,
    device: Device,
    events: list[dict[str, Any]],
    received_at: datetime,
    may_hold_nul: bool = True,
) -> Outcome:
    locked = conn.execute(
        text("SELECT pg_try_advisory_xact_lock(hashtextextended(:k, 7))"), {"k": device.id}
    ).scalar()
    if not locked:
        raise Problem(
            409,
            "concurrent_push",
            "another push for this device is in progress",
            headers={"Retry-After": "1"},
        )
    acked = conn.execute(
        text(
            "SELECT acked_through FROM device_streams WHERE device_id = :d AND epoch = :e "
            "FOR UPDATE"
        ),
        {"d": device.id, "e": device.epoch},
    ).scalar()
    if acked is None:
        raise Problem(401, "token_invalid", "no stream for this device epoch; re-enrol")
    outcome = Outcome(int(acked))
    old = [e for e in events if e["device_seq"] <= acked]
    new = _contiguous([e for e in events if e["device_seq"] > acked], int(acked))
    if old:
        _resends(conn, device, old, outcome)
    if not new and events and events[-1]["device_seq"] > acked:
        raise Problem(
            409,
            "seq_gap",
            f"the server expects device_seq {acked + 1} next",
            expected_seq=int(acked) + 1,
        )
    if new:
        _apply_new(conn, device, new, may_hold_nul, outcome, received_at)
        outcome.acked_through = new[-1]["device_seq"]
        conn.execute(
            text(
                "UPDATE device_streams SET acked_through = :a, updated_at = now() "
                "WHERE device_id = :d AND epoch = :e"
            ),
            {"a": outcome.acked_through, "d": device.id, "e": device.epoch},
        )
    conn.execute(text("UPDATE devices SET last_seen_at = now() WHERE id = :d"), {"d": device.id})
    return outcome


def _as_uuid(value: str) -> str | None:
    try:
        return str(uuid.UUID(value))
    except ValueError:
        return None


def _contiguous(events: list[dict[str, Any]], acked: int) -> list[dict[str, Any]]:
    """The run of events that follows ``acked`` without a hole (the rest is sent again later)."""
    run: list[dict[str, Any]] = []
    for event in events:
        if event["device_seq"] != acked + len(run) + 1:
            break
        run.append(event)
    return run


def check_event(event: dict[str, Any], device: Device, may_hold_nul: bool = True) -> Checked:
    encoded = json.dumps(event) if may_hold_nul else ""
    if "\\u0000" in encoded:  # PostgreSQL cannot store NUL in text or jsonb: keep a copy
        digest = event_hash(event)  # of what was sent, so a resend still matches
        event = json.loads(encoded.replace("\\u0000", "\\ufffd"))
        checked = Checked(event["device_seq"], event, digest)
        checked.reject = ("malformed", "the event contains NUL characters")
        return checked
    payload_json = canonical(event.get("payload"))
    checked = Checked(event["device_seq"], event, event_hash(event, payload_json))
    problem = why_invalid(event, device)
    if problem:
        checked.reject = problem
        return checked
    if event.get("hash") not in (None, checked.hash):
        checked.reject = ("hash_mismatch", "the event's hash does not match its content")
        return checked
    checked.row = {
        "event_id": event["event_id"],
        "device_seq": event["device_seq"],
        "tenant_id": event.get("tenant_id"),
        "type": event["type"],
        "type_version": event.get("type_version", 1),
        "occurred_at": event["occurred_at"],
        "hash": checked.hash,
        "payload": event["payload"],
    }
    checked.payload_json = payload_json
    return checked


def _rows_json(checked: Sequence[Checked]) -> bytes:
    """The rows for ``jsonb_to_recordset``, re-using each payload's canonical encoding."""
    parts = []
    for c in checked:
        row = _row(c)
        head = orjson.dumps({k: v for k, v in row.items() if k != "payload"})
        parts.append(head[:-1] + b',"payload":' + c.payload_json + b"}")
    return b"[" + b",".join(parts) + b"]"


def _resends(conn: Connection, device: Device, old: list[dict[str, Any]], out: Outcome) -> None:
    """Events already acked: the same content is a duplicate, different content a conflict."""
    ids = [str(e.get("event_id")) for e in old]
    known = {
        str(r[0]): r[1]
        for r in conn.execute(
            text(
                "SELECT event_id::text, hash FROM events WHERE event_id = ANY(CAST(:uuids AS "
                "uuid[])) AND device_id = :d UNION ALL SELECT event_id, hash FROM quarantine "
                "WHERE event_id = ANY(:ids) AND device_id = :d"
            ),
            {"uuids": [u for u in map(_as_uuid, ids) if u], "ids": ids, "d": device.id},
        )
    }
    conflicts = []
    for event in old:
        digest = event_hash(event)
        event_id = str(event.get("event_id"))
        if digest in (known.get(event_id), known.get(_as_uuid(event_id) or event_id)):
            out.add(event, "duplicate")
        else:
            out.add(event, "rejected", "seq_conflict")
            conflicts.append(
                Checked(
                    event["device_seq"],
                    event,
                    digest,
                    reject=(
                        "seq_conflict",
                        "sequence already used by other content (restored backup?)",
                    ),
                )
            )
    _quarantine(conn, device, conflicts)


_INSERT_EVENTS = """
INSERT INTO events (event_id, site_id, device_id, device_epoch, device_seq, tenant_id, type,
                    type_version, occurred_at, hash, payload)
SELECT r.event_id, %(site)s, %(dev)s, %(epoch)s, r.device_seq, r.tenant_id, r.type,
       r.type_version, r.occurred_at, r.hash, r.payload
FROM jsonb_to_recordset(CAST(%(rows)s AS jsonb)) AS r(event_id uuid, device_seq bigint,
     tenant_id text, type text, type_version int, occurred_at timestamptz, hash text,
     payload jsonb)
ON CONFLICT DO NOTHING
RETURNING event_id::text
"""


def _apply_new(
    conn: Connection,
    device: Device,
    new: list[dict[str, Any]],
    may_hold_nul: bool,
    out: Outcome,
    received_at: datetime,
) -> None:
    receipt_kinds = any(e.get("type") in RECEIPT_EVENT_TYPES for e in new)
    heads = read_heads(conn, device, device.tenant_ids) if receipt_kinds else None
    checked, stored, guessed, guess = _check_and_store(conn, device, new, may_hold_nul, heads)
    valid = [c for c in checked if c.row is not None]
    inserted = {r[0] for r in stored}
    if len(inserted) == len(valid):
        clashes: list[Checked] = []
    else:
        clashes = [c for c in valid if str(uuid.UUID(_row(c)["event_id"])) not in inserted]
    rejected = [c for c in checked if c.reject] + _event_id_clashes(conn, device, clashes, out)
    _quarantine(conn, device, rejected)
    for c in checked:
        if c.reject:
            out.add(c.raw, "rejected", c.reject[0])
    clashed = {id(c) for c in clashes}
    fresh = [_row(c) for c in valid if id(c) not in clashed]
    flags: Flags = {}
    if heads is not None and guessed is not None:
        if clashes:  # the guess that every row goes in was wrong: check the stored ones
            flags = check_receipts(device, _receipt_rows(fresh), heads)
        else:
            flags, heads = guess, guessed
        save_heads(conn, device, heads)
    repairs: list[dict[str, Any]] = []
    catalogue: list[dict[str, Any]] = []
    for r in fresh:  # one pass, one set lookup per row: most batches (sales) have neither kind
        if r["type"] in _HOOKED:
            (repairs if r["type"] in TICKET_EVENT_TYPES else catalogue).append(r)
    # items first: a part line added after registering its item is published after the item
    published = items.apply(conn, device, catalogue) if catalogue else {}
    merged = tickets.merge(conn, device, repairs, received_at) if repairs else {}
    for event_id, found in (*published.items(), *merged.items()):
        flags.setdefault(event_id, []).extend(found)
    for row in fresh:
        if datetime.fromisoformat(row["occurred_at"]) > received_at + CLOCK_AHEAD:
            flags.setdefault(row["event_id"], []).append(
                ("clock_ahead", "occurred_at is more than 5 minutes after the server's time")
            )
    _store_flags(conn, device, {r["event_id"]: r for r in fresh}, flags, out)
    _queue_notifications(conn, device, [r for r in fresh if r["type"] == "notification.requested"])


def _receipt_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [r for r in rows if r["type"] in RECEIPT_EVENT_TYPES]


INSERT_CHUNK = 150
"""Events checked and sent to the database at a time, so it stores one chunk while the next is
checked (and the receipts verified while it stores the last); the first chunk is smaller, so
the database starts sooner."""
FIRST_CHUNK = 50


def _chunks(events: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    bounds = [0, *range(FIRST_CHUNK, len(events), INSERT_CHUNK), len(events)]
    return [events[a:b] for a, b in pairwise(bounds) if b > a]


def _check_and_store(
    conn: Connection,
    device: Device,
    new: list[dict[str, Any]],
    may_hold_nul: bool,
    heads: Heads | None,
) -> tuple[list[Checked], list[tuple[Any, ...]], Heads | None, Flags]:
    """Check the events and insert the valid ones chunk by chunk in pipeline mode (one round
    trip), verifying the receipts on a copy of ``heads`` while the last chunk is stored, on the
    guess that every row goes in. Returns the checked events, the inserted ids, the moved heads
    and that guess's flags. A database error is raised as SQLAlchemy would raise it."""
    raw = conn.connection.driver_connection
    assert raw is not None
    checked: list[Checked] = []
    cursors: list[Any] = []
    guessed = heads.copy() if heads is not None else None
    guess: Flags = {}
    try:
        with raw.pipeline() as pipeline:
            for chunk in _chunks(new):
                part = [check_event(e, device, may_hold_nul) for e in chunk]
                checked += part
                valid = [c for c in part if c.row is not None]
                if valid:
                    cursors.append(raw.cursor())
                    cursors[-1].execute(_INSERT_EVENTS, _insert_params(device, valid))
            if guessed is not None:
                rows = [c.row for c in checked if c.row is not None]
                guess = check_receipts(device, _receipt_rows(rows), guessed)
            pipeline.sync()
            stored = [row for cursor in cursors for row in cursor.fetchall()]
    except psycopg.Error as exc:
        raise DBAPIError.instance(
            _INSERT_EVENTS, None, exc, psycopg.Error, hide_parameters=True, dialect=conn.dialect
        ) from exc
    finally:
        for cursor in cursors:
            cursor.close()
    return checked, stored, guessed, guess


def _insert_params(device: Device, valid: list[Checked]) -> dict[str, Any]:
    return {
        "rows": _rows_json(valid).decode(),
        "site": device.site_id,
        "dev": device.id,
        "epoch": device.epoch,
    }


def _row(checked: Checked) -> dict[str, Any]:
    assert checked.row is not None
    return checked.row


def _event_id_clashes(
    conn: Connection, device: Device, clashes: Sequence[Checked], out: Outcome
) -> list[Checked]:
    """Not inserted although new in sequence: the event_id exists (sent under an older epoch)."""
    if not clashes:
        return []
    ids = [c.row["event_id"] for c in clashes if c.row]
    known = {
        str(r[0]): (r[1], r[2])
        for r in conn.execute(
            text(
                "SELECT event_id::text, hash, device_id FROM events "
                "WHERE event_id = ANY(CAST(:ids AS uuid[]))"
            ),
            {"ids": ids},
        )
    }
    bad = []
    for c in clashes:
        assert c.row is not None
        found = known.get(str(uuid.UUID(c.row["event_id"])))
        if found == (c.hash, device.id):
            out.add(c.raw, "duplicate")
        else:
            c.reject = ("event_id_conflict", "this event_id is already stored with other content")
            bad.append(c)
    return bad


_INSERT_QUARANTINE = """
INSERT INTO quarantine (site_id, device_id, device_epoch, device_seq, event_id,
                        claimed_tenant_id, code, detail, hash, raw)
SELECT :site, :dev, :epoch, r.device_seq, r.event_id, r.claimed_tenant_id, r.code, r.detail,
       r.hash, r.raw
FROM jsonb_to_recordset(CAST(:rows AS jsonb)) AS r(device_seq bigint, event_id text,
     claimed_tenant_id text, code text, detail text, hash text, raw jsonb)
"""


def _quarantine(conn: Connection, device: Device, rejected: Sequence[Checked]) -> None:
    if not rejected:
        return
    rows = [
        {
            "device_seq": c.seq,
            "event_id": str(c.raw.get("event_id"))[:100],
            "claimed_tenant_id": str(c.raw.get("tenant_id"))[:100],
            "code": c.reject[0] if c.reject else "rejected",
            "detail": c.reject[1] if c.reject else "",
            "hash": c.hash,
            "raw": c.raw,
        }
        for c in rejected
    ]
    conn.execute(
        text(_INSERT_QUARANTINE),
        {
            "rows": json.dumps(rows),
            "site": device.site_id,
            "dev": device.id,
            "epoch": device.epoch,
        },
    )


def _store_flags(
    conn: Connection,
    device: Device,
    rows: dict[str, dict[str, Any]],
    flags: dict[str, list[tuple[str, str]]],
    out: Outcome,
) -> None:
    records = []
    for event_id, found in flags.items():
        row = rows[event_id]
        out.add(row, "flagged", found[0][0], codes=[code for code, _ in found])
        records += [
            {"event_id": event_id, "tenant_id": row["tenant_id"], "code": code, "detail": detail}
            for code, detail in found
        ]
    if records:
        conn.execute(
            text(
                "INSERT INTO event_flags (event_id, site_id, tenant_id, code, detail) "
                "SELECT r.event_id, :site, r.tenant_id, r.code, r.detail FROM jsonb_to_recordset("
                "CAST(:rows AS jsonb)) AS r(event_id uuid, tenant_id text, code text, detail text)"
            ),
            {"rows": json.dumps(records), "site": device.site_id},
        )


def _queue_notifications(conn: Connection, device: Device, rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    records = [
        {
            "id": r["event_id"],
            "tenant_id": r["tenant_id"],
            "channel": r["payload"]["channel"],
            "recipient": r["payload"]["to"].strip(),
            "subject": r["payload"].get("subject", ""),
            "body": r["payload"]["body"],
        }
        for r in rows
    ]
    conn.execute(
        text(
            "INSERT INTO notifications (id, tenant_id, site_id, channel, recipient, subject, body,"
            " status) SELECT r.id, r.tenant_id, :site, r.channel, r.recipient, r.subject, r.body,"
            " 'queued' FROM jsonb_to_recordset(CAST(:rows AS jsonb)) AS r(id uuid, tenant_id text,"
            " channel text, recipient text, subject text, body text) ON CONFLICT DO NOTHING"
        ),
        {"rows": json.dumps(records), "site": device.site_id},
    )
