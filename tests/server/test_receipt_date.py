"""A tenant's receipts are found by their stored receipt date: under the tenant's row-level
security the period is an index condition (so a month costs a month, however much history lies
behind it), the date is the receipt's own ``local_date`` or NULL for text that is no day, and
the migration fills it for receipts stored before it, either way."""

from __future__ import annotations

import copy
import re
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from server.db import Scope, apply_scope, scoped
from server.web import figures
from tests.server.conftest import sale_event

MARCH = figures.Period("2026-03-01", "2026-03-31")


def _dated(seq: int, tenant_id: str, marker: str, day: str) -> dict:
    event = copy.deepcopy(sale_event(seq, tenant_id, marker))
    event["payload"]["receipt"]["local_date"] = day
    return event


def _page(world, period: figures.Period) -> list[str]:
    a = world.a
    with scoped(world.central.engine, Scope("tenant", (a.tenant_id,))) as conn:
        found, _ = figures.receipts(conn, period, a.tenant_id, None)
    return [str(r["number"]) for r in found]


def test_the_month_page_finds_exactly_the_receipts_dated_in_its_period(world):
    a = world.a
    days = ["2026-02-28", "2026-03-01", "2026-03-31", "2026-04-01", "2026-02-30", "1.3.2026"]
    events = [_dated(4 + n, a.tenant_id, a.marker, day) for n, day in enumerate(days)]
    assert a.push(world.client, events).status_code == 200
    number = {day: f"{a.marker}-K1-{4 + n:06d}" for n, day in enumerate(days)}
    # the world's two sales of 2 March, then the first and last day; newest first
    expected = [number["2026-03-31"], number["2026-03-01"]] + [
        f"{a.marker}-K1-{n:06d}" for n in (2, 1)
    ]
    assert _page(world, MARCH) == expected
    assert _page(world, figures.Period("2026-03-02", "2026-03-02")) == expected[2:]
    stored = world.central.scalar(
        "SELECT count(*) FROM events WHERE tenant_id = :t AND receipt_date IS NULL "
        "AND type = 'sale.completed'",
        t=a.tenant_id,
    )
    assert stored == 2  # 30 February and a Norwegian-written day are stored, undated


def test_under_the_tenants_policy_the_period_is_an_index_condition(world):
    a = world.a
    sql = "EXPLAIN " + figures._RECEIPTS.format(site="")
    params = {"t": a.tenant_id, "f": MARCH.start, "e": MARCH.end, "before": None, "n": 51}
    with scoped(world.central.engine, Scope("tenant", (a.tenant_id,))) as conn:
        assert conn.execute(text("SELECT current_user")).scalar() == "omigjen_app"
        conn.execute(text("SET LOCAL enable_seqscan = off"))
        plan = "\n".join(r[0] for r in conn.execute(text(sql), params))
    conditions = [line for line in plan.splitlines() if "Index Cond" in line]
    assert conditions and all("receipt_date >=" in line for line in conditions), plan
    assert "_tenant_id_receipt_date_id_idx" in plan  # each month's part of events_receipt_date


def test_the_receipts_page_is_planned_for_its_own_period_every_time(world):
    """psycopg prepares a statement run five times on one connection, and PostgreSQL then
    switches a prepared statement to a generic plan, one that cannot see the period: the
    receipts page asks for a custom plan on every run, request after request."""
    a = world.a
    with world.central.engine.connect() as conn:
        for _ in range(15):  # one request each: its own transaction on the pooled connection
            with conn.begin():
                apply_scope(conn, Scope("tenant", (a.tenant_id,)))
                found, _ = figures.receipts(conn, MARCH, a.tenant_id, None)
                assert len(found) == 2
        plans = conn.execute(
            text(
                "SELECT generic_plans, custom_plans FROM pg_prepared_statements "
                "WHERE statement LIKE '%receipt_date BETWEEN%'"
            )
        ).all()
    assert len(plans) == 1, plans  # prepared, so a generic plan was open to it
    generic, custom = plans[0]
    assert generic == 0 and custom >= 10, plans


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    day=st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)),
    junk=st.one_of(
        st.text(
            alphabet=st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",)),
            max_size=12,
        ),
        st.from_regex(r"\A[0-9]{4}-[0-9]{2}-[0-9]{2}\Z"),
    ),
)
def test_a_receipt_date_is_its_iso_day_and_any_other_text_is_null(central, day, junk):
    def receipt_date(kind: str, value: str) -> object:
        return central.scalar("SELECT receipt_date(:k, :v)", k=kind, v=value)

    assert receipt_date("sale.completed", day.isoformat()) == day
    assert receipt_date("item.registered", day.isoformat()) is None
    try:
        iso = re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", junk)
        real = date.fromisoformat(junk) if iso else None
    except ValueError:
        real = None
    assert receipt_date("return.completed", junk) == real


def test_the_migration_either_way_dates_the_receipts_already_stored(world):
    from alembic import command

    from server.db import alembic_config

    central = world.central
    central.engine.dispose()
    command.downgrade(alembic_config(central.url), "s0012")
    assert (
        central.scalar(
            "SELECT count(*) FROM information_schema.columns WHERE column_name = 'receipt_date'"
        )
        == 0
    )
    central.engine.dispose()
    command.upgrade(alembic_config(central.url), "head")
    assert (
        central.scalar("SELECT count(*) FROM events WHERE receipt_date = DATE '2026-03-02'") == 4
    )  # both tenants' two sales
    assert _page(world, MARCH) == [f"{world.a.marker}-K1-{n:06d}" for n in (2, 1)]
