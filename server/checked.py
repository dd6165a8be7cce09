"""One pushed event after validation: the row to insert, or why it is quarantined; the event
hash that tells a resend from a conflict (sync-protocol.md §2.2); and a push's outcome.

Whatever an event holds, checking it never raises: an event nested deeper than orjson encodes
(254 levels) is hashed and kept cut at ``PRUNE_DEPTH`` levels, one with NUL characters (which
PostgreSQL cannot store) is kept with them replaced, and an unreadable one (``Unparsed``) by the
digest of its bytes. Each is quarantined, and a resend of it is still recognised.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

import orjson

from pos.sync_protocol import HASHED_FIELDS
from server.auth import Device
from server.event_checks import why_invalid
from server.push_body import Unparsed

PRUNE_DEPTH = 32
"""Levels of a too-deeply nested event kept in quarantine (a counter's events have 4 or 5)."""
CUT = "cut:"
"""Marks the hash of an event kept cut: never the hash of a whole event, so the cut copy can
never pass for what was sent."""


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
        entry: dict[str, Any] = {
            "event_id": str(event.get("event_id")),
            "device_seq": event.get("device_seq"),
            "status": status,
        }
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


def event_digest(event: dict[str, Any]) -> str:
    """``event_hash`` for any event a push can carry, never raising."""
    if isinstance(event, Unparsed):
        return event.digest
    try:
        return event_hash(event)
    except orjson.JSONEncodeError:
        return CUT + event_hash(_pruned(event))


def check_event(
    event: dict[str, Any], device: Device, seen: set[str], may_hold_nul: bool = True
) -> Checked:
    """Validate one event; ``seen`` collects the batch's event ids (the second use of an id
    in one batch is quarantined, the first stored)."""
    seq = event["device_seq"]
    if isinstance(event, Unparsed):
        return Checked(seq, dict(event), event.digest, reject=("malformed", event.reason))
    try:
        payload_json = canonical(event.get("payload"))
        digest = event_hash(event, payload_json)
    except orjson.JSONEncodeError:
        kept = _pruned(event)
        detail = f"nested too deeply to store (kept {PRUNE_DEPTH} levels)"
        digest = CUT + event_hash(kept)
        return Checked(seq, _without_nul(kept), digest, reject=("malformed", detail))
    if may_hold_nul and b"\\u0000" in canonical(event):
        # PostgreSQL cannot store NUL in text or jsonb: keep a copy of what was sent, with
        # the hash of the original, so a resend still matches
        reject = ("malformed", "the event contains NUL characters")
        return Checked(seq, _without_nul(event), digest, reject=reject)
    checked = Checked(seq, event, digest)
    problem = why_invalid(event, device)
    if problem is None and event.get("hash") not in (None, digest):
        problem = ("hash_mismatch", "the event's hash does not match its content")
    if problem is None:
        lowered = event["event_id"].lower()
        if lowered in seen:
            problem = ("event_id_conflict", "an earlier event of this batch has this event_id")
        else:
            seen.add(lowered)
    if problem:
        checked.reject = problem
        return checked
    checked.row = {
        "event_id": event["event_id"],
        "device_seq": seq,
        "tenant_id": event.get("tenant_id"),
        "type": event["type"],
        "type_version": event.get("type_version", 1),
        "occurred_at": event["occurred_at"],
        "hash": digest,
        "payload": event["payload"],
    }
    checked.payload_json = payload_json
    return checked


def _pruned(value: Any, depth: int = 0) -> Any:
    if isinstance(value, dict):
        if depth >= PRUNE_DEPTH:
            return "…"
        return {str(k): _pruned(v, depth + 1) for k, v in value.items()}
    if isinstance(value, list):
        return "…" if depth >= PRUNE_DEPTH else [_pruned(v, depth + 1) for v in value]
    return value


def _without_nul(event: dict[str, Any]) -> dict[str, Any]:
    encoded = orjson.dumps(event)
    if b"\\u0000" not in encoded:
        return event
    cleaned: dict[str, Any] = orjson.loads(encoded.replace(b"\\u0000", b"\\ufffd"))
    return cleaned
