"""The counter's commands speak the interface's language: bokmål unless ``--lang en``, in what
``verify-journal`` says and in ``--help`` (argparse's own words included), as a person runs
them (``python main.py …``)."""

from __future__ import annotations

import pytest

from tests.cli.test_cli import run

COMMANDS = ("verify-journal", "z-report", "x-report", "till-open", "till-status", "till-close",
            "till-note", "backup", "restore-backup")  # fmt: skip


@pytest.fixture(scope="module")
def centre(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("centre")
    run(data_dir, "demo")
    return data_dir


def test_verify_journal_speaks_bokmal_unless_english_is_asked_for(centre):
    said = run(centre, "verify-journal").stdout
    assert said.startswith("OK: ") and "journalrader og" in said and "Anker nå: " in said
    assert "verified" not in said and "Anchor now" not in said
    english = run(centre, "--lang", "en", "verify-journal").stdout
    assert "signed receipts verified" in english and "Anchor now: " in english
    assert "kontrollert" not in english


@pytest.mark.parametrize("command", COMMANDS)
def test_help_speaks_bokmal_unless_english_is_asked_for(centre, command):
    said = run(centre, command, "--help").stdout
    assert said.startswith("bruk: ") and "vis denne hjelpen og avslutt" in said
    assert "usage:" not in said and "show this help" not in said
    english = run(centre, "--lang", "en", command, "--help").stdout
    assert english.startswith("usage: ") and "show this help message and exit" in english


def test_the_command_list_and_a_missing_argument_in_bokmal(centre):
    listed = run(centre, "--help").stdout
    assert "steng kassen med blindtelling" in listed and "ta en sikkerhetskopi" in listed
    refused = run(centre, "till-close", check=False)
    assert refused.returncode == 2 and "feil: disse argumentene mangler: --count" in refused.stderr


def test_the_till_and_day_end_commands_answer_in_english_when_asked(centre):
    status = run(centre, "--lang", "en", "till-status", check=False).stdout
    assert status.startswith("Till K1 is open since") and "float" in status
    assert run(centre, "till-status", check=False).stdout.startswith("Kassen K1 er åpen siden")
    missing = run(centre, "--lang", "en", "z-report", "--missing", "--staff", "9001", "--pin",
                  "9999").stdout  # fmt: skip
    assert "today, open" in missing or "No days without a Z report." in missing


def test_the_x_report_and_the_till_close_answer_in_english_when_asked(tmp_path):
    run(tmp_path, "demo")
    staff = ("--staff", "9001", "--pin", "9999")
    x = run(tmp_path, "--lang", "en", "x-report", *staff).stdout
    assert x.startswith("X report  ") and "  register K1  business day " in x
    assert "  sales " in x and " pcs " in x and "grand total net " in x
    assert "salgsdag" not in x and "stk" not in x and "netto" not in x
    assert "\nJournal anchor: " in x and "Journalanker" not in x
    bokmal = run(tmp_path, "x-report", *staff).stdout
    assert bokmal.startswith("X-rapport  ") and "\nJournalanker: " in bokmal
    closed = run(tmp_path, "--lang", "en", "till-close", "--count", "500=3", "--card", "100",
                 "--staff", "9001", "--pin", "9999").stdout  # fmt: skip
    assert closed.startswith("  Cash ") and "expected" in closed and "variance" in closed
    assert "Bank card: recorded 0,00, entered 100,00, difference 100,00" in closed
    assert "Kontanter" not in closed and "registrert" not in closed and "Bankkort" not in closed
    status = run(tmp_path, "till-status", check=False).stdout
    assert status.startswith("Kassen K1 er stengt (siden ") and "Till" not in status
    assert run(tmp_path, "--lang", "en", "till-status", check=False).stdout.startswith(
        "Till K1 is closed (since "
    )


def test_confirm_time_help_has_no_english_line_in_bokmal(centre):
    said = run(centre, "confirm-time", "--help").stdout
    assert "riktig dato og klokkeslett i Norge, 'ÅÅÅÅ-MM-DD TT:MM'" in said
    assert "the real date and time" not in said


def test_every_help_text_of_every_command_has_its_bokmal():
    """A new option's help without bokmål would show as one English line in a bokmål
    counter's --help: each is listed here by command."""
    import argparse

    from cli.help_words import ARGPARSE_NB, HELP_NB
    from cli.main import build_parser

    missing: list[str] = []

    def walk(parser: argparse.ArgumentParser, where: str) -> None:
        for action in parser._actions:
            text = action.help
            if text and text != argparse.SUPPRESS and text not in HELP_NB | ARGPARSE_NB:
                missing.append(f"{where}: {text}")
            if isinstance(action, argparse._SubParsersAction):
                missing.extend(f"{where}: {c.help}" for c in action._choices_actions
                               if c.help and c.help not in HELP_NB)  # fmt: skip
                for name, sub in action.choices.items():
                    walk(sub, name)

    walk(build_parser(), "omigjen-pos")
    assert missing == []
