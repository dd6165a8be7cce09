"""One backup file: a ZIP holding what a restore on this or another PC needs.

- ``manifest.json``: the format, when and why it was taken, the register, the app version and
  the store's number heads (journal head, signature chains, receipt series), so a restore can
  say what it would replace without unpacking the store;
- ``store.sqlite3``: a consistent copy of the store (SQLite's online backup API), scrubbed of the
  device token, deflated (level 1: about a third of the size, ~100 MB/s);
- ``keys/rsa-vN.pub.pem``: every public key version, so signatures verify anywhere;
- ``photos/…``: the repair photos (kept as they are: JPEGs do not compress).

The private signing key is not in it (docs/security.md): a restore elsewhere signs with a new
key version. ``kind`` is ``full``; an incremental kind would name its base in the manifest.
"""

from __future__ import annotations

import json
import os
import shutil
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pos.numbering import Heads

FORMAT = 1
MANIFEST = "manifest.json"
STORE_MEMBER = "store.sqlite3"
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
        )


def write_bundle(
    target: Path,
    store_copy: Path,
    manifest: Manifest,
    public_keys: Mapping[str, bytes],
    photos_dir: Path | None,
) -> None:
    """Write the bundle to ``target`` (mode 0600 from its first byte) and flush it to disk."""
    photos = _photos(photos_dir)
    manifest = Manifest(
        **{**manifest.__dict__, "photos": len(photos), "key_versions": tuple(public_keys)}
    )
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), 0o600)
    with os.fdopen(fd, "wb") as raw:
        with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED, allowZip64=True, compresslevel=1) as z:
            z.writestr(MANIFEST, json.dumps(manifest.to_json(), indent=1))
            with (
                open(store_copy, "rb") as source,
                z.open(STORE_MEMBER, "w", force_zip64=True) as out,
            ):
                shutil.copyfileobj(source, out, _CHUNK)
            for version, pem in sorted(public_keys.items()):
                name = KEYS_PREFIX + PUBLIC_KEY_NAME.format(version=version)
                z.writestr(name, pem, compress_type=zipfile.ZIP_STORED)
            assert photos_dir is not None or not photos
            for photo in photos:
                relative = photo.relative_to(photos_dir).as_posix()  # type: ignore[arg-type]
                z.write(photo, PHOTOS_PREFIX + relative, compress_type=zipfile.ZIP_STORED)
        raw.flush()
        os.fsync(raw.fileno())


def _photos(photos_dir: Path | None) -> list[Path]:
    if photos_dir is None or not photos_dir.is_dir():
        return []
    return sorted(p for p in photos_dir.rglob("*") if p.is_file())


def read_manifest(bundle: Path) -> Manifest:
    with zipfile.ZipFile(bundle) as z:
        return Manifest.from_json(json.loads(z.read(MANIFEST)))


def extract_store(bundle: Path, target: Path) -> None:
    """Unpack the store to ``target`` (0600, flushed); the ZIP's CRC catches a damaged copy."""
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
    """Put the bundle's photos back (those already there are left alone); returns how many."""
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
