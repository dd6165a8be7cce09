"""Events a push carries that the server has seen before, in one form or another.

- At or below the device's watermark: the same content is a ``duplicate``; other content is a
  ``seq_conflict`` (a counter restored from an old backup re-used its numbers), quarantined.
- A sequence number twice in one batch: the first copy counts.
- A new sequence number whose event id is stored already: the device's own event, unchanged
  but for its sequence number (sent under an older epoch, or queued again by a restore's
  salvage), is a ``duplicate``; its own with other content is reported ``event_id_conflict``;
  anyone else's is quarantined without a word to the counter, so an answer never tells
  whether another tenant's event id exists.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Any

import orjson
from sqlalchemy import Connection, text

from server.auth import Device
from server.checked import Checked, Outcome, canonical, event_digest
from server.event_store import quarantine


def _as_uuid(value: str) -> str | None:
    try:
        return str(uuid.UUID(value))
    except ValueError:
        return None


def repeats(
    conn: Connection,
    device: Device,
    new: list[dict[str, Any]],
    repeats: list[dict[str, Any]],
    out: Outcome,
) -> None:
    """A sequence number twice in one batch: the first copy counts; the very same event again
    is a duplicate, other content is quarantined."""
    if not repeats:
        return
    digests = {e["device_seq"]: event_digest(e) for e in new}
    odd = []
    for event in repeats:
        if event["device_seq"] not in digests:
            continue  # beyond the stored run: sent again with the rest
        digest = event_digest(event)
        if digest == digests[event["device_seq"]]:
            out.add(event, "duplicate")
        else:
            out.add(event, "rejected", "seq_repeated")
            reason = ("seq_repeated", "another event of this batch has this device_seq")
            odd.append(Checked(event["device_seq"], event, digest, reject=reason))
    quarantine(conn, device, odd)


def resends(conn: Connection, device: Device, old: list[dict[str, Any]], out: Outcome) -> None:
    """Events already acked: the same content is a duplicate, different content a conflict."""
    ids = [str(e.get("event_id")) for e in old]
    known: dict[Any, set[str]] = {}
    found = conn.execute(
        text(
            "SELECT event_id::text, NULL::bigint, hash FROM events WHERE event_id = "
            "ANY(CAST(:uuids AS uuid[])) AND device_id = :d UNION ALL SELECT event_id, "
            "CASE WHEN device_epoch = :e THEN device_seq END, hash FROM quarantine WHERE "
            "device_id = :d AND (event_id = ANY(:ids) OR (device_epoch = :e AND "
            "device_seq = ANY(:seqs)))"
        ),
        {
            "uuids": [u for u in map(_as_uuid, ids) if u],
            "ids": ids,
            "d": device.id,
            "e": device.epoch,
            "seqs": [e["device_seq"] for e in old],
        },
    )
    for event_id, seq, digest in found:
        known.setdefault(str(event_id), set()).add(digest)
        if seq is not None:
            known.setdefault(("seq", int(seq)), set()).add(digest)
    conflicts = []
    for event in old:
        digest = event_digest(event)
        event_id = str(event.get("event_id"))
        keys = (event_id, _as_uuid(event_id), ("seq", event["device_seq"]))
        if any(digest in known.get(key, ()) for key in keys):
            out.add(event, "duplicate")
        else:
            out.add(event, "rejected", "seq_conflict")
            reason = ("seq_conflict", "sequence already used by other content (restored backup?)")
            conflicts.append(Checked(event["device_seq"], event, digest, reject=reason))
    quarantine(conn, device, conflicts)


def event_id_clashes(
    conn: Connection, device: Device, clashes: Sequence[Checked], out: Outcome
) -> tuple[list[Checked], list[Checked]]:
    """Not inserted although new in sequence: the event id is stored already. Returns the
    clashes to report and those to quarantine without a word (see the module docstring)."""
    if not clashes:
        return [], []
    ids = [_row(c)["event_id"] for c in clashes]
    known = {
        str(r[0]): r[1:]
        for r in conn.execute(
            text(
                "SELECT event_id::text, hash, tenant_id, type, occurred_at, payload::text "
                "FROM events WHERE event_id = ANY(CAST(:ids AS uuid[])) AND device_id = :d"
            ),
            {"ids": ids, "d": device.id},
        )
    }
    reported: list[Checked] = []
    quiet: list[Checked] = []
    for c in clashes:
        found = known.get(str(uuid.UUID(_row(c)["event_id"])))
        if found is not None and (found[0] == c.hash or _same_but_number(c, found)):
            out.add(c.raw, "duplicate")
            continue
        c.reject = ("event_id_conflict", "this event_id is already stored with other content")
        (reported if found is not None else quiet).append(c)
    return reported, quiet


def _same_but_number(checked: Checked, stored: tuple[Any, ...]) -> bool:
    """The stored event is this one, sent before under another sequence number."""
    _, tenant_id, kind, occurred_at, payload = stored
    row = _row(checked)
    return (
        (tenant_id, kind) == (row["tenant_id"], row["type"])
        and occurred_at == datetime.fromisoformat(row["occurred_at"])
        and canonical(orjson.loads(payload)) == checked.payload_json
    )


def _row(checked: Checked) -> dict[str, Any]:
    assert checked.row is not None
    return checked.row
