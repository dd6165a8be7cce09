"""A reader that closes the output early (``verify-journal | head``) ends the command quietly:
no "unexpected error", no traceback, an exit code of its own (141, as SIGPIPE gives in a shell),
for every command."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.cli.test_cli import run
from tests.faketime import PROJECT_ROOT


def with_stdout_closed(data_dir, *args: str) -> subprocess.CompletedProcess[str]:
    """The command writing into a pipe whose reader has already gone."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        return subprocess.run(
            [sys.executable, str(PROJECT_ROOT / "main.py"), "--data-dir", str(data_dir), *args],
            stdout=write_end, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
            text=True, cwd=PROJECT_ROOT, timeout=300,
        )  # fmt: skip
    finally:
        os.close(write_end)


@pytest.mark.parametrize("command", [["verify-journal"], ["tenants"], ["till-status"]])
def test_a_closed_output_is_not_an_unexpected_error(tmp_path, command):
    run(tmp_path, "demo")
    done = with_stdout_closed(tmp_path, *command)
    assert "Uventet feil" not in done.stderr and "Traceback" not in done.stderr, done.stderr
    assert "BrokenPipe" not in done.stderr and "Exception ignored" not in done.stderr
    assert done.returncode == 141, done.stderr
