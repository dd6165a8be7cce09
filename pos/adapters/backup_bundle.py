"""One backup file: a ZIP holding what a restore on this or another PC needs.

- ``manifest.json``: the format, when and why it was taken, the register, the app version and
  the store's number heads (journal head, signature chains, receipt series), so a restore can
  say what it would replace without unpacking the store;
- ``store.sqlite3``: a consistent copy of the store (SQLite's online backup API), scrubbed of the
  device token, deflated (level 1: about a third of the size, ~100 MB/s);
- ``keys/rsa-vN.pub.pem``: every public key version, so signatures verify anywhere;
- ``photos/…``: the repair photos (kept as they are: JPEGs do not compress);
- ``pages.digest``: a digest of every page of the store as it was copied (before the token was
  scrubbed), what a later differential backup is compared with.

A ``differential`` backup (``pos/adapters/backup_pages.py``) holds ``pages.bin`` instead of the
store: the pages that differ from its ``base``, a full backup in the same folder, and only the
photos the base lacks; the keys and the manifest as above.

The private signing key is not in it (docs/security.md): a restore elsewhere signs with a new
key version.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import zipfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from pos.adapters.backup_pages import apply_pages
from pos.numbering import Heads

FORMAT = 1
MANIFEST = "manifest.json"
STORE_MEMBER = "store.sqlite3"
DIGESTS_MEMBER = "pages.digest"
PAGES_MEMBER = "pages.bin"
FULL, DIFFERENTIAL = "full", "differential"
KEYS_PREFIX = "keys/"
PHOTOS_PREFIX = "photos/"
PUBLIC_KEY_NAME = "rsa-v{version}.pub.pem"
_CHUNK = 1 << 20


@dataclass(frozen=True)
class Manifest:
    taken: str
    reason: str
    register_id: str
    heads: Heads
    app_version: str = ""
    kind: str = "full"
    store_bytes: int = 0
    key_versions: tuple[str, ...] = ()
    photos: int = 0
    private_key: str = "none"
    """How the signing key travels: ``none`` (a restore elsewhere makes a new key version)."""
    base: str = ""
    """A differential's full backup (its file name, in the same folder)."""
    page_size: int = 0
    page_count: int = 0
    """A differential's store: the page size and how many pages it has."""

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "kind": self.kind,
            "taken": self.taken,
            "reason": self.reason,
            "register_id": self.register_id,
            "app_version": self.app_version,
            "store_bytes": self.store_bytes,
            "heads": self.heads.to_json(),
            "key_versions": list(self.key_versions),
            "photos": self.photos,
            "private_key": self.private_key,
            **(
                {"base": self.base, "page_size": self.page_size, "page_count": self.page_count}
                if self.kind == DIFFERENTIAL
                else {}
            ),
        }

    @staticmethod
    def from_json(data: Mapping[str, Any]) -> Manifest:
        return Manifest(
            taken=str(data["taken"]),
            reason=str(data["reason"]),
            register_id=str(data.get("register_id", "")),
            heads=Heads.from_json(data.get("heads", {})),
            app_version=str(data.get("app_version", "")),
            kind=str(data.get("kind", "full")),
            store_bytes=int(data.get("store_bytes", 0)),
            key_versions=tuple(data.get("key_versions", ())),
            photos=int(data.get("photos", 0)),
            private_key=str(data.get("private_key", "none")),
            base=str(data.get("base", "")),
            page_size=int(data.get("page_size", 0)),
            page_count=int(data.get("page_count", 0)),
        )


def write_bundle(
    target: Path,
    store: Callable[[IO[bytes]], None],
    manifest: Manifest,
    public_keys: Mapping[str, bytes],
    photos_dir: Path | None,
    *,
    digests: bytes = b"",
    skip_photos: frozenset[str] = frozenset(),
) -> None:
    """Write the bundle to ``target`` (mode 0600 from its first byte) and flush it to disk.
    ``store`` writes the store member (the whole store, or a differential's pages)."""
    photos = [p for p in _photos(photos_dir) if _photo_name(p, photos_dir) not in skip_photos]
    manifest = Manifest(
        **{**manifest.__dict__, "photos": len(photos), "key_versions": tuple(public_keys)}
    )
    member = PAGES_MEMBER if manifest.kind == DIFFERENTIAL else STORE_MEMBER
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), 0o600)
    with os.fdopen(fd, "wb") as raw:
        with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED, allowZip64=True, compresslevel=1) as z:
            z.writestr(MANIFEST, json.dumps(manifest.to_json(), indent=1))
            with z.open(member, "w", force_zip64=True) as out:
                store(out)
            if digests:
                z.writestr(DIGESTS_MEMBER, digests)
            for version, pem in sorted(public_keys.items()):
                name = KEYS_PREFIX + PUBLIC_KEY_NAME.format(version=version)
                z.writestr(name, pem, compress_type=zipfile.ZIP_STORED)
            for photo in photos:
                name = _photo_name(photo, photos_dir)
                z.write(photo, name, compress_type=zipfile.ZIP_STORED)
        raw.flush()
        os.fsync(raw.fileno())


def copy_file(path: Path) -> Callable[[IO[bytes]], None]:
    """A ``store`` writer for ``write_bundle``: the file at ``path``, as it is."""

    def write(out: IO[bytes]) -> None:
        with open(path, "rb") as source:
            shutil.copyfileobj(source, out, _CHUNK)

    return write


def _photo_name(photo: Path, photos_dir: Path | None) -> str:
    assert photos_dir is not None
    return PHOTOS_PREFIX + photo.relative_to(photos_dir).as_posix()


def _photos(photos_dir: Path | None) -> list[Path]:
    if photos_dir is None or not photos_dir.is_dir():
        return []
    return sorted(p for p in photos_dir.rglob("*") if p.is_file())


def read_manifest(bundle: Path) -> Manifest:
    with zipfile.ZipFile(bundle) as z:
        return Manifest.from_json(json.loads(z.read(MANIFEST)))


def read_digests(bundle: Path) -> bytes:
    """A full backup's page digests (empty: a backup made before they were kept)."""
    with zipfile.ZipFile(bundle) as z:
        return z.read(DIGESTS_MEMBER) if DIGESTS_MEMBER in z.namelist() else b""


def photo_names(bundle: Path) -> frozenset[str]:
    with zipfile.ZipFile(bundle) as z:
        return frozenset(n for n in z.namelist() if n.startswith(PHOTOS_PREFIX))


class FullBackupMissing(FileNotFoundError):
    """A differential backup whose full backup is not beside it: not damaged, incomplete."""

    def __init__(self, base: Path) -> None:
        super().__init__(errno.ENOENT, "its full backup is missing", str(base))
        self.base = base


def base_of(bundle: Path) -> Path | None:
    """A differential backup's full backup (None for a full one); it must be beside it."""
    manifest = read_manifest(bundle)
    if manifest.kind != DIFFERENTIAL:
        return None
    base = bundle.with_name(manifest.base)
    if not base.is_file():
        raise FullBackupMissing(base)
    return base


def extract_store(bundle: Path, target: Path) -> None:
    """Unpack the store to ``target`` (0600, flushed): a full backup's copy, or a differential's
    full backup with the differential's pages written over it. The ZIP's CRC catches a damaged
    copy."""
    base = base_of(bundle)
    if base is None:
        _extract_copy(bundle, target)
        return
    manifest = read_manifest(bundle)
    _extract_copy(base, target)
    with zipfile.ZipFile(bundle) as z, z.open(PAGES_MEMBER) as pages:
        apply_pages(target, pages, manifest.page_size, manifest.page_count)


def _extract_copy(bundle: Path, target: Path) -> None:
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), 0o600)
    with os.fdopen(fd, "wb") as out, zipfile.ZipFile(bundle) as z, z.open(STORE_MEMBER) as src:
        shutil.copyfileobj(src, out, _CHUNK)
        out.flush()
        os.fsync(out.fileno())


def public_keys_in(bundle: Path) -> dict[str, bytes]:
    """The public keys a bundle carries, by version."""
    found = {}
    with zipfile.ZipFile(bundle) as z:
        for name in z.namelist():
            if name.startswith(KEYS_PREFIX) and name.endswith(".pub.pem"):
                version = name[len(KEYS_PREFIX) + len("rsa-v") : -len(".pub.pem")]
                found[version] = z.read(name)
    return found


def extract_photos(bundle: Path, photos_dir: Path) -> int:
    """Put the bundle's photos back, and a differential's base's (those already there are left
    alone); returns how many."""
    base = base_of(bundle)
    return _extract_photos(bundle, photos_dir) + (
        _extract_photos(base, photos_dir) if base is not None else 0
    )


def _extract_photos(bundle: Path, photos_dir: Path) -> int:
    count = 0
    with zipfile.ZipFile(bundle) as z:
        for name in z.namelist():
            if not name.startswith(PHOTOS_PREFIX) or name.endswith("/"):
                continue
            relative = Path(name[len(PHOTOS_PREFIX) :])
            if relative.is_absolute() or ".." in relative.parts:
                continue  # never outside the photos folder
            target = photos_dir / relative
            if not target.exists():
                target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
                target.write_bytes(z.read(name))
                count += 1
    return count
