"""This counter's hybrid logical clock, kept in ``meta`` and moved inside the caller's unit of
work: every repair edit gets a stamp later than anything the counter has made or pulled.

The node is the device id once the counter is enrolled, else a random local name (edits made
before enrolment still order correctly; ties between two counters are broken by the node).

A counter whose clock the last sync found over two minutes from the server's stamps with the
server's time (its clock corrected by that offset), so its edits are neither clamped nor
lost. A clock that ran ahead (its last stamp over an hour past now, so the server clamped its
stamps) starts again from now once the server has confirmed the time and no edit stamped
ahead is still unsent: otherwise it would stay ahead, and every later edit be clamped.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import datetime

from pos.hlc import MAX_AHEAD_MS, Hlc, InvalidHlc, receive, tick
from pos.model.clock_skew import skewed
from pos.services import clock_skew
from pos.sync_protocol import TICKET_EVENT_TYPES
from pos.unit_of_work import UnitOfWork

LAST_KEY = "hlc_last"
NODE_KEY = "hlc_node"
SEEN_KEY = "hlc_seen"
"""The latest stamp pulled from the server: where a clock that ran ahead starts again."""


def _node(uow: UnitOfWork) -> str:
    device = uow.sync.device()
    if device is not None:
        return str(device["device_id"])
    node = uow.meta.get_meta(NODE_KEY)
    if node is None:
        node = "local-" + uuid.uuid4().hex[:12]
        uow.meta.set_meta(NODE_KEY, node)
    return node


def _last(uow: UnitOfWork, key: str = LAST_KEY) -> Hlc | None:
    try:
        return Hlc.parse(uow.meta.get_meta(key))
    except InvalidHlc:
        return None


def _ms(moment: datetime) -> int:
    return int(moment.timestamp() * 1000)


def _server_ms(now: datetime, offset: int | None) -> int:
    """``now`` as the server's clock reads it, when this counter's is known to be off."""
    return _ms(now) + (offset if offset is not None and skewed(offset) else 0)


def next_stamp(uow: UnitOfWork, now: datetime) -> str:
    """The stamp of a local edit made at ``now`` (stored as the clock's new state)."""
    offset = clock_skew.offset_ms(uow)
    now_ms = _server_ms(now, offset)
    last = _last(uow)
    if last is not None and last.wall_ms - now_ms > MAX_AHEAD_MS and offset is not None:
        last = _start_again(uow, last)
    stamp = tick(last, now_ms, _node(uow))
    uow.meta.set_meta(LAST_KEY, str(stamp))
    return str(stamp)


def _start_again(uow: UnitOfWork, last: Hlc) -> Hlc | None:
    """A clock that ran ahead, now that the server has confirmed the time: from the latest
    stamp pulled from the server (or now), unless an edit stamped ahead is still to be sent
    (the server clamps it to the time it arrives; a later edit must not come before it)."""
    acked = uow.sync.acked_through()
    if uow.sync.has_unsent(acked, TICKET_EVENT_TYPES):
        return last
    return _last(uow, SEEN_KEY)


def observe(uow: UnitOfWork, stamps: Iterable[str], now: datetime) -> None:
    """Merge stamps seen in pulled data (receive rule); unreadable ones are ignored."""
    seen = []
    for text in stamps:
        try:
            seen.append(Hlc.parse(text))
        except InvalidHlc:
            continue
    if not seen:
        return
    latest = max(seen)
    now_ms = _server_ms(now, clock_skew.offset_ms(uow))
    merged = receive(_last(uow), latest, now_ms, _node(uow))
    uow.meta.set_meta(LAST_KEY, str(merged))
    held = _last(uow, SEEN_KEY)
    if held is None or latest > held:
        uow.meta.set_meta(SEEN_KEY, str(latest))


def current(uow: UnitOfWork) -> str | None:
    last = _last(uow)
    return None if last is None else str(last)
