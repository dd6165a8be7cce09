"""Opening a counter's data directory: lock, checked and migrated store, the high-water mark,
signing keys and settings.

Used by the CLI, the GUI, the benchmarks and the tests alike, so they all run the same set-up.
A store that fails its checks is never opened (``StoreDamaged``: the manager is offered a
restore); a data directory the till cannot write to is ``DataDirectoryReadOnly``.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from pos.adapters.backup_leftovers import remove_leftovers
from pos.adapters.db import DB_FILE, Engine, checkpoint, make_engine, open_store
from pos.adapters.high_water import HighWaterMark, mark_path, read_mark
from pos.adapters.key_files import KeyStore, UnavailableSigner
from pos.adapters.key_vault import KeySealBroken, KeySecretMissing
from pos.adapters.lock import DataDirLock
from pos.adapters.slow_steps import Listener
from pos.adapters.store_check import (
    clear_damage_note,
    file_problem,
    integrity_check,
    is_damage,
    noted_damage,
    quick_check,
)
from pos.clock import OSLO, Clock
from pos.errors import DataDirectoryReadOnly, DomainError, StoreDamaged
from pos.services import outbox_retention
from pos.services.continuity import reconcile_at_start
from pos.services.facts_seal import seal_earlier_receipts
from pos.services.signing_keys import seal_plain_keys
from pos.signing import RSA_METHOD, Signer
from pos.unit_of_work import UnitOfWorkFactory

if TYPE_CHECKING:
    from pos.adapters.backup import Taken

DEFAULT_REGISTER = "K1"


@dataclass
class Counter:
    data_dir: Path
    engine: Engine
    uow: UnitOfWorkFactory
    keys: KeyStore
    lock: DataDirLock
    mark: HighWaterMark

    def signer(self) -> Signer:
        """The signer of new receipts; when its key cannot be opened on this PC (a store
        restored from another PC), a stand-in that refuses to sign with the reason."""
        with self.uow.read() as uow:
            method = uow.meta.get_meta("signature_method") or RSA_METHOD
        try:
            return self.keys.signer(method)
        except (KeySecretMissing, KeySealBroken) as problem:
            versions = self.keys.versions(method)
            return UnavailableSigner(method, versions[-1] if versions else "", problem)

    def register_id(self) -> str:
        with self.uow.read() as uow:
            return uow.meta.get_meta("register_id") or DEFAULT_REGISTER

    def backup(
        self, reason: str, now: datetime | None = None, *, second_place: Path | None = None
    ) -> Taken:
        """A checked, consistent backup in ``<data dir>/backups`` (and the second place)."""
        from pos.services import backups as backup_service  # loaded when first used

        return backup_service.take(self.data_dir, reason, now, second_place=second_place)

    def backup_if_due(self, now: datetime | None = None) -> Taken | None:
        """The day's upkeep at the first start of a day: the outbox events the server
        acknowledged long ago deleted (``outbox_retention``), then the daily backup unless one
        was taken today already. The backup checks every page first, so damage is found while
        the previous backups are still good. ``now``: naive Norwegian time, as backups are
        named (default: the PC's clock)."""
        from pos.services import backups as backup_service

        moment = now.replace(tzinfo=OSLO) if now is not None else datetime.now(OSLO)
        outbox_retention.prune_daily(self.uow, moment)
        return backup_service.backup_if_due(self.data_dir, now)

    def checkpoint(self) -> None:
        """Copy the WAL into the database now, without blocking the till (PASSIVE): run from
        a background task when idle, so sales rarely pay for it."""
        checkpoint(self.engine)

    def close(self) -> None:
        self.engine.dispose()
        self.mark.close()
        self.lock.release()

    def __enter__(self) -> Counter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


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
    for path in [*data_dir.glob(DB_FILE + "*"), mark_path(data_dir)]:
        if path.is_file():
            os.chmod(path, 0o600)


QUICK_CHECK_AT_START_BYTES = 256 * 2**20
"""Up to this size every start checks every page (``quick_check``, about 1.5 ms a MB: 0.4 s).
A larger store (years of history) would keep the cashier waiting for seconds: it starts on the
file and header check, and its pages are checked off the GUI thread by the day's upkeep, before
the daily backup (``Counter.backup_if_due``). Damage found then, or by SQLite in use, is noted;
the next start checks in full and offers the newest good backup."""


def check_store(data_dir: Path) -> None:
    """The store's file, then SQLite's page check (a full check when damage was noted while
    the till ran; none at start for a large store, see above); raises ``StoreDamaged`` naming
    the newest backup."""
    db_path = data_dir / DB_FILE
    mark = read_mark(mark_path(data_dir))
    problem = file_problem(db_path, has_history=mark is not None and not mark.heads.is_empty())
    size = db_path.stat().st_size if problem is None and db_path.exists() else 0
    if size:
        noted = noted_damage(data_dir)
        if noted:
            problem = integrity_check(db_path)
        elif size <= QUICK_CHECK_AT_START_BYTES:
            problem = quick_check(db_path)
        if noted and problem is None:
            clear_damage_note(data_dir)
    if problem is not None:
        raise StoreDamaged(str(data_dir), reason=problem)


def open_counter(
    data_dir: Path, clock: Clock | None = None, on_slow_step: Listener | None = None
) -> Counter:
    """Lock the data directory, check and migrate its store (a slow migration step on a big
    store said to ``on_slow_step`` as it runs), bring the store and the high-water mark into
    step (any rows that takes are stamped by the counter's clock over ``clock``, default the
    system's) and open its key store."""
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        keep_private(data_dir)
        lock = DataDirLock(data_dir).acquire()
    except OSError as error:
        raise read_only(data_dir, error) from error
    try:
        remove_leftovers(data_dir)
        check_store(data_dir)
        engine = open_store(data_dir, on_slow_step)
        mark = HighWaterMark.open(data_dir)
        uow = UnitOfWorkFactory(engine, mark, data_dir=data_dir)
        counter = Counter(data_dir, engine, uow, KeyStore(data_dir / "keys"), lock, mark)
        register_id = counter.register_id()
        reconcile_at_start(uow, mark, register_id, clock)
        seal_plain_keys(uow, counter.keys, register_id, clock)
        seal_earlier_receipts(uow, register_id, clock)
    except DomainError:
        lock.release()
        raise
    except Exception as error:
        lock.release()
        raise _opening_error(data_dir, error) from error
    return counter


def open_for_inspection(data_dir: Path) -> Counter:
    """A store that failed its checks, opened to be read as it is (``verify-journal`` reports
    what it still holds, the damage among its findings): locked, but never migrated, brought
    into step with the high-water mark or written. Nothing sells on it."""
    try:
        lock = DataDirLock(data_dir).acquire()
    except OSError as error:
        raise read_only(data_dir, error) from error
    engine = make_engine(data_dir / DB_FILE)
    mark = HighWaterMark.open(data_dir)
    uow = UnitOfWorkFactory(engine, mark)
    return Counter(data_dir, engine, uow, KeyStore(data_dir / "keys"), lock, mark)


def read_only(data_dir: Path, error: OSError) -> DataDirectoryReadOnly:
    return DataDirectoryReadOnly(str(data_dir), reason=error.strerror or str(error))


def _opening_error(data_dir: Path, error: Exception) -> Exception:
    """What a person is told when opening fails below the checks: damage, or no write access."""
    if is_damage(error):
        return StoreDamaged(str(data_dir), reason=str(error))
    cause: BaseException | None = error
    while cause is not None:
        if isinstance(cause, OSError) and cause.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            return read_only(data_dir, cause)
        if isinstance(cause, sqlite3.OperationalError) and "readonly" in str(cause):
            return DataDirectoryReadOnly(str(data_dir), reason=str(cause))
        cause = cause.__cause__ or getattr(cause, "orig", None)
    return error
