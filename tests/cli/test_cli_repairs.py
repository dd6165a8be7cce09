"""``repair-intake`` and ``repairs`` run as a user would."""

from tests.cli.test_cli import run


def test_a_repair_taken_in_on_the_command_line_shows_on_the_board(tmp_path):
    run(tmp_path, "demo")
    args = [
        "repair-intake",
        "--tenant",
        "14",
        "--staff",
        "2001",
        "--pin",
        "2345",
        "--customer",
        "Åse Berg",
        "--phone",
        "412 34 567",
        "--consent",
        "--item",
        "Tandberg radio",
        "--fault",
        "Ingen lyd",
        "--estimate",
        "450",
    ]
    refused = run(tmp_path, *args, check=False)
    assert refused.returncode == 2 and "vilkårene" in refused.stderr
    ticket = run(tmp_path, *args, "--terms-accepted").stdout.strip()
    assert ticket.startswith("R") and len(ticket) == 8
    board = run(tmp_path, "repairs", "--search", "åse").stdout
    assert board.startswith(ticket) and "Mottatt" in board and "412 34 567" in board
    bad = run(tmp_path, *args, "--terms-accepted", "--phone", "1234", check=False)
    assert bad.returncode == 2 and "telefonnummer" in bad.stderr
    assert run(tmp_path, "repairs", "--status", "nonsense", check=False).returncode == 2
