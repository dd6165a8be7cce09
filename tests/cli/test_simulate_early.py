"""``simulate`` run before the day's opening hours, as a new operator runs it at 07:15: it says
which days got their Z and which asked-for days had no hours yet, agrees with ``z-report
--missing``, makes no demo centre when it simulates nothing, and the made-up sales are never
printed as receipts a crash lost when the window starts (each print would be use of the
register today, and every tenant would need an empty Z)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QApplication

from cli.bootstrap import Settings, open_app
from pos.clock import OSLO, SteppingClock
from tests.faketime import main_at
from ui.app import CounterStart, GuiOptions
from ui.tasks import ImmediatePool, TaskRunner

MORNING = "2026-03-03 06:15:00"  # UTC: 07:15 in Oslo, before the demo's opening hours
LATER = "2026-03-03 06:40:00"
MANAGER = ("--staff", "9001", "--pin", "9999")


def test_simulate_before_opening_says_every_day_has_its_z_as_z_report_does(tmp_path):
    done = main_at(MORNING, tmp_path, "simulate", "--days", "2", "--sales-per-day", "20")
    assert done.returncode == 0, done.stderr
    assert "dagene 2026-03-02 til 2026-03-02:" in done.stdout
    assert "hver dag har sin Z" in done.stdout and "fortsatt åpen" not in done.stdout
    assert "1 av de 2 dagene det ble bedt om hadde ingen åpningstid før nå" in done.stdout
    missing = main_at(LATER, tmp_path, "z-report", "--missing", *MANAGER)
    assert missing.returncode == 0 and "Ingen dager uten Z-rapport" in missing.stdout


def test_simulate_with_nothing_to_simulate_makes_no_demo_centre(tmp_path):
    done = main_at(MORNING, tmp_path, "simulate", "--days", "1")
    assert done.returncode == 1 and "Ingen demosenter ble laget" in done.stderr
    assert main_at(LATER, tmp_path, "tenants").stdout == ""


def test_the_window_does_not_print_simulated_sales_nor_count_them_as_use_today(
    tmp_path, qtbot, qapp
):
    made = main_at(MORNING, tmp_path, "simulate", "--days", "2", "--sales-per-day", "20")
    assert made.returncode == 0, made.stderr
    app = open_app(Settings(tmp_path, printer_url=f"file://{tmp_path / 'paper.bin'}"))
    assert app is not None
    tasks = TaskRunner(ImmediatePool())
    clock = SteppingClock(datetime(2026, 3, 3, 7, 30, tzinfo=OSLO))
    start = CounterStart(app.counter, lambda: app.window_parts(tasks), tasks,
                         GuiOptions(idle_minutes=600, clock=clock))  # fmt: skip
    try:
        qtbot.addWidget(start.start())
        with app.uow.read() as uow:
            jobs = uow.store.rows("SELECT count(*) AS n FROM print_jobs")[0]["n"]
            today = uow.store.rows(
                "SELECT count(*) AS n FROM journal WHERE local_date = '2026-03-03' "
                "AND tenant_id IS NOT NULL"
            )[0]["n"]
    finally:
        start.stop()
        if start.window is not None:
            QApplication.instance().removeEventFilter(start.window.idle)  # type: ignore[union-attr]
            start.window.close()
        app.close()
    assert jobs == 0 and today == 0
    missing = main_at(LATER, tmp_path, "z-report", "--missing", *MANAGER)
    tenants_listed = [ln for ln in missing.stdout.splitlines() if "2026-03-03" in ln]
    assert all("Bua" not in ln and "Kafé" not in ln for ln in tenants_listed), missing.stdout
