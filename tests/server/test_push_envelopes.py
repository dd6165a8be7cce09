"""The push endpoint fed malformed envelopes (hypothesis): a valid batch with keys dropped, values
swapped for any JSON, huge numbers, extra keys, broken gzip or plain bytes. Never a 5xx, never a
second copy of an event, and the device's stream only moves forward."""

from __future__ import annotations

import gzip
import json
import uuid
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.server.conftest import sale_event

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=12),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)
EVENT_KEYS = ["event_id", "device_seq", "tenant_id", "type", "type_version", "occurred_at",
              "payload"]  # fmt: skip
ENVELOPE_KEYS = ["device_id", "device_epoch", "events"]


@st.composite
def envelopes(draw, side) -> bytes:  # type: ignore[no-untyped-def]
    event = sale_event(draw(st.integers(1, 6)), side.tenant_id, side.marker)
    event["event_id"] = str(uuid.UUID(int=draw(st.integers(0, 2**128 - 1))))
    envelope: dict[str, Any] = {"device_id": side.device_id, "device_epoch": side.epoch,
                                "events": [event]}  # fmt: skip
    places = [(event, EVENT_KEYS), (envelope, ENVELOPE_KEYS),
              (event["payload"]["receipt"], ["total", "sig_nr", "signature"])]  # fmt: skip
    for _ in range(draw(st.integers(1, 3))):
        target, keys = draw(st.sampled_from(places))
        key = draw(st.sampled_from(keys))
        action = draw(st.sampled_from(["drop", "replace", "huge", "extra"]))
        if action == "drop":
            target.pop(key, None)
        elif action == "replace":
            target[key] = draw(json_values)
        elif action == "huge":
            target[key] = draw(st.sampled_from([2**63, -(2**63) - 1, 10**30, 1e308, -1]))
        else:
            target[draw(st.text(max_size=8))] = draw(json_values)
    return json.dumps(envelope).encode()


@settings(
    max_examples=150,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_malformed_push_envelopes_get_4xx_and_never_a_duplicate(world, data):
    side = world.a
    body = data.draw(envelopes(side) | st.binary(max_size=200))
    headers = dict(side.device_auth) | {"Content-Type": "application/json"}
    if data.draw(st.booleans()):
        headers["Content-Encoding"] = "gzip"
        body = gzip.compress(body) if data.draw(st.booleans()) else body  # or not gzip at all
    before = acked(world)
    reply = world.client.post("/v1/sync/push", content=body, headers=headers)
    assert reply.status_code < 500, reply.text[:300]
    assert acked(world) >= before
    central = world.central
    assert central.scalar("SELECT count(*) FROM events") == central.scalar(
        "SELECT count(DISTINCT event_id) FROM events"
    )


def acked(world) -> int:  # type: ignore[no-untyped-def]
    return int(
        world.central.scalar(
            "SELECT acked_through FROM device_streams WHERE device_id = :d", d=world.a.device_id
        )
    )
