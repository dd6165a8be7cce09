"""Opening a counter's data directory: lock, migrated store, signing keys and settings.

Used by the CLI, the GUI, the benchmarks and the tests alike, so they all run the same set-up.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from pos.adapters.db import Engine, open_store
from pos.adapters.lock import DataDirLock
from pos.signing import RSA_METHOD, KeyStore, Signer
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

    def close(self) -> None:
        self.engine.dispose()
        self.lock.release()

    def __enter__(self) -> Counter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_counter(data_dir: Path) -> Counter:
    """Lock the data directory, migrate its store and open its key store."""
    data_dir.mkdir(parents=True, exist_ok=True)
    if os.name != "nt":
        os.chmod(data_dir, 0o700)
    lock = DataDirLock(data_dir).acquire()
    try:
        engine = open_store(data_dir)
    except Exception:
        lock.release()
        raise
    return Counter(data_dir, engine, UnitOfWorkFactory(engine), KeyStore(data_dir / "keys"), lock)
