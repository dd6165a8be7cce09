"""The names the login shows before the store is opened: read without SQLAlchemy, and nothing
(never an error) when they cannot be read."""

from __future__ import annotations

from pathlib import Path

from pos.adapters.db import DB_FILE
from pos.adapters.login_names import names_at_start
from pos.counter import open_counter
from pos.demo.centre import seed_demo


def test_the_centre_and_register_names_of_a_set_up_store(tmp_path: Path) -> None:
    with open_counter(tmp_path / "data") as counter:
        seed_demo(counter.uow, counter.signer())
        with counter.uow.read() as uow:
            centre = uow.meta.get_meta("centre_name")
            register = uow.registers.register_name(counter.register_id())
    assert names_at_start(tmp_path / "data") == (centre, register)


def test_no_names_without_a_set_up_store_or_from_a_damaged_file(tmp_path: Path) -> None:
    assert names_at_start(tmp_path / "none") is None
    with open_counter(tmp_path / "empty"):  # migrated, no centre yet
        pass
    assert names_at_start(tmp_path / "empty") is None
    garbage = tmp_path / "garbage"
    garbage.mkdir()
    (garbage / DB_FILE).write_bytes(b"not a database" * 100)
    assert names_at_start(garbage) is None
