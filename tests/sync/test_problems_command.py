"""The sync problems from the command line, as on the sync page: ``sync --problems`` lists
them, and a manager removes the ones dealt with (``--remove NO|ID|all --staff NO``). A cashier
cannot; a number not in the list removes nothing; an event the server still holds stays listed
until the server stores it."""

# ruff: noqa: F811  (the live server's fixture is imported from tests/sync)
from __future__ import annotations

from datetime import datetime, timedelta

from main import VERSION
from pos.clock import OSLO
from pos.counter import open_counter
from pos.demo.centre import seed_demo
from pos.model.basket import Basket
from pos.model.payment import Tender, TenderKind
from pos.services import auth, checkout, sync_state
from pos.services.context import TillContext
from sync.enrolment import enrol
from tests.conftest import Shelf
from tests.sync.conftest import cycle, public_keys, server_url  # noqa: F401  (fixtures)
from tests.sync.test_cli_and_servers import main_py


def problems(data) -> list[dict[str, object]]:
    with open_counter(data) as counter:
        return sync_state.sync_problems(counter.uow)


def test_a_manager_removes_problems_dealt_with_from_the_command_line(
    central, server_url, clock, tmp_path
):
    central.site(approve_tenants=True)  # the tenants wait for the operator
    data = tmp_path / "counter"
    with open_counter(data) as counter:
        seed_demo(counter.uow, counter.signer(), clock=clock)
        done = enrol(counter.uow, server_url, central.enrolment_code(), device_name="K1",
                     app_version=VERSION, public_keys=public_keys(counter))  # fmt: skip
        cafe = next(t for t in done.offered if t.code == "15")
        central.decide_tenant(cafe.tenant_id)  # the café's sales are stored, others held
        clock.current = datetime.now(OSLO) + timedelta(hours=2)  # the PC's clock ran ahead
        cashier = auth.authenticate(counter.uow, "1001", "1234")
        ctx = TillContext("K1", cashier, counter.signer(), clock)
        for code in ("KAFFE-MED", ("11", 1)):  # the café's: flagged clock_ahead; Bua's: held
            basket = Basket()
            shelf = Shelf(counter)
            basket.add(shelf(code) if isinstance(code, str) else shelf.one_off(*code))
            paid = [Tender(TenderKind.CARD, basket.total)]
            checkout.complete_sale(counter.uow, ctx, basket, paid)
        cycle(counter).run()
        cycle(counter).run()  # the held events are asked about again: still held
    listed = problems(data)
    flagged = [p for p in listed if p["status"] == "flagged"]
    held = [p for p in listed if p["status"] == "rejected"]
    assert [p["code"] for p in flagged] == ["clock_ahead"] and held

    def sync(*args: str):
        done = main_py("--data-dir", str(data), "sync", *args)
        assert "Traceback" not in done.stderr, done.stderr
        return done

    shown = sync("--problems")
    assert shown.returncode == 0
    assert {line.split("\t")[4] for line in shown.stdout.splitlines()} == {
        str(p["event_id"]) for p in listed
    }
    number = str(flagged[0]["device_seq"])
    no_manager = sync("--problems", "--remove", number)
    assert no_manager.returncode == 2 and "krever en leder" in no_manager.stderr
    cashier = sync("--problems", "--remove", number, "--staff", "1001", "--pin", "1234")
    assert cashier.returncode != 0 and cashier.stderr.strip()
    unknown = sync("--problems", "--remove", number, "999999", "--staff", "9001", "--pin", "9999")
    assert unknown.returncode == 2 and "999999" in unknown.stderr
    assert len(problems(data)) == len(listed)  # nothing removed
    removed = sync("--problems", "--remove", number, "--staff", "9001", "--pin", "9999")
    assert removed.returncode == 0, removed.stderr
    assert removed.stdout.startswith("1 problemer fjernet fra listen")
    assert problems(data) == held
    english = main_py("--data-dir", str(data), "--lang", "en", "sync", "--problems", "--remove",
                      "all", "--staff", "9001", "--pin", "9999")  # fmt: skip
    assert english.returncode == 0, english.stderr
    assert english.stdout.startswith("0 problems removed from the list")
    assert f"{len(held)} events are held on the server and stay" in english.stdout
    assert problems(data) == held  # until the server stores them
