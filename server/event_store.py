"""Writing a push's rows: events (chunked, pipelined), quarantine, flags and notifications.

Events are checked and inserted in chunks sent in psycopg pipeline mode, one
``jsonb_to_recordset`` INSERT … ``RETURNING`` each, so PostgreSQL stores a chunk while the next
is checked; events released from quarantine are copied from their quarantine rows instead of
sent again. The same statement notes the receipts stored for the takings roll-up
(``server.takings_rollup``). If PostgreSQL refuses a value the checks let through, the caller
rolls back to a savepoint and ``store_one_by_one`` stores the rows singly, quarantining the ones
refused: a batch never fails for one event.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

import orjson
import psycopg
from sqlalchemy import Connection, text
from sqlalchemy.exc import DataError, DBAPIError, IntegrityError

from pos.sync_protocol import RECEIPT_EVENT_TYPES
from server import notify
from server.auth import Device
from server.checked import Checked, check_event
from server.takings_rollup import NOTE_STORED, RECEIPT_TYPES_SQL

INSERT_CHUNK = 150
"""Events checked and sent to the database at a time, so it stores one chunk while the next is
checked (and the receipts verified while it stores the last); the first chunk is smaller, so
the database starts sooner."""
FIRST_CHUNK = 50

_SOURCE_COLUMNS = """event_id, site_id, device_id, device_epoch, device_seq, tenant_id, type,
    type_version, occurred_at, hash, payload"""
_FROM_ROWS = """
SELECT r.event_id, CAST(%(site)s AS text), CAST(%(dev)s AS text), CAST(%(epoch)s AS int),
       r.device_seq, r.tenant_id, r.type,
       r.type_version, r.occurred_at, r.hash, r.payload
FROM jsonb_to_recordset(CAST(%(rows)s AS jsonb)) AS r(event_id uuid, device_seq bigint,
     tenant_id text, type text, type_version int, occurred_at timestamptz, hash text,
     payload jsonb)
"""
_FROM_QUARANTINE = """
SELECT CAST(q.raw->>'event_id' AS uuid), CAST(%(site)s AS text), CAST(%(dev)s AS text),
       CAST(%(epoch)s AS int), q.device_seq,
       q.raw->>'tenant_id', q.raw->>'type', COALESCE(CAST(q.raw->>'type_version' AS int), 1),
       CAST(q.raw->>'occurred_at' AS timestamptz), q.hash, q.raw->'payload'
FROM quarantine q WHERE q.id = ANY(CAST(%(held)s AS bigint[])) ORDER BY q.device_seq
"""
"""The rows of events being released, copied inside the database from the quarantine copies
they were checked from (checked: their hash is the one each copy was received with), so the
payloads are neither sent back nor parsed again."""


_CLAIM_AND_STORE = f"""
WITH src ({_SOURCE_COLUMNS}) AS MATERIALIZED ({{source}}
), claimed AS (
    INSERT INTO event_keys (device_id, device_epoch, device_seq, event_id)
    SELECT device_id, device_epoch, device_seq, event_id FROM src ON CONFLICT DO NOTHING
    RETURNING event_id, device_seq
), stored AS (
    INSERT INTO events ({_SOURCE_COLUMNS})
    SELECT s.* FROM src s JOIN claimed c USING (event_id, device_seq) ORDER BY s.device_seq
    RETURNING id, event_id, tenant_id, type, received_at, payload->'receipt' AS receipt
), {NOTE_STORED}"""
"""Events are stored only when their keys (``event_keys``: event id, device stream and sequence
number, unique across every month of the partitioned ``events``) are claimed by this statement;
an event stored before, in any month, is skipped."""


def _insert_events(source: str) -> str:
    return (
        _CLAIM_AND_STORE.format(source=source)
        + """
SELECT event_id::text, false FROM stored"""
    )


def _insert_receipts(source: str) -> str:
    return (
        _CLAIM_AND_STORE.format(source=source)
        + f""", numbered AS (
    INSERT INTO receipt_numbers (tenant_id, register_id, kind, number, event_id, receipt_id)
    SELECT tenant_id, receipt->>'register_id', receipt->>'kind', CAST(receipt->>'number' AS int),
           event_id, receipt->>'id'
    FROM stored WHERE type IN {RECEIPT_TYPES_SQL}
    ON CONFLICT DO NOTHING
    RETURNING event_id
)
SELECT event_id::text, false FROM stored UNION ALL SELECT event_id::text, true FROM numbered
"""
    )


INSERT_EVENTS = _insert_events(_FROM_ROWS)
INSERT_RECEIPTS = _insert_receipts(_FROM_ROWS)
"""Stores the events and claims each receipt's number (tenant, register, kind, number, read
from the stored payload: the checks made them texts and a 32-bit number): each stored event
once with ``false``, and once more with ``true`` if its number was claimed (not claimed: another
event, or one before it in this chunk, holds it). Two lists rather than a join of them, which
PostgreSQL made a nested loop over the chunk's rows (a sixth of the statement's time)."""
_RELEASE_EVENTS = _insert_events(_FROM_QUARANTINE)
_RELEASE_RECEIPTS = _insert_receipts(_FROM_QUARANTINE)

Held = dict[int, int]
"""The quarantine row of each event being released, by device sequence number."""


@dataclass
class Stored:
    """What storing a batch gave: every event checked, the ids inserted, and (if the guess
    that every valid row goes in was made) the receipts' flags and moved heads."""

    checked: list[Checked]
    inserted: set[str]
    numbers_held: set[str] = field(default_factory=set)
    """Event ids (as PostgreSQL spells them) whose receipt number another event holds."""
    guess: Any = None
    guess_flags: dict[str, list[tuple[str, str]]] = field(default_factory=dict)


def chunks(events: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    bounds = [0, *range(FIRST_CHUNK, len(events), INSERT_CHUNK), len(events)]
    return [events[a:b] for a, b in pairwise(bounds) if b > a]


def check_and_store(
    conn: Connection,
    device: Device,
    new: list[dict[str, Any]],
    may_hold_nul: bool,
    guess: Callable[[list[dict[str, Any]]], Any] | None,
    held: Held | None = None,
) -> Stored:
    """Check the events and insert the valid ones chunk by chunk in pipeline mode (one round
    trip); ``guess`` (the receipts' verification) runs on the valid rows while the last chunk is
    stored. A database error is raised as SQLAlchemy would raise it."""
    raw = conn.connection.driver_connection
    assert raw is not None
    checked: list[Checked] = []
    cursors: list[Any] = []
    seen: set[str] = set()
    guessed = None
    try:
        with raw.pipeline() as pipeline:
            for chunk in chunks(new):
                part = [check_event(e, device, seen, may_hold_nul) for e in chunk]
                checked += part
                valid = [c for c in part if c.row is not None]
                if valid:
                    cursors.append(raw.cursor())
                    cursors[-1].execute(*insert_statement(device, valid, held))
            if guess is not None:
                guessed = guess([c.row for c in checked if c.row is not None])
            pipeline.sync()
            found = [row for cursor in cursors for row in cursor.fetchall()]
    except psycopg.Error as exc:
        raise DBAPIError.instance(
            INSERT_EVENTS, None, exc, psycopg.Error, hide_parameters=True, dialect=conn.dialect
        ) from exc
    finally:
        for cursor in cursors:
            cursor.close()
    inserted = {r[0] for r in found}
    return Stored(
        checked, inserted, _held(checked, inserted, {r[0] for r in found if r[1]}), guessed
    )


def is_refused_value(error: DBAPIError) -> bool:
    """PostgreSQL refused a value of the request (class 22 or 23), not a transient failure."""
    return isinstance(error, DataError | IntegrityError)


def store_one_by_one(
    conn: Connection,
    device: Device,
    new: list[dict[str, Any]],
    may_hold_nul: bool,
    held: Held | None = None,
) -> Stored:
    """The slow path after a refused batch: each row in its own savepoint; a row PostgreSQL
    refuses is quarantined (``unstorable``) and the others are stored."""
    checked: list[Checked] = []
    stored = Stored(checked, set())
    seen: set[str] = set()
    for event in new:
        one = check_event(event, device, seen, may_hold_nul)
        checked.append(one)
        if one.row is None:
            continue
        try:
            with conn.begin_nested():
                statement = insert_statement(device, [one], held)
                found = conn.exec_driver_sql(*statement).all()
                inserted = {event_id for event_id, _ in found}
                claimed = {event_id for event_id, number_claimed in found if number_claimed}
                stored.inserted |= inserted
                stored.numbers_held |= _held([one], inserted, claimed)
        except DBAPIError as exc:
            if not is_refused_value(exc):
                raise
            one.row = None
            one.reject = ("unstorable", "the database refused a value of this event")
    return stored


def insert_statement(
    device: Device, valid: Sequence[Checked], held: Held | None = None
) -> tuple[str, dict[str, Any]]:
    """The INSERT for a chunk of valid events (claiming receipt numbers if it has receipts):
    the rows sent along, or (``held``) copied from the quarantine rows they were checked from."""
    params: dict[str, Any] = {"site": device.site_id, "dev": device.id, "epoch": device.epoch}
    if held is None:
        params["rows"] = rows_json(valid).decode()
        plain, receipts = INSERT_EVENTS, INSERT_RECEIPTS
    else:
        params["held"] = [held[c.seq] for c in valid]
        plain, receipts = _RELEASE_EVENTS, _RELEASE_RECEIPTS
    if any(c.row and c.row["type"] in RECEIPT_EVENT_TYPES for c in valid):
        return receipts, params
    return plain, params


def _held(checked: list[Checked], inserted: set[str], claimed: set[str]) -> set[str]:
    """Receipts stored whose number was not claimed: another event holds it."""
    held = set()
    for c in checked:
        if c.row is not None and c.row["type"] in RECEIPT_EVENT_TYPES:
            event_id = c.row["event_id"].lower()
            if event_id in inserted and event_id not in claimed:
                held.add(event_id)
    return held


def rows_json(checked: Sequence[Checked]) -> bytes:
    """The rows for ``jsonb_to_recordset``, re-using each payload's canonical encoding."""
    parts = []
    for c in checked:
        assert c.row is not None
        head = orjson.dumps({k: v for k, v in c.row.items() if k != "payload"})
        parts.append(head[:-1] + b',"payload":' + c.payload_json + b"}")
    return b"[" + b",".join(parts) + b"]"


_INSERT_QUARANTINE = """
INSERT INTO quarantine (site_id, device_id, device_epoch, device_seq, event_id,
                        claimed_tenant_id, code, detail, hash, raw)
SELECT :site, :dev, :epoch, r.device_seq, r.event_id, r.claimed_tenant_id, r.code, r.detail,
       r.hash, r.raw
FROM jsonb_to_recordset(CAST(:rows AS jsonb)) AS r(device_seq bigint, event_id text,
     claimed_tenant_id text, code text, detail text, hash text, raw jsonb)
"""


def quarantine(conn: Connection, device: Device, rejected: Sequence[Checked]) -> None:
    if not rejected:
        return
    rows = [
        {
            "device_seq": c.seq,
            "event_id": _text(c.raw.get("event_id")),
            "claimed_tenant_id": _text(c.raw.get("tenant_id")),
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


def _text(value: Any) -> str:
    return str(value)[:100]


def store_flags(conn: Connection, site_id: str, records: list[dict[str, Any]]) -> None:
    """``records``: ``{event_id, tenant_id, code, detail}`` each."""
    if records:
        conn.execute(
            text(
                "INSERT INTO event_flags (event_id, site_id, tenant_id, code, detail) "
                "SELECT r.event_id, :site, r.tenant_id, r.code, r.detail FROM jsonb_to_recordset("
                "CAST(:rows AS jsonb)) AS r(event_id uuid, tenant_id text, code text, detail text)"
            ),
            {"rows": json.dumps(records), "site": site_id},
        )


def queue_notifications(conn: Connection, device: Device, rows: list[dict[str, Any]]) -> None:
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


def withdraw_notifications(conn: Connection, device: Device, rows: list[dict[str, Any]]) -> None:
    """A message the counter withdrew (the job was collected first) is never sent: still queued
    or retrying here, it ends as ``withdrawn``; one being sent or already sent stays as it is.
    Its new status reaches the counters like any delivery status."""
    ids = [str(r["payload"]["notification_id"]) for r in rows]
    if not ids:
        return
    withdrawn = conn.execute(
        text(
            "UPDATE notifications n SET status = 'withdrawn', last_error = '' FROM events e "
            "WHERE e.type = 'notification.requested' AND e.site_id = :site "
            "AND e.payload->>'notification_id' = ANY(:ids) AND n.id = e.event_id "
            "AND n.status IN ('queued', 'retrying') "
            "RETURNING n.id::text AS id, n.tenant_id, n.channel, n.recipient, n.attempts"
        ),
        {"site": device.site_id, "ids": ids},
    ).mappings()
    for row in withdrawn.all():
        notify.publish_status(conn, dict(row), "withdrawn", int(row["attempts"]), "")
