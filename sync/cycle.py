"""One sync cycle: push the outbox until it is drained, then pull reference data once.

Push follows sync-protocol.md §2.2: the local watermark moves only from the server's
``acked_through``; ``409 seq_gap`` resends from ``expected_seq``; ``409 concurrent_push`` waits
a second or two; ``413`` halves the batch; ``401``/``403``/``426`` stop and record why; 400,
429, 5xx and network failures stop the cycle with the queue untouched (the caller backs off).
Pull applies each page with its cursor in one local transaction; ``410`` starts a full resync
into staging tables, swapped in when the last page has arrived. Last, the journal's head is
sent as an anchor (``sync.anchors``).
"""

from __future__ import annotations

import json
import random
import time
from collections import Counter
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from pos.adapters.key_files import KeyStore
from pos.clock import Clock, SystemClock
from pos.services import centre_company, clock_skew, reference_pull, sync_state, tenant_terms
from pos.sync_protocol import MAX_BATCH_EVENTS, PROTOCOL_SCHEMA_VERSION
from pos.unit_of_work import UnitOfWorkFactory
from sync.anchors import send_anchor
from sync.heads import catch_up
from sync.http import ServerApi, ServerError, SyncError, gzipped
from sync.keys import upload_new_keys
from sync.problem_review import review_held

MAX_CONCURRENT_RETRIES = 10
MAX_REWINDS = 3
PULL_PAGE = 1000


@dataclass(frozen=True)
class Prepared:
    batch: sync_state.OutboxBatch
    body: bytes


@dataclass
class CycleReport:
    pushed: int = 0
    duplicates: int = 0
    flagged: int = 0
    rejected: int = 0
    batches: int = 0
    pulled: int = 0
    refused: int = 0
    full_resync: bool = False
    drained: bool = False
    remaining: int = 0
    refused_codes: Counter[str] = field(default_factory=Counter)
    """Why the events the server rejected (quarantined) in this cycle were rejected."""
    waiting_tenants: set[str] = field(default_factory=set)
    """Tenants whose events wait for the operator's approval (``tenant_pending``)."""
    resolved: int = 0
    """Events held earlier that the server has since stored (no longer a problem here)."""

    def summary(self) -> str:
        text = (
            f"pushed {self.pushed} events in {self.batches} batches ({self.duplicates} "
            f"already on the server, {self.flagged} flagged, {self.rejected} held in its "
            "quarantine); "
            f"pulled {self.pulled} reference changes"
        )
        if self.full_resync:
            text += " (full resync)"
        if self.refused:
            text += f", {self.refused} refused locally"
        if self.resolved:
            text += f"; {self.resolved} held events were stored on the server since"
        return text + ("; outbox drained" if self.drained else f"; {self.remaining} still queued")


class SyncCycle:
    def __init__(
        self,
        uow_factory: UnitOfWorkFactory,
        api: ServerApi | None = None,
        *,
        app_version: str,
        batch_size: int = MAX_BATCH_EVENTS,
        sleep: Callable[[float], None] = time.sleep,
        keys: KeyStore | None = None,
        clock: Clock | None = None,
    ) -> None:
        self.uow = uow_factory
        self.clock = clock or SystemClock()
        """Dates what a pull journals here (a centre company changed at another counter)."""
        self.keys = keys
        """The counter's signing keys: public keys the server lacks are sent before pushing."""
        enrolment = sync_state.enrolment(uow_factory)
        if enrolment is None:
            raise SyncError("this counter is not enrolled with a server (run enrol first)")
        self.enrolment = enrolment
        self.api = api or ServerApi(
            enrolment.server_url, enrolment.token, ca_file=enrolment.ca_file
        )
        self.app_version = app_version
        self.batch_size = batch_size
        self.sleep = sleep

    def run(self, *, pull: bool = True) -> CycleReport:
        report = CycleReport()
        if not self.enrolment.active:
            raise SyncError(f"sync stopped: {self.enrolment.state} {self.enrolment.state_detail}")
        try:
            key_problems = (
                upload_new_keys(self.uow, self.api, self.keys) if self.keys is not None else []
            )
            catch_up(self.uow, self.api, self.enrolment.device_epoch)
            centre_company.offer_if_server_has_none(self.uow, self.clock.now())
            tenant_terms.offer_if_server_has_none(self.uow, self.clock.now())
            self.push_until_drained(report)
            if pull:
                self.pull(report)
                report.resolved = review_held(self.uow, self.api)
            problems = [*key_problems, *filter(None, [send_anchor(self.uow, self.api)])]
            if problems:  # the sales are on the server; the rest still needs a person
                raise SyncError(problems[0])
        except SyncError as error:
            sync_state.record_contact(self.uow, False, error.reason)
            raise
        finally:
            report.remaining = sync_state.sync_status(self.uow).unsynced
        offset = self._clock_offset()
        reading = None if offset is None else clock_skew.measured(offset)
        sync_state.record_contact(self.uow, True, clock_offset_ms=offset, clock_reading=reading)
        return report

    # -- push --------------------------------------------------------------------------------
    def push_until_drained(self, report: CycleReport) -> None:
        """Push batch after batch; the next one is read and compressed while the server
        works on the current one (a guess that is dropped if the answer moves differently)."""
        with ThreadPoolExecutor(1, thread_name_prefix="sync-prepare") as pool:
            self._push_loop(report, pool)

    def _push_loop(self, report: CycleReport, pool: ThreadPoolExecutor) -> None:
        batch_size, busy, rewinds = self.batch_size, 0, 0
        ahead: Future[Prepared] | None = None
        while True:
            prepared = ahead.result() if ahead is not None else None
            if prepared is None or prepared.batch.acked_through != self._acked():
                prepared = self._prepare(None, batch_size)
            batch = prepared.batch
            if not batch:
                report.drained = True
                return
            ahead = pool.submit(self._prepare, batch.last_seq, batch_size)
            try:
                answer = self.api.post_gzipped("/v1/sync/push", prepared.body)
            except ServerError as error:
                ahead.cancel()
                ahead = None
                if error.code == "concurrent_push" and busy < MAX_CONCURRENT_RETRIES:
                    busy += 1
                    self.sleep(max(error.retry_after_s or 0, random.uniform(1, 2)))
                    continue
                if error.code == "seq_gap" and rewinds < MAX_REWINDS:
                    rewinds += 1
                    sync_state.rewind_to(self.uow, int(error.body.get("expected_seq", 1)) - 1)
                    continue
                if error.status == 413 and batch_size > 1:
                    batch_size = max(1, batch_size // 2)
                    continue
                self._stop_for(error)
                raise
            outcome = sync_state.record_ack(
                self.uow, batch, int(answer["acked_through"]), answer.get("results", [])
            )
            self._count(report, outcome)
            if outcome.seq_conflict:
                raise SyncError(
                    "sequence conflict: the server holds other events with these "
                    "numbers (restored backup?); re-enrol this counter"
                )
            if outcome.acked_through <= batch.acked_through:
                raise SyncError("the server acknowledged nothing; will try again later")

    def _acked(self) -> int:
        return sync_state.acked_through(self.uow)

    def _prepare(self, after: int | None, batch_size: int) -> Prepared:
        batch = sync_state.batch_after(self.uow, after, batch_size)
        body = gzipped(self._body(batch)) if batch else b""
        return Prepared(batch, body)

    def _body(self, batch: sync_state.OutboxBatch) -> bytes:
        head = json.dumps(
            {
                "device_id": self.enrolment.device_id,
                "device_epoch": self.enrolment.device_epoch,
                "app_version": self.app_version,
                "schema_version": PROTOCOL_SCHEMA_VERSION,
                "clock_offset_ms": sync_state.clock_offset_ms(self.uow),
            }
        )
        return (head[:-1] + ',"events":[' + ",".join(batch.events_json) + "]}").encode("utf-8")

    @staticmethod
    def _count(report: CycleReport, outcome: sync_state.AckOutcome) -> None:
        report.batches += 1
        report.pushed += outcome.applied
        report.duplicates += outcome.duplicates
        report.flagged += outcome.flagged
        report.rejected += outcome.rejected
        for problem in outcome.problems:
            if problem["status"] == "rejected":
                report.refused_codes[problem["code"]] += 1
            if "tenant_pending" in problem["codes"] and problem["tenant_id"]:
                report.waiting_tenants.add(str(problem["tenant_id"]))

    def _stop_for(self, error: ServerError) -> None:
        """Record a state that needs a person (revoked, re-enrol, upgrade); others just stop."""
        states = {
            "device_revoked": "revoked",
            "token_invalid": "reenrol_needed",
            "device_mismatch": "reenrol_needed",
            "upgrade_required": "upgrade_required",
        }
        state = states.get(error.code)
        if state:
            sync_state.set_device_state(self.uow, state, error.detail)

    # -- pull --------------------------------------------------------------------------------
    def pull(self, report: CycleReport) -> None:
        """Page after page; the next page is fetched while the current one is applied (its
        cursor is in the answer), and each page is stored with its cursor as before."""
        with ThreadPoolExecutor(1, thread_name_prefix="sync-pull") as pool:
            self._pull_loop(report, pool)

    def _pull_loop(self, report: CycleReport, pool: ThreadPoolExecutor) -> None:
        staging = reference_pull.pull_cursor(self.uow, staging=True) is not None
        cursor = reference_pull.pull_cursor(self.uow, staging=staging)
        ahead: Future[dict[str, Any]] | None = None
        while True:
            try:
                page = ahead.result() if ahead is not None else self._page(cursor)
            except ServerError as error:
                if error.status == 410 and not report.full_resync:
                    reference_pull.begin_full_resync(self.uow)
                    report.full_resync, staging, cursor, ahead = True, True, None, None
                    continue
                self._stop_for(error)
                raise
            ahead = pool.submit(self._page, page["cursor"]) if page.get("has_more") else None
            result = reference_pull.apply_page(
                self.uow, page["changes"], page["cursor"], staging=staging, now=self.clock.now()
            )
            report.pulled += result.applied
            report.refused += result.refused
            if ahead is None:
                break
        if staging:
            report.refused += reference_pull.finish_full_resync(self.uow, self.clock.now()).refused

    def _page(self, cursor: str | None) -> dict[str, Any]:
        params: dict[str, Any] = {"limit": PULL_PAGE}
        if cursor:
            params["cursor"] = cursor
        return self.api.get_json("/v1/sync/pull", params)

    def _clock_offset(self) -> int | None:
        trip = self.api.last_round_trip
        if trip is None:
            return None
        try:
            status = self.api.get_json("/v1/sync/status")
            server = datetime.fromisoformat(status["server_time"]).timestamp()
        except (SyncError, KeyError, ValueError):
            return None
        trip = self.api.last_round_trip or trip
        return int((server - (trip[0] + trip[1]) / 2) * 1000)
