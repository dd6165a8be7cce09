"""Opening a counter's data directory: lock, migrated store, signing keys and settings.

Used by the CLI, the GUI, the benchmarks and the tests alike, so they all run the same set-up.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from pos.adapters.backup import (
    backups,
    damage,
    full_check,
    has_backup_since,
    restore,
    take_backup,
)
from pos.adapters.db import DB_FILE, Engine, checkpoint, open_store
from pos.adapters.key_files import KeyStore
from pos.adapters.lock import DataDirLock
from pos.errors import NoBackup, StoreDamaged
from pos.signing import RSA_METHOD, Signer
from pos.unit_of_work import UnitOfWorkFactory

DEFAULT_REGISTER = "K1"


@dataclass
class Counter:
    data_dir: Path
    engine: Engine
    uow: UnitOfWorkFactory
    keys: KeyStore
    lock: DataDirLock

    def signer(self) -> Signer:
        with self.uow.read() as uow:
            method = uow.store.get_meta("signature_method") or RSA_METHOD
        return self.keys.signer(method)

    def register_id(self) -> str:
        with self.uow.read() as uow:
            return uow.store.get_meta("register_id") or DEFAULT_REGISTER

    def backup(self, reason: str, now: datetime | None = None) -> Path:
        """A consistent copy of the store in ``<data dir>/backups`` (after each Z, daily)."""
        return take_backup(self.data_dir / DB_FILE, self.data_dir, reason, now or datetime.now())

    def backup_if_due(self, now: datetime | None = None) -> Path | None:
        """The daily backup, unless one was taken today already. Checks every page first, so
        damage is found while the previous backups are still good."""
        moment = now or datetime.now()
        midnight = moment.replace(hour=0, minute=0, second=0, microsecond=0)
        if has_backup_since(self.data_dir, midnight):
            return None
        problem = full_check(self.data_dir / DB_FILE)
        if problem is not None:
            raise StoreDamaged(str(self.data_dir), reason=problem, backup=_latest(self.data_dir))
        return self.backup("daily", moment)

    def checkpoint(self) -> None:
        """Copy the WAL into the database now, without blocking the till (PASSIVE): run from
        a background task when idle, so sales rarely pay for it."""
        checkpoint(self.engine)

    def close(self) -> None:
        self.engine.dispose()
        self.lock.release()

    def __enter__(self) -> Counter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _latest(data_dir: Path) -> str:
    found = backups(data_dir)
    return str(found[0].path) if found else "ingen / none"


def restore_latest(data_dir: Path, backup: Path | None = None) -> Path:
    """Put the newest (or the given) backup in place of a damaged store; returns the backup used.
    Holds the data directory's lock, so the till cannot be running meanwhile."""
    with DataDirLock(data_dir):
        chosen = backup or (backups(data_dir)[0].path if backups(data_dir) else None)
        if chosen is None or not chosen.is_file():
            raise NoBackup(str(data_dir))
        restore(data_dir / DB_FILE, chosen, datetime.now())
    return chosen


def keep_private(data_dir: Path) -> None:
    """The data directory and the keys folder 0700, the store (with its WAL and shared-memory
    files) and every key 0600: also when they were copied in or restored with looser modes."""
    if os.name == "nt":  # the user's profile folder is private by its ACL
        return
    os.chmod(data_dir, 0o700)
    keys = data_dir / "keys"
    if keys.is_dir():
        os.chmod(keys, 0o700)
        for key in keys.iterdir():
            if key.is_file():
                os.chmod(key, 0o600)
    for path in data_dir.glob(DB_FILE + "*"):
        if path.is_file():
            os.chmod(path, 0o600)


def open_counter(data_dir: Path) -> Counter:
    """Lock the data directory, migrate its store and open its key store."""
    data_dir.mkdir(parents=True, exist_ok=True)
    keep_private(data_dir)
    lock = DataDirLock(data_dir).acquire()
    try:
        problem = damage(data_dir / DB_FILE)
        if problem is not None:
            raise StoreDamaged(str(data_dir), reason=problem, backup=_latest(data_dir))
        engine = open_store(data_dir)
    except Exception:
        lock.release()
        raise
    return Counter(data_dir, engine, UnitOfWorkFactory(engine), KeyStore(data_dir / "keys"), lock)
