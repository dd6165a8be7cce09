"""Reading a push body so that one unreadable event never fails the batch.

The fast path is one ``orjson.loads``. When that fails (an integer with thousands of digits,
nesting past orjson's 1024 levels, a lone surrogate), the ``events`` array is cut into its
elements with a scanner that only tracks strings and brackets; each element is parsed on its
own, and one that still fails becomes an ``Unparsed`` event: its ``device_seq`` and
``event_id`` are read from its top level, it is quarantined and acked like any bad event, and
the rest of the batch goes through. Only an envelope that cannot be read at all is a 400.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from typing import Any

import orjson

from pos.sync_protocol import MAX_BATCH_EVENTS
from server.auth import Device
from server.problems import Problem

_TOKEN = re.compile(rb'"(?:[^"\\]|\\.)*"|[\[\]{},:]', re.DOTALL)
_SEQ = re.compile(rb"^\s*([0-9]{1,18})\s*$")
KEPT_TEXT = 2000
"""Characters of an unreadable event kept in quarantine, for the operator to look at."""


class Unparsed(dict[str, Any]):
    """An event that is not readable JSON: its top-level ``device_seq`` and ``event_id`` as
    found, the start of its text, the SHA-256 of its bytes (a resend of the very same bytes is
    a duplicate) and why it could not be read."""

    def __init__(self, span: bytes, reason: str) -> None:
        seq, event_id = _top_level(span)
        text = span[: KEPT_TEXT * 4].decode("utf-8", "replace")[:KEPT_TEXT]
        text = text.replace("\x00", "\ufffd")
        super().__init__(device_seq=seq, event_id=event_id, unreadable=text)
        self.digest = hashlib.sha256(span).hexdigest()
        self.reason = reason


def parse_push(raw: bytes) -> dict[str, Any]:
    """The push body as a dict; unreadable events come back as ``Unparsed``."""
    try:
        return _as_dict(orjson.loads(raw))
    except orjson.JSONDecodeError as first:
        split = _split(raw)
        if split is None:
            raise Problem(400, "malformed", "the body is not JSON") from first
    envelope_bytes, spans = split
    try:
        envelope = _as_dict(orjson.loads(envelope_bytes))
    except orjson.JSONDecodeError as exc:
        raise Problem(400, "malformed", "the body is not JSON") from exc
    events: list[Any] = []
    for span in spans:
        try:
            events.append(orjson.loads(span))
        except orjson.JSONDecodeError as exc:
            events.append(Unparsed(span, f"the event is not readable JSON ({exc.msg})"[:200]))
    envelope["events"] = events
    return envelope


def _as_dict(body: Any) -> dict[str, Any]:
    if not isinstance(body, dict) or not isinstance(body.get("events"), list):
        raise Problem(400, "malformed", "the body must be an object with an events list")
    return body


def _split(raw: bytes) -> tuple[bytes, list[bytes]] | None:
    """The body with an empty ``events`` array, and the array's elements as byte spans."""
    depth, key, after_colon = 0, b"", False
    start = end = element = -1
    spans: list[bytes] = []
    for match in _TOKEN.finditer(raw):
        token = match.group()
        if token[:1] == b'"':
            if depth == 1 and not after_colon:
                key = token
            after_colon = False
            continue
        if token == b":":
            after_colon = depth == 1 and key == b'"events"'
            continue
        if token in (b"[", b"{"):
            depth += 1
            if after_colon and token == b"[" and depth == 2 and start < 0:
                start = element = match.end()
        elif token in (b"]", b"}"):
            if depth == 2 and start >= 0 and end < 0 and token == b"]":
                spans.append(raw[element : match.start()])
                end = match.start()
            depth -= 1
        elif token == b"," and depth == 2 and start >= 0 and end < 0:
            spans.append(raw[element : match.start()])
            element = match.end()
        elif depth == 1:
            key = b""
        after_colon = False
    if start < 0 or end < 0 or depth != 0:
        return None
    return raw[:start] + raw[end:], [s for s in spans if s.strip()]


def _top_level(span: bytes) -> tuple[int | None, str | None]:
    """``device_seq`` and ``event_id`` read from the top level of an unreadable event."""
    seq: int | None = None
    event_id: str | None = None
    for key, value in _top_level_values(span):
        if key == b'"device_seq"' and seq is None:
            found = _SEQ.match(value)
            seq = int(found.group(1)) if found else None
        elif key == b'"event_id"' and event_id is None and value.strip()[:1] == b'"':
            try:
                text = orjson.loads(value.strip())
            except orjson.JSONDecodeError:
                text = None
            event_id = text[:100] if isinstance(text, str) else None
    return seq, event_id


def _top_level_values(span: bytes) -> Iterator[tuple[bytes, bytes]]:
    """(key token, raw value bytes) for each member of the span's outer object."""
    depth, key, value_start = 0, b"", -1
    for match in _TOKEN.finditer(span):
        token = match.group()
        if token[:1] == b'"':
            if depth == 1 and value_start < 0:
                key = token
            continue
        if token == b":" and depth == 1:
            value_start = match.end()
        elif token in (b"[", b"{"):
            depth += 1
        elif token in (b"]", b"}") or (token == b"," and depth == 1):
            if depth == 1 and value_start >= 0:
                yield key, span[value_start : match.start()]
                value_start = -1
            if token != b",":
                depth -= 1


def check_envelope(body: dict[str, Any], device: Device) -> list[dict[str, Any]]:
    """The batch's events sorted by sequence, or 400/403/413 for an envelope not usable."""
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
    for event in events:
        seq = event.get("device_seq") if isinstance(event, dict) else None
        if not isinstance(seq, int) or isinstance(seq, bool) or not 1 <= seq < 2**62:
            raise Problem(400, "malformed", "every event needs an integer device_seq >= 1")
    return sorted(events, key=lambda e: e["device_seq"])
