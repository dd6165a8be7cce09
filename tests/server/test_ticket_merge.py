"""The server's merge of repair events (sync-protocol.md §2.4), through the push and pull
endpoints: per-field last writer wins by HLC, a union of parts that a replay cannot grow,
status intents checked against the server's state, and bad repair payloads never crashing."""

from __future__ import annotations

import time
import uuid
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from pos.sync_protocol import TICKET_EVENT_TYPES, TICKET_FIELDS
from server import admin_ops, refdata
from tests.server.conftest import Side, World

T0 = 1_772_442_000_000  # 2026-03-02 09:00 UTC, in ms


def stamp(ms: int, node: str = "dev_x", counter: int = 0) -> str:
    return f"{ms:013d}-{counter:05d}-{node}"


def repair(seq: int, tenant: str, kind: str, **payload: Any) -> dict[str, Any]:
    """A repair event stamped one second per sequence number (``hlc=None``: an event from an
    older counter without a stamp)."""
    payload.setdefault("hlc", stamp(T0 + seq * 1000))
    if payload["hlc"] is None:
        del payload["hlc"]
    return {
        "event_id": str(uuid.uuid4()),
        "device_seq": seq,
        "tenant_id": tenant,
        "type": kind,
        "occurred_at": "2026-03-02T10:00:00+01:00",
        "payload": {"ticket": "R01000017", "staff_id": "s1", **payload},
    }


def created(seq: int, tenant: str, ms: int = T0 - 60_000, **fields: Any) -> dict[str, Any]:
    values = {
        "customer_name": "Kari Nordmann",
        "customer_phone": "+4791234567",
        "fault": "Girer ikke",
        "estimate": 60000,
        "accessories": ["Lykt"],
        "promised_date": "2026-03-09",
        "technician_id": None,
    } | fields
    return repair(
        seq, tenant, "repair.ticket_created", hlc=stamp(ms), status="received",
        register_id="K1", created_by="s1", history_id=f"h{seq}",
        created_at="2026-03-02T09:00:00.000Z", **values,
    )  # fmt: skip


def ticket(world: World, side: Side) -> dict[str, Any]:
    page = world.client.get("/v1/sync/pull", headers=side.device_auth).json()
    found = [c for c in page["changes"] if c["entity"] == "ticket"]
    assert len({c["id"] for c in found}) == 1
    return found[-1]["data"]  # the log holds every version until it is compacted


def results(reply: Any) -> list[tuple[str, str]]:
    assert reply.status_code == 200, reply.text
    return [(r["status"], r.get("code", "")) for r in reply.json()["results"]]


def test_each_field_keeps_the_edit_with_the_higher_clock_whatever_the_arrival_order(world):
    a = world.a
    t = a.tenant_id
    events = [
        created(4, t),
        repair(5, t, "repair.updated", hlc=stamp(T0 + 3000), fields={"fault": "Late edit"}),
        repair(6, t, "repair.updated", hlc=stamp(T0 + 2000), fields={"fault": "Early edit"}),
        repair(7, t, "repair.updated", hlc=stamp(T0 + 2500), fields={"customer_phone": ""}),
    ]
    assert results(a.push(world.client, events)) == []
    data = ticket(world, a)
    assert data["fields"]["fault"] == "Late edit"
    assert data["field_hlc"]["fault"] == stamp(T0 + 3000)
    assert data["fields"]["customer_phone"] == ""
    assert data["fields"]["customer_name"] == "Kari Nordmann"
    assert data["field_hlc"]["customer_name"] == stamp(T0 - 60_000)
    assert data["status"] == "received" and [h["to"] for h in data["history"]] == ["received"]


def test_a_status_intent_from_a_stale_status_is_flagged_stored_and_changes_nothing(world):
    a, t = world.a, world.a.tenant_id
    first = repair(
        5, t, "repair.status_changed", hlc=None, **{"from": "received", "to": "diagnosing"}
    )
    stale = repair(6, t, "repair.status_changed", **{"from": "received", "to": "in_repair"})
    illegal = repair(7, t, "repair.status_changed", **{"from": "diagnosing", "to": "collected"})
    reply = a.push(world.client, [created(4, t), first, stale, illegal])
    assert results(reply) == [("flagged", "status_conflict"), ("flagged", "status_conflict")]
    assert reply.json()["acked_through"] == 7
    data = ticket(world, a)
    assert data["status"] == "diagnosing"
    assert [(h["from"], h["to"]) for h in data["history"]] == [
        (None, "received"),
        ("received", "diagnosing"),
    ]
    stored = world.central.scalar(
        "SELECT count(*) FROM events WHERE type = 'repair.status_changed' AND tenant_id = :t", t=t
    )
    flags = world.central.scalar("SELECT count(*) FROM event_flags WHERE code = 'status_conflict'")
    assert stored == 3 and flags == 2


def test_a_final_status_is_left_only_by_a_reopen_a_known_manager_approved(world):
    a, t = world.a, world.a.tenant_id
    with world.central.admin() as conn:
        refdata.put(conn, "staff", "m1", None, {"staff_no": "9001", "name": "Mona",
                                               "role": "manager", "pin_hash": "x"})  # fmt: skip
    moves = [("received", "not_repairable"), ("not_repairable", "scrapped")]
    events = [created(4, t)] + [
        repair(5 + i, t, "repair.status_changed", **{"from": f, "to": to})
        for i, (f, to) in enumerate(moves)
    ]
    back = {"from": "scrapped", "to": "in_repair"}
    events += [
        repair(7, t, "repair.status_changed", **back),  # not a reopen: refused
        repair(8, t, "repair.reopened", approved_by="s1", **back),  # not a manager
        repair(9, t, "repair.reopened", approved_by="m1", **back),
    ]
    assert results(a.push(world.client, events)) == [
        ("flagged", "status_conflict"),
        ("flagged", "reopen_refused"),
    ]
    assert ticket(world, a)["status"] == "in_repair"


def test_replayed_and_re_sent_parts_are_stored_once(world):
    a, t = world.a, world.a.tenant_id
    note = repair(5, t, "repair.note_added", note_id="n1", text="Ringte kunden")
    line = repair(6, t, "repair.line_added", line="l1", added="labour", item_id="i1",
                  description="Arbeid", qty=1, unit_price=45000, amount=45000)  # fmt: skip
    batch = [created(4, t), note, line]
    assert results(a.push(world.client, batch)) == []
    assert {s for s, _ in results(a.push(world.client, batch))} == {"duplicate"}
    # the same note and line again under new event ids (e.g. re-sent after a re-enrolment)
    again = [dict(e, event_id=str(uuid.uuid4()), device_seq=7 + i) for i, e in enumerate(batch)]
    assert results(a.push(world.client, again)) == []
    data = ticket(world, a)
    assert [n["text"] for n in data["notes"]] == ["Ringte kunden"]
    assert [(x["id"], x["amount"]) for x in data["lines"]] == [("l1", 45000)]
    assert world.central.scalar("SELECT count(*) FROM repair_ticket_parts") == 3


def test_a_status_move_re_sent_under_a_new_event_id_is_not_applied_again(world):
    a, t = world.a, world.a.tenant_id
    moves = [("received", "diagnosing"), ("diagnosing", "awaiting_approval"),
             ("awaiting_approval", "diagnosing")]  # fmt: skip
    events = [created(4, t)] + [
        repair(5 + i, t, "repair.status_changed", history_id=f"m{i}", **{"from": f, "to": to})
        for i, (f, to) in enumerate(moves)
    ]
    assert results(a.push(world.client, events)) == []
    # the middle move again (same history id, new event id): it happened once, already
    again = dict(events[2], event_id=str(uuid.uuid4()), device_seq=8)
    assert results(a.push(world.client, [again])) == []
    data = ticket(world, a)
    assert data["status"] == "diagnosing"
    assert [h["to"] for h in data["history"]][-1] == "diagnosing"


def test_of_two_clamped_edits_from_one_fast_clock_the_later_one_stays(world):
    """Both stamps are over an hour ahead, so both are clamped to the server's clock and tie:
    the counter's later edit (in device order) must not lose to its earlier one."""
    a, t = world.a, world.a.tenant_id
    far = int(time.time() * 1000) + 3 * 3_600_000
    events = [
        created(4, t),
        repair(5, t, "repair.updated", hlc=stamp(far, a.device_id), fields={"fault": "First"}),
        repair(
            6, t, "repair.updated", hlc=stamp(far + 60_000, a.device_id), fields={"fault": "Second"}
        ),  # fmt: skip
    ]
    assert results(a.push(world.client, events)) == [("flagged", "hlc_clamped")] * 2
    assert ticket(world, a)["fields"]["fault"] == "Second"


def test_a_second_intake_under_a_ticket_id_in_use_does_not_overwrite_that_job(world):
    """A counter restored from an older backup hands out ticket numbers again: the new job
    must not take over the customer data of the job already on the server."""
    a, t = world.a, world.a.tenant_id
    assert results(a.push(world.client, [created(4, t)])) == []
    again = dict(created(4, t), event_id=str(uuid.uuid4()), device_seq=5)  # a plain resend
    reused = created(6, t, ms=T0, customer_name="Per Annen", fault="Knust skjerm")
    assert results(a.push(world.client, [again, reused])) == [("flagged", "ticket_id_reused")]
    data = ticket(world, a)
    assert (data["fields"]["customer_name"], data["fields"]["fault"]) == (
        "Kari Nordmann",
        "Girer ikke",
    )
    assert [h["id"] for h in data["history"]] == ["h4"]


def test_bad_repair_payloads_are_quarantined_or_flagged_never_a_server_error(world):
    a, t = world.a, world.a.tenant_id
    far = int(time.time() * 1000) + 10 * 3_600_000  # ten hours ahead of the server
    events = [
        repair(4, t, "repair.updated", ticket=None, fields={"fault": "x"}),
        repair(5, t, "repair.updated", hlc="yesterday", fields={"fault": "x"}),
        repair(6, t, "repair.status_changed", **{"from": "received", "to": "fixed-ish"}),
        repair(7, t, "repair.note_added", note_id="n1", text=""),
        repair(8, t, "repair.line_added", line="l1", amount="450 kr"),
        repair(9, t, "repair.updated", fields=["fault"]),
        repair(10, t, "repair.updated", fields={"fault": "nobody took it in"}),
        created(11, t, estimate=-5, customer_name=["not", "text"]),
        repair(12, t, "repair.updated", hlc=stamp(far), fields={"fault": "from the future"}),
    ]
    reply = a.push(world.client, events)
    assert results(reply) == [("rejected", "malformed")] * 6 + [
        ("flagged", "ticket_unknown"),
        ("flagged", "field_invalid"),
        ("flagged", "hlc_clamped"),
    ]
    assert reply.json()["acked_through"] == 12
    data = ticket(world, a)
    assert data["fields"]["fault"] == "from the future"
    assert int(data["field_hlc"]["fault"][:13]) < far  # clamped to the server's clock
    assert "estimate" not in data["fields"] and "customer_name" not in data["fields"]


def test_tickets_stay_inside_their_tenant_and_site(world):
    a, b = world.a, world.b
    mine = created(4, a.tenant_id, customer_name="ALPHASECRET")
    assert results(a.push(world.client, [mine])) == []
    assert results(b.push(world.client, [created(4, b.tenant_id)])) == []
    page = world.client.get("/v1/sync/pull", headers=b.device_auth)
    assert "ALPHASECRET" not in page.text
    assert ticket(world, b)["fields"]["customer_name"] == "Kari Nordmann"
    # B's device names A's tenant for an edit of A's ticket: refused, A's ticket unchanged
    edit = repair(5, a.tenant_id, "repair.updated", hlc=stamp(T0 + 9), fields={"fault": "B!"})
    assert results(b.push(world.client, [edit])) == [("rejected", "tenant_forbidden")]
    assert ticket(world, a)["fields"]["fault"] == "Girer ikke"
    assert world.central.scalar("SELECT count(*) FROM repair_tickets") == 2


def test_a_ticket_id_another_site_of_the_same_tenant_made_does_not_merge_into_it(world):
    """Ticket ids are unique per site only (label blocks); a tenant may be at two sites."""
    a, b = world.a, world.b
    with world.central.admin() as conn:
        beta = admin_ops.ensure_site(conn, "Beta site")
        conn.execute(
            text("INSERT INTO site_tenants VALUES (:s, :t)"), {"s": beta, "t": a.tenant_id}
        )
    assert results(a.push(world.client, [created(4, a.tenant_id)])) == []
    other_job = created(4, a.tenant_id, ms=T0, customer_name="Per Annen", fault="Knust skjerm")
    edit = repair(5, a.tenant_id, "repair.updated", hlc=stamp(T0 + 9), fields={"fault": "B!"})
    assert results(b.push(world.client, [other_job, edit])) == [
        ("flagged", "ticket_other_site"),
        ("flagged", "ticket_other_site"),
    ]
    data = ticket(world, a)
    assert (data["fields"]["customer_name"], data["fields"]["fault"]) == (
        "Kari Nordmann",
        "Girer ikke",
    )
    assert data["site_id"] == world.central.scalar(
        "SELECT site_id FROM devices WHERE id = :d", d=a.device_id
    )


JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)
KEYS = st.sampled_from(
    ["ticket", "hlc", "from", "to", "fields", "note_id", "text", "line", "amount", "removed",
     "approval_id", "deposit_id", "history_id", "approved_by", "status", "created_by",
     *TICKET_FIELDS]
)  # fmt: skip


def test_random_repair_payloads_never_make_the_server_fail(world):
    a, t = world.a, world.a.tenant_id
    assert results(a.push(world.client, [created(4, t)])) == []
    next_seq = [5]

    @given(
        kind=st.sampled_from(sorted(TICKET_EVENT_TYPES)),
        payload=st.dictionaries(KEYS, JSON, max_size=6),
        same_ticket=st.booleans(),
    )
    @settings(max_examples=60, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))  # fmt: skip
    def push_one(kind, payload, same_ticket):
        if same_ticket:
            payload["ticket"] = "R01000017"
        event = repair(next_seq[0], t, kind, **payload)
        reply = a.push(world.client, [event])
        assert reply.status_code == 200, reply.text
        assert reply.json()["acked_through"] == event["device_seq"]
        next_seq[0] += 1

    push_one()
    assert ticket(world, a)["ticket"] == "R01000017"


def test_the_repairs_board_writes_the_promised_day_as_the_page_does_its_other_dates(world):
    from server.web import users
    from tests.web.test_sign_in_and_bad_input import PASSWORD, sign_in

    a = world.a
    assert results(a.push(world.client, [created(4, a.tenant_id)])) == []
    with world.central.admin() as conn:
        site = admin_ops.site_id_by_name(conn, a.site)
        users.add_user(conn, users.NewUser("leder", "Leder", "manager", PASSWORD, site_id=site))
    sign_in(world.client, "leder")
    assert "<td data-promised>09.03.2026</td>" in world.client.get("/repairs?alle=1").text
    world.client.get("/lang/en?next=/repairs")
    assert "<td data-promised>2026-03-09</td>" in world.client.get("/repairs?alle=1").text
