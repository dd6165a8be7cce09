"""The legal record and what leaves the counter: the journal's hash chain (time only moves
forward), each tenant's receipt signature chain per register, and the outbox to the server."""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from pos.adapters.store_base import NumberCounters, StoreBase
from pos.clock import Stamp
from pos.journal import GENESIS_HASH, canonical_json, row_hash
from pos.model.legal_time import ClockBehind, shown

_LAST_JOURNAL_HASH_SQL = "SELECT hash, created_at FROM journal ORDER BY seq DESC LIMIT 1"
_CHAIN_HEAD_SQL = (
    "SELECT last_nr, last_signature FROM signature_chains WHERE tenant_id = :t AND register_id = :r"
)
_ADVANCE_CHAIN_SQL = (
    "INSERT INTO signature_chains(tenant_id, register_id, last_nr, last_signature) "
    "VALUES (:t, :r, :n, :s) ON CONFLICT(tenant_id, register_id) DO UPDATE SET "
    "last_nr = excluded.last_nr, last_signature = excluded.last_signature"
)


class SignatureChains(StoreBase):
    """Each tenant's receipt signature chain per register (``uow.signatures``)."""

    def chain_head(self, tenant_id: str, register_id: str) -> tuple[int, str]:
        row = self._raw.execute(_CHAIN_HEAD_SQL, {"t": tenant_id, "r": register_id}).fetchone()
        return (row[0], row[1]) if row else (0, "0")

    def advance_chain(self, tenant_id: str, register_id: str, nr: int, signature: str) -> None:
        self._raw.execute(
            _ADVANCE_CHAIN_SQL, {"t": tenant_id, "r": register_id, "n": nr, "s": signature}
        )
        self.issued.chain((tenant_id, register_id), nr, signature, (nr - 1, ""))


class JournalRepository(NumberCounters):
    """The journal's hash chain, whose time only moves forward (``uow.journal``)."""

    def append_journal(
        self,
        *,
        register_id: str,
        event_code: int,
        stamp: Stamp,
        staff_id: str | None,
        tenant_id: str | None = None,
        amount: int | None = None,
        ref_id: str | None = None,
        details: Mapping[str, Any] | None = None,
        declared_step_back: bool = False,
    ) -> int:
        """Add one event to the register's hash chain; returns its sequence number.

        The legal record's time never goes backwards: a stamp before the newest row is refused
        (``pos.model.legal_time``), whatever clock made it. The one exception is the row of a
        manager's declaration that the rows before it were stamped ahead
        (``declared_step_back``, ``pos.services.records_ahead``)."""
        prev = self.journal_head()
        if prev and stamp.utc_iso < prev[1] and not declared_step_back:
            raise ClockBehind(now=shown(_utc(stamp.utc_iso)), last=shown(_utc(prev[1])))
        row: dict[str, Any] = {
            "seq": self.next_number("journal"),
            "uuid": str(uuid.uuid4()),
            "register_id": register_id,
            "tenant_id": tenant_id,
            "event_code": int(event_code),
            "created_at": stamp.utc_iso,
            "local_date": stamp.local_date,
            "local_time": stamp.local_time,
            "staff_id": staff_id,
            "amount": amount,
            "ref_id": ref_id,
            "details": canonical_json(dict(details or {})),
        }
        row["prev_hash"] = prev[0] if prev else GENESIS_HASH
        row["hash"] = row_hash(row["prev_hash"], row)
        self.insert("journal", row)
        self.issued.journal(row["seq"], row["hash"], (row["seq"] - 1, row["prev_hash"]))
        return int(row["seq"])

    def journal_head(self) -> tuple[str, str] | None:
        """The newest journal row's hash and time (None before the first row)."""
        row = self._raw.execute(_LAST_JOURNAL_HASH_SQL).fetchone()
        return (str(row[0]), str(row[1])) if row else None

    def last_journal_time(self) -> datetime | None:
        """When the newest journal row was recorded: the floor for the next one."""
        head = self.journal_head()
        return _utc(head[1]) if head else None


class OutboxRepository(NumberCounters):
    """Events queued for the server, numbered by the device sequence (``uow.outbox``)."""

    def append_outbox(
        self,
        event_type: str,
        tenant_id: str | None,
        stamp: Stamp,
        payload: Mapping[str, Any],
    ) -> int:
        seq = self.next_number("device_seq")
        self.insert("outbox", _outbox_row(seq, event_type, tenant_id, stamp, payload))
        return seq

    def requeue_outbox(self, event: Mapping[str, Any]) -> bool:
        """Queue an event again exactly as it was (same id, type, time and payload) with the next
        device sequence: a salvaged sale's event, which the server takes once whatever happens.
        False when the event is queued here already."""
        if self._raw.execute(
            "SELECT 1 FROM outbox WHERE event_id = ?", (event["event_id"],)
        ).fetchone():
            return False
        row = {k: event[k] for k in ("event_id", "type", "tenant_id", "occurred_at", "payload")}
        self.insert("outbox", {"device_seq": self.next_number("device_seq"), **row})
        return True

    def append_outbox_many(
        self, events: Sequence[tuple[str, str | None, Mapping[str, Any]]], stamp: Stamp
    ) -> None:
        """``append_outbox`` for many events at once (an import): one range of device
        sequence numbers, one insert."""
        if not events:
            return
        first = self.next_number("device_seq", len(events)) - len(events) + 1
        self.insert(
            "outbox",
            [
                _outbox_row(first + n, event_type, tenant_id, stamp, payload)
                for n, (event_type, tenant_id, payload) in enumerate(events)
            ],
        )


def _utc(iso: str) -> datetime:
    return datetime.fromisoformat(iso.replace("Z", "+00:00"))


def _outbox_row(
    seq: int, event_type: str, tenant_id: str | None, stamp: Stamp, payload: Mapping[str, Any]
) -> dict[str, Any]:
    return {
        "device_seq": seq,
        "event_id": str(uuid.uuid4()),
        "type": event_type,
        "tenant_id": tenant_id,
        "occurred_at": stamp.utc_iso,
        "payload": json.dumps(payload, ensure_ascii=False),
    }
