"""Real damage to a real store file, as a failing disk or a bad copy leaves it: bytes flipped
in a table's data pages, in the schema page, or the file cut short. The WAL is copied back
first so the damage hits pages that hold the data."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def settle(db_path: Path) -> int:
    """Checkpoint the WAL into the file (as after a clean stop); returns the page size."""
    db = sqlite3.connect(db_path)
    try:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size = int(db.execute("PRAGMA page_size").fetchone()[0])
    finally:
        db.close()
    for suffix in ("-wal", "-shm"):
        db_path.with_name(db_path.name + suffix).unlink(missing_ok=True)
    return page_size


def table_pages(db_path: Path, table: str) -> list[int]:
    db = sqlite3.connect(db_path)
    try:
        rows = db.execute(
            "SELECT pageno FROM dbstat WHERE name = ? ORDER BY pageno", (table,)
        ).fetchall()
    finally:
        db.close()
    return [int(r[0]) for r in rows]


def flip(db_path: Path, offset: int, count: int) -> None:
    with open(db_path, "r+b") as handle:
        handle.seek(offset)
        data = bytearray(handle.read(count))
        handle.seek(offset)
        handle.write(bytes(b ^ 0xFF for b in data))


def flip_bytes_in_table(db_path: Path, table: str, count: int = 64) -> list[int]:
    """Flip ``count`` bytes at the start of every page of ``table`` (b-tree header and cell
    pointers: what a bad sector does to a page); returns the pages hit."""
    page_size = settle(db_path)
    pages = table_pages(db_path, table)
    for page in pages:
        start = (page - 1) * page_size + (100 if page == 1 else 0)
        flip(db_path, start, count)
    return pages


def damage_schema_page(db_path: Path, count: int = 64) -> None:
    """Flip bytes of page 1 after the file header: the schema's own b-tree."""
    settle(db_path)
    flip(db_path, 100, count)


def truncate(db_path: Path, fraction: float = 0.5) -> None:
    """Cut the file short at a page boundary, as an interrupted copy leaves it."""
    page_size = settle(db_path)
    pages = db_path.stat().st_size // page_size
    with open(db_path, "r+b") as handle:
        handle.truncate(max(1, int(pages * fraction)) * page_size)


def damage_index(db_path: Path, index: str) -> None:
    """Flip the last byte of an index's last page: a record's end, so the b-tree stays well
    formed (``quick_check`` passes) while the index no longer matches its table (only
    ``integrity_check`` finds it)."""
    page_size = settle(db_path)
    page = table_pages(db_path, index)[-1]
    flip(db_path, page * page_size - 1, 1)


def damage_journal_row(db_path: Path, seq: int) -> None:
    """XOR 64 bytes of one journal row (a row with a tenant) from its tenant into its time, in
    the table's own page, as a bad sector inside a record does: the page stays well formed, so
    ``quick_check`` passes, while the row no longer matches its indexes and its time is no
    time."""
    settle(db_path)
    db = sqlite3.connect(db_path)
    try:
        uuid, register, tenant = db.execute(
            "SELECT uuid, register_id, tenant_id FROM journal WHERE seq = ?", (seq,)
        ).fetchone()
    finally:
        db.close()
    data = db_path.read_bytes()
    offset = data.find((uuid + register + tenant).encode())
    assert offset >= 0, "the row's record was not found in the file"
    offset += len(uuid + register)
    with open(db_path, "r+b") as handle:
        handle.seek(offset)
        part = handle.read(64)
        handle.seek(offset)
        handle.write(bytes(b ^ 0x5A for b in part))


def damage_zip_member(bundle: Path, member: str = "store.sqlite3", count: int = 64) -> None:
    """Flip ``count`` bytes in the middle of a ZIP member's data, as a bad disk does to a
    backup: the archive still opens, reading the member fails its CRC (or its deflate)."""
    import struct
    import zipfile

    with zipfile.ZipFile(bundle) as z:
        info = z.getinfo(member)
    with open(bundle, "rb") as handle:
        handle.seek(info.header_offset + 26)
        name_len, extra_len = struct.unpack("<HH", handle.read(4))
    data_start = info.header_offset + 30 + name_len + extra_len
    flip(bundle, data_start + info.compress_size // 2, count)
