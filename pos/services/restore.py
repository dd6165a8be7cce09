"""Putting a backup in place of the store, without losing or repeating anything on the legal
record.

1. ``RestoreSession`` takes the data directory's lock (the till cannot run meanwhile), picks the
   backup (the one given, or the newest that passes ``integrity_check``), unpacks and checks it,
   and says what it would replace: how many signed receipts the register has given out beyond
   the backup (from the high-water mark and the current store), how many of those can still
   be read and brought back, and how many Z reports the backup lacks. Where neither this PC
   (no store, no mark) nor a server (not enrolled) knows, it says so and the manager must
   confirm before anything is replaced (journaled). A backup of another counter (enrolled as
   another device than the store it would replace) is refused: two registers would be mixed.
2. A manager approves with staff number and PIN (checked in the current store if it is sound
   and holds a counter's history, else in the backup's: an empty store, made by a command run
   on a new PC's empty folder, counts as none).
3. ``run``: what can be read from the current store beyond the backup is read, its journal tail
   exported; the current file is kept beside as ``omigjen.sqlite3.replaced-<time>``; the backup
   goes in place; in one transaction the journal gets the restore (13999 ``restore``: the backup
   file, its journal head, the replaced store's head and the journal numbers skipped), the
   salvaged sales (``pos/services/salvage.py``), then the cash moved, drawer openings and copies
   after the backup (``salvage_events``) and, per tenant, the numbers skipped so every
   series and signature chain continues after the highest ever given out. No receipt made
   before the restore is printed by itself at the next start (its paper was settled on the
   counter before the restore, or its day is gone): the look-up still offers an original no
   print job carried.
4. On a PC that has no signing key (a new PC: backups do not carry the private key) the
   backup's public keys are installed to verify with and a new key version is made (journaled
   13999 ``key_change``); the photos are put back (``restore_keys``).

What it says before and after is ``restore_report``; the salvage is ``salvage`` and its modules.
"""

from __future__ import annotations

import os
from pathlib import Path

from pos import errors
from pos.adapters.backup import (
    UNREADABLE_BACKUP,
    Backup,
    backups,
    backups_in,
    fsync_dir,
    scrub_file,
    store_counter,
    store_enrolled_as,
    store_heads,
    store_holds_history,
    unpack_store,
)
from pos.adapters.backup_bundle import FullBackupMissing
from pos.adapters.db import DB_FILE, make_engine, open_store
from pos.adapters.high_water import HighWaterMark
from pos.adapters.key_files import KeyStore
from pos.adapters.lock import DataDirLock
from pos.adapters.salvage_reader import ReplacedStore
from pos.adapters.store_check import clear_damage_note, integrity_check, quick_check
from pos.clock import OSLO, Clock, Stamp, SystemClock
from pos.errors import (
    BackupDamaged,
    BackupOfAnotherCounter,
    NoBackup,
    PermissionDenied,
    RestoreHistoryUnknown,
)
from pos.model.events import OtherEvent
from pos.model.restore_losses import journal_details
from pos.model.staff import Operator, Permission
from pos.numbering import Heads
from pos.services import auth
from pos.services.continuity import (
    NUMBERING_CHECK_META,
    RESTORED,
    journal_jump,
    record_stamp,
    skip_to,
)
from pos.services.print_queue import NO_PAPER_BEFORE
from pos.services.restore_keys import install_keys_and_photos
from pos.services.restore_report import RestorePreview, RestoreResult
from pos.services.salvage import put_back
from pos.services.salvage_candidates import Candidate, collect
from pos.services.salvage_events import EventCandidate, collect_events, put_back_events
from pos.services.salvage_export import SALVAGE_DIR, export_tail, write_listing
from pos.services.salvage_result import Reason, SalvageResult
from pos.services.salvage_unread import unread_ranges
from pos.unit_of_work import UnitOfWorkFactory

UNPACKED = DB_FILE + ".restoring.partial"


class RestoreSession:
    """One restore, from choosing the backup to the restored store (the module docstring)."""

    def __init__(self, data_dir: Path, backup: Path | None = None, clock: Clock | None = None):
        self.data_dir = data_dir
        self.clock = clock or SystemClock()
        self.lock = DataDirLock(data_dir).acquire()
        try:
            self.preview = self._prepare(backup)
        except BaseException:
            self.close()
            raise

    @property
    def db_path(self) -> Path:
        return self.data_dir / DB_FILE

    @property
    def unpacked(self) -> Path:
        return self.data_dir / UNPACKED

    def close(self) -> None:
        self.unpacked.unlink(missing_ok=True)
        self.lock.release()

    def __enter__(self) -> RestoreSession:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- choosing and checking --------------------------------------------------------------
    def _prepare(self, given: Path | None) -> RestorePreview:
        chosen, passed_over = self._choose(given)
        backup_heads = store_heads(self.unpacked)
        current_problem = quick_check(self.db_path) if self.db_path.exists() else None
        if self.db_path.exists() and current_problem is None:
            _refuse_another_counter(chosen, self.db_path, self.unpacked)
        self.history_here = self.db_path.exists() and (
            current_problem is not None or _holds_history(self.db_path)
        )
        mark = HighWaterMark.open(self.data_dir).heads
        readable: int | None = None
        left: tuple[tuple[str, Reason], ...] = ()
        current = Heads()
        events = 0
        lost = False
        if self.history_here:
            replaced = ReplacedStore(self.db_path)
            try:
                current = replaced.heads() or Heads()
                device_seq = store_counter(self.unpacked, "device_seq")
                candidates = collect(replaced, backup_heads, device_seq)
                after = collect_events(replaced, backup_heads.journal[0], device_seq)
                events = len(after)
                lost = replaced.tail_cut
            finally:
                replaced.close()
            if candidates is not None:
                tried = self._try_salvage(candidates)
                readable, left = len(tried.salvaged), tuple(tried.left)
        high = mark.merged(current)
        return RestorePreview(
            chosen,
            backup_heads,
            high.signed_count(backup_heads),
            readable,
            current_problem,
            tuple(passed_over),
            left_beyond=left,
            new_pc=not KeyStore(self.data_dir / "keys").has_private_key(),
            beyond_known=self.history_here or not mark.is_empty(),
            z_beyond=high.z_reports_beyond(backup_heads),
            last_z_day=high.merged(backup_heads).last_z_day(),
            enrolled=self._backup_enrolled(),
            events_beyond=events,
            records_may_be_lost=lost,
        )

    def _try_salvage(self, candidates: list[Candidate]) -> SalvageResult:
        """What ``run`` would bring back, tried on the unpacked backup and rolled back."""
        engine = make_engine(self.unpacked)
        try:
            uow = UnitOfWorkFactory(engine)
            with uow() as unit:
                register_id = unit.meta.get_meta("register_id") or "K1"
                stamp = Stamp.of(self.clock.now())
                return put_back(unit, candidates, register_id, "", stamp)  # never committed
        finally:
            engine.dispose()

    def _backup_enrolled(self) -> bool:
        engine = make_engine(self.unpacked)
        try:
            return _was_enrolled(UnitOfWorkFactory(engine))
        finally:
            engine.dispose()

    def _choose(self, given: Path | None) -> tuple[Backup, list[tuple[str, str]]]:
        if given is not None:
            found = [b for b in backups_in(given.parent) if b.path.name == given.name]
            if not found:
                raise NoBackup(str(given))
            try:
                problem = self._unpack_and_check(found[0], incomplete_raises=True)
            except FullBackupMissing as missing:
                raise errors.FullBackupMissing(str(given), base=missing.base.name) from None
            if problem:
                raise BackupDamaged(str(given), reason=problem)
            return found[0], []
        passed_over: list[tuple[str, str]] = []
        for candidate in backups(self.data_dir):
            problem = self._unpack_and_check(candidate)
            if problem is None:
                return candidate, passed_over
            passed_over.append((candidate.path.name, problem))
        if passed_over:
            raise BackupDamaged(str(self.data_dir / "backups"), reason=passed_over[0][1])
        raise NoBackup(str(self.data_dir))

    def _unpack_and_check(self, backup: Backup, incomplete_raises: bool = False) -> str | None:
        """What is wrong with the backup (None: it unpacks and passes ``integrity_check``); a
        differential without its full backup raises ``FullBackupMissing`` when asked to."""
        try:
            unpack_store(backup, self.unpacked)
        except FullBackupMissing:
            if incomplete_raises:
                raise
            return "its full backup is missing"
        except UNREADABLE_BACKUP as error:  # a damaged file is passed over as a failed check
            return f"cannot be unpacked: {error}"
        return integrity_check(self.unpacked)

    # -- approving ---------------------------------------------------------------------------
    def authenticate(self, staff_no: str, pin: str) -> Operator:
        """A manager's staff number and PIN: in the current store if sound, else the backup's."""
        sound = self.history_here and self.preview.current_problem is None
        engine = make_engine(self.db_path if sound else self.unpacked)
        try:
            operator = auth.authenticate(UnitOfWorkFactory(engine), staff_no, pin, self.clock)
        finally:
            engine.dispose()
        if not operator.may(Permission.MANAGE):
            raise PermissionDenied(Permission.MANAGE.value)
        return operator

    # -- restoring ---------------------------------------------------------------------------
    def run(self, manager: Operator, history_unknown_confirmed: bool = False) -> RestoreResult:
        """Restore, approved by ``manager``; where nothing knows what the register gave out
        after the backup, only once the manager has confirmed that (journaled)."""
        if not manager.may(Permission.MANAGE):
            raise PermissionDenied(Permission.MANAGE.value)
        if self.preview.needs_confirmation and not history_unknown_confirmed:
            raise RestoreHistoryUnknown()
        stamp, behind = self._stamp()
        label = self.clock.now().astimezone(OSLO).strftime("%Y%m%d-%H%M%S")  # as the screens
        mark = HighWaterMark.open(self.data_dir)
        had_history = not mark.heads.is_empty()
        candidates, events, current, export = self._read_current(label)
        replaced_file = self._swap(label)
        engine = open_store(self.data_dir)
        uow = UnitOfWorkFactory(engine, mark)
        try:
            result = RestoreResult(self.preview, replaced_file)
            high = mark.heads.merged(current)
            register_id = self._restore_in_journal(
                uow, manager, stamp, high, result, (candidates, events), behind
            )
            found = len(result.salvage.salvaged) + len(result.salvage.left)
            result.salvage.unreadable = max(0, self.preview.signed_beyond - found)
            if result.salvage.unreadable:
                with uow.read() as unit:
                    known = set(result.salvage.salvaged) | {n for n, _ in result.salvage.left}
                    result.salvage.unreadable_numbers = unread_ranges(
                        unit, high, self.preview.backup_heads, known
                    )
            if self.preview.records_may_be_lost:
                result.salvage.records_lost_since = self.preview.lost_since
            if export is not None:
                write_listing(export, result.salvage)
            result.photos = install_keys_and_photos(
                self.data_dir, self.preview.backup, uow, register_id, manager, self.clock, result
            )
            result.wait_for_server = not had_history and _was_enrolled(uow)
            if result.wait_for_server:
                with uow() as unit:
                    unit.meta.set_meta(NUMBERING_CHECK_META, "server")
                    unit.commit()
        finally:
            engine.dispose()
            mark.close()
        clear_damage_note(self.data_dir)
        return result

    def _stamp(self) -> tuple[Stamp, dict]:
        """The counter's time on the backup's store, taken before anything is replaced."""
        engine = make_engine(self.unpacked)
        try:
            uow = UnitOfWorkFactory(engine)
            with uow.read() as unit:
                register_id = unit.meta.get_meta("register_id") or "K1"
            return record_stamp(uow, register_id, self.clock)
        finally:
            engine.dispose()

    def _read_current(
        self, label: str
    ) -> tuple[list[Candidate] | None, list[EventCandidate], Heads, Path | None]:
        """Before the current store moves aside: its sales beyond the backup, its cash moved,
        drawer openings and copies after it, and its journal tail (exported to
        ``salvage/<label>``)."""
        if not self.history_here:  # no store, or an empty one: nothing to keep or list
            return [], [], Heads(), None
        replaced = ReplacedStore(self.db_path)
        try:
            current = replaced.heads() or Heads()
            device_seq = store_counter(self.unpacked, "device_seq")
            candidates = collect(replaced, self.preview.backup_heads, device_seq)
            after_seq = self.preview.backup_heads.journal[0]
            events = collect_events(replaced, after_seq, device_seq)
            export = self.data_dir / SALVAGE_DIR / label
            export_tail(export, replaced, after_seq)
        finally:
            replaced.close()
        return candidates, events, current, export

    def _swap(self, label: str) -> Path | None:
        """The backup in place of the store; a store that holds a counter's history is kept
        beside it, an empty one (made by a command run on a new PC's empty folder) is not."""
        kept = None
        if self.db_path.exists() and self.history_here:
            kept = self.db_path.with_name(f"{DB_FILE}.replaced-{label}")
            os.replace(self.db_path, kept)
        for suffix in ("-wal", "-shm"):
            stale = self.db_path.with_name(DB_FILE + suffix)
            if stale.exists() and kept is not None:
                os.replace(stale, kept.with_name(kept.name + suffix))
            stale.unlink(missing_ok=True)
        os.replace(self.unpacked, self.db_path)
        fsync_dir(self.data_dir)
        scrub_file(self.db_path)
        return kept

    def _restore_in_journal(
        self,
        uow: UnitOfWorkFactory,
        manager: Operator,
        stamp: Stamp,
        high: Heads,
        result: RestoreResult,
        found: tuple[list[Candidate] | None, list[EventCandidate]],
        behind: dict,
    ) -> str:
        backup = self.preview.backup
        with uow() as unit:
            register_id = unit.meta.get_meta("register_id") or "K1"
            details = {
                "backup": backup.path.name,
                "backup_taken": backup.taken.isoformat(timespec="seconds"),
                "backup_journal_head": list(self.preview.backup_heads.journal),
                "replaced_journal_head": list(high.journal),
                "replaced_file": result.replaced_file.name if result.replaced_file else None,
                "replaced_store_problem": self.preview.current_problem,
                "signed_beyond_backup": self.preview.signed_beyond,
                "z_reports_beyond_backup": self.preview.z_beyond,
                "last_z_day": self.preview.last_z_day,
                "history_after_backup": self.preview.history_after_backup,
                **behind,
            }
            if self.preview.records_may_be_lost:
                details["records_may_be_lost"] = journal_details(
                    self.preview.lost_since, self.preview.current_problem
                )
            journal_jump(unit, register_id, manager.staff_id, stamp, high, details,
                         kind=OtherEvent.RESTORE)  # fmt: skip
            candidates, events = found
            result.salvage = put_back(unit, candidates or [], register_id, manager.staff_id, stamp)
            put_back_events(unit, events, stamp, result.salvage)
            unit.meta.set_meta(NO_PAPER_BEFORE, stamp.utc_iso)
            result.skipped_signed = skip_to(
                unit, register_id, manager.staff_id, stamp, high, RESTORED
            ).signed
            unit.commit()
        return register_id


def _refuse_another_counter(chosen: Backup, current: Path, unpacked: Path) -> None:
    """A backup of another enrolled counter of the centre put in place of this one's store
    would make this PC a second copy of that register and bury this register's own history:
    refused before anything is touched."""
    here, there = store_enrolled_as(current), store_enrolled_as(unpacked)
    if here is not None and there is not None and here[0] != there[0]:
        raise BackupOfAnotherCounter(chosen.path.name, backup_register=there[1], register=here[1])


def _holds_history(db_path: Path) -> bool:
    """A store with no journal row and no staff is no counter's history: a command run on a
    new PC's empty data folder made it. The restore treats it as no store at all (one that
    cannot be read is treated as history, as a damaged store is)."""
    return store_holds_history(db_path)


def _was_enrolled(uow: UnitOfWorkFactory) -> bool:
    from pos.services.sync_state import enrolment

    return enrolment(uow) is not None
