"""Sync through a faulty network: 5xx, dropped connections, answers lost or cut short, slow
answers and timeouts between the counter and the real server. The client backs off, keeps its
queue, and in the end the server holds every event exactly once."""

from __future__ import annotations

import logging
import random
from typing import Any
from urllib.parse import urlsplit

import pytest

from pos.services import sync_state
from sync import http as sync_http
from sync.backoff import Backoff
from sync.cycle import SyncCycle
from sync.http import ServerApi
from sync.worker import SyncWorker
from tests.sync.conftest import sell
from tests.sync.fault_proxy import FaultProxy

FAULTS = ["503", "500", "drop", "lost_answer", "truncated", "timeout"]


GIVES_UP_S = 0.5
"""The client's read timeout for a request the proxy is to leave unanswered (``timeout``). Every
other request waits the product's own ``READ_TIMEOUT_S``: a server slow to answer on a busy
machine is still a server that works."""


@pytest.fixture
def proxy(server_url):
    with FaultProxy(server_url) as opened:
        yield opened


def api_through(counter, proxy: FaultProxy) -> ServerApi:
    """The counter's client through the proxy, giving up after ``GIVES_UP_S`` only on the
    request the proxy will not answer."""
    api = ServerApi(proxy.url, sync_state.enrolment(counter.uow).token)
    send = api.session.request

    def request(method: str, url: str, **kwargs: Any) -> Any:
        if proxy.upcoming(urlsplit(url).path) == "timeout":
            kwargs["timeout"] = (sync_http.CONNECT_TIMEOUT_S, GIVES_UP_S)
        return send(method, url, **kwargs)

    api.session.request = request  # type: ignore[method-assign]
    return api


def worker_through(counter, proxy: FaultProxy) -> SyncWorker:
    cycle = SyncCycle(counter.uow, api_through(counter, proxy), app_version="0.1.0")
    return SyncWorker(cycle.run, interval_s=20, backoff=Backoff(base_s=1, cap_s=60))


def outbox(counter) -> set[tuple[str, int]]:
    with counter.uow.read() as uow:
        rows = uow.store.conn.exec_driver_sql("SELECT event_id, device_seq FROM outbox")
        return {(e, s) for e, s in rows}


def server_events(central) -> set[tuple[str, int]]:
    from sqlalchemy import text

    with central.admin() as conn:
        rows = conn.execute(text("SELECT event_id::text, device_seq FROM events"))
        return {(e, s) for e, s in rows}


def assert_each_event_once(counter, central) -> None:
    assert central.scalar("SELECT count(*) FROM events") == central.scalar(
        "SELECT count(DISTINCT event_id) FROM events"
    )
    assert server_events(central) == outbox(counter)
    assert sync_state.acked_through(counter.uow) == len(outbox(counter))
    assert central.scalar("SELECT count(*) FROM event_flags") == 0


@pytest.mark.parametrize("fault", FAULTS)
def test_a_fault_on_push_backs_off_keeps_the_queue_and_the_next_cycle_stores_each_event_once(
    enrolled, central, ctx, shelf, proxy, fault
):
    sell(enrolled, ctx, shelf, 3)
    worker = worker_through(enrolled, proxy)
    proxy.inject([fault])
    delay = worker.run_once()
    assert worker.backoff.failures == 1 and worker.last_error
    assert 0 <= delay <= 1  # full jitter under base * 2**0; Retry-After: 0 is no floor
    status = sync_state.sync_status(enrolled.uow)
    assert not status.online and status.unsynced == len(outbox(enrolled))
    assert worker.run_once() == 20  # back to the normal interval
    assert worker.backoff.failures == 0 and worker.last_report is not None
    assert worker.last_report.drained
    server_did_the_work = fault in ("lost_answer", "truncated", "timeout")
    assert (worker.last_report.duplicates > 0) is server_did_the_work
    assert_each_event_once(enrolled, central)


def test_backoff_grows_while_the_server_keeps_failing(enrolled, ctx, shelf, proxy):
    sell(enrolled, ctx, shelf, 1)
    worker = worker_through(enrolled, proxy)
    worker.backoff.rng = random.Random(3)
    proxy.inject(["503"] * 8)
    for failures in range(1, 9):
        delay = worker.run_once()
        assert worker.backoff.failures == failures
        assert delay <= min(60, 2 ** (failures - 1))
    assert sync_state.sync_status(enrolled.uow).unsynced > 0


def test_a_sync_problem_is_logged_once_while_it_lasts_and_when_it_ends(
    enrolled, ctx, shelf, proxy, caplog
):
    """The support log: a WARNING when sync starts failing and when the failure changes, not
    one per retry while a counter is offline for hours; an INFO when it works again; never
    the device's token."""
    caplog.set_level(logging.DEBUG)
    sell(enrolled, ctx, shelf, 2)
    worker = worker_through(enrolled, proxy)
    proxy.inject(["503", "503", "503", "drop", "drop"])
    for _ in range(6):
        worker.run_once()
    lines = [(r.levelno, r.getMessage()) for r in caplog.records if r.name == "sync.worker"]
    warnings = [text for level, text in lines if level == logging.WARNING]
    assert len(warnings) == 2 and all(text.startswith("sync failed") for text in warnings)
    assert warnings[0] != warnings[1]  # the 503, then the dropped connection
    assert lines[-1][0] == logging.INFO and lines[-1][1].startswith("sync works again")
    assert "outbox drained" in lines[-1][1]
    assert sync_state.enrolment(enrolled.uow).token not in caplog.text


def test_a_slow_answer_in_time_is_simply_a_success(enrolled, central, ctx, shelf, server_url):
    sell(enrolled, ctx, shelf, 2)
    with FaultProxy(server_url, late_s=0.9) as slow:  # 0.3 s late, the client waits 30 s
        slow.inject(["slow"])
        worker = worker_through(enrolled, slow)
        assert worker.run_once() == 20
    assert_each_event_once(enrolled, central)


def test_after_a_timeout_a_server_a_second_slow_on_a_busy_machine_is_a_success(
    enrolled, central, ctx, shelf, server_url
):
    """Only the request left unanswered times out; the next, answered a second late (the
    machine is busy), is waited for."""
    sell(enrolled, ctx, shelf, 2)
    with FaultProxy(server_url, late_s=3) as proxy:  # 'slow' answers 1 s late
        proxy.inject(["timeout", "slow"])
        worker = worker_through(enrolled, proxy)
        worker.run_once()
        assert worker.backoff.failures == 1 and "ReadTimeout" in str(worker.last_error)
        assert worker.run_once() == 20
        assert [fault for _, fault in proxy.seen if fault != "pass"] == ["timeout", "slow"]
    assert_each_event_once(enrolled, central)


def test_random_faults_on_every_sync_call_between_sales_lose_and_double_nothing(
    enrolled, central, ctx, shelf, server_url
):
    rng = random.Random(8)
    with FaultProxy(server_url, prefix="/v1/sync") as proxy:
        worker = worker_through(enrolled, proxy)
        worker.run_once()  # batches of 500: a cycle is push, pull, status
        for _ in range(25):
            sell(enrolled, ctx, shelf, rng.randint(1, 3))
            proxy.inject(rng.choice(FAULTS + ["pass"] * 3) for _ in range(3))
            worker.run_once()
        proxy.script.clear()
        assert worker.run_once() == 20 and worker.last_report.drained
    assert {f for _, f in proxy.seen} >= set(FAULTS)
    assert_each_event_once(enrolled, central)
