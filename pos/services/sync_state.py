"""The counter's sync state as use cases: enrolment, outbox batches, acknowledgements, problems,
and the small status the UI polls (online/offline, unsynced count, problems).

The outbox is never changed: progress is only the server's ``acked_through`` stored locally,
committed in the same transaction as the problems that answer reported. Acknowledged events
are deleted once they are old enough (``pos.services.outbox_retention``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from pos.model.clock_skew import SkewReading
from pos.model.staff import Permission
from pos.services import clock_skew
from pos.services.context import TillContext
from pos.sync_protocol import MAX_BATCH_BYTES, MAX_BATCH_EVENTS
from pos.unit_of_work import UnitOfWorkFactory

SITE_NAME_META = "site_name"
ENVELOPE_OVERHEAD = 300  # bytes per event around its payload, for the 1 MB limit


@dataclass(frozen=True)
class Enrolment:
    server_url: str
    ca_file: str
    device_id: str
    device_epoch: int
    token: str
    site_id: str
    state: str
    state_detail: str

    @property
    def active(self) -> bool:
        return self.state == "active"


@dataclass(frozen=True)
class SentEvent:
    device_seq: int
    event_id: str
    type: str
    tenant_id: str | None


@dataclass(frozen=True)
class OutboxBatch:
    """Events after the acked watermark, each already JSON text (payloads are not re-parsed)."""

    acked_through: int
    events_json: tuple[str, ...]
    sent: tuple[SentEvent, ...]

    @property
    def last_seq(self) -> int:
        return self.sent[-1].device_seq if self.sent else self.acked_through

    def __len__(self) -> int:
        return len(self.sent)


@dataclass
class AckOutcome:
    acked_through: int
    applied: int = 0
    duplicates: int = 0
    flagged: int = 0
    rejected: int = 0
    seq_conflict: bool = False
    problems: list[dict[str, Any]] = field(default_factory=list)


@dataclass(frozen=True)
class SyncStatus:
    enrolled: bool
    state: str
    online: bool
    unsynced: int
    problems: int
    last_ok_at: str
    last_error: str
    server_url: str
    clock_offset_ms: int | None = None
    """The server's time minus this counter's clock, as the last sync measured it (None: not
    measured, or the PC's clock was set since); over two minutes is shown."""


def enrolment(uow_factory: UnitOfWorkFactory) -> Enrolment | None:
    with uow_factory.read() as uow:
        row = uow.sync.device()
    if row is None:
        return None
    return Enrolment(
        row["server_url"],
        row["ca_file"],
        row["device_id"],
        row["device_epoch"],
        row["token"],
        row["site_id"],
        row["state"],
        row["state_detail"],
    )


def save_enrolment(
    uow_factory: UnitOfWorkFactory,
    *,
    server_url: str,
    ca_file: str,
    device_id: str,
    device_epoch: int,
    token: str,
    site_id: str,
    site_name: str = "",
) -> None:
    with uow_factory() as uow:
        uow.sync.save_device(
            {
                "server_url": server_url,
                "ca_file": ca_file,
                "device_id": device_id,
                "device_epoch": device_epoch,
                "token": token,
                "site_id": site_id,
            }
        )
        if site_name:  # a counter set up from the server takes it as its centre's name
            uow.sync.set_meta(SITE_NAME_META, site_name)
        uow.commit()


def set_device_state(uow_factory: UnitOfWorkFactory, state: str, detail: str = "") -> None:
    with uow_factory() as uow:
        uow.sync.set_device_state(state, detail)
        uow.commit()


def set_token(uow_factory: UnitOfWorkFactory, token: str) -> None:
    with uow_factory() as uow:
        uow.sync.set_token(token)
        uow.commit()


def acked_through(uow_factory: UnitOfWorkFactory) -> int:
    with uow_factory.read() as uow:
        return uow.sync.acked_through()


def next_batch(
    uow_factory: UnitOfWorkFactory,
    max_events: int = MAX_BATCH_EVENTS,
    max_bytes: int = MAX_BATCH_BYTES,
) -> OutboxBatch:
    """The next events to push: at most ``max_events`` and about ``max_bytes`` of JSON."""
    return batch_after(uow_factory, None, max_events, max_bytes)


def batch_after(
    uow_factory: UnitOfWorkFactory,
    seq: int | None,
    max_events: int = MAX_BATCH_EVENTS,
    max_bytes: int = MAX_BATCH_BYTES,
) -> OutboxBatch:
    """Events after ``seq`` (None: after the acked watermark); lets the client prepare the
    next batch while the current one is on its way."""
    with uow_factory.read() as uow:
        acked = uow.sync.acked_through() if seq is None else seq
        rows = uow.sync.outbox_after(acked, max_events)
    texts: list[str] = []
    sent: list[SentEvent] = []
    size = 0
    for seq, event_id, kind, tenant_id, occurred_at, payload in rows:
        text = _event_json(seq, event_id, kind, tenant_id, occurred_at, payload)
        size += len(text.encode("utf-8")) + 1
        if sent and size > max_bytes:
            break
        texts.append(text)
        sent.append(SentEvent(seq, event_id, kind, tenant_id))
    return OutboxBatch(acked, tuple(texts), tuple(sent))


_PLAIN = re.compile(r"^[A-Za-z0-9_.:+\-]*$")


def _event_json(
    seq: int, event_id: str, kind: str, tenant_id: str | None, occurred_at: str, payload: str
) -> str:
    """One event as JSON text around the stored payload text (not parsed again)."""
    fields = (event_id, kind, tenant_id or "", occurred_at)
    if all(_PLAIN.match(f) for f in fields):  # ids, type names and times: nothing to escape
        tenant = f'"{tenant_id}"' if tenant_id is not None else "null"
        return (
            f'{{"event_id":"{event_id}","device_seq":{int(seq)},"tenant_id":{tenant},'
            f'"type":"{kind}","type_version":1,"occurred_at":"{occurred_at}","payload":{payload}}}'
        )
    head = json.dumps(
        {
            "event_id": event_id,
            "device_seq": seq,
            "tenant_id": tenant_id,
            "type": kind,
            "type_version": 1,
            "occurred_at": occurred_at,
        },
        ensure_ascii=False,
    )
    return head[:-1] + ',"payload":' + payload + "}"


def record_ack(
    uow_factory: UnitOfWorkFactory,
    batch: OutboxBatch,
    server_acked: int,
    results: Sequence[Mapping[str, Any]],
) -> AckOutcome:
    """Advance to the server's ``acked_through`` (never past what this batch sent) and keep
    the flagged/rejected events as sync problems, in one transaction."""
    by_id = {s.event_id: s for s in batch.sent}
    by_seq = {s.device_seq: s for s in batch.sent}  # an event id may come twice in a batch
    outcome = AckOutcome(min(server_acked, batch.last_seq))
    conflicts = []
    for result in results:
        seq = result.get("device_seq")
        sent = by_seq.get(seq) if isinstance(seq, int) else by_id.get(str(result.get("event_id")))
        status = result.get("status")
        if sent is None or status not in ("duplicate", "flagged", "rejected"):
            continue
        if status == "duplicate":
            outcome.duplicates += 1
            continue
        code = str(result.get("code") or status)
        if code == "seq_conflict":
            conflicts.append(sent.device_seq)
            continue
        setattr(outcome, status, getattr(outcome, status) + 1)
        outcome.problems.append(
            {
                "event_id": sent.event_id,
                "device_seq": sent.device_seq,
                "type": sent.type,
                "tenant_id": sent.tenant_id,
                "status": status,
                "code": code,
                "codes": result.get("codes") or [code],
            }
        )
    if conflicts:
        # A restored backup re-used sequence numbers: nothing from the first conflict on is
        # stored on the server, so it must stay queued for the new epoch after re-enrolment.
        outcome.seq_conflict = True
        outcome.acked_through = min(outcome.acked_through, min(conflicts) - 1)
    outcome.applied = max(outcome.acked_through - batch.acked_through - outcome.duplicates, 0)
    with uow_factory() as uow:
        uow.sync.set_acked_through(outcome.acked_through)
        uow.sync.add_problems(outcome.problems)
        if outcome.seq_conflict:
            uow.sync.set_device_state(
                "reenrol_needed",
                "the server has other events with these sequence numbers (restored backup?)",
            )
        uow.commit()
    return outcome


def rewind_to(uow_factory: UnitOfWorkFactory, seq: int) -> None:
    """The server is missing events (``409 seq_gap``): send again from ``seq + 1``."""
    with uow_factory() as uow:
        uow.sync.set_acked_through(min(seq, uow.sync.acked_through()))
        uow.commit()


def record_contact(
    uow_factory: UnitOfWorkFactory,
    ok: bool,
    error: str = "",
    clock_offset_ms: int | None = None,
    clock_reading: SkewReading | None = None,
) -> None:
    """How the last contact with the server went; with the clock offset it measured (the
    server's time minus this PC's, kept with the PC's clocks then: ``clock_skew``)."""
    with uow_factory() as uow:
        uow.sync.set_meta("sync_online", "1" if ok else "0")
        if ok:
            uow.sync.set_meta("sync_last_ok_at", datetime.now(UTC).isoformat(timespec="seconds"))
            uow.sync.set_meta("sync_last_error", "")
        else:
            uow.sync.set_meta("sync_last_error", error[:500])
        if clock_offset_ms is not None:
            uow.sync.set_meta("sync_clock_offset_ms", str(clock_offset_ms))
        if clock_reading is not None:
            uow.sync.set_meta(clock_skew.READING_META, clock_reading.to_json())
        uow.commit()


def clock_offset_ms(uow_factory: UnitOfWorkFactory) -> int:
    with uow_factory.read() as uow:
        return int(uow.sync.meta("sync_clock_offset_ms") or 0)


def sync_status(uow_factory: UnitOfWorkFactory) -> SyncStatus:
    """What the UI shows: cheap enough to poll every second."""
    with uow_factory.read() as uow:
        device = uow.sync.device()
        return SyncStatus(
            enrolled=device is not None,
            state=device["state"] if device else "not_enrolled",
            online=uow.sync.meta("sync_online") == "1",
            unsynced=max(uow.sync.outbox_last_seq() - uow.sync.acked_through(), 0),
            problems=uow.sync.problem_count(),
            last_ok_at=uow.sync.meta("sync_last_ok_at") or "",
            last_error=uow.sync.meta("sync_last_error") or "",
            server_url=device["server_url"] if device else "",
            clock_offset_ms=clock_skew.offset_ms(uow) if device else None,
        )


def held_event_ids(uow_factory: UnitOfWorkFactory) -> list[str]:
    """The pushed events the server answered ``rejected`` (held in its quarantine)."""
    with uow_factory.read() as uow:
        return uow.sync.held_event_ids()


def record_event_states(uow_factory: UnitOfWorkFactory, states: Sequence[Mapping[str, Any]]) -> int:
    """What the server says of held events now: stored without a flag is no longer a problem,
    stored with flags is a flagged event, still held stays; returns how many were cleared."""
    cleared, flagged = [], []
    for state in states:
        codes = [str(c) for c in state.get("codes") or []]
        if state.get("state") == "stored" and not codes:
            cleared.append(str(state["event_id"]))
        elif state.get("state") == "stored":
            flagged.append((str(state["event_id"]), codes))
    with uow_factory() as uow:
        uow.sync.clear_problems(cleared)
        for event_id, codes in flagged:
            uow.sync.set_problem_status(event_id, "flagged", codes)
        uow.commit()
    return len(cleared)


def sync_problems(uow_factory: UnitOfWorkFactory, limit: int = 500) -> list[dict[str, Any]]:
    """Flagged and rejected events (and refused reference rows), newest first. A sale that
    sold a one-off another counter sold too carries its ``receipt`` number and its one-offs
    (``items``), so the manager knows which to find."""
    with uow_factory.read() as uow:
        rows = uow.sync.problems(limit)
        twice = [str(r["event_id"]) for r in rows if "one_off_sold_twice" in str(r["codes"])]
        named = uow.sync.sold_twice(twice) if twice else {}
    for row in rows:
        if str(row["event_id"]) in named:
            row["receipt"], row["items"] = named[str(row["event_id"])]
    return rows


def clear_problems(
    uow_factory: UnitOfWorkFactory, ctx: TillContext, event_ids: Sequence[str]
) -> int:
    """A manager has dealt with these problems: they leave this counter's list (the server
    keeps the events and their flags). Held events stay: they leave once the server stores
    them (``record_event_states``). Returns how many left."""
    ctx.require(Permission.MANAGE)
    with uow_factory() as uow:
        held = set(uow.sync.held_event_ids())
        gone = [e for e in event_ids if e not in held]
        uow.sync.clear_problems(gone)
        uow.commit()
    return len(gone)
