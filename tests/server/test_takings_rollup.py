"""The takings roll-up is brought up to date by the first read after a push, not by the push:
a read counts every receipt it can see exactly once, whoever else reads at the same time, and
whatever a receipt holds (a field that cannot be read counts as 0, as the trigger it replaces
counted it)."""

from __future__ import annotations

import json
import threading
import uuid
from collections import defaultdict
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from server.db import Scope, scoped
from server.takings_rollup import NOTE_STORED, bring_up_to_date
from server.web import figures
from tests.server.conftest import sale_event

DAY = figures.Period("2026-03-02", "2026-03-02")


def _count(world: Any, sql: str) -> int:
    with world.central.admin() as conn:
        return int(conn.execute(text(sql)).scalar_one())


def test_a_push_only_notes_its_receipts_and_the_first_read_folds_them_once(world):
    a, b = world.a, world.b
    # each side pushed two sales of 125,00 (and a message, which is no receipt)
    assert _count(world, "SELECT count(*) FROM takings_days") == 0
    assert _count(world, "SELECT count(*) FROM takings_pending") == 2

    with scoped(world.central.engine, Scope("tenant", (a.tenant_id,))) as conn:
        mine = figures.per_tenant(conn, DAY, [a.tenant_id])[a.tenant_id]
    assert (mine.sales.num, mine.sales.amount, mine.net_ex_vat) == (2, 25000, 20000)
    # the tenant's read folded its own receipts only; the other tenant's wait for their reader
    assert _count(world, "SELECT count(*) FROM takings_pending") == 1
    assert _count(world, "SELECT count(DISTINCT tenant_id) FROM takings_days") == 1

    assert a.push(world.client, [sale_event(4, a.tenant_id, a.marker)]).status_code == 200
    with scoped(world.central.engine, Scope.admin()) as conn:
        both = figures.per_tenant(conn, DAY, [a.tenant_id, b.tenant_id])
        again = figures.per_tenant(conn, DAY, [a.tenant_id, b.tenant_id])
    assert {t: (x.sales.num, x.sales.amount) for t, x in both.items()} == {
        a.tenant_id: (3, 37500),
        b.tenant_id: (2, 25000),
    }
    assert again == both
    assert _count(world, "SELECT count(*) FROM takings_pending") == 0


def test_a_push_sent_again_notes_nothing_new(world):
    a = world.a
    first = [sale_event(4, a.tenant_id, a.marker)]
    assert a.push(world.client, first).status_code == 200
    assert a.push(world.client, first).status_code == 200  # the reply was lost: sent again
    with scoped(world.central.engine, Scope.admin()) as conn:
        assert bring_up_to_date(conn) == 5  # 2 + 2 from the world, and this one once


def test_two_readers_at_once_fold_each_receipt_once(world):
    engine = world.central.engine
    first = engine.connect()
    transaction = first.begin()
    second_folded: list[int] = []
    try:
        from server.db import apply_scope

        apply_scope(first, Scope.admin())
        assert bring_up_to_date(first) == 4

        def second_reader() -> None:
            with scoped(engine, Scope.admin()) as conn:
                second_folded.append(bring_up_to_date(conn))

        reader = threading.Thread(target=second_reader)
        reader.start()
        reader.join(0.5)
        assert reader.is_alive()  # it waits on the notes the first reader holds
        transaction.commit()
        reader.join(10)
    finally:
        first.close()
    assert second_folded == [0]
    assert _count(world, "SELECT sum(num) FROM takings_days") == 4


# --- any receipts, stored in any chunks, read at any moments: the same figures ------------

_INSERT = f"""
WITH stored AS (
    INSERT INTO events (event_id, site_id, device_id, device_epoch, device_seq, tenant_id, type,
        type_version, occurred_at, hash, payload)
    SELECT gen_random_uuid(), 'site', :device, 1, r.seq, r.tenant_id, r.type, 1, now(),
        'h', r.payload
    FROM jsonb_to_recordset(CAST(:rows AS jsonb))
        AS r(seq bigint, tenant_id text, type text, payload jsonb)
    RETURNING id, tenant_id, type, received_at
), {NOTE_STORED}
SELECT count(*) FROM stored
"""

_whole = st.integers(-(10**9), 10**9)
_field = st.one_of(
    _whole,
    _whole.map(str),  # a number in a string still reads as one
    st.sampled_from(["12,50", "1e3", "", "abc", "9" * 16]),  # unreadable: 0
    st.none(),
)
_line = st.fixed_dictionaries(
    {},
    optional={
        "amount": _field,
        "vat_amount": _field,
        "vat_class": st.sampled_from(["25", "15", "0"]),
        "discount": st.one_of(st.just(0), _field),
    },
)
_payment = st.fixed_dictionaries(
    {}, optional={"kind": st.sampled_from(["cash", "card", "vipps"]), "amount": _field}
)
_receipt = st.fixed_dictionaries(
    {
        "type": st.sampled_from(["sale.completed", "return.completed", "deposit.completed"]),
        "receipt": st.fixed_dictionaries(
            {
                "register_id": st.sampled_from(["K1", "K2"]),
                "local_date": st.sampled_from(["2026-03-01", "2026-03-02"]),
                "kind": st.sampled_from(["sale", "return", "deposit"]),
            },
            optional={"total": _field, "total_ex_vat": _field, "rounding": _field},
        ),
        "lines": st.one_of(st.lists(_line, max_size=3), st.just({"not": "a list"})),
        "payments": st.one_of(st.lists(_payment, max_size=2), st.just("cash")),
    }
)
_chunks = st.lists(
    st.tuples(st.lists(_receipt, min_size=1, max_size=6), st.booleans()), min_size=1, max_size=5
)


def _ore(value: Any) -> int:
    """What the roll-up reads from a field: a whole number of at most 15 digits, else 0."""
    if isinstance(value, bool) or value is None:
        return 0
    text_ = str(value)
    digits = text_[1:] if text_.startswith("-") else text_
    return int(text_) if digits.isdigit() and digits.isascii() and len(digits) <= 15 else 0


Sums = dict[tuple, dict[str, int]]


def _add(into: Sums, key: tuple, **figures_: int) -> None:
    row = into.setdefault(key, defaultdict(int))
    for name, value in figures_.items():
        row[name] += value


def _expected(receipts: list[dict[str, Any]]) -> dict[str, Sums]:
    days: Sums = {}
    vat: Sums = {}
    paid: Sums = {}
    for r in receipts:
        head = r["receipt"]
        key = (head["register_id"], head["local_date"], head["kind"])
        lines = r["lines"] if isinstance(r["lines"], list) else []
        payments = r["payments"] if isinstance(r["payments"], list) else []
        _add(
            days,
            key,
            num=1,
            amount=_ore(head.get("total")),
            ex_vat=_ore(head.get("total_ex_vat")),
            rounding=_ore(head.get("rounding")),
            discount_num=sum(1 for line in lines if _ore(line.get("discount")) != 0),
            discount_amount=sum(_ore(line.get("discount")) for line in lines),
        )
        for line in lines:
            _add(
                vat,
                (*key, line.get("vat_class", "")),
                gross=_ore(line.get("amount")),
                vat=_ore(line.get("vat_amount")),
            )
        for m in payments:
            amount = _ore(m.get("amount"))
            _add(paid, (*key, m.get("kind", ""), amount < 0), num=1, amount=amount)
    return {"days": _full(days), "vat": _full(vat), "paid": _full(paid)}


def _full(found: Sums) -> Sums:
    """The non-zero figures of each row (both sides are compared so)."""
    return {k: {n: v for n, v in c.items() if v} for k, c in found.items()}


def _stored(conn: Any, tenant: str) -> dict[str, Any]:
    def rows(sql: str, width: int, names: tuple[str, ...]) -> dict[tuple, dict[str, int]]:
        found = {}
        for row in conn.execute(text(sql), {"t": tenant}):
            values = {n: int(v) for n, v in zip(names, row[width:], strict=True) if v}
            found[tuple(row[:width])] = values
        return found

    return {
        "days": rows(
            "SELECT register_id, day, kind, num, amount, ex_vat, rounding, discount_num, "
            "discount_amount FROM takings_days WHERE tenant_id = :t",
            3,
            ("num", "amount", "ex_vat", "rounding", "discount_num", "discount_amount"),
        ),
        "vat": rows(
            "SELECT register_id, day, kind, vat_class, gross, vat FROM takings_vat "
            "WHERE tenant_id = :t",
            4,
            ("gross", "vat"),
        ),
        "paid": rows(
            "SELECT register_id, day, kind, means, negative, num, amount FROM takings_payments "
            "WHERE tenant_id = :t",
            5,
            ("num", "amount"),
        ),
    }


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(chunks=_chunks)
def test_the_figures_are_those_of_every_receipt_however_stored_and_read(world, chunks):
    tenant, device = f"t_{uuid.uuid4().hex}", f"d_{uuid.uuid4().hex}"
    engine = world.central.engine
    seq = 0
    every: list[dict[str, Any]] = []
    for receipts, read_after in chunks:
        rows = [
            {
                "tenant_id": tenant,
                "type": r["type"],
                "payload": {k: v for k, v in r.items() if k != "type"},
            }
            for r in receipts
        ]
        rows.append({"tenant_id": None, "type": "till.opened", "payload": {"float": 100}})
        for n, row in enumerate(rows, start=seq + 1):
            row["seq"] = n
        with scoped(engine, Scope.admin()) as conn:
            conn.execute(text(_INSERT), {"rows": json.dumps(rows), "device": device})
        seq += len(rows)
        every += receipts
        if read_after:
            with scoped(engine, Scope("tenant", (tenant,))) as conn:
                bring_up_to_date(conn)
    with scoped(engine, Scope("tenant", (tenant,))) as conn:
        bring_up_to_date(conn)
        stored = _stored(conn, tenant)
    assert stored == _expected(every)


def test_the_migration_either_way_keeps_every_receipt_counted_once(world):
    from alembic import command

    from server.db import alembic_config

    a, central = world.a, world.central
    counted = "SELECT COALESCE(sum(num), 0) FROM takings_days"
    trigger = "SELECT count(*) FROM pg_trigger WHERE tgname = 'events_takings'"
    assert central.scalar(counted) == 0  # the world's four sales are noted, not yet read
    central.engine.dispose()
    command.downgrade(alembic_config(central.url), "s0010")  # folds the notes, trigger back
    assert (central.scalar(counted), central.scalar(trigger)) == (4, 1)
    assert central.scalar("SELECT to_regclass('takings_pending') IS NULL") is True
    central.engine.dispose()
    command.upgrade(alembic_config(central.url), "head")
    assert (central.scalar(counted), central.scalar(trigger)) == (4, 0)
    assert a.push(world.client, [sale_event(4, a.tenant_id, a.marker)]).status_code == 200
    assert central.scalar(counted) == 4  # noted only
    with scoped(central.engine, Scope.admin()) as conn:
        assert bring_up_to_date(conn) == 1
    assert central.scalar(counted) == 5
