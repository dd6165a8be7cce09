"""Shared fixtures: a real counter in a temporary data directory, seeded with the demo centre."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The signing keys' secret: never this PC's own key store or config folder from a test run (CLI
# subprocesses inherit both). Tests of the OS key store path set a keyring backend themselves.
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")
if "OMIGJEN_SECRET_DIR" not in os.environ:
    import atexit
    import shutil
    import tempfile

    os.environ["OMIGJEN_SECRET_DIR"] = tempfile.mkdtemp(prefix="omigjen-secrets-")
    atexit.register(shutil.rmtree, os.environ["OMIGJEN_SECRET_DIR"], True)

from collections.abc import Iterator  # noqa: E402
from datetime import datetime  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from hypothesis import settings  # noqa: E402

# Property tests check what comes out, never how fast: a per-example deadline fails them at
# random on a busy machine (timings belong in bench/).
settings.register_profile("omigjen", deadline=None)
settings.load_profile("omigjen")

from pos.clock import OSLO, SteppingClock  # noqa: E402
from pos.counter import Counter, open_counter  # noqa: E402
from pos.demo.centre import seed_demo  # noqa: E402
from pos.identifiers import make_in_store_ean13  # noqa: E402
from pos.model.catalogue import Item  # noqa: E402
from pos.model.staff import Operator  # noqa: E402
from pos.services import auth, catalogue  # noqa: E402
from pos.services.context import TillContext  # noqa: E402

PROJECT_ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def clock() -> SteppingClock:
    return SteppingClock(datetime(2026, 3, 2, 10, 15, tzinfo=OSLO))


@pytest.fixture
def counter(tmp_path: Path, clock: SteppingClock) -> Iterator[Counter]:
    with open_counter(tmp_path / "data") as opened:
        seed_demo(opened.uow, opened.signer(), clock=clock)
        yield opened


@pytest.fixture
def cashier(counter: Counter) -> Operator:
    return auth.authenticate(counter.uow, "1001", "1234")


@pytest.fixture
def manager(counter: Counter) -> Operator:
    return auth.authenticate(counter.uow, "9001", "9999")


@pytest.fixture
def ctx(counter: Counter, cashier: Operator, clock: SteppingClock) -> TillContext:
    return TillContext("K1", cashier, counter.signer(), clock)


@pytest.fixture
def boss(counter: Counter, manager: Operator, clock: SteppingClock) -> TillContext:
    """The manager at register K1: back-office changes (prices, terms, tenants, staff)."""
    return TillContext("K1", manager, counter.signer(), clock)


class Shelf:
    """Finds demo items by barcode or by (tenant code, one-off number)."""

    def __init__(self, counter: Counter) -> None:
        self.counter = counter

    def __call__(self, code: str) -> Item:
        return catalogue.find_item(self.counter.uow, code)

    def one_off(self, tenant_code: str, number: int) -> Item:
        return self(make_in_store_ean13(tenant_code, number))


@pytest.fixture
def shelf(counter: Counter) -> Shelf:
    return Shelf(counter)


# -- the central server: a real PostgreSQL started once per test run -------------------------


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[object]:
    from tests.central import start_cluster

    cluster = start_cluster()
    yield cluster
    cluster.stop()


@pytest.fixture
def central(pg_cluster: object) -> Iterator[object]:
    """A fresh, migrated server database and its app (``tests.central.Central``)."""
    from tests.central import Central, fresh_database

    opened = Central.open(fresh_database(pg_cluster))  # type: ignore[arg-type]
    yield opened
    opened.close()
