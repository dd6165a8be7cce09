"""Running the real command line at another time with libfaketime (Debian package ``faketime``):
the PC's wall clock is set, its monotonic clock is left alone (as on a PC whose clock is wrong).

The library is preloaded directly rather than through the ``faketime`` wrapper, whose shared
semaphore fails now and then when several runs start at once."""

from __future__ import annotations

import glob
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from tests.conftest import PROJECT_ROOT

LIBRARIES = (
    "/usr/lib/*/faketime/libfaketimeMT.so.1",
    "/usr/lib/faketime/libfaketimeMT.so.1",
    "/usr/local/lib/faketime/libfaketimeMT.so.1",
)


def library() -> str:
    found = [path for pattern in LIBRARIES for path in glob.glob(pattern)]
    assert found, "libfaketime is missing: bash scripts/system-packages.sh"
    return found[0]


def faketime_env(setting: str | None) -> dict[str, str]:
    env = {**os.environ, "TZ": "UTC"}
    if setting:
        env.update(LD_PRELOAD=library(), FAKETIME=setting, FAKETIME_DONT_FAKE_MONOTONIC="1")
    return env


def main_at(
    moment: str | None,
    data_dir: Path,
    *args: str,
    timeout: float = 300,
    offset: str | None = None,
    answer: str | None = None,
) -> subprocess.CompletedProcess[str]:
    """``python main.py --data-dir DIR ARGS`` with the wall clock starting at ``moment``
    (``YYYY-MM-DD HH:MM:SS``, UTC) and running on, or set ``offset`` from the real time
    (``"-2d"``: two days behind); neither runs at the real time. ``answer`` is piped to its
    stdin (else it reads an empty one)."""
    setting = f"@{moment}" if moment else offset
    command = [sys.executable, str(PROJECT_ROOT / "main.py"), "--data-dir", str(data_dir), *args]
    return subprocess.run(
        command,
        capture_output=True,
        text=True,
        cwd=PROJECT_ROOT,
        timeout=timeout,
        env=faketime_env(setting),
        **({"input": answer} if answer is not None else {"stdin": subprocess.DEVNULL}),
    )


def days_ago(days: int, hour_utc: int, minute: int = 0) -> str:
    """A moment ``days`` before today (UTC), for history that ends before the real now."""
    day = (datetime.now(UTC) - timedelta(days=days)).date()
    return f"{day.isoformat()} {hour_utc:02d}:{minute:02d}:00"
