"""What a restore says before it replaces anything (``RestorePreview``) and what it did
(``RestoreResult``): the CLI and the restore dialog say them in the person's language."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pos.adapters.backup import Backup
from pos.numbering import Heads
from pos.services.salvage_result import Reason, SalvageResult


@dataclass(frozen=True)
class RestorePreview:
    backup: Backup
    backup_heads: Heads
    signed_beyond: int
    """Signed receipts this register gave out beyond the backup (mark and current store)."""
    readable_beyond: int | None
    """Of those, how many the restore brings back: tried on the unpacked backup and rolled
    back, so what is said is what is done (None: the current store cannot be read)."""
    current_problem: str | None
    """Why the current store is not sound (None: it is, or there is none)."""
    passed_over: tuple[tuple[str, str], ...] = ()
    """Newer backups that failed ``integrity_check``: (file name, what SQLite said)."""
    new_pc: bool = False
    """No signing key here: a new key version will be made."""
    beyond_known: bool = True
    """False when this PC holds neither a store nor a high-water mark (a new PC whose old
    mark was not copied): what the register gave out after the backup is unknown here."""
    z_beyond: int = 0
    """Z reports the register took after the backup (mark and current store)."""
    last_z_day: str | None = None
    """The newest business day a Z closed on the register, as far as this PC knows."""
    enrolled: bool = False
    """The backup's store syncs with a server: what this PC cannot know, the server says."""
    left_beyond: tuple[tuple[str, Reason], ...] = ()
    """Readable receipts that would not come back, and why."""
    records_may_be_lost: bool = False
    """The replaced store's journal after the backup cannot be read (wholly or from a damaged
    page on): anything recorded after the backup's time may be lost (``restore_losses``)."""
    events_beyond: int = 0
    """Cash moved, drawer openings and copies recorded after the backup, brought back after
    the sales (``salvage_events``; each named once the restore is done)."""

    @property
    def lost_since(self) -> str:
        """The backup's time, as the manager reads it: from when records may be lost."""
        return self.backup.taken.strftime("%Y-%m-%d %H:%M")

    @property
    def history_after_backup(self) -> str:
        """How what the register did after the backup is known: ``known`` (this PC's mark or
        store), ``server`` (asked at enrolment) or ``unknown_confirmed`` (the manager agreed)."""
        if self.beyond_known:
            return "known"
        return "server" if self.enrolled else "unknown_confirmed"

    @property
    def needs_confirmation(self) -> bool:
        """Nothing here or on a server knows what the register did after the backup: receipt
        and Z numbers may be given out again, a day Z-reported twice. The manager must agree."""
        return not self.beyond_known and not self.enrolled


@dataclass
class RestoreResult:
    preview: RestorePreview
    replaced_file: Path | None
    salvage: SalvageResult = field(default_factory=SalvageResult)
    skipped_signed: int = 0
    new_key_version: str | None = None
    photos: int = 0
    wait_for_server: bool = False
