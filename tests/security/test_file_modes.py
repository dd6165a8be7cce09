"""The counter's secrets on disk are the user's alone: data directory 0700, database (and its WAL
and shared-memory files) 0600, signing keys 0600 in a 0700 folder, backups 0600, even when the
process umask is lax or the files were copied in with loose modes."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from pos.adapters.db import DB_FILE
from pos.counter import open_counter
from pos.demo.centre import seed_demo

pytestmark = pytest.mark.skipif(os.name == "nt", reason="POSIX file modes")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def secrets_of(data_dir: Path) -> dict[Path, int]:
    found = {data_dir: 0o700, data_dir / "keys": 0o700}
    found |= {p: 0o600 for p in (data_dir / "keys").iterdir()}
    found |= {p: 0o600 for p in data_dir.glob(DB_FILE + "*")}
    found |= {p: 0o600 for p in data_dir.glob("high-water.mark")}
    found |= {p: 0o600 for p in (data_dir / "backups").glob("*") if p.is_file()}
    return found


@pytest.fixture
def lax_umask():
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_a_new_counter_keeps_its_store_and_keys_to_its_user(tmp_path, lax_umask):
    data_dir = tmp_path / "data"
    with open_counter(data_dir) as counter:
        seed_demo(counter.uow, counter.signer())
        counter.backup("manual")
        found = secrets_of(data_dir)
        assert {p.name for p in found} >= {
            "data", "keys", "rsa-v1.sealed", "rsa-v1.pub.pem", DB_FILE, DB_FILE + "-wal",
            "high-water.mark",
        }  # fmt: skip
        assert {p: mode(p) for p in found} == found


def test_files_copied_in_with_loose_modes_are_tightened_when_the_counter_opens(tmp_path, lax_umask):
    data_dir = tmp_path / "data"
    with open_counter(data_dir) as counter:
        seed_demo(counter.uow, counter.signer())
    for path in secrets_of(data_dir):
        path.chmod(0o755 if path.is_dir() else 0o644)
    with open_counter(data_dir):
        found = secrets_of(data_dir)
        assert {p: mode(p) for p in found} == found
