"""Staff and article groups a counter brings are published for the other counters: staff for
the device's site only (a staff id another site holds is never moved), article groups only
when the server lacks them; what the server could never publish is quarantined."""

from __future__ import annotations

import uuid
from typing import Any

from tests.server.conftest import Side


def staff_event(seq: int, staff_id: str, name: str, **changes: Any) -> dict[str, Any]:
    staff = {"id": staff_id, "staff_no": "4001", "name": name, "role": "cashier",
             "pin_hash": "scrypt$16384$8$1$c2FsdA$aGFzaA", "active": True, **changes}  # fmt: skip
    return {"event_id": str(uuid.uuid4()), "device_seq": seq, "tenant_id": None,
            "type": "staff.registered", "occurred_at": "2026-03-02T10:00:00+01:00",
            "payload": {"staff": staff}}  # fmt: skip


def group_event(seq: int, group_id: str, name: str) -> dict[str, Any]:
    return {"event_id": str(uuid.uuid4()), "device_seq": seq, "tenant_id": None,
            "type": "article_group.registered", "occurred_at": "2026-03-02T10:00:00+01:00",
            "payload": {"group": {"id": group_id, "name": name, "saft_code": "04999"}}}  # fmt: skip


def results(side: Side, client, events) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    answer = side.push(client, events)
    assert answer.status_code == 200, answer.text
    return [(r["status"], r.get("code", "")) for r in answer.json()["results"]]


def staff_row(central, staff_id: str) -> tuple:  # type: ignore[type-arg]
    return central.scalar(
        "SELECT ARRAY[site_id, data->>'name', data->>'pin_hash'] FROM ref_current "
        "WHERE entity = 'staff' AND entity_id = :i",
        i=staff_id,
    )


def test_staff_are_published_for_the_senders_site_and_never_moved_by_another(world):
    central, client, a, b = world.central, world.client, world.a, world.b
    alpha = central.scalar("SELECT site_id FROM devices WHERE id = :d", d=a.device_id)
    person = str(uuid.uuid4())
    assert results(a, client, [staff_event(4, person, "Kari")]) == []
    assert staff_row(central, person) == [alpha, "Kari", "scrypt$16384$8$1$c2FsdA$aGFzaA"]
    taken = results(b, client, [staff_event(4, person, "Stolen", role="manager")])
    assert taken == [("flagged", "staff_other_site")]
    assert staff_row(central, person)[:2] == [alpha, "Kari"]  # still Alpha's, unchanged
    assert results(a, client, [staff_event(5, person, "Kari", pin_hash="scrypt$new")]) == []
    assert staff_row(central, person)[2] == "scrypt$new"  # a new PIN reaches the others


def test_a_group_the_server_has_is_kept_and_bad_centre_data_is_quarantined(world):
    central, client, a, b = world.central, world.client, world.a, world.b
    assert results(a, client, [group_event(4, "SYKLER", "Sykler")]) == []
    assert results(b, client, [group_event(4, "SYKLER", "Something else")]) == []
    name = "SELECT data->>'name' FROM ref_current WHERE entity = 'article_group' AND entity_id = :i"
    assert central.scalar(name, i="SYKLER") == "Sykler"
    no_code = group_event(7, "X", "No code") | {"payload": {"group": {"id": "X", "name": "n"}}}
    bad = [staff_event(5, str(uuid.uuid4()), "Ola", pin_hash=""),
           staff_event(6, str(uuid.uuid4()), "Ola", role="owner"), no_code]  # fmt: skip
    assert results(a, client, bad) == [("rejected", "malformed")] * 3
    assert central.scalar("SELECT count(*) FROM quarantine WHERE code = 'malformed'") == 3


def test_counters_enrolled_before_registers_existed_keep_the_register_their_receipts_name(world):
    from alembic import command

    from server.db import alembic_config

    central = world.central
    mine = (
        "SELECT array_agg(register_id || '/' || label_block ORDER BY device_id) "
        "FROM site_registers"
    )
    assert central.scalar(mine) == ["K1/1", "K1/1"]  # one counter at each of two sites
    central.engine.dispose()
    command.downgrade(alembic_config(central.url), "s0008")
    command.upgrade(alembic_config(central.url), "head")
    assert central.scalar(mine) == ["K1/1", "K1/1"]  # from the receipts they pushed
