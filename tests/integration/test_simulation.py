"""``simulate`` is a demo tool: only on a demo store, acting as its staff without PINs, writing
history only after the store's last record and closed days, and repairs that end as they do in
a real workshop (about a third unrepaired, both ORDS outcomes)."""

from __future__ import annotations

import csv
from datetime import datetime

import pytest

from pos.clock import OSLO, SteppingClock
from pos.counter import open_counter
from pos.demo.centre import NotADemoStore, seed_demo
from pos.demo.simulation import Simulation
from pos.demo.simulation_days import SimulationBackdates
from pos.services import reports, setup, staff
from pos.services.context import TillContext
from pos.services.repair_outcome import export_ords

MORNING = datetime(2026, 3, 2, 9, 0, tzinfo=OSLO)


def test_a_real_centre_is_refused(tmp_path):
    with open_counter(tmp_path) as counter:
        setup.add_tenant(
            counter.uow, code="10", name="Ekte Ombruk AS", org_no="921100116", vat_registered=True
        )
        with pytest.raises(NotADemoStore) as refused:
            Simulation(counter.uow, counter.signer(), "K1", seed=1)
    assert "simulate" in refused.value.message("nb")


def test_the_demo_staff_act_without_their_pins(counter, manager, clock):
    boss = TillContext("K1", manager, counter.signer(), clock)
    staff.set_pin(counter.uow, boss, "1001", "86420")
    staff.set_pin(counter.uow, boss, "9001", "97531")
    stats = Simulation(counter.uow, counter.signer(), "K1", seed=3).run(1, 15)
    assert stats.sales > 5 and stats.days == ["2026-03-03"]


def test_history_continues_after_the_last_record_and_never_backdates(tmp_path):
    with open_counter(tmp_path) as counter:
        seed_demo(counter.uow, counter.signer(), clock=SteppingClock(MORNING))
        first = Simulation(counter.uow, counter.signer(), "K1", seed=1, close_days=True)
        assert first.run(2, 10).days == ["2026-03-02", "2026-03-03"]
        with pytest.raises(SimulationBackdates) as refused:
            Simulation(counter.uow, counter.signer(), "K1", seed=2, start=MORNING)
        assert "2026-03-02 09:00" in refused.value.message("nb")
        later = Simulation(counter.uow, counter.signer(), "K1", seed=2, close_days=True)
        assert later.clock.current.date().isoformat() == "2026-03-04"
        assert later.run(1, 10).days == ["2026-03-04"]
        manager = TillContext("K1", later.manager, counter.signer(), later.clock)
        open_days = {d.business_date for d in reports.open_days(counter.uow, manager)}
        assert open_days == {"2026-03-04"}  # every earlier day has its own Z


def test_about_a_third_of_repairs_end_unrepaired_and_ords_gets_both_outcomes(tmp_path):
    with open_counter(tmp_path / "data") as counter:
        seed_demo(counter.uow, counter.signer(), clock=SteppingClock(MORNING))
        stats = Simulation(counter.uow, counter.signer(), "K1", seed=11).run(20, 60).repairs
        ended = stats.collected + stats.not_repaired + stats.end_of_life
        assert ended >= 20
        assert stats.not_repaired and stats.end_of_life
        assert 0.2 <= (stats.not_repaired + stats.end_of_life) / ended <= 0.5
        done = export_ords(counter.uow, "2026-03-01", "2026-03-31", tmp_path / "ords.csv")
    with open(done.path, encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    statuses = [r["repair_status"] for r in rows]
    assert {"Fixed", "Repairable", "End of life"} <= set(statuses)
    assert all(
        r["repair_barrier_if_end_of_life"] for r in rows if r["repair_status"] == "End of life"
    )
