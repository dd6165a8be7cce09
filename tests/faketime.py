"""Running the real command line at another time with libfaketime (``faketime``, Debian package
``faketime``): the PC's wall clock is set, its monotonic clock is left alone (as on a PC whose
clock is wrong)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from tests.conftest import PROJECT_ROOT


def faketime_env() -> dict[str, str]:
    return {**os.environ, "FAKETIME_DONT_FAKE_MONOTONIC": "1", "TZ": "UTC"}


def main_at(
    moment: str | None,
    data_dir: Path,
    *args: str,
    timeout: float = 300,
    faketime_args: list[str] | None = None,
) -> subprocess.CompletedProcess[str]:
    """``python main.py --data-dir DIR ARGS`` with the wall clock starting at ``moment``
    (``YYYY-MM-DD HH:MM:SS``, UTC), or set by ``faketime_args`` (``["-f", "-2d"]``: two days
    behind and running); neither runs at the real time."""
    assert shutil.which("faketime"), "faketime is missing: bash scripts/system-packages.sh"
    command = [sys.executable, str(PROJECT_ROOT / "main.py"), "--data-dir", str(data_dir), *args]
    prefix = ["faketime", *faketime_args] if faketime_args else []
    if moment:
        prefix = ["faketime", moment]
    return subprocess.run(
        [*prefix, *command],
        capture_output=True,
        text=True,
        cwd=PROJECT_ROOT,
        timeout=timeout,
        env=faketime_env(),
    )


def days_ago(days: int, hour_utc: int, minute: int = 0) -> str:
    """A moment ``days`` before today (UTC), for history that ends before the real now."""
    day = (datetime.now(UTC) - timedelta(days=days)).date()
    return f"{day.isoformat()} {hour_utc:02d}:{minute:02d}:00"
