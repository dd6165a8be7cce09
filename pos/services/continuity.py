"""Numbers continue after the highest ever given out on this register.

At every start the store is compared with the high-water mark kept outside it: in step, or one
transaction that never committed (a crash: its numbers were never printed, the mark steps back),
or a store behind the register's history (a copy put in place by hand, or a restore that did not
finish): then the store is moved up to the mark and every skipped range is journaled with its
reason. A restore does the same on purpose (``pos/services/restore.py``), and so does a counter
that learns the central server's heads.

Journal rows (13999): one register-wide row that carries the journal numbers skipped (it is the
row right after the jump, so ``verify-journal`` finds the declaration where the gap is), then one
``numbers_skipped`` row per tenant with that tenant's series and its signature chain's new start
(the previous signature to chain from), so each tenant's SAF-T shows only its own numbers.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from pos.adapters.high_water import HighWaterMark
from pos.clock import Clock, Stamp
from pos.errors import DomainError
from pos.model.events import EventCode, OtherEvent
from pos.numbering import JOURNAL, Heads, Issued, day_text, is_z_day, series_tenant
from pos.services.declared_gaps import STORE_BEHIND_MARK
from pos.services.legal_time import CounterClock
from pos.unit_of_work import UnitOfWork, UnitOfWorkFactory

RESTORED = "restored_from_backup"
SERVER_AHEAD = "server_ahead"
NUMBERING_CHECK_META = "numbering_check_pending"
"""Set on a store restored where the register's high-water mark is unknown (a new PC) and
that syncs with a server: sales wait until the server's heads are known (``enrol``)."""
SERVER_HEADS_EPOCH_META = "server_heads_epoch"
"""The enrolment epoch whose server heads this counter has caught up with."""


def record_stamp(
    uow_factory: UnitOfWorkFactory, register_id: str, clock: Clock | None = None
) -> tuple[Stamp, dict[str, Any]]:
    """When the rows that put the numbering right are recorded: the counter's clock. While it
    is behind the journal nobody can confirm the time (the store is being put right, or not
    open yet), so they get the newest row's time, with both times in their details."""
    counter_clock = CounterClock(uow_factory, register_id, system=clock)
    try:
        return Stamp.of(counter_clock.now()), {}
    except DomainError:
        floor, _confirmation = counter_clock.facts()
        system = counter_clock.system.now()
        moment = max(floor, system) if floor is not None else system
        said = {"system": system.isoformat(), "recorded": moment.isoformat()}
        return Stamp.of(moment), {"clock_behind": said}


@dataclass(frozen=True)
class StartCheck:
    state: str
    """``in_step``, ``new_mark`` (no mark yet: made from the store), ``crash_recovered`` (one
    transaction never committed) or ``moved_up`` (numbers skipped, journaled)."""
    skipped: int = 0
    """How many signed receipt numbers were skipped."""


@dataclass
class Skipped:
    """What ``skip_to`` moved: per tenant (None: register-wide) the series and chains."""

    series: dict[str | None, dict[str, list[int]]] = field(default_factory=dict)
    chains: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)
    z_days: dict[str | None, dict[str, str]] = field(default_factory=dict)
    """Per tenant, the business day of a Z given out beyond the store: closed for good."""

    @property
    def signed(self) -> int:
        return sum(c["to"] - c["from"] + 1 for t in self.chains.values() for c in t.values())


def reconcile_at_start(
    uow_factory: UnitOfWorkFactory,
    mark: HighWaterMark,
    register_id: str,
    clock: Clock | None = None,
) -> StartCheck:
    """Make the store and the mark agree before anything is sold (see the module docstring)."""
    with uow_factory() as uow:
        store = uow.numbers.heads()
        if mark.state.generation == 0 and mark.heads.is_empty():
            mark.reset(store)
            return StartCheck("new_mark")
        ahead = mark.heads.ahead_of(store)
        if ahead.is_empty():
            merged = mark.heads.merged(store)
            if merged != mark.heads:
                mark.reset(merged)
            return StartCheck("in_step")
        if never_committed(mark.state.last, store):
            mark.reset(store.merged(mark.heads.without(ahead)))
            return StartCheck("crash_recovered")
        stamp, behind = record_stamp(uow_factory, register_id, clock)
        details = {"reason": STORE_BEHIND_MARK, **behind}
        journal_jump(uow, register_id, None, stamp, mark.heads, details)
        skipped = skip_to(uow, register_id, None, stamp, mark.heads, STORE_BEHIND_MARK)
        uow.commit()
    return StartCheck("moved_up", skipped.signed)


def server_heads_due(uow_factory: UnitOfWorkFactory, epoch: int) -> bool:
    """At the first sync of every enrolment epoch (a restored counter enrols again), and while
    a restore waits for the server."""
    with uow_factory.read() as uow:
        checked = uow.meta.get_meta(SERVER_HEADS_EPOCH_META)
        pending = uow.meta.get_meta(NUMBERING_CHECK_META)
    return bool(pending) or checked != str(epoch)


def learn_server_heads(
    uow_factory: UnitOfWorkFactory,
    register_id: str,
    heads: Heads,
    epoch: int,
    clock: Clock | None = None,
) -> int:
    """Continue every series and signature chain after what the server holds for this register
    (journaled per tenant, reason ``server_ahead``); returns how many signature numbers were
    skipped. Sales may go on again if a restore was waiting for this."""
    stamp, _behind = record_stamp(uow_factory, register_id, clock)
    with uow_factory() as uow:
        skipped = skip_to(uow, register_id, None, stamp, heads, SERVER_AHEAD)
        uow.meta.set_meta(SERVER_HEADS_EPOCH_META, str(epoch))
        uow.meta.set_meta(NUMBERING_CHECK_META, "")
        uow.commit()
    return skipped.signed


def never_committed(last: Issued | None, store: Heads) -> bool:
    """True when the store holds exactly what the last written transaction started from: it was
    written to the mark but never committed (the process died in between)."""
    if last is None:
        return False
    before = last.before
    for name in last.after.counters:
        if store.counters.get(name, 0) != before.counters.get(name, 0):
            return False
    for key in last.after.chains:
        if store.chains.get(key, (0, ""))[0] != before.chains.get(key, (0, ""))[0]:
            return False
    if last.after.journal[0] and store.journal != before.journal:
        return False
    return True


def journal_jump(
    uow: UnitOfWork,
    register_id: str,
    staff_id: str | None,
    stamp: Stamp,
    high: Heads,
    details: dict[str, Any],
    kind: str = OtherEvent.NUMBERS_SKIPPED,
) -> int:
    """The register-wide row: if the journal is behind ``high``, it continues after it and this
    row (the first after the gap) says which journal numbers were skipped and the head they had
    reached. Returns the row's sequence number."""
    store_seq = uow.numbers.heads().journal[0]
    row: dict[str, Any] = {"kind": kind, **details}
    if high.journal[0] > store_seq:
        uow.numbers.raise_counter(JOURNAL, high.journal[0])
        row["journal_skipped"] = [store_seq + 1, high.journal[0]]
        row["journal_head_before"] = list(high.journal)
    return uow.journal.append_journal(
        register_id=register_id,
        event_code=EventCode.OTHER,
        stamp=stamp,
        staff_id=staff_id,
        details=row,
    )


def skip_to(
    uow: UnitOfWork,
    register_id: str,
    staff_id: str | None,
    stamp: Stamp,
    high: Heads,
    reason: str,
) -> Skipped:
    """Move every series and signature chain the store has below ``high`` up to it, one journal
    row per tenant naming the ranges skipped and the signature the chain goes on from."""
    store = uow.numbers.heads()
    ahead = high.ahead_of(store)
    known = {t.id for t in uow.tenants.tenants()}
    skipped = Skipped()
    for name, value in sorted(ahead.counters.items()):
        if name == JOURNAL:
            continue
        uow.numbers.raise_counter(name, value)
        tenant = series_tenant(name)
        if is_z_day(name):
            skipped.z_days.setdefault(tenant, {})[name] = day_text(value)
            continue
        first = store.counters.get(name, 0) + 1
        skipped.series.setdefault(tenant, {})[name] = [first, value]
    for (tenant, register), (nr, signature) in sorted(ahead.chains.items()):
        first = store.chains.get((tenant, register), (0, ""))[0] + 1
        skip = {"from": first, "to": nr, "previous_signature": signature}
        if tenant in known:
            uow.signatures.advance_chain(tenant, register, nr, signature)
        skipped.chains.setdefault(tenant, {})[register] = skip
    _journal_skips(uow, register_id, staff_id, stamp, skipped, reason, known)
    return skipped


def _journal_skips(
    uow: UnitOfWork,
    register_id: str,
    staff_id: str | None,
    stamp: Stamp,
    skipped: Skipped,
    reason: str,
    known: set[str],
) -> None:
    by_tenant: dict[str | None, dict[str, Any]] = defaultdict(dict)
    for tenant, series in skipped.series.items():
        by_tenant[tenant if tenant in known or tenant is None else None].setdefault(
            "series", {}
        ).update(series)
    for tenant, days in skipped.z_days.items():
        by_tenant[tenant if tenant in known or tenant is None else None].setdefault(
            "z_days_closed", {}
        ).update(days)
    for tenant, chains in skipped.chains.items():
        target = tenant if tenant in known else None
        found = by_tenant[target].setdefault("chains", {})
        found.update(chains if target else {f"{tenant}|{r}": c for r, c in chains.items()})
    for tenant, details in sorted(by_tenant.items(), key=lambda kv: kv[0] or ""):
        uow.journal.append_journal(
            register_id=register_id,
            event_code=EventCode.OTHER,
            stamp=stamp,
            staff_id=staff_id,
            tenant_id=tenant,
            details={"kind": OtherEvent.NUMBERS_SKIPPED, "reason": reason, **details},
        )
