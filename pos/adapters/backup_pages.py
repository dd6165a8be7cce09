"""Backups by page: a full backup records a digest of every page of the store, and a
differential backup holds only the pages that differ from its full backup's, so a day of sales
costs a day of pages, not the whole history again.

A differential is read from the store file itself, while the till may keep selling: the WAL is
checkpointed into the file, and a read transaction begun on an empty WAL holds SQLite's
read-lock 0, which stops any later checkpoint from writing into the file until it ends: the
file is then exactly the snapshot, page for page (new sales go to the WAL meanwhile). When the
till writes between the checkpoint and the transaction, it is tried again, and after a few
tries the caller takes a full backup instead.

Restoring a differential: its full backup's store, then every page of the differential written
at its place, then the file cut to the differential's page count.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import struct
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

DIGEST_BYTES = 8
"""A truncated SHA-256 per page: a changed page taken for unchanged is a 2**-64 chance."""
_RECORD = struct.Struct(">I")
_READ = 1 << 20
SNAPSHOT_TRIES = 5


def _digest(page: bytes | memoryview) -> bytes:
    return hashlib.sha256(page).digest()[:DIGEST_BYTES]


def page_size_of(path: Path) -> int:
    with open(path, "rb") as handle:
        header = handle.read(100)
    size = int.from_bytes(header[16:18], "big")
    return 65536 if size == 1 else size


def page_digests(path: Path) -> bytes:
    """Every page's digest, in page order."""
    size = page_size_of(path)
    found = bytearray()
    for page in _pages(path, size):
        found += _digest(page)
    return bytes(found)


def _pages(path: Path, size: int) -> Iterator[memoryview]:
    with open(path, "rb") as handle:
        while True:
            chunk = handle.read(_READ - _READ % size)
            if not chunk:
                return
            view = memoryview(chunk)
            for start in range(0, len(view), size):
                yield view[start : start + size]


@dataclass(frozen=True)
class Snapshot:
    connection: sqlite3.Connection
    """In a read transaction on the snapshot (its reads see exactly the file's pages)."""
    page_size: int
    pages: int


@contextmanager
def frozen_file(db_path: Path) -> Iterator[Snapshot | None]:
    """The store file held still as one consistent snapshot (module docstring); None when the
    till kept writing through every try."""
    wal = db_path.with_name(db_path.name + "-wal")
    db = sqlite3.connect(db_path, timeout=5, isolation_level=None)
    try:
        for _ in range(SNAPSHOT_TRIES):
            busy = db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
            db.execute("BEGIN")
            db.execute("SELECT count(*) FROM sqlite_master").fetchone()
            if not busy and (not wal.exists() or wal.stat().st_size == 0):
                page_size = int(db.execute("PRAGMA page_size").fetchone()[0])
                pages = int(db.execute("PRAGMA page_count").fetchone()[0])
                yield Snapshot(db, page_size, pages)
                return
            db.execute("COMMIT")
            time.sleep(0.2)
        yield None
    finally:
        if db.in_transaction:
            db.execute("COMMIT")
        db.close()


def table_pages(snapshot: Snapshot, table: str) -> set[int]:
    rows = snapshot.connection.execute(
        "SELECT pageno FROM dbstat WHERE name = ?", (table,)
    ).fetchall()
    return {int(r[0]) for r in rows}


@dataclass(frozen=True)
class Delta:
    pages: list[int]
    """The page numbers that differ from the base."""
    digests: bytes
    """The snapshot's digest of every page."""


def changed_pages(db_path: Path, snapshot: Snapshot, base: bytes) -> Delta:
    """Compare every page of the held file with the base's digests."""
    changed: list[int] = []
    digests = bytearray()
    for number, page in enumerate(_pages(db_path, snapshot.page_size), start=1):
        if number > snapshot.pages:
            break
        digest = _digest(page)
        digests += digest
        at = (number - 1) * DIGEST_BYTES
        if base[at : at + DIGEST_BYTES] != digest:
            changed.append(number)
    return Delta(changed, bytes(digests))


def write_pages(out: IO[bytes], db_path: Path, page_size: int, numbers: list[int]) -> None:
    """The pages ``numbers`` of the held file, each after its number (4 bytes, big-endian)."""
    with open(db_path, "rb") as source:
        for number in numbers:
            source.seek((number - 1) * page_size)
            out.write(_RECORD.pack(number))
            out.write(source.read(page_size))


def apply_pages(target: Path, pages: IO[bytes], page_size: int, page_count: int) -> None:
    """Write a differential's pages into ``target`` (its full backup's store), cut it to the
    page count and flush it."""
    fd = os.open(target, os.O_RDWR | getattr(os, "O_BINARY", 0))
    with os.fdopen(fd, "r+b") as out:
        while True:
            head = pages.read(_RECORD.size)
            if not head:
                break
            page = pages.read(page_size)
            if len(head) != _RECORD.size or len(page) != page_size:
                raise ValueError("the differential backup's pages are cut short")
            (number,) = _RECORD.unpack(head)
            if not 1 <= number <= page_count:
                raise ValueError(f"the differential backup names page {number} of {page_count}")
            out.seek((number - 1) * page_size)
            out.write(page)
        out.truncate(page_count * page_size)
        out.flush()
        os.fsync(out.fileno())
