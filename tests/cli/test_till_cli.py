"""The till's day from the command line, as a script runs it: ``till-status`` says whether the
till is open, ``till-open`` opens it with a float (a manager; an amount or a count) and kicks the
drawer through the receipt printer, and ``till-close`` closes it again."""

from __future__ import annotations

import json
import sqlite3

from tests.cli.test_cli import run as run_cli
from tests.printers.escpos_decoder import decode

MANAGER = ["--staff", "9001", "--pin", "9999"]


def journal_kinds(data_dir) -> list[tuple[int, int | None, dict]]:
    with sqlite3.connect(data_dir / "omigjen.sqlite3") as db:
        rows = db.execute("SELECT event_code, amount, details FROM journal ORDER BY seq")
        return [(code, amount, json.loads(details)) for code, amount, details in rows]


def test_till_open_status_and_close_from_the_command_line(tmp_path):
    data_dir, printer = tmp_path / "data", tmp_path / "drawer.escpos"
    run_cli(data_dir, "demo")
    run_cli(data_dir, "till-close", "--count", "1000=1,500=1", *MANAGER)
    closed = run_cli(data_dir, "till-status", check=False)
    assert closed.returncode == 1 and "stengt" in closed.stdout

    cashier = run_cli(data_dir, "till-open", "--float", "1500", "--staff", "1001", "--pin",
                      "1234", check=False)  # fmt: skip
    assert cashier.returncode == 2 and "leder" in cashier.stderr
    nothing = run_cli(data_dir, "till-open", "--staff", "9001", "--pin", "9999", check=False)
    assert nothing.returncode == 2 and "--float" in nothing.stderr  # argparse: one is required

    opened = run_cli(data_dir, "--printer", f"file://{printer}", "till-open", "--float",
                     "1 500", *MANAGER)  # fmt: skip
    assert "vekselkasse 1 500,00" in opened.stdout.replace("\xa0", " ")
    assert "Skuffen er åpnet" in opened.stdout
    assert decode(printer.read_bytes()).drawer_kicks  # the drawer was kicked
    assert [e[2]["reason"] for e in journal_kinds(data_dir) if e[0] == 13005][-1] == "float"
    status = run_cli(data_dir, "till-status")
    assert "er åpen" in status.stdout and "Mona Leder" in status.stdout
    again = run_cli(data_dir, "till-open", "--float", "1500", *MANAGER, check=False)
    assert again.returncode == 2 and "allerede åpen" in again.stderr

    run_cli(data_dir, "till-close", "--count", "1000=1,500=1", *MANAGER)
    run_cli(data_dir, "till-open", "--count", "500=2,100=4,20=5", *MANAGER)
    opening = [e for e in journal_kinds(data_dir) if e[2].get("kind") == "till_open"][-1]
    assert opening[1] == 150000 and opening[2]["counted"] == {"50000": 2, "10000": 4,
                                                              "2000": 5}  # fmt: skip
    bad = run_cli(data_dir, "till-open", "--count", "7=1", *MANAGER, check=False)
    assert bad.returncode == 2 and "Traceback" not in bad.stderr


def test_an_offline_printer_opens_the_till_and_says_the_drawer_did_not_open(tmp_path):
    data_dir = tmp_path / "data"
    run_cli(data_dir, "demo")
    run_cli(data_dir, "till-close", "--count", "1000=1,500=1", *MANAGER)
    opened = run_cli(data_dir, "--printer", "tcp://127.0.0.1:9", "till-open", "--float", "1500",
                     *MANAGER)  # fmt: skip
    assert "Skuffen er åpnet" not in opened.stdout
    assert "Skriveren svarte ikke" in opened.stdout
    floats = [e for e in journal_kinds(data_dir) if e[0] == 13005 and e[2]["reason"] == "float"]
    assert floats == []  # the kick did not reach the printer: no drawer opening is journaled
    assert run_cli(data_dir, "till-status").returncode == 0  # open all the same
    opening = [e for e in journal_kinds(data_dir) if e[2].get("kind") == "till_open"][-1]
    assert opening[1] == 150000


def test_till_status_names_who_holds_the_till_after_a_shift_change(tmp_path):
    from cli.bootstrap import Settings, opened
    from pos.model.till_close import BlindCount
    from pos.services import auth, till_day

    data_dir = tmp_path / "data"
    run_cli(data_dir, "demo")
    with opened(Settings(data_dir)) as app:
        kari = app.staff_context("1001", "1234")
        till_day.hand_over(app.uow, kari, BlindCount({100000: 1, 50000: 1}))
    waiting = run_cli(data_dir, "--lang", "en", "till-status").stdout
    assert "(–; handed over by Kari Kasserer, the day opened by " in waiting  # nobody yet
    with opened(Settings(data_dir)) as app:
        auth.log_in(app.uow, app.register_id, "9001", "9999", app.clock())
    status = run_cli(data_dir, "till-status").stdout
    assert "(Mona Leder; overlevert av Kari Kasserer, dagen åpnet av " in status


def test_a_till_close_journals_the_close_and_no_drawer_opening_it_did_not_make(tmp_path):
    """13005 is "drawer opened": the close sends no kick, so it journals the close (13999
    ``till_close``), never an opening; a shift change likewise."""
    from cli.bootstrap import Settings, opened
    from pos.model.till_close import BlindCount
    from pos.services import till_day

    data_dir, printer = tmp_path / "data", tmp_path / "drawer.escpos"
    run_cli(data_dir, "demo")
    with opened(Settings(data_dir)) as app:
        kari = app.staff_context("1001", "1234")
        till_day.hand_over(app.uow, kari, BlindCount({100000: 1, 50000: 1}))
    before = len(journal_kinds(data_dir))
    run_cli(data_dir, "--printer", f"file://{printer}", "till-close", "--count", "1000=1,500=1",
            "--card", "0", "--vipps", "0", *MANAGER)  # fmt: skip
    assert not printer.exists() or not decode(printer.read_bytes()).drawer_kicks
    events = journal_kinds(data_dir)
    closes = [e for e in events if e[2].get("kind") == "till_close"]
    assert len(closes) == 2 and closes[0][2].get("shift_change") is True
    assert [e for e in events if e[0] == 13005 and e[2].get("reason") == "till_close"] == []
    assert [e[0] for e in events[before:] if e[2].get("kind") == "till_close"] == [13999]
