"""Repair outcomes exported as Open Repair Data Standard CSV: fixed, repairable and end of life
with its barrier, product category mapped, no customer data."""

import csv

import pytest

from pos.model.ords import InvalidOutcome, category_of, scrub
from pos.model.repair import RepairStatus
from pos.services import repair_outcome, repair_status
from tests.integration.repair_helpers import take_in


def test_ended_jobs_are_exported_with_outcome_barrier_and_category(counter, ctx, tmp_path):
    kept = take_in(counter, ctx)
    broken = take_in(
        counter, ctx, category="Kaffetrakter", brand_model="Moccamaster KBG",
        fault="Lekker vann. Ring meg på 912 34 567 eller ola@example.no",
    )  # fmt: skip
    repair_status.change_status(counter.uow, ctx, broken, RepairStatus.DIAGNOSING)
    repair_status.change_status(counter.uow, ctx, broken, RepairStatus.NOT_REPAIRABLE)
    repair_outcome.record_outcome(
        counter.uow, ctx, broken, "end_of_life", barrier=1, year_of_manufacture=2012
    )
    day = ctx.stamp().local_date
    out = repair_outcome.export_ords(counter.uow, day, day, tmp_path / "ords.csv")
    assert out.records == 1  # the open job is not an outcome yet
    with open(out.path, encoding="utf-8") as handle:
        (row,) = list(csv.DictReader(handle))
    assert row["id"] == broken and row["id"] != kept
    assert row["repair_status"] == "End of life"
    assert row["repair_barrier_if_end_of_life"] == "Spare parts not available"
    assert (row["product_category"], row["product_category_id"]) == ("Coffee maker", "36")
    assert row["brand"] == "Moccamaster" and row["year_of_manufacture"] == "2012"
    assert row["product_age"] == str(int(day[:4]) - 2012) and row["country"] == "NOR"
    assert "912" not in row["problem"] and "@" not in row["problem"]
    assert "Ola" not in ",".join(row.values())


def test_a_barrier_belongs_only_to_end_of_life(counter, ctx):
    ticket = take_in(counter, ctx)
    with pytest.raises(InvalidOutcome):
        repair_outcome.record_outcome(counter.uow, ctx, ticket, "fixed", barrier=2)
    with pytest.raises(InvalidOutcome):
        repair_outcome.record_outcome(counter.uow, ctx, ticket, "broken")
    with pytest.raises(InvalidOutcome):
        repair_outcome.record_outcome(counter.uow, ctx, ticket, "fixed", year_of_manufacture=1850)


def test_categories_and_scrubbing():
    assert category_of("Brødrister, to skiver")[1] == "Toaster"
    assert category_of("Sykkel DBS")[1] == "Misc"
    assert scrub("kontakt 41234567 / kari@x.no") == "kontakt [nummer] / [e-post]"


def test_the_cli_exports_simulated_repairs(tmp_path):
    from tests.cli.test_cli import run

    run(tmp_path, "simulate", "--days", "3", "--sales-per-day", "40", "--seed", "4",
        "--start", "2026-03-02")  # fmt: skip
    done = run(tmp_path, "export-ords", "--from", "2026-01-01", "--to", "2026-12-31",
               "--out", str(tmp_path / "ords.csv")).stdout  # fmt: skip
    assert "repairs" in done
    with open(tmp_path / "ords.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert rows and {r["repair_status"] for r in rows} <= {"Fixed", "Repairable", "End of life"}
