"""This counter's hybrid logical clock, kept in ``meta`` and moved inside the caller's unit of
work: every repair edit gets a stamp later than anything the counter has made or pulled.

The node is the device id once the counter is enrolled, else a random local name (edits made
before enrolment still order correctly; ties between two counters are broken by the node).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import datetime

from pos.hlc import Hlc, InvalidHlc, receive, tick
from pos.unit_of_work import UnitOfWork

LAST_KEY = "hlc_last"
NODE_KEY = "hlc_node"


def _node(uow: UnitOfWork) -> str:
    device = uow.sync.device()
    if device is not None:
        return str(device["device_id"])
    node = uow.store.get_meta(NODE_KEY)
    if node is None:
        node = "local-" + uuid.uuid4().hex[:12]
        uow.store.set_meta(NODE_KEY, node)
    return node


def _last(uow: UnitOfWork) -> Hlc | None:
    try:
        return Hlc.parse(uow.store.get_meta(LAST_KEY))
    except InvalidHlc:
        return None


def _ms(moment: datetime) -> int:
    return int(moment.timestamp() * 1000)


def next_stamp(uow: UnitOfWork, now: datetime) -> str:
    """The stamp of a local edit made at ``now`` (stored as the clock's new state)."""
    stamp = tick(_last(uow), _ms(now), _node(uow))
    uow.store.set_meta(LAST_KEY, str(stamp))
    return str(stamp)


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
    merged = receive(_last(uow), max(seen), _ms(now), _node(uow))
    uow.store.set_meta(LAST_KEY, str(merged))


def current(uow: UnitOfWork) -> str | None:
    last = _last(uow)
    return None if last is None else str(last)
