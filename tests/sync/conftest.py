"""Fixtures for client sync tests: a counter enrolled with a live central server on loopback."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest

from main import VERSION
from pos.clock import OSLO, SteppingClock
from pos.model.basket import Basket
from pos.model.payment import Tender, TenderKind
from pos.services import checkout, signing_keys
from sync.cycle import SyncCycle
from sync.enrolment import enrol
from tests.central import live_server


@pytest.fixture
def server_url(central) -> Iterator[str]:
    with live_server(central) as url:
        yield url


def public_keys(counter) -> dict[str, str]:
    return signing_keys.public_keys(counter.keys)


@pytest.fixture
def enrolled(counter, central, server_url):
    """The demo counter enrolled at site Asker; its tenants travel with it."""
    enrol(
        counter.uow,
        server_url,
        central.enrolment_code(),
        device_name="K1",
        app_version=VERSION,
        public_keys=public_keys(counter),
    )
    return counter


def cycle(counter, **kwargs) -> SyncCycle:
    """A sync at the tests' day (what a pull journals is dated then, or after the journal's
    last record), unless a test names its clock."""
    clock = SteppingClock(datetime(2026, 3, 2, 10, 15, tzinfo=OSLO))
    return SyncCycle(counter.uow, app_version=VERSION,
                     **{"keys": counter.keys, "clock": clock, **kwargs})  # fmt: skip


def sell(counter, ctx, shelf, n: int = 1) -> None:
    for _ in range(n):
        basket = Basket()
        basket.add(shelf("KAFFE-MED"))
        basket.add(shelf("BOLLE-INNE"))
        checkout.complete_sale(counter.uow, ctx, basket, [Tender(TenderKind.CASH, 10000)])
