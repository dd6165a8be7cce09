"""The rows a push sends to PostgreSQL say exactly what was checked, whatever texts they hold."""

from __future__ import annotations

import orjson

from server.auth import Device
from server.checked import check_event
from server.event_store import rows_json

ODD_TENANT = 'tenant "quoted" \\ back\\slash, æøå \u2028'
DEVICE = Device("dev_1", "site_1", 1, ("t1", ODD_TENANT), {})


def event(seq: int, tenant: str | None, kind: str, occurred_at: str, **extra) -> dict:
    return {
        "event_id": f"0000000{seq}-ABCD-4def-8abc-0123456789AB",
        "device_seq": seq,
        "tenant_id": tenant,
        "type": kind,
        "occurred_at": occurred_at,
        "payload": {"note": 'a "quote", a \\ and \u00e6', "nested": {"b": 1, "a": [1, None]}},
        **extra,
    }


def test_the_rows_sent_decode_to_the_rows_checked_with_their_canonical_payloads():
    events = [
        event(1, ODD_TENANT, "receipt.copied", "2026-03-02T10:00:00+01:00"),
        event(2, None, "till.opened", "2026-03-02 10:00:00.123456-0130", type_version=7),
        event(3, "t1", "receipt.copied", "2026-03-02T10:00Z"),
    ]
    checked = [check_event(e, DEVICE, set()) for e in events]
    assert [c.reject for c in checked] == [None, None, None]

    sent = orjson.loads(rows_json(checked))

    assert sent == [c.row for c in checked]
    assert [s["tenant_id"] for s in sent] == [ODD_TENANT, None, "t1"]
    assert sent[1]["type_version"] == 7
    assert [orjson.dumps(s["payload"], option=orjson.OPT_SORT_KEYS) for s in sent] == [
        c.payload_json for c in checked
    ]
