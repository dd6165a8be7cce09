"""The counter's and the server's commands are two programs: ``python main.py`` (the counter's
``omigjen-pos``) no longer runs the server, ``python -m server`` (``omigjen-server``) does."""

import os
import subprocess
import sys

from tests.conftest import PROJECT_ROOT


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, cwd=PROJECT_ROOT, timeout=120
    )


def test_the_counter_command_line_has_no_server_commands(tmp_path):
    for command in ("serve", "server-admin"):
        refused = run("main.py", "--data-dir", str(tmp_path), command)
        assert refused.returncode == 2
        assert f"ugyldig valg: '{command}'" in refused.stderr  # argparse's words in bokmål
    help_lines = run("main.py", "--help").stdout.splitlines()
    listed = [line.split()[0] for line in help_lines if line.startswith("    ")]
    assert "z-report" in listed and "serve" not in listed and "server-admin" not in listed


def test_the_server_command_line_serves_and_administers():
    listed = run("-m", "server", "--help")
    assert listed.returncode == 0 and "serve" in listed.stdout and "admin" in listed.stdout
    for spelling in ("admin", "server-admin"):
        tasks = run("-m", "server", spelling, "--help")
        assert tasks.returncode == 0 and "enrolment-code" in tasks.stdout


def test_the_server_needs_a_database_and_says_so():
    for args in (("serve",), ("admin", "admin-token"), ()):
        done = subprocess.run(
            [sys.executable, "-m", "server", *args],
            capture_output=True,
            text=True,
            cwd=PROJECT_ROOT,
            timeout=120,
            env={k: v for k, v in os.environ.items() if k != "OMIGJEN_DATABASE_URL"},
        )
        assert done.returncode == 1
        assert "--database-url (or OMIGJEN_DATABASE_URL) is required" in done.stderr
