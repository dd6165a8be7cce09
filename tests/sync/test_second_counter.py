"""A second counter of the same centre: the server makes each enrolled counter its own register
(K1, K2, ...) with its own label block, a counter keeps its register when re-enrolled with its
own device's code, and a counter claiming a register the site has is refused with nothing
stored. Staff go both ways: a PIN set at one counter opens the other (its hash travels, never
the PIN)."""

# ruff: noqa: F811  (the two-counter fixtures are imported from test_ticket_sync)
from __future__ import annotations

import pytest

from main import VERSION
from pos.counter import open_counter
from pos.demo.centre import seed_demo
from pos.errors import DomainError
from pos.services import auth, staff, sync_state
from pos.services.context import TillContext
from sync.enrolment import enrol
from sync.http import ServerError
from tests.conftest import Shelf
from tests.sync.conftest import cycle, public_keys, sell
from tests.sync.test_recovery import backup
from tests.sync.test_ticket_sync import counter_b, ctx_b, sync  # noqa: F401  (fixtures)


def enrol_with(counter, central, server_url, clock, device_id=None):  # type: ignore[no-untyped-def]
    return enrol(counter.uow, server_url, central.enrolment_code(device_id=device_id),
                 device_name="K", app_version=VERSION, public_keys=public_keys(counter),
                 clock=clock)  # fmt: skip


def test_a_pin_set_at_one_counter_opens_the_other_and_never_travels_in_clear(
    enrolled, counter_b, clock, central
):
    a, b = enrolled, counter_b
    assert auth.authenticate(b.uow, "1001", "1234").name  # pulled with the hash A sent
    manager_b = TillContext("K2", auth.authenticate(b.uow, "9001", "9999"), b.signer(), clock)
    staff.set_pin(b.uow, manager_b, "1001", "80417296")
    sync(b, a)
    assert auth.authenticate(a.uow, "1001", "80417296").staff_no == "1001"
    with pytest.raises(DomainError):
        auth.authenticate(a.uow, "1001", "1234")
    anywhere = (
        "SELECT count(*) FROM events WHERE payload::text LIKE '%80417296%'",
        "SELECT count(*) FROM ref_changes WHERE data::text LIKE '%80417296%'",
    )
    assert [central.scalar(sql) for sql in anywhere] == [0, 0]


def test_fresh_counters_take_the_next_register_and_a_re_enrolled_one_keeps_its_own(
    enrolled, central, server_url, clock, tmp_path
):
    device_id = sync_state.enrolment(enrolled.uow).device_id
    again = enrol_with(enrolled, central, server_url, clock, device_id)
    assert (again.register_id, again.label_block, again.shared) == ("K1", 1, 0)
    with open_counter(tmp_path / "fresh") as fresh:  # an empty data directory
        done = enrol_with(fresh, central, server_url, clock)
        assert (done.register_id, done.label_block, fresh.register_id()) == ("K2", 2, "K2")
        with fresh.uow.read() as uow:
            assert [(r["id"], r["label_block"]) for r in uow.store.registers()] == [("K2", 2)]
    backup(enrolled, tmp_path / "unused")  # this centre's, set up as K1, never sold or labelled
    with open_counter(tmp_path / "unused") as unused:
        done = enrol_with(unused, central, server_url, clock)
        assert (done.register_id, done.label_block, unused.register_id()) == ("K3", 3, "K3")
        with unused.uow.read() as uow:
            blocks = {r["id"]: r["label_block"] for r in uow.store.registers()}
        assert blocks == {"K1": 1, "K3": 3}  # K1's block is one nobody here ever used


def test_a_counter_claiming_a_register_the_site_has_is_refused_and_nothing_is_stored(
    enrolled, central, server_url, clock, tmp_path, ctx, shelf
):
    sell(enrolled, ctx, shelf)
    cycle(enrolled).run()
    backup(enrolled, tmp_path / "copy")  # another PC restored from this counter's backup
    with open_counter(tmp_path / "other") as other:  # another centre's counter, sold as K1
        seed_demo(other.uow, other.signer(), clock=clock)
        sell(other, TillContext("K1", auth.authenticate(other.uow, "1001", "1234"),
                                other.signer(), clock), Shelf(other))  # fmt: skip
    devices, requests_ = "SELECT count(*) FROM devices", "SELECT count(*) FROM tenant_requests"
    before = (central.scalar(devices), central.scalar(requests_))
    for name in ("copy", "other"):
        with open_counter(tmp_path / name) as counter:
            code = central.enrolment_code()
            with pytest.raises(ServerError) as refused:
                enrol(counter.uow, server_url, code, device_name="K1", app_version=VERSION,
                      public_keys=public_keys(counter), clock=clock)  # fmt: skip
            assert refused.value.status == 409
            if name == "copy":  # this centre's counter: its register is another's
                assert refused.value.code == "register_taken"
                assert "register K1" in refused.value.detail
            else:  # another centre: its tenants are none of the site's
                assert refused.value.code == "centre_other"
            assert (central.scalar(devices), central.scalar(requests_)) == before
    with open_counter(tmp_path / "fresh") as fresh:  # the refused code was not used up
        assert enrol(fresh.uow, server_url, code, device_name="K2", app_version=VERSION,
                     public_keys=public_keys(fresh), clock=clock).register_id == "K2"  # fmt: skip
