"""The day-end page finds a day's Z reports and till closes by their stored ``day_end_date``:
the Z report's business date or the close's local date, NULL for text that is no day; under
the manager's row-level security the day is an index condition (a day costs a day, however
many years of reports lie behind it); the migration dates the reports already stored."""

from __future__ import annotations

import re
import uuid
from datetime import date
from typing import Any

import pytest
from sqlalchemy import text

from server import admin_ops
from server.db import Scope, scoped
from server.web import routes_day_end, saft_writer, users
from tests.web.test_sign_in_and_bad_input import PASSWORD, sign_in

DAY = "2026-03-02"


def _event(seq: int, kind: str, tenant_id: str | None, payload: dict[str, Any]) -> dict:
    return {
        "event_id": str(uuid.uuid4()),
        "device_seq": seq,
        "tenant_id": tenant_id,
        "type": kind,
        "occurred_at": "2026-03-02T21:00:00Z",
        "payload": payload,
    }


def _z(seq: int, tenant_id: str, day: str, number: int) -> dict:
    payload = {"register_id": "K1", "business_date": day, "z_number": number,
               "total_cash_sales": 25000, "report_time": "21:00:00"}  # fmt: skip
    return _event(seq, "z_report.taken", tenant_id, payload)


def _close(seq: int, day: str, variance: int) -> dict:
    payload = {"register_id": "K1", "local_date": day, "local_time": "20:55:00",
               "expected_cash": 50000, "counted_cash": 50000 + variance, "variance": variance,
               "note": f"close {seq}"}  # fmt: skip
    return _event(seq, "till.closed", None, payload)


@pytest.fixture
def day_ends(world):
    """Alpha's counter pushed Z reports and closes over three days (one with a business date
    that is no day), and Alpha's manager is signed in."""
    a = world.a
    events = [
        _z(4, a.tenant_id, "2026-03-01", 6),
        _close(5, "2026-03-01", -100),
        _z(6, a.tenant_id, DAY, 7),
        _close(7, DAY, 250),
        _z(8, a.tenant_id, "2026-03-03", 8),
        _close(9, "2026-03-03", 0),
        _z(10, a.tenant_id, "2026-02-30", 9),
    ]
    assert a.push(world.client, events).status_code == 200
    with world.central.admin() as conn:
        site = admin_ops.site_id_by_name(conn, a.site)
        users.add_user(conn, users.NewUser("leder", "Leder", "manager", PASSWORD, site_id=site))
    sign_in(world.client, "leder")
    return world, site


def _shown(client, day: str) -> tuple[list[str], list[str]]:
    page = client.get(f"/day-end?date={day}")
    assert page.status_code == 200, page.text
    zs = [part.split("</span>")[0] for part in page.text.split("Z tatt nr. ")[1:]]
    notes = [part.split("<")[0] for part in page.text.split(" · ")[1:] if part.startswith("close")]
    return zs, notes


def test_the_day_end_page_shows_that_days_z_reports_and_closes_only(day_ends):
    world, _ = day_ends
    assert _shown(world.client, "02.03.2026") == (["7"], ["close 7"])
    assert _shown(world.client, "2026-03-03") == (["8"], ["close 9"])
    assert _shown(world.client, "28.02.2026") == ([], [])  # the undated Z is on no day
    stored = world.central.scalar(
        "SELECT count(*) FROM events WHERE type = 'z_report.taken' AND day_end_date IS NULL"
    )
    assert stored == 1  # 30 February is stored, undated


def test_under_the_managers_policy_the_day_is_an_index_condition(day_ends):
    world, site = day_ends
    a = world.a
    params = {"t": [a.tenant_id], "d": DAY, "s": site}
    with scoped(world.central.engine, Scope("manager", (a.tenant_id,), site)) as conn:
        assert conn.execute(text("SELECT current_user")).scalar() == "omigjen_app"
        conn.execute(text("SET LOCAL enable_seqscan = off"))
        for sql in (routes_day_end.Z_REPORTS, routes_day_end.TILL_CLOSES):
            plan = "\n".join(r[0] for r in conn.execute(text("EXPLAIN " + sql), params))
            conditions = [line for line in plan.splitlines() if "Index Cond" in line]
            assert conditions and all("day_end_date =" in line for line in conditions), plan
            assert "_day_end_date_tenant_id_idx" in plan  # each month's part of the index


def test_the_saft_file_takes_the_periods_z_reports_by_their_stored_day(day_ends):
    """The period's Z reports are found by ``day_end_date``: a Z dated 30 February lies between
    the period's ends as text, but is on no day and so in no file."""
    world, site = day_ends
    a = world.a

    def z_numbers(start: str, end: str) -> list[int]:
        params = {"t": a.tenant_id, "r": "K1", "f": start, "e": end}
        with scoped(world.central.engine, Scope("manager", (a.tenant_id,), site)) as conn:
            found = conn.execute(text(saft_writer.Z_REPORTS), params)
            return [payload["z_number"] for _, payload in found]

    assert z_numbers("2026-02-01", "2026-03-02") == [6, 7]
    assert z_numbers(DAY, DAY) == [7]
    assert z_numbers("2026-03-02", "2026-03-31") == [7, 8]
    assert z_numbers("2026-02-01", "2026-02-28") == []


def test_a_day_end_date_is_the_iso_day_of_a_z_or_a_close_and_null_otherwise(central):
    def day_end_date(kind: str, payload: dict[str, Any]) -> object:
        import json

        return central.scalar(
            "SELECT day_end_date(:k, CAST(:p AS jsonb))", k=kind, p=json.dumps(payload)
        )

    assert day_end_date("z_report.taken", {"business_date": DAY}) == date(2026, 3, 2)
    assert day_end_date("till.closed", {"local_date": "2026-02-28"}) == date(2026, 2, 28)
    assert day_end_date("till.closed", {"business_date": DAY}) is None
    assert day_end_date("z_report.taken", {"local_date": DAY}) is None
    assert day_end_date("sale.completed", {"business_date": DAY, "local_date": DAY}) is None
    for junk in ("2026-02-29", "02.03.2026", "2026-3-2", "", "0000-01-01"):
        assert day_end_date("z_report.taken", {"business_date": junk}) is None, junk
    assert day_end_date("z_report.taken", {"business_date": 20260302}) is None


def test_the_migration_either_way_dates_the_reports_already_stored(day_ends):
    from alembic import command

    from server.db import alembic_config

    world, _ = day_ends
    central = world.central
    central.engine.dispose()
    command.downgrade(alembic_config(central.url), "s0013")
    assert (
        central.scalar(
            "SELECT count(*) FROM information_schema.columns WHERE column_name = 'day_end_date'"
        )
        == 0
    )
    central.engine.dispose()
    command.upgrade(alembic_config(central.url), "head")
    assert (
        central.scalar("SELECT count(*) FROM events WHERE day_end_date = CAST(:d AS date)", d=DAY)
        == 2
    )
    assert _shown(world.client, DAY) == (["7"], ["close 7"])


def test_the_generated_dates_are_not_inlined_into_each_statement(central):
    """Inlined (SQL functions), the generated columns' expressions are parsed and planned again
    at the start of every statement that stores events: for a one-row INSERT many times the
    row's own cost. PL/pgSQL keeps its compiled form for the session."""
    with central.engine.connect() as conn:
        found = conn.execute(
            text(
                "SELECT p.proname, l.lanname FROM pg_proc p JOIN pg_language l "
                "ON l.oid = p.prolang WHERE p.proname IN ('receipt_date', 'day_end_date')"
            )
        ).all()
    assert dict(found) == {"receipt_date": "plpgsql", "day_end_date": "plpgsql"}


def test_a_close_from_a_counter_a_day_ahead_shows_both_dates_and_is_marked(world):
    """The counter's time and the server's are dated when they fall on different days, and a
    difference over two minutes is marked: a clock a whole day wrong is seen at a glance."""
    from datetime import datetime, timedelta

    from pos.clock import OSLO

    a, now = world.a, datetime.now(OSLO)
    today = now.date().isoformat()

    def close(seq: int, at: datetime) -> dict:
        event = _close(seq, today, 0)
        event["occurred_at"] = at.astimezone().isoformat()
        event["payload"] |= {"closed_at": at.isoformat(), "local_time": f"{at:%H:%M:%S}"}
        return event

    assert (
        a.push(world.client, [close(4, now + timedelta(days=1)), close(5, now)]).status_code == 200
    )
    with world.central.admin() as conn:
        site = admin_ops.site_id_by_name(conn, a.site)
        users.add_user(conn, users.NewUser("leder", "Leder", "manager", PASSWORD, site_id=site))
    sign_in(world.client, "leder")
    page = world.client.get(f"/day-end?date={today}").text
    counter = re.findall(r"<span data-counter-time>([^<]*)</span>", page)
    received = re.findall(r"<span data-received>([^<]*)</span>", page)
    tomorrow = now + timedelta(days=1)
    assert counter[0] == f"{tomorrow:%d.%m.%Y} {now:%H:%M}"
    assert received[0].startswith(f"{now:%d.%m.%Y} ")
    assert 'data-skew="86' in page and "kassens klokke gikk 24 t foran" in page
    assert len(re.findall(r"data-skew=", page)) == 1  # the close in time is not marked
    assert counter[1] == f"{now:%H:%M}" and len(received[1]) == 5  # the same day: times only
    world.client.get("/lang/en?next=/day-end")
    english = world.client.get(f"/day-end?date={today}").text
    assert "clock ran 24 h ahead" in english
    assert f"{tomorrow:%Y-%m-%d} {now:%H:%M}" in english
