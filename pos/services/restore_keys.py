"""A restore's keys and photos: the backup's public keys installed to verify with, a new
signing key version where this PC has none (a new PC: backups never carry the private key,
journaled 13999 ``key_change``), and the repair photos put back."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pos.adapters.backup import Backup
from pos.adapters.backup_bundle import extract_photos, public_keys_in
from pos.adapters.key_files import KeyStore
from pos.clock import Clock
from pos.model.staff import Operator
from pos.services.context import TillContext
from pos.services.restore_report import RestoreResult
from pos.services.signing_keys import rotate_signing_key
from pos.unit_of_work import UnitOfWorkFactory


def install_keys_and_photos(
    data_dir: Path,
    backup: Backup,
    uow: UnitOfWorkFactory,
    register_id: str,
    manager: Operator,
    clock: Clock,
    result: RestoreResult,
) -> int:
    """Keys and photos from a bundled backup; returns how many photos were put back."""
    if not backup.bundled:
        return 0
    keys = KeyStore(data_dir / "keys")
    for version, pem in public_keys_in(backup.path).items():
        keys.add_public_key(version, pem)
    if not keys.has_private_key():
        ctx = TillContext(register_id, manager, _NoSigner(), clock)
        result.new_key_version = rotate_signing_key(uow, ctx, keys).new_version
    return extract_photos(backup.path, data_dir / "photos")


@dataclass(frozen=True)
class _NoSigner:
    """The context a key rotation is journaled in signs nothing."""

    method: str = "none"
    key_version: str = ""

    def sign(self, data: str) -> str:
        raise PermissionError("nothing is signed while restoring")

    def verify(self, data: str, signature: str) -> bool:
        return False
