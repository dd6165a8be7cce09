"""Events are partitioned by the month they were received, and each is still stored exactly once
across the months: an event sent again long after it was stored, or another event in a stored
event's place in the device's sequence, is not stored a second time."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import Engine, text

from server.db import add_event_months, make_engine
from tests.server.conftest import sale_event


@pytest.fixture
def owner(world) -> Iterator[Engine]:
    """The database owner: moves stored events into an earlier month, as time would."""
    engine = make_engine(world.central.url, role=None)
    yield engine
    engine.dispose()


def _where(owner: Engine, device_id: str) -> list[tuple[str, str]]:
    with owner.begin() as conn:
        return [
            (str(r[0]), str(r[1]))
            for r in conn.execute(
                text(
                    "SELECT tableoid::regclass::text, event_id::text FROM events "
                    "WHERE device_id = :d ORDER BY device_seq"
                ),
                {"d": device_id},
            )
        ]


def _into_an_earlier_month(owner: Engine, device_id: str) -> str:
    """The device's events as if received two months ago; their partition's name."""
    with owner.begin() as conn:
        conn.execute(text("SELECT events_add_months(now() - interval '2 months', 0)"))
        conn.execute(
            text(
                "UPDATE events SET received_at = received_at - interval '2 months' "
                "WHERE device_id = :d"
            ),
            {"d": device_id},
        )
        # the server has forgotten how far it acked: only the database's keys stand guard
        conn.execute(
            text("UPDATE device_streams SET acked_through = 0 WHERE device_id = :d"),
            {"d": device_id},
        )
        earlier = "SELECT to_char((now() AT TIME ZONE 'UTC') - interval '2 months', 'YYYYMM')"
        return str(conn.execute(text(earlier)).scalar())


def test_events_go_to_the_month_received_and_months_are_made_ahead(world, owner):
    month = _where(owner, world.a.device_id)
    assert {m for m, _ in month} == {f"events_{_this_month(owner)}"}
    with owner.begin() as conn:
        names = set(
            conn.execute(
                text(
                    "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
                    "WHERE i.inhparent = 'events'::regclass"
                )
            ).scalars()
        )
        assert conn.execute(text("SELECT count(*) FROM events_default")).scalar() == 0
    assert "events_default" in names and len(names) >= 25  # this month and 24 ahead
    assert add_event_months(world.central.url) == 0  # already there: nothing made again


def test_an_event_sent_again_months_later_is_not_stored_twice(world, owner):
    a = world.a
    before = _where(owner, a.device_id)
    earlier = _into_an_earlier_month(owner, a.device_id)
    again = [sale_event(1, a.tenant_id, a.marker), sale_event(2, a.tenant_id, a.marker)]
    with owner.begin() as conn:  # the very events stored, as the counter would send them again
        for seq, event in enumerate(again, start=1):
            row = conn.execute(
                text(
                    "SELECT event_id::text, payload, occurred_at FROM events "
                    "WHERE device_id = :d AND device_seq = :s"
                ),
                {"d": a.device_id, "s": seq},
            ).one()
            event["event_id"], event["payload"] = row[0], row[1]
            event["occurred_at"] = row[2].isoformat()
    reply = a.push(world.client, again)
    assert reply.status_code == 200, reply.text
    assert [r["status"] for r in reply.json()["results"]] == ["duplicate", "duplicate"]
    after = _where(owner, a.device_id)
    assert [e for _, e in after] == [e for _, e in before]  # once each, where they were
    assert {m for m, _ in after} == {f"events_{earlier}"}


def test_another_event_in_a_stored_events_place_is_not_stored(world, owner):
    a = world.a
    before = _where(owner, a.device_id)
    _into_an_earlier_month(owner, a.device_id)
    other = sale_event(1, a.tenant_id, a.marker)  # seq 1 again, a new event id
    reply = a.push(world.client, [other])
    assert reply.status_code == 200, reply.text
    assert [e for _, e in _where(owner, a.device_id)] == [e for _, e in before]
    with owner.begin() as conn:  # kept aside, as before the months
        held = conn.execute(
            text("SELECT code FROM quarantine WHERE event_id = :e"), {"e": other["event_id"]}
        ).scalars()
        assert list(held) == ["event_id_conflict"]


def test_the_migration_keeps_every_event_its_id_and_its_keys(world, owner):
    from alembic import command

    from server.db import alembic_config

    central = world.central
    rows = "SELECT array_agg(id::text || event_id::text || hash ORDER BY id) FROM events"
    keys = "SELECT count(*) FROM event_keys"
    stored = central.scalar(rows)
    assert central.scalar(keys) == len(stored) > 0
    central.engine.dispose()
    owner.dispose()
    command.downgrade(alembic_config(central.url), "s0011")
    assert central.scalar(rows) == stored
    assert central.scalar("SELECT to_regclass('event_keys') IS NULL") is True
    command.upgrade(alembic_config(central.url), "head")
    assert central.scalar(rows) == stored
    assert central.scalar(keys) == len(stored)
    a = world.a
    assert a.push(world.client, [sale_event(4, a.tenant_id, a.marker)]).status_code == 200
    assert central.scalar("SELECT count(*) FROM events") == len(stored) + 1


def _this_month(owner: Engine) -> Any:
    with owner.begin() as conn:
        return conn.execute(text("SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYYMM')")).scalar()
